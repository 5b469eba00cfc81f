package org.excitrack.model.tms;

/**
 * Output settings in whole percent of maximum stimulator output (%MSO), the resolution the stimulators accept.
 *
 * @param outputAPercent output A (on a BiStim², stimulator A; on a MagPro, amplitude A)
 * @param outputBPercent output B, 0 on single-output stimulators
 */
public record StimulatorPowers(int outputAPercent, int outputBPercent) {
    public static final int MAX_PERCENT = 100;

    public StimulatorPowers {
        check(outputAPercent, "A");
        check(outputBPercent, "B");
    }

    public static StimulatorPowers single(int percent) {
        return new StimulatorPowers(percent, 0);
    }

    private static void check(int percent, String output) {
        if (percent < 0 || percent > MAX_PERCENT) {
            throw new IllegalArgumentException("output " + output + " power " + percent + " %MSO must lie in 0.."
                    + MAX_PERCENT);
        }
    }
}
