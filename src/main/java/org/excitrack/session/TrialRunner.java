package org.excitrack.session;

import java.util.List;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.model.LimitViolation;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;

/**
 * Sends trials to the unit one at a time, and is the session's safety layer: every trial is checked against
 * the limits in force before it leaves, and trials are spaced by at least the inter-trial interval. A trial
 * that would break a limit is refused with its reasons; nothing is ever silently clipped.
 */
public final class TrialRunner {
    private final AcquisitionUnit unit;
    private final SafetyLimits limits;
    private final long intervalNanos;
    private final Ticker ticker;
    private long nextTrialId = 1;
    private long lastStartNanos;
    private boolean started;
    private int trialsRun;

    /**
     * @param limits the limits in force (the tighter of the configured and the unit's)
     * @param intervalMicros time from one trial's start to the next; must respect the limits' minimum
     */
    public TrialRunner(AcquisitionUnit unit, SafetyLimits limits, long intervalMicros, Ticker ticker) {
        List<LimitViolation> tooFast = limits.intervalViolations(intervalMicros);
        if (!tooFast.isEmpty()) {
            throw new StimulusRefusedException("the stimulus rate", tooFast);
        }
        if (intervalMicros > Long.MAX_VALUE / 1000L) {
            // in nanoseconds it would wrap around to a negative interval, i.e. no spacing at all
            throw new IllegalArgumentException("trial interval " + intervalMicros + " µs is too long; at most "
                    + Long.MAX_VALUE / 1000L + " µs");
        }
        this.unit = unit;
        this.limits = limits;
        this.intervalNanos = intervalMicros * 1000L;
        this.ticker = ticker;
    }

    /** Continues an earlier session's numbering: the next trial takes {@code id}. */
    public void continueFrom(long id) {
        if (id < nextTrialId || trialsRun > 0) {
            throw new IllegalStateException("trial ids continue only forward and before the first trial");
        }
        nextTrialId = id;
    }

    public long nextTrialId() {
        return nextTrialId;
    }

    public int trialsRun() {
        return trialsRun;
    }

    public SafetyLimits limits() {
        return limits;
    }

    /**
     * What must hold just before a trial leaves, after the interval's wait: a stop or pause asked for during the wait
     * is honoured there, so no trial is sent after an abort.
     */
    @FunctionalInterface
    public interface Gate {
        Gate OPEN = () -> { };

        void pass() throws InterruptedException;
    }

    /** Checks, waits for the interval, runs. The spec's trial id must be {@link #nextTrialId()}. */
    public TrialResult run(TrialSpec trial) throws InterruptedException {
        return run(trial, Gate.OPEN);
    }

    /** Checks, waits for the interval, passes {@code gate}, runs. */
    public TrialResult run(TrialSpec trial, Gate gate) throws InterruptedException {
        if (trial.trialId() != nextTrialId) {
            throw new IllegalArgumentException("trial id " + trial.trialId() + " is not the next id " + nextTrialId);
        }
        check(trial);
        if (started) {
            ticker.sleepNanos(lastStartNanos + intervalNanos - ticker.nanoTime());
        }
        gate.pass();
        lastStartNanos = ticker.nanoTime();
        started = true;
        nextTrialId++;
        TrialResult result = unit.runTrial(trial);
        trialsRun++;
        // A trial held up on the way (a stalled link, a retry) started later than it was sent; it started at the
        // latest when its result arrived less its duration, so pacing from there keeps the unit's interval.
        long latestStart = ticker.nanoTime() - trial.durationMicros(RecordingWindow.CONFIGURED_DEFAULT) * 1000L;
        lastStartNanos = Math.max(lastStartNanos, latestStart);
        return result;
    }

    /** @throws StimulusRefusedException listing every limit the trial would exceed */
    public void check(TrialSpec trial) {
        List<LimitViolation> violations = limits.violations(trial);
        if (!violations.isEmpty()) {
            throw new StimulusRefusedException("trial " + trial.trialId(), violations);
        }
    }
}
