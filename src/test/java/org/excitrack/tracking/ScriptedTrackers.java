package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/**
 * Test double for schedules: trackers that converge after a scripted number of stimuli, created by a factory
 * that records every warm start it was given. Its estimate is 10 % above its start once it has a stimulus, so
 * warm starts chained from step to step are easy to recognise.
 */
final class ScriptedTrackers implements TrackerFactory {
    /** What one tracker was created with. */
    record Creation(long startNanoamps, List<StimulusResponsePoint> prior, CurvePrior curvePrior) {
    }

    final List<Creation> creations = new ArrayList<>();
    final List<ScriptedTracker> trackers = new ArrayList<>();
    private final IntUnaryOperator stimuliNeededByCreationIndex;

    /** @param stimuliNeededByCreationIndex how many stimuli the n-th tracker created needs to converge */
    ScriptedTrackers(IntUnaryOperator stimuliNeededByCreationIndex) {
        this.stimuliNeededByCreationIndex = stimuliNeededByCreationIndex;
    }

    @Override
    public Tracker create(double targetMicrovolts, long startNanoamps, List<StimulusResponsePoint> prior,
                          CurvePrior curvePrior, TrackingGoal goal) {
        creations.add(new Creation(startNanoamps, List.copyOf(prior), curvePrior));
        ScriptedTracker t = new ScriptedTracker(startNanoamps, prior, curvePrior,
                stimuliNeededByCreationIndex.applyAsInt(trackers.size()), goal.maxStimuli());
        trackers.add(t);
        return t;
    }

    static final class ScriptedTracker implements Tracker {
        private final long start;
        private final List<StimulusResponsePoint> points = new ArrayList<>();
        private final CurvePrior curvePrior;
        private final int needed;
        private final int budget;
        private int given;

        ScriptedTracker(long start, List<StimulusResponsePoint> prior, CurvePrior curvePrior, int needed,
                        int budget) {
            this.start = start;
            this.points.addAll(prior);
            this.curvePrior = curvePrior;
            this.needed = needed;
            this.budget = budget;
        }

        @Override
        public TrackerKind kind() {
            return TrackerKind.EXCITRACK;
        }

        @Override
        public long nextStimulusNanoamps() {
            return start + given;
        }

        @Override
        public void record(long stimulusNanoamps, double responseMicrovolts) {
            given++;
            points.add(new StimulusResponsePoint(stimulusNanoamps, responseMicrovolts));
        }

        @Override
        public Optional<ThresholdEstimate> estimate() {
            return given == 0 ? Optional.empty() : Optional.of(new ThresholdEstimate(start * 1.1, 1, given, 8));
        }

        @Override
        public boolean isConverged() {
            return given >= needed;
        }

        @Override
        public boolean isExhausted() {
            return given >= budget;
        }

        @Override
        public int stimuliGiven() {
            return given;
        }

        @Override
        public List<StimulusResponsePoint> points() {
            return List.copyOf(points);
        }

        @Override
        public CurvePrior curvePrior() {
            return curvePrior;
        }

        /** Marks its origin: slope = its start in mA. */
        @Override
        public CurvePrior curvePriorForNextCondition() {
            return new CurvePrior(start / 1e6, 0.1, 0.15, 2, 8_000);
        }
    }
}
