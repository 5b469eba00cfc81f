package org.excitrack.tracking;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a tracker's threshold estimate is computed from, so it can be computed again later (e.g. from a
 * recording): the algorithm, the target response, the curve prior the tracker was created with, and its points
 * (prior, then recorded). {@link #recompute()} gives the estimate the tracker gave.
 *
 * @param kind the algorithm, whose {@link TrackerKind#recompute} is the estimate
 * @param targetMicrovolts the response that defines the threshold, µV
 * @param curvePrior the tracker's {@link Tracker#curvePrior()}
 * @param points the tracker's {@link Tracker#points()}
 */
public record ThresholdBasis(TrackerKind kind, double targetMicrovolts, CurvePrior curvePrior,
                             List<StimulusResponsePoint> points) {
    public ThresholdBasis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(curvePrior, "curvePrior");
        points = List.copyOf(points);
    }

    /** What {@code tracker}, tracking {@code targetMicrovolts}, bases its estimate on now. */
    public static ThresholdBasis of(Tracker tracker, double targetMicrovolts) {
        return new ThresholdBasis(tracker.kind(), targetMicrovolts, tracker.curvePrior(), tracker.points());
    }

    /** The estimate, computed again; empty when these points cannot place it (as for the tracker). */
    public Optional<ThresholdEstimate> recompute() {
        return kind.recompute(points, targetMicrovolts, curvePrior);
    }
}
