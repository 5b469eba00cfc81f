package org.excitrack.model.tms;

/**
 * The magnetic stimulators Excitrack drives, with what the software must respect for each (tms.md §1, §5).
 *
 * @param maker shown to the operator
 * @param outputs independently powered outputs: A only, or A and B
 * @param defaultBaud the serial rate the stimulator's remote port uses
 * @param minPulseIntervalMicros the shortest time from one discharge (or pair) to the next that the software
 *     allows, whatever the protocol asks; the unit itself may need longer at high power
 */
public enum StimulatorModel {
    MAGSTIM_200("Magstim 200²", 1, 9600, 2_000_000),
    MAGSTIM_BISTIM("Magstim BiStim²", 2, 9600, 4_000_000),
    MAGSTIM_RAPID("Magstim Rapid²", 1, 9600, 1_000_000),
    MAGPRO("MagVenture MagPro", 2, 38400, 1_000_000);

    private final String displayName;
    private final int outputs;
    private final int defaultBaud;
    private final long minPulseIntervalMicros;

    StimulatorModel(String displayName, int outputs, int defaultBaud, long minPulseIntervalMicros) {
        this.displayName = displayName;
        this.outputs = outputs;
        this.defaultBaud = defaultBaud;
        this.minPulseIntervalMicros = minPulseIntervalMicros;
    }

    public String displayName() {
        return displayName;
    }

    public int outputs() {
        return outputs;
    }

    public int defaultBaud() {
        return defaultBaud;
    }

    public long minPulseIntervalMicros() {
        return minPulseIntervalMicros;
    }

    /**
     * Outputs the acquisition unit can fire each by its own trigger line, so that it times a pair itself: both
     * of a BiStim² in independent-trigger mode; one for the others. A MagPro gives a pair only from one trigger,
     * in its Dual or Twin mode with the interval set over its serial link, which sessions do not drive yet.
     */
    public int unitTriggeredOutputs() {
        return this == MAGSTIM_BISTIM ? 2 : 1;
    }

    /** The id used in port URIs: {@code sim:magstim-bistim}, {@code serial:/dev/ttyS0?device=magpro}. */
    public String uriName() {
        switch (this) {
            case MAGSTIM_200:
                return "magstim-200";
            case MAGSTIM_BISTIM:
                return "magstim-bistim";
            case MAGSTIM_RAPID:
                return "magstim-rapid";
            default:
                return "magpro";
        }
    }

    public static StimulatorModel fromUriName(String name) {
        for (StimulatorModel m : values()) {
            if (m.uriName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown magnetic stimulator '" + name
                + "'; expected one of magstim-200, magstim-bistim, magstim-rapid, magpro");
    }
}
