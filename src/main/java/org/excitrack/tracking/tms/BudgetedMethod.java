package org.excitrack.tracking.tms;

import java.util.Optional;

/**
 * What all motor-threshold methods share: the settings, argument checks, the stimulus count, the budget and the
 * finish reason. A subclass chooses the stimuli and finishes by its own rule; the budget is enforced here.
 */
abstract class BudgetedMethod implements MotorThresholdMethod {
    protected final MotorThresholdSettings settings;
    private int given;
    private FinishReason finishReason;

    BudgetedMethod(MotorThresholdSettings settings) {
        if (settings == null) {
            throw new IllegalArgumentException("settings are needed");
        }
        this.settings = settings;
    }

    @Override
    public final int nextIntensityPercentMso() {
        if (isFinished()) {
            throw new IllegalStateException(kind().id() + " has finished (" + finishReason + "): no next stimulus");
        }
        return next();
    }

    @Override
    public final void record(int intensityPercentMso, double mepMicrovolts) {
        if (isFinished()) {
            throw new IllegalStateException(kind().id() + " has finished (" + finishReason + "): nothing to record");
        }
        if (intensityPercentMso < 1 || intensityPercentMso > settings.maxIntensityPercentMso()) {
            throw new IllegalArgumentException("intensity " + intensityPercentMso + " %MSO is outside 1.."
                    + settings.maxIntensityPercentMso());
        }
        if (!(mepMicrovolts >= 0) || Double.isInfinite(mepMicrovolts)) {
            throw new IllegalArgumentException("MEP " + mepMicrovolts + " µV must be finite and not negative");
        }
        accept(intensityPercentMso, mepMicrovolts);
        given++;
        update(intensityPercentMso, mepMicrovolts);
        if (finishReason == null && given >= settings.maxStimuli()) {
            finishReason = FinishReason.BUDGET_SPENT;
        }
    }

    @Override
    public final boolean isFinished() {
        return finishReason != null;
    }

    @Override
    public final Optional<FinishReason> finishReason() {
        return Optional.ofNullable(finishReason);
    }

    @Override
    public final int stimuliGiven() {
        return given;
    }

    /** Ends the method for {@code reason}, unless it has already ended. */
    protected final void finish(FinishReason reason) {
        if (finishReason == null) {
            finishReason = reason;
        }
    }

    protected final boolean isHit(double mepMicrovolts) {
        return mepMicrovolts >= settings.targetMicrovolts();
    }

    /** The stimulus the method wants next; only called while running. */
    protected abstract int next();

    /** Rejects a stimulus the method cannot use, before it is counted. Default: anything in range is fine. */
    protected void accept(int intensityPercentMso, double mepMicrovolts) {
    }

    /** Takes in one recorded stimulus (already counted) and finishes if the method's rule says so. */
    protected abstract void update(int intensityPercentMso, double mepMicrovolts);
}
