package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The trackers of one TT-TMS section: the test alone, and one per interval created at its first trial. */
final class TtmsConditions {
    private final List<Double> intervalsMillis;
    private final LogAmplitudeRegression regression;
    private final MsoThresholdTracker.Settings settings;
    private final MsoThresholdTracker testAlone;
    private final MsoThresholdTracker[] conditioned;
    private TtmsTrial pending;

    TtmsConditions(List<Double> intervalsMillis, int testAloneStartPercentMso, LogAmplitudeRegression regression,
                   MsoThresholdTracker.Settings settings) {
        if (intervalsMillis.isEmpty()) {
            throw new IllegalArgumentException("a tracking section needs at least one conditioning interval");
        }
        List<Double> sorted = new ArrayList<>(intervalsMillis);
        sorted.sort(null);
        for (int i = 0; i < sorted.size(); i++) {
            if (!(sorted.get(i) > 0) || i > 0 && sorted.get(i).equals(sorted.get(i - 1))) {
                throw new IllegalArgumentException("intervals must be positive and distinct: " + intervalsMillis);
            }
        }
        this.intervalsMillis = List.copyOf(sorted);
        this.regression = regression;
        this.settings = settings;
        this.testAlone = new MsoThresholdTracker(regression, testAloneStartPercentMso, settings);
        this.conditioned = new MsoThresholdTracker[sorted.size()];
    }

    List<Double> intervalsMillis() {
        return intervalsMillis;
    }

    MsoThresholdTracker testAlone() {
        return testAlone;
    }

    Optional<MsoThresholdTracker> conditioned(int conditionIndex) {
        checkIndex(conditionIndex);
        return Optional.ofNullable(conditioned[conditionIndex - 1]);
    }

    /** The interval's tracker, started at {@code startPercentMso} if it has none yet. */
    MsoThresholdTracker conditionedOrStart(int conditionIndex, int startPercentMso) {
        checkIndex(conditionIndex);
        if (conditioned[conditionIndex - 1] == null) {
            conditioned[conditionIndex - 1] = new MsoThresholdTracker(regression, startPercentMso, settings);
        }
        return conditioned[conditionIndex - 1];
    }

    /** A condition tracker's threshold rounded, else where it was going next, else {@code fallback}. */
    static int startFrom(MsoThresholdTracker tracker, int fallback, int maxIntensityPercentMso) {
        long start = tracker.estimate().map(e -> Math.round(e.thresholdPercentMso()))
                .orElse((long) tracker.nextIntensityPercentMso().orElse(fallback));
        return (int) Math.max(1, Math.min(maxIntensityPercentMso, start));
    }

    TtmsTrial trial(int conditionIndex, int testPercentMso) {
        pending = new TtmsTrial(conditionIndex,
                conditionIndex == 0 ? Double.NaN : intervalsMillis.get(conditionIndex - 1), testPercentMso);
        return pending;
    }

    TtmsTrial pending() {
        return pending;
    }

    /** Records the pending trial in its tracker and clears it. */
    void record(TtmsTrial trial, int givenPercentMso, double mepMicrovolts) {
        if (pending == null || !pending.equals(trial)) {
            throw new IllegalStateException("completed " + trial + " but the pending trial is " + pending);
        }
        MsoThresholdTracker tracker = trial.isTestAlone() ? testAlone : conditioned[trial.conditionIndex() - 1];
        tracker.record(givenPercentMso, mepMicrovolts);
        pending = null;
    }

    private void checkIndex(int conditionIndex) {
        if (conditionIndex < 1 || conditionIndex > intervalsMillis.size()) {
            throw new IllegalArgumentException("no interval " + conditionIndex + "; conditioned indices run 1.."
                    + intervalsMillis.size());
        }
    }
}
