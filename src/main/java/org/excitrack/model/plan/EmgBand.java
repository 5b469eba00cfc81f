package org.excitrack.model.plan;

/**
 * The accepted peak-to-peak EMG before a magnetic trial's first pulse, µV: at rest a ceiling (0 to MAX), during a
 * held contraction a band (MIN to MAX), too low meaning the subject is not contracting and too high too strongly.
 *
 * @param minMicrovolts the least accepted, µV (0 at rest)
 * @param maxMicrovolts the most accepted, µV
 */
public record EmgBand(double minMicrovolts, double maxMicrovolts) {
    public EmgBand {
        if (!(minMicrovolts >= 0) || !(maxMicrovolts > minMicrovolts)) {
            throw new IllegalArgumentException("background EMG band " + minMicrovolts + " µV to " + maxMicrovolts
                    + " µV must start at 0 µV or above and end above its start");
        }
    }

    /** A band that asks for a contraction: its lower bound is above zero. */
    public boolean active() {
        return minMicrovolts > 0;
    }
}
