package org.excitrack.session;

/**
 * How many trials a run will take, learning as it goes. The dry-run estimate (PlanEstimate) is a stated model that
 * a subject can double: tracked points settle more slowly in threshold electrotonus than its minimum assumes. Each
 * finished section tells how far off the model is for this subject; the sections still to come are scaled by that
 * ratio, so the time left converges on the truth instead of reaching zero while a third of the run remains.
 */
final class ProgressEstimate {
    /** A section estimated at fewer stimuli says too little about the model's error to learn from. */
    static final long MIN_ESTIMATE_TO_LEARN = 10;

    private final long[] estimates;
    private int current = -1;
    private long estimatedFinished;
    private long doneFinished;
    private long doneCurrent;
    private long doneFinishedAll;
    private long doneOutsideSections;

    /** @param estimates each section's dry-run stimuli, in plan order */
    ProgressEstimate(long[] estimates) {
        this.estimates = estimates.clone();
    }

    /** The run enters section {@code index}; sections skipped (a resumed recording holds them) are never entered. */
    void enter(int index) {
        finishCurrent();
        current = index;
    }

    void trial() {
        if (current < 0) {
            doneOutsideSections++;
        } else {
            doneCurrent++;
        }
    }

    /** Trials taken over trials the model expected, over the finished sections it can learn from; 1 before any. */
    double ratio() {
        return estimatedFinished == 0 ? 1.0 : (double) doneFinished / estimatedFinished;
    }

    long done() {
        return doneOutsideSections + doneFinishedAll + doneCurrent;
    }

    /** Trials done plus the learned estimate of what is left; never less than the trials done. */
    long expectedTotal() {
        double ratio = ratio();
        double left = 0;
        if (current >= 0) {
            left += Math.max(0, estimates[current] * ratio - doneCurrent);
        }
        for (int j = current + 1; j < estimates.length; j++) {
            left += estimates[j] * ratio;
        }
        return done() + Math.round(left);
    }

    private void finishCurrent() {
        if (current < 0) {
            return;
        }
        if (estimates[current] >= MIN_ESTIMATE_TO_LEARN) {
            estimatedFinished += estimates[current];
            doneFinished += doneCurrent;
        }
        doneFinishedAll += doneCurrent;
        doneCurrent = 0;
    }
}
