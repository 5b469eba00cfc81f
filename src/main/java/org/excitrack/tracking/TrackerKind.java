package org.excitrack.tracking;

import java.util.List;
import java.util.Optional;

/**
 * The tracking algorithms, with the ids a recording stores so its thresholds can be recomputed by the same
 * method later. An id names one exact estimator: change the estimate and the id gets a new number.
 */
public enum TrackerKind implements TrackerFactory {
    /** {@link RegressionTracker}: stops on precision, warm-starts the slope from the previous condition. */
    EXCITRACK("excitrack-regression-1") {
        @Override
        public Tracker create(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                              CurvePrior curvePrior, TrackingGoal goal) {
            RegressionTracker.Settings settings = RegressionTracker.Settings.defaults()
                    .withTargetRelativeError(goal.targetRelativeError()).withMaxStimuli(goal.maxStimuli());
            if (!curvePrior.isNone()) {
                // the carried slope stands in for the two extra points the free regression needs
                settings = settings.withMinNearTargetPoints(LogLogThresholdEstimator.MIN_POINTS);
            }
            return new RegressionTracker(targetMicrovolts, startNanoamps, prior, curvePrior, settings);
        }

        @Override
        public Optional<ThresholdEstimate> recompute(List<StimulusResponsePoint> points, double targetMicrovolts,
                                                     CurvePrior curvePrior) {
            return RegressionTracker.estimateFrom(points, targetMicrovolts, curvePrior);
        }
    },
    /** {@link ProportionalTracker}: the QTRAC-style baseline; ignores slope priors and the precision goal. */
    QTRAC("qtrac-proportional-1") {
        @Override
        public Tracker create(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                              CurvePrior curvePrior, TrackingGoal goal) {
            return new ProportionalTracker(targetMicrovolts, startNanoamps, prior,
                    ProportionalTracker.Settings.tuned().withMaxStimuli(goal.maxStimuli()));
        }

        @Override
        public Optional<ThresholdEstimate> recompute(List<StimulusResponsePoint> points, double targetMicrovolts,
                                                     CurvePrior curvePrior) {
            return ProportionalTracker.estimateFrom(points, targetMicrovolts,
                    ProportionalTracker.Settings.tuned().bandFactor());
        }
    };

    private final String id;

    TrackerKind(String id) {
        this.id = id;
    }

    /** The stable id stored in recordings. */
    public String id() {
        return id;
    }

    public static TrackerKind fromId(String id) {
        for (TrackerKind k : values()) {
            if (k.id.equals(id)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown tracker \"" + id + "\"; known: excitrack-regression-1, "
                + "qtrac-proportional-1");
    }

    /** A tracker of this kind for one condition, with its standard settings; see {@link TrackerFactory}. */
    @Override
    public abstract Tracker create(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                                   CurvePrior curvePrior, TrackingGoal goal);

    /**
     * The estimate a tracker of this kind reports for these points: pass its {@link Tracker#points()} (prior and
     * recorded) and its {@link Tracker#curvePrior()}. Gives the same estimate the tracker gave.
     */
    public abstract Optional<ThresholdEstimate> recompute(List<StimulusResponsePoint> points, double targetMicrovolts,
                                                          CurvePrior curvePrior);
}
