package org.excitrack.session;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.tracking.CurveInterpolation;
import org.excitrack.tracking.CurvePrior;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.Tracker;
import org.excitrack.tracking.TrackerKind;
import org.excitrack.tracking.TrackingGoal;

/**
 * Makes the trackers that follow each threshold: where each starts (from the stimulus-response curve, or where the
 * channel last ended) and how precisely it must converge. All track to the curve's target.
 */
final class TrackerFactory {
    /** A typical nerve's strength-duration time constant, to carry the curve's threshold to another width. */
    private static final double TYPICAL_SDTC_MICROS = 450;

    private final AcquisitionPlan acquisition;
    private final StimulusResponseCurve curve;
    private final UnitLink link;
    private final Map<String, Long> thresholds;
    private final Supplier<TrackerKind> kind;

    /**
     * @param thresholds the session's latest thresholds by channel, nA
     * @param kind which tracker to make, read at each tracker made
     */
    TrackerFactory(AcquisitionPlan acquisition, StimulusResponseCurve curve, UnitLink link,
                   Map<String, Long> thresholds, Supplier<TrackerKind> kind) {
        this.acquisition = acquisition;
        this.curve = curve;
        this.link = link;
        this.thresholds = thresholds;
        this.kind = kind;
    }

    /** A tracker to the protocol's precision, starting at {@code start} with {@code prior} points already known. */
    Tracker tracker(long start, List<StimulusResponsePoint> prior) {
        return tracker(start, prior, acquisition.precisionPercent() / 100);
    }

    private Tracker tracker(long start, List<StimulusResponsePoint> prior, double relativeError) {
        return kind.get().create(curve.targetMicrovolts(), Math.max(link.resolutionNanoamps(), start), prior,
                CurvePrior.typicalNerve(curve.maximalMicrovolts()), new TrackingGoal(relativeError,
                        acquisition.maxStimuliPerPoint()));
    }

    /**
     * A conditioned point's precision is that of its change from the control threshold, in % of the control:
     * a threshold twice the control's (strong hyperpolarization) must be tracked twice as finely for its change
     * to be known as well as a small one's. The expected ratio comes from where the point starts.
     */
    Tracker conditioned(ChannelPlan control, long start) {
        Long reference = thresholds.get(control.name());
        double ratio = reference == null ? 1 : Math.min(1, (double) reference / Math.max(1, start));
        return tracker(start, List.of(), acquisition.precisionPercent() / 100 * ratio);
    }

    /** The stimulus-response curve's estimate for this channel's test width (Weiss's law from 1 ms). */
    long startFor(ChannelPlan channel) {
        List<StimulusResponsePoint> points = curve.points();
        long fromCurve = CurveInterpolation.stimulusFor(points, curve.targetMicrovolts())
                .orElse(points.isEmpty() ? StimulusResponseCurve.FIRST_STIMULUS_NANOAMPS
                        : points.get(0).stimulusNanoamps());
        long width = channel.elements().stream().filter(e -> e instanceof StimulusElement.TestPulse)
                .mapToLong(e -> ((StimulusElement.TestPulse) e).widthMicros()).findFirst()
                .orElse(acquisition.testWidthMicros());
        double weiss = (1 + TYPICAL_SDTC_MICROS / width) / (1 + TYPICAL_SDTC_MICROS / acquisition.testWidthMicros());
        return Math.round(fromCurve * weiss);
    }

    /** A conditioned channel starts where it last ended (the previous delay), else at the control threshold. */
    long warmStart(ChannelPlan channel) {
        Long previous = thresholds.get(channel.name());
        return previous != null ? previous : startFor(channel);
    }
}
