package org.excitrack.device.magstim;

/**
 * A BiStim² A-to-B interval as the stimulator takes it: in 0.1 ms steps up to 99.9 ms (high resolution), else in
 * 1 ms steps up to 999 ms (TDb086 §4.3). High resolution is chosen whenever the interval fits it, so a
 * paired-pulse series from 1 to 99.9 ms never needs the mode switched (which is only allowed while disarmed).
 * Nothing is rounded: an interval on neither grid is refused.
 *
 * @param highResolution whether the interval is in 0.1 ms steps
 * @param steps the value sent with {@code C}
 */
record BiStimInterval(boolean highResolution, int steps) {
    static final long HIGH_RESOLUTION_STEP_MICROS = 100;
    static final long LOW_RESOLUTION_STEP_MICROS = 1_000;
    static final int MAX_STEPS = 999;

    static BiStimInterval forMicros(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("BiStim² interval " + micros + " µs must not be negative");
        }
        if (micros % HIGH_RESOLUTION_STEP_MICROS == 0 && micros / HIGH_RESOLUTION_STEP_MICROS <= MAX_STEPS) {
            return new BiStimInterval(true, (int) (micros / HIGH_RESOLUTION_STEP_MICROS));
        }
        if (micros % LOW_RESOLUTION_STEP_MICROS == 0 && micros / LOW_RESOLUTION_STEP_MICROS <= MAX_STEPS) {
            return new BiStimInterval(false, (int) (micros / LOW_RESOLUTION_STEP_MICROS));
        }
        if (micros > MAX_STEPS * LOW_RESOLUTION_STEP_MICROS) {
            throw new IllegalArgumentException("BiStim² interval " + micros / 1000.0 + " ms is above its 999 ms "
                    + "maximum");
        }
        throw new IllegalArgumentException("BiStim² interval " + micros / 1000.0 + " ms is on neither of its grids: "
                + "0.1 ms steps up to 99.9 ms, 1 ms steps up to 999 ms (nothing is rounded)");
    }

    long micros() {
        return steps * (highResolution ? HIGH_RESOLUTION_STEP_MICROS : LOW_RESOLUTION_STEP_MICROS);
    }
}
