package org.excitrack.sim.magventure;

/**
 * The coil's temperature, ours rather than measured: each pulse adds heat in proportion to the square of its
 * amplitude (energy in the coil goes as current squared), and the coil relaxes exponentially towards the room
 * temperature it started at. Evaluated lazily at the times asked, so it costs nothing between events.
 */
final class CoilThermalModel {
    private final double roomCelsius;
    private final double heatPerFullPulseCelsius;
    private final double coolingTimeConstantMicros;
    private double celsius;
    private long atMicros;

    CoilThermalModel(double startCelsius, double heatPerFullPulseCelsius, double coolingTimeConstantSeconds,
                     long nowMicros) {
        this.roomCelsius = startCelsius;
        this.celsius = startCelsius;
        this.heatPerFullPulseCelsius = heatPerFullPulseCelsius;
        this.coolingTimeConstantMicros = coolingTimeConstantSeconds * 1e6;
        this.atMicros = nowMicros;
    }

    double celsiusAt(long nowMicros) {
        coolTo(nowMicros);
        return celsius;
    }

    void pulse(long nowMicros, int amplitudePercent) {
        coolTo(nowMicros);
        double fraction = amplitudePercent / 100.0;
        celsius += heatPerFullPulseCelsius * fraction * fraction;
    }

    /** Forces the temperature, e.g. for a fault; cooling continues from there. */
    void set(long nowMicros, double toCelsius) {
        coolTo(nowMicros);
        celsius = toCelsius;
    }

    /** Whether the coil is still measurably warmer than the room. */
    boolean aboveRoom(long nowMicros) {
        return celsiusAt(nowMicros) - roomCelsius > 0.5;
    }

    private void coolTo(long nowMicros) {
        if (nowMicros > atMicros) {
            celsius = roomCelsius + (celsius - roomCelsius) * Math.exp(-(nowMicros - atMicros)
                    / coolingTimeConstantMicros);
            atMicros = nowMicros;
        }
    }
}
