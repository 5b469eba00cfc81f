package org.excitrack.session;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.TrackedPoint;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.tracking.ThresholdBasis;
import org.excitrack.tracking.ThresholdEstimate;
import org.excitrack.tracking.Tracker;

/**
 * The trials of tracked points, one at a time, and the threshold each point ends with. A tracked trial is bounded
 * by the protocol's maximum threshold or stimulus, may be refused by the limits (the point then ends without a
 * threshold, warned once), and has the point's conditioning-alone sweep subtracted before it is measured, which
 * removes the conditioning CMAP at short intervals.
 */
final class TrackedTrials {
    private final AcquisitionPlan acquisition;
    private final StimulusResponseCurve curve;
    private final UnitLink link;
    private final TrialBuilder builder;
    private final CmapMeasurer measurer;
    private final SessionReporter reporter;
    private final SessionRecorder recorder;
    private final Map<String, Long> thresholds;
    private final ToLongFunction<String> thresholdOf;
    private final List<ProtocolSession.PointThreshold> results = new ArrayList<>();
    /** Points the limits ended; they need no second warning for lacking a threshold. */
    private final Set<String> refusedPoints = new HashSet<>();
    private Map<TrackedPoint, String> pointNames = Map.of();

    /** @param thresholds the session's latest thresholds by channel, nA, which each finished point updates */
    TrackedTrials(AcquisitionPlan acquisition, StimulusResponseCurve curve, UnitLink link, TrialBuilder builder,
                  CmapMeasurer measurer, SessionReporter reporter, SessionRecorder recorder,
                  Map<String, Long> thresholds, ToLongFunction<String> thresholdOf) {
        this.acquisition = acquisition;
        this.curve = curve;
        this.link = link;
        this.builder = builder;
        this.measurer = measurer;
        this.reporter = reporter;
        this.recorder = recorder;
        this.thresholds = thresholds;
        this.thresholdOf = thresholdOf;
    }

    /** How the current section names its points (they are recorded, and resumed, by these names). */
    void namePoints(Map<TrackedPoint, String> names) {
        pointNames = names;
    }

    String name(TrackedPoint point) {
        return pointNames.getOrDefault(point, point.label());
    }

    /** Every point's threshold so far, in the order the points finished. */
    List<ProtocolSession.PointThreshold> results() {
        return results;
    }

    /** Conditioning-alone channels, recorded once per point; their sweeps are subtracted from conditioned ones. */
    Map<Integer, Sweep> untracked(TrackedPoint point) throws InterruptedException {
        Map<Integer, Sweep> sweeps = new LinkedHashMap<>();
        ChannelPlan conditioned = point.channels().stream().skip(1).filter(ChannelPlan::tracked).findFirst()
                .orElse(point.channels().get(0));
        // the window where the conditioned sweep's is, so the two line up sample for sample
        long windowAt = TrialBuilder.testOnsetMicros(conditioned);
        for (int i = 0; i < point.channels().size(); i++) {
            ChannelPlan ch = point.channels().get(i);
            if (!ch.tracked()) {
                TrialResult result = link.run(builder.build(link.nextTrialId(), ch, 0, thresholdOf,
                        curve.supramaximalNanoamps(), windowAt));
                Response response = measurer.measure(result.sweep(), windowAt);
                reporter.trial(name(point), i, ch, 0, response, result, "{}",
                        reporter.measured(result.sweep(), windowAt), OptionalDouble.empty());
                sweeps.put(i, result.sweep());
            }
        }
        return sweeps;
    }

