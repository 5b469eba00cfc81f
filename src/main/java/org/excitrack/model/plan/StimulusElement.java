package org.excitrack.model.plan;

import org.excitrack.model.Polarity;

/** One output of a channel, timed from the channel's time zero. */
public sealed interface StimulusElement {
    long onsetMicros();

    /** The tracked test pulse: the session sets its amplitude. Always cathodal. */
    record TestPulse(long onsetMicros, long widthMicros) implements StimulusElement {
    }

    record FixedPulse(long onsetMicros, long widthMicros, Amplitude amplitude, Polarity polarity)
            implements StimulusElement {
    }

    /** Direction follows the amplitude's sign: positive depolarizes (cathodal), negative hyperpolarizes. */
    record PolarizingCurrent(long onsetMicros, long durationMicros, Amplitude amplitude) implements StimulusElement {
    }

    /** The tracked magnetic test stimulus: the session sets its output (%MSO). */
    record MagneticTest(long onsetMicros) implements StimulusElement {
    }

    /** A magnetic pulse at a fixed output or at a share of a magnetic threshold measured earlier. */
    record MagneticPulse(long onsetMicros, Amplitude amplitude) implements StimulusElement {
    }

    /** A current fixed when written, set from a threshold at run time, or supramaximal; or a magnetic output. */
    sealed interface Amplitude {
    }

    /** A magnetic stimulator output, % of its maximum. */
    record PercentMso(double percent) implements Amplitude {
    }

    /** Signed for polarizing currents. */
    record Nanoamps(long nanoamps) implements Amplitude {
    }

    /** Signed percentage of the current threshold of the named channel. */
    record PercentOfThreshold(String channel, double percent) implements Amplitude {
    }

    record Supramaximal() implements Amplitude {
    }
}
