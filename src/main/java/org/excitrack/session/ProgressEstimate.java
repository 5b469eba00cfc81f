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
    /**
     * The share of a section's tracked points that must be finished before its own pace is trusted: in a parallel
     * block the first points finish while every other point is part-way, so an earlier projection overshoots.
     */
    static final double SHARE_TO_PROJECT = 0.25;

    private final long[] estimates;
    private final long[] trackedPoints;
    private long pointsCurrent;
    private int current = -1;
    private long estimatedFinished;
    private long doneFinished;
    private long doneCurrent;
    private long doneFinishedAll;
    private long doneOutsideSections;

    /**
     * @param estimates each section's dry-run stimuli, in plan order
     * @param trackedPoints each section's tracked channel-points (a threshold each), in plan order
     */
    ProgressEstimate(long[] estimates, long[] trackedPoints) {
        if (estimates.length != trackedPoints.length) {
            throw new IllegalArgumentException(estimates.length + " estimates for " + trackedPoints.length + " sections");
        }
        this.estimates = estimates.clone();
        this.trackedPoints = trackedPoints.clone();
    }

    /** A tracked point of the current section found its threshold. */
    void pointFinished() {
        pointsCurrent++;
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

    /**
     * Trials taken over trials the model expected, over the finished sections it can learn from and the current one
     * once its own pace can be projected; 1 before any.
     */
    double ratio() {
        long estimated = estimatedFinished;
        double done = doneFinished;
        if (current >= 0 && projectsCurrent() && estimates[current] >= MIN_ESTIMATE_TO_LEARN) {
            estimated += estimates[current];
            done += projectedCurrent();
        }
        return estimated == 0 ? 1.0 : done / estimated;
    }

    private boolean projectsCurrent() {
        return trackedPoints[current] > 0 && pointsCurrent >= Math.max(1, SHARE_TO_PROJECT * trackedPoints[current]);
    }

    /** The current section's trials at its own pace so far: trials per finished point × its points. */
    private double projectedCurrent() {
        return (double) doneCurrent * trackedPoints[current] / pointsCurrent;
    }

    long done() {
        return doneOutsideSections + doneFinishedAll + doneCurrent;
    }

    /** Trials done plus the learned estimate of what is left; never less than the trials done. */
    long expectedTotal() {
        double ratio = ratio();
        double left = 0;
        if (current >= 0) {
            double section = projectsCurrent() ? projectedCurrent() : estimates[current] * ratio;
            left += Math.max(0, section - doneCurrent);
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
        pointsCurrent = 0;
    }
}
