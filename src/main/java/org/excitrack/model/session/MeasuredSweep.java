package org.excitrack.model.session;

import java.util.Objects;
import org.excitrack.model.Sweep;

/**
 * The sweep a trial's response was measured in, and where: what a live view draws with the measurement window
 * shaded, so the operator sees at a glance whether the window sits on the response. Immutable ({@link Sweep}
 * keeps its own copy of the samples), so it may cross to any thread.
 *
 * @param sweep the sweep as measured (for a conditioned channel: after the conditioning response was subtracted)
 * @param windowStartMicros where the measurement window opens, µs relative to the trial's time zero
 * @param windowEndMicros where it closes, µs relative to the trial's time zero
 */
public record MeasuredSweep(Sweep sweep, long windowStartMicros, long windowEndMicros) {
    public MeasuredSweep {
        Objects.requireNonNull(sweep, "sweep");
        if (windowEndMicros < windowStartMicros) {
            throw new IllegalArgumentException("measurement window " + windowStartMicros + ".." + windowEndMicros
                    + " µs ends before it starts");
        }
    }
}
