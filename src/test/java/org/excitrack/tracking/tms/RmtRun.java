package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One motor-threshold method run on one virtual subject: the estimate after every stimulus and where the method
 * stopped. Shared by the accuracy test and the RMT benchmark.
 *
 * @param estimatesPercentMso the estimate after stimulus 1, 2, …; NaN while the method had none
 * @param estimateAtStopPercentMso the estimate when the method finished (NaN if it had none)
 * @param stimuliAtStop stimuli given when it finished
 * @param reason why it finished
 */
public record RmtRun(List<Double> estimatesPercentMso, double estimateAtStopPercentMso, int stimuliAtStop,
                     FinishReason reason) {
    /** Stands for "never within the tolerance in this run". */
    public static final int NEVER = Integer.MAX_VALUE;

    /** Runs {@code method} to its finish, drawing MEPs from {@code subject} with {@code random}. */
    public static RmtRun of(MotorThresholdMethod method, VirtualRmtSubject subject, Random random) {
        List<Double> estimates = new ArrayList<>();
        while (!method.isFinished()) {
            int intensity = method.nextIntensityPercentMso();
            method.record(intensity, subject.mepMicrovolts(intensity, random));
            estimates.add(method.estimate().map(MotorThresholdEstimate::thresholdPercentMso).orElse(Double.NaN));
        }
        double atStop = method.estimate().map(MotorThresholdEstimate::thresholdPercentMso).orElse(Double.NaN);
        return new RmtRun(Collections.unmodifiableList(estimates), atStop, method.stimuliGiven(),
                method.finishReason().orElseThrow());
    }

    /**
     * The number of stimuli after which the estimate is within {@code tolerancePercentMso} of {@code truth} and
     * stays there to the end of the run; {@link #NEVER} if the last estimate is outside.
     */
    public int stimuliUntilWithin(double truthPercentMso, double tolerancePercentMso) {
        int n = estimatesPercentMso.size();
        int first = NEVER;
        for (int i = n - 1; i >= 0; i--) {
            double e = estimatesPercentMso.get(i);
            if (!(Math.abs(e - truthPercentMso) <= tolerancePercentMso)) {
                break;
            }
            first = i + 1;
        }
        return first;
    }

    public double errorAtStopPercentMso(double truthPercentMso) {
        return estimateAtStopPercentMso - truthPercentMso;
    }
}
