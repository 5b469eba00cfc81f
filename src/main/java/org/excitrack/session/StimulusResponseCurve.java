package org.excitrack.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.ToLongFunction;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.tracking.MaximalResponseSearch;
import org.excitrack.tracking.StimulusResponsePoint;

/**
 * The stimulus-response step and what it sets for the rest of the session: it searches for the maximal response,
 * samples the curve's rise on a geometric ramp, and from the maximal response derives the target every threshold
 * is tracked to and the supramaximal current. A resumed session restores these from the recording instead.
 */
final class StimulusResponseCurve {
    /** Responses below this are noise while the maximal response is searched for. */
    private static final double MIN_RESPONSE_MICROVOLTS = 100;
    static final long FIRST_STIMULUS_NANOAMPS = 1_000_000;
    /** Stimuli of the stimulus-response ramp between the foot and the top of the curve. */
    private static final int RAMP_STIMULI = 16;

    private final AcquisitionPlan acquisition;
    private final ResumeState resume;
    private final UnitLink link;
    private final TrialBuilder builder;
    private final CmapMeasurer measurer;
    private final SessionReporter reporter;
    private final SessionRecorder recorder;
    private final ToLongFunction<String> thresholdOf;

    private double maximalMicrovolts = Double.NaN;
    private double targetMicrovolts = Double.NaN;
    private long supramaximalNanoamps;
    private final List<StimulusResponsePoint> points = new ArrayList<>();

    StimulusResponseCurve(AcquisitionPlan acquisition, ResumeState resume, UnitLink link, TrialBuilder builder,
                          CmapMeasurer measurer, SessionReporter reporter, SessionRecorder recorder,
                          ToLongFunction<String> thresholdOf) {
        this.acquisition = acquisition;
        this.resume = resume;
        this.link = link;
        this.builder = builder;
        this.measurer = measurer;
        this.reporter = reporter;
        this.recorder = recorder;
        this.thresholdOf = thresholdOf;
    }

    /** NaN until the curve ran or was restored. */
    double maximalMicrovolts() {
        return maximalMicrovolts;
    }

    /** NaN until the curve ran or was restored. */
    double targetMicrovolts() {
        return targetMicrovolts;
    }

    long supramaximalNanoamps() {
        return supramaximalNanoamps;
    }

    /** The curve's points: the search's, then the ramp's. */
    List<StimulusResponsePoint> points() {
        return points;
    }

    /** Tracking needs a target, which only the stimulus-response curve sets. */
    void requireTarget() {
        if (Double.isNaN(targetMicrovolts)) {
            throw new IllegalStateException("a tracked section needs the stimulus-response curve first");
        }
    }

    /** Runs the step with a test pulse {@code widthMicros} wide, unless a resumed recording already holds it. */
    void run(long widthMicros) throws InterruptedException {
        if (resume.stimulusResponse().isPresent() && Double.isNaN(maximalMicrovolts)) {
            restore(resume.stimulusResponse().get());
            return;
        }
        long ceilingNanoamps = acquisition.maxStimulusNanoamps();
        MaximalResponseSearch search = new MaximalResponseSearch(FIRST_STIMULUS_NANOAMPS, ceilingNanoamps,
                MIN_RESPONSE_MICROVOLTS);
        ChannelPlan test = singleTest(widthMicros);
        for (OptionalLong next = search.nextStimulusNanoamps(); next.isPresent(); next = search.nextStimulusNanoamps()) {
            long stimulus = link.round(next.getAsLong());
            double response = give("maximal response", test, stimulus).negativePeakMicrovolts();
            search.record(stimulus, response);
        }
        if (!search.isDone()) {
            throw new IllegalStateException(String.format(Locale.ROOT, "no maximal response within the protocol's "
                    + "maximum stimulus %.1f mA (largest response %.2f mV): check the stimulating and recording "
                    + "electrodes", ceilingNanoamps / 1e6, search.largestResponseMicrovolts() / 1000));
        }
        maximalMicrovolts = search.maximalResponseMicrovolts();
        List<StimulusResponsePoint> found = new ArrayList<>(search.allPoints());
        long top = topOfCurve(found, maximalMicrovolts);
        long foot = found.stream().filter(p -> p.responseMicrovolts() <= 0.05 * maximalMicrovolts)
                .mapToLong(StimulusResponsePoint::stimulusNanoamps).max().orElse(top / 2);
        for (int i = 1; i < RAMP_STIMULI; i++) {
            long stimulus = link.round(Math.round(foot * Math.pow((double) top / foot, (double) i / RAMP_STIMULI)));
            double response = give("ramp", test, stimulus).negativePeakMicrovolts();
            found.add(new StimulusResponsePoint(stimulus, response));
        }
        set(maximalMicrovolts, found);
        reporter.emit(new SessionEvent.MaximalResponse(maximalMicrovolts, top, targetMicrovolts));
        recorder.event("maximal response", String.format(Locale.ROOT, "%.1f µV at %d nA; target %.1f µV; "
                + "supramaximal %d nA", maximalMicrovolts, top, targetMicrovolts, supramaximalNanoamps));
    }

    /** Takes the curve from a recording, so later sections track to the same target as before the interruption. */
    void restore(ResumeState.StimulusResponseState state) {
        set(state.maximalMicrovolts(), state.points());
        reporter.emit(new SessionEvent.MaximalResponse(maximalMicrovolts, topOfCurve(state.points(),
                maximalMicrovolts), targetMicrovolts));
    }

    /** The target, the supramaximal current and the curve, from the maximal response and the curve's points. */
    private void set(double maximal, List<StimulusResponsePoint> curve) {
        maximalMicrovolts = maximal;
        points.clear();
        points.addAll(curve);
        long top = topOfCurve(curve, maximal);
        supramaximalNanoamps = link.round(Math.min(acquisition.maxStimulusNanoamps(),
                Math.round(top * acquisition.supramaximalPercent() / 100)));
        targetMicrovolts = acquisition.target() instanceof AcquisitionPlan.PercentOfMaximal p
                ? maximal * p.percent() / 100
                : ((AcquisitionPlan.Microvolts) acquisition.target()).microvolts();
    }

    /** An untracked stimulus-response trial. */
    private Response give(String point, ChannelPlan channel, long stimulus) throws InterruptedException {
        long windowAt = TrialBuilder.testOnsetMicros(channel);
        TrialResult result = link.run(builder.build(link.nextTrialId(), channel, stimulus, thresholdOf,
                supramaximalNanoamps, windowAt));
        Response response = measurer.measure(result.sweep(), windowAt);
        reporter.trial(point, 0, channel, stimulus, response, result, "{}",
                reporter.measured(result.sweep(), windowAt), OptionalDouble.empty());
        return response;
    }

    /** The weakest stimulus that gave at least 95 % of the maximal response: the curve's top. */
    private static long topOfCurve(List<StimulusResponsePoint> points, double maximal) {
        return points.stream().filter(p -> p.responseMicrovolts() >= 0.95 * maximal)
                .mapToLong(StimulusResponsePoint::stimulusNanoamps).min()
                .orElse(points.stream().mapToLong(StimulusResponsePoint::stimulusNanoamps).max().orElse(1));
    }

    private static ChannelPlan singleTest(long widthMicros) {
        return new ChannelPlan("test", true, List.of(new StimulusElement.TestPulse(0, widthMicros)));
    }
}
