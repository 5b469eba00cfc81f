package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Finds the maximal CMAP by raising the stimulus geometrically until the response stops growing, then
 * confirms it with supramaximal stimuli. Pure: feed it responses, ask it for the next stimulus.
 *
 * <p>Plateau rule: two successive steps each raise the response by less than {@code plateauTolerance} of the
 * largest response so far, with that response clearly above the noise. The maximal response is the mean
 * of the supramaximal responses (at {@code supramaximalFactor} × the plateau stimulus).
 */
public final class MaximalResponseSearch {
    private final double stepFactor;
    private final double plateauTolerance;
    private final double supramaximalFactor;
    private final int supramaximalTrials;
    private final long maxStimulusNanoamps;
    private final double minimumResponseMicrovolts;
    private final List<StimulusResponsePoint> ramp = new ArrayList<>();
    private final List<StimulusResponsePoint> supramaximal = new ArrayList<>();
    private long next;
    private int flatSteps;
    private long plateauStimulus;

    /**
     * @param startNanoamps first stimulus
     * @param maxStimulusNanoamps the search stops, unfinished, rather than exceed this
     * @param minimumResponseMicrovolts responses below this do not count as a plateau (noise)
     */
    public MaximalResponseSearch(long startNanoamps, long maxStimulusNanoamps, double minimumResponseMicrovolts) {
        this(startNanoamps, maxStimulusNanoamps, minimumResponseMicrovolts, 1.25, 0.03, 1.2, 2);
    }

    public MaximalResponseSearch(long startNanoamps, long maxStimulusNanoamps, double minimumResponseMicrovolts,
                                 double stepFactor, double plateauTolerance, double supramaximalFactor,
                                 int supramaximalTrials) {
        if (startNanoamps <= 0 || maxStimulusNanoamps < startNanoamps) {
            throw new IllegalArgumentException("start " + startNanoamps + " nA must be above zero and at most the "
                    + "maximum " + maxStimulusNanoamps + " nA");
        }
        if (stepFactor <= 1 || supramaximalFactor < 1 || supramaximalTrials < 1) {
            throw new IllegalArgumentException("step factor " + stepFactor + " must exceed 1, supramaximal factor "
                    + supramaximalFactor + " be at least 1, trials " + supramaximalTrials + " at least 1");
        }
        this.next = startNanoamps;
        this.maxStimulusNanoamps = maxStimulusNanoamps;
        this.minimumResponseMicrovolts = minimumResponseMicrovolts;
        this.stepFactor = stepFactor;
        this.plateauTolerance = plateauTolerance;
        this.supramaximalFactor = supramaximalFactor;
        this.supramaximalTrials = supramaximalTrials;
    }

    /** The next stimulus to give, or empty when the search is over (done or out of range). */
    public OptionalLong nextStimulusNanoamps() {
        if (isDone() || next > maxStimulusNanoamps) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(next);
    }

    /** The stimulus the search wanted but may not give, when it stopped at the maximum. */
    public long wantedStimulusNanoamps() {
        return next;
    }

    public void record(long stimulusNanoamps, double responseMicrovolts) {
        StimulusResponsePoint point = new StimulusResponsePoint(stimulusNanoamps, responseMicrovolts);
        if (plateauStimulus > 0) {
            supramaximal.add(point);
            return;
        }
        double largest = ramp.stream().mapToDouble(StimulusResponsePoint::responseMicrovolts).max().orElse(0);
        ramp.add(point);
        boolean flat = ramp.size() > 1 && responseMicrovolts >= minimumResponseMicrovolts
                && responseMicrovolts - largest < plateauTolerance * Math.max(largest, responseMicrovolts);
        flatSteps = flat ? flatSteps + 1 : 0;
        if (flatSteps >= 2) {
            plateauStimulus = stimulusNanoamps;
            next = Math.min(maxStimulusNanoamps, Math.round(stimulusNanoamps * supramaximalFactor));
        } else {
            // Below any response, larger steps reach the recruitment range sooner.
            double factor = responseMicrovolts < minimumResponseMicrovolts ? stepFactor * stepFactor : stepFactor;
            next = Math.round(stimulusNanoamps * factor);
        }
    }

    public boolean isDone() {
        return supramaximal.size() >= supramaximalTrials;
    }

    /** Mean supramaximal response, µV. */
    public double maximalResponseMicrovolts() {
        if (!isDone()) {
            throw new IllegalStateException("the search has not finished");
        }
        return supramaximal.stream().mapToDouble(StimulusResponsePoint::responseMicrovolts).average().orElseThrow();
    }

    public double largestResponseMicrovolts() {
        return allPoints().stream().mapToDouble(StimulusResponsePoint::responseMicrovolts).max().orElse(0);
    }

    /** Every point recorded, ramp then supramaximal: the stimulus-response curve. */
    public List<StimulusResponsePoint> allPoints() {
        List<StimulusResponsePoint> all = new ArrayList<>(ramp);
        all.addAll(supramaximal);
        return all;
    }
}
