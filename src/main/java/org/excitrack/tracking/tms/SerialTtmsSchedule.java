package org.excitrack.tracking.tms;

import java.util.List;
import java.util.Optional;

/**
 * Serial threshold tracking, QTRAC's original T-SICI (Vucic et al. 2006; tms.md §2.1): the intervals are taken in
 * ascending order, and at each the test alone and the conditioned test alternate (test alone first) until the
 * interval has had {@code stimuliPerInterval} conditioned trials; then the next interval begins. The test alone
 * is one tracker for the whole section (its latest MEPs follow drift); each interval's tracker starts at the
 * previous interval's threshold, the first at the test alone's, because neighbouring intervals differ little.
 *
 * <p>Serial tracking is simple and quick to converge per interval, but it aliases slow drift and order effects
 * onto the interval (Tankisi et al. 2021 found larger inhibition at 3.5–5 ms than with parallel tracking, and a
 * dependence on the start and the ISI direction); {@link ParallelTtmsSchedule} avoids that.
 */
public final class SerialTtmsSchedule implements TtmsSchedule {
    private final TtmsConditions conditions;
    private final int stimuliPerInterval;
    private final int maxIntensityPercentMso;
    private int interval = 1;
    private int conditionedAtInterval;
    private boolean testAloneTurn = true;
    private boolean finished;

    /**
     * @param intervalsMillis conditioning intervals, any order (run ascending)
     * @param stimuliPerInterval conditioned trials per interval
     * @param testAloneStartPercentMso the test alone's first output (e.g. the RMT just measured)
     */
    public SerialTtmsSchedule(List<Double> intervalsMillis, int stimuliPerInterval, int testAloneStartPercentMso,
                              LogAmplitudeRegression regression, MsoThresholdTracker.Settings settings) {
        if (stimuliPerInterval < 1) {
            throw new IllegalArgumentException("need at least one stimulus per interval, got " + stimuliPerInterval);
        }
        this.conditions = new TtmsConditions(intervalsMillis, testAloneStartPercentMso, regression, settings);
        this.stimuliPerInterval = stimuliPerInterval;
        this.maxIntensityPercentMso = settings.maxIntensityPercentMso();
    }

    @Override
    public List<Double> intervalsMillis() {
        return conditions.intervalsMillis();
    }

    @Override
    public Optional<TtmsTrial> next() {
        if (conditions.pending() != null) {
            return Optional.of(conditions.pending());
        }
        while (!finished) {
            if (testAloneTurn) {
                if (conditions.testAlone().isBeyondMaximum()) {
                    // without a test-alone threshold no change can be reckoned: the section cannot go on
                    finished = true;
                    break;
                }
                return Optional.of(conditions.trial(0, conditions.testAlone().nextIntensityPercentMso().getAsInt()));
            }
            MsoThresholdTracker tracker = conditions.conditionedOrStart(interval, start());
            if (tracker.isBeyondMaximum()) {
                advance();
                continue;
            }
            return Optional.of(conditions.trial(interval, tracker.nextIntensityPercentMso().getAsInt()));
        }
        return Optional.empty();
    }

    @Override
    public void completed(TtmsTrial trial, int givenPercentMso, double mepMicrovolts) {
        conditions.record(trial, givenPercentMso, mepMicrovolts);
        if (trial.isTestAlone()) {
            testAloneTurn = false;
        } else {
            testAloneTurn = true;
            conditionedAtInterval++;
            if (conditionedAtInterval >= stimuliPerInterval) {
                advance();
            }
        }
    }

    @Override
    public boolean isFinished() {
        next();
        return finished;
    }

    @Override
    public MsoThresholdTracker testAlone() {
        return conditions.testAlone();
    }

    @Override
    public Optional<MsoThresholdTracker> conditioned(int conditionIndex) {
        return conditions.conditioned(conditionIndex);
    }

    /** The interval being tracked, 1-based (the last once finished). */
    public int currentConditionIndex() {
        return interval;
    }

    private int start() {
        MsoThresholdTracker previous = interval > 1 ? conditions.conditioned(interval - 1).orElse(null) : null;
        MsoThresholdTracker from = previous != null && !previous.isBeyondMaximum() ? previous : conditions.testAlone();
        return TtmsConditions.startFrom(from, maxIntensityPercentMso, maxIntensityPercentMso);
    }

    private void advance() {
        conditionedAtInterval = 0;
        if (interval == conditions.intervalsMillis().size()) {
            finished = true;
        } else {
            interval++;
        }
    }
}
