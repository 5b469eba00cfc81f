package org.excitrack.sim.magstim;

/**
 * The coil's temperature: each pulse adds heat in proportion to its energy, and the coil cools exponentially
 * towards the room. <b>Ours, not the maker's</b>: Magstim publishes neither a thermal time constant nor a heating
 * rate. Pulse energy follows the Rapid² table (252 J at 100 %, rising with the square of the output: 103 J at
 * 64 %, TDb087 §3); the constants are chosen so that paired pulses at 60 % every 4 s settle near 33 °C, while
 * 100 % every second passes 40 °C within about four minutes. MagPy's simulator starts both windings at 24.0 °C.
 */
final class CoilThermalModel {
    static final double AMBIENT_CELSIUS = 24.0;
    static final double JOULES_AT_FULL_OUTPUT = 252.0;
    static final double KELVIN_PER_JOULE = 3.2e-4;
    static final double COOLING_TIME_CONSTANT_MICROS = 600e6;

    private double celsius = AMBIENT_CELSIUS;
    private long atMicros;

    /** The temperature at {@code nowMicros} (not earlier than the last change). */
    double celsiusAt(long nowMicros) {
        long dt = Math.max(0, nowMicros - atMicros);
        return AMBIENT_CELSIUS + (celsius - AMBIENT_CELSIUS) * Math.exp(-dt / COOLING_TIME_CONSTANT_MICROS);
    }

    void pulse(long nowMicros, int percent) {
        double energy = JOULES_AT_FULL_OUTPUT * (percent / 100.0) * (percent / 100.0);
        set(nowMicros, celsiusAt(nowMicros) + energy * KELVIN_PER_JOULE);
    }

    void set(long nowMicros, double newCelsius) {
        celsius = newCelsius;
        atMicros = nowMicros;
    }
}
