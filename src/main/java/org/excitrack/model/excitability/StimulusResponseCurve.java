package org.excitrack.model.excitability;

import java.util.List;

/**
 * The stimulus-response curve: for each response level (% of the maximal CMAP) the stimulus that evokes it,
 * for one or two test widths (TRONDNF: one column, "Stimulus(2)", 1 ms; older two-width protocols also a
 * 0.2 ms column, "Stimulus(1)").
 *
 * @param maximalResponses the maximal CMAP for each test width recorded, in source order
 * @param points rows in order; a width's stimulus is absent (NaN) where the source had no value
 */
public record StimulusResponseCurve(List<MaximalResponse> maximalResponses, List<Point> points) {
    public StimulusResponseCurve {
        maximalResponses = List.copyOf(maximalResponses);
        points = List.copyOf(points);
    }

    public static StimulusResponseCurve empty() {
        return new StimulusResponseCurve(List.of(), List.of());
    }

    /**
     * @param widthMillis test pulse width the maximum was found with
     * @param millivolts maximal CMAP, negative peak (converted to mV when the source wrote µV)
     */
    public record MaximalResponse(double widthMillis, double millivolts) {
    }

    /**
     * @param percentOfMaximum response level, % of the maximal CMAP
     * @param stimulusMilliamps stimulus per column, in the order of {@code maximalResponses}; NaN when absent
     */
    public record Point(double percentOfMaximum, List<Double> stimulusMilliamps) {
        public Point {
            stimulusMilliamps = List.copyOf(stimulusMilliamps);
        }
    }
}