    /** One tracked trial; false if the limits refused it (the point then ends unconverged). */
    boolean stimulate(TrackedPoint point, int channelIndex, ChannelPlan channel, Tracker tracker,
                      long windowAt, Sweep subtract) throws InterruptedException {
        // The maximum threshold bounds the reference (test-alone) threshold, which relative currents are a
        // percentage of; a conditioned threshold may lie well above it (hyperpolarized, refractory) and is bounded
        // by the maximum stimulus, every trial still being checked against the limits.
        long cap = channelIndex == 0 ? acquisition.maxThresholdNanoamps() : acquisition.maxStimulusNanoamps();
        long stimulus = link.round(Math.min(tracker.nextStimulusNanoamps(), cap));
        if (tracker.nextStimulusNanoamps() > cap && tracker.stimuliGiven() > 0
                && tracker.points().get(tracker.points().size() - 1).stimulusNanoamps() >= stimulus) {
            refusedPoints.add(name(point));
            reporter.warn("limit", String.format(Locale.ROOT, "%s, %s: the threshold is above the protocol's "
                    + "maximum %s %.1f mA; the point ends without one", reporter.section(), name(point),
                    channelIndex == 0 ? "threshold" : "stimulus", cap / 1e6));
            return false;
        }
        TrialSpec spec = builder.build(link.nextTrialId(), channel, stimulus, thresholdOf,
                curve.supramaximalNanoamps(), windowAt);
        TrialResult result;
        try {
            result = link.run(spec);
        } catch (StimulusRefusedException e) {
            refusedPoints.add(name(point));
            reporter.warn("limit", reporter.section() + ", " + name(point) + ", " + channel.name() + ": "
                    + e.getMessage());
            return false;
        }
        Sweep sweep = subtract == null ? result.sweep() : difference(result.sweep(), subtract);
        long onset = TrialBuilder.testOnsetMicros(channel);
        Response response = measurer.measure(sweep, onset);
        tracker.record(stimulus, response.negativePeakMicrovolts());
        OptionalDouble estimate = tracker.estimate().map(e -> OptionalDouble.of(e.thresholdNanoamps()))
                .orElse(OptionalDouble.empty());
        reporter.trial(name(point), channelIndex, channel, stimulus, response, result, trackerState(tracker),
                reporter.measured(sweep, onset), estimate);
        return true;
    }

    /** Records the threshold {@code tracker} ended with, or warns that there is none. */
    void finishPoint(TrackedPoint point, int channelIndex, ChannelPlan channel, Tracker tracker) {
        Optional<ThresholdEstimate> estimate = tracker.estimate();
        if (estimate.isEmpty() && refusedPoints.contains(name(point))) {
            return;
        }
        String section = reporter.section();
        if (estimate.isEmpty()) {
            reporter.warn("threshold", section + ", " + name(point) + ", " + channel.name()
                    + ": no threshold could be estimated from " + tracker.stimuliGiven() + " stimuli");
            return;
        }
        ThresholdEstimate e = estimate.get();
        thresholds.put(channel.name(), Math.round(e.thresholdNanoamps()));
        recorder.threshold(section, name(point), channelIndex, e, tracker.stimuliGiven(),
                ThresholdBasis.of(tracker, curve.targetMicrovolts()));
        results.add(new ProtocolSession.PointThreshold(section, name(point), channel.name(), e,
                tracker.stimuliGiven(), tracker.isConverged()));
        reporter.emit(new SessionEvent.Threshold(section, name(point), channel.name(), e.thresholdNanoamps(),
                e.standardErrorNanoamps(), tracker.stimuliGiven(), tracker.isConverged()));
    }

    private static Sweep difference(Sweep a, Sweep b) {
        short[] x = a.samples();
        short[] y = b.samples();
        short[] d = new short[x.length];
        for (int i = 0; i < x.length; i++) {
            int v = i < y.length ? x[i] - y[i] : x[i];
            d[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, v));
        }
        return new Sweep(a.sampleRateHz(), a.startMicros(), a.channelCount(), a.nanovoltsPerCount(), d);
    }

    /** The tracker's state as recorded with each trial, so a recording shows how the threshold was reached. */
    private static String trackerState(Tracker t) {
        return t.estimate().map(e -> String.format(Locale.ROOT, "{\"tracker\":\"%s\",\"thresholdNanoamps\":%.1f,"
                + "\"standardErrorNanoamps\":%.1f,\"points\":%d}", t.kind().id(), e.thresholdNanoamps(),
                e.standardErrorNanoamps(), e.pointsUsed())).orElse("{\"tracker\":\"" + t.kind().id() + "\"}");
    }
}
