package org.excitrack.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.DeviceException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Response;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.Quantities;
import org.excitrack.session.Ticker;
import org.excitrack.session.VirtualTicker;
import org.excitrack.session.TrialRunner;
import org.excitrack.session.UnitBackstop;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.tracking.CurveInterpolation;
import org.excitrack.tracking.MaximalResponseSearch;
import org.excitrack.tracking.RegressionTracker;
import org.excitrack.tracking.StimulusResponsePoint;
import org.excitrack.tracking.ThresholdEstimate;
import org.excitrack.transport.PortUriException;

/**
 * Measures one threshold: finds the maximal CMAP, sets the target as a percentage of it, and tracks the
 * stimulus that evokes the target until the estimate is precise enough.
 */
public final class ThresholdService {
    /** Time zero to test pulse: leaves 2 ms of baseline before the stimulus. */
    static final long PULSE_ONSET_MICROS = 2_000;
    static final RecordingWindow WINDOW = new RecordingWindow(0, 30_000);
    private static final Duration WATCHDOG = Duration.ofSeconds(1);
    /** Responses smaller than this are treated as no response while searching for the maximum. */
    private static final double MIN_RESPONSE_MICROVOLTS = 100;

    private final Ticker ticker;
    private final CmapMeasurer measurer = CmapMeasurer.nerveDefaults();

    /** With the system clock, for real time against hardware or the real-time simulator. */
    public ThresholdService() {
        this(Ticker.SYSTEM);
    }

    public ThresholdService(Ticker ticker) {
        this.ticker = ticker;
    }

    public ThresholdReport measure(ThresholdRequest request, Consumer<ThresholdProgress> progress)
            throws InterruptedException {
        try (AcquisitionUnit unit = open(request.port())) {
            return measure(unit, request, progress);
        }
    }

    /** Runs the measurement on an open unit; the unit is disarmed again whatever happens. */
    public ThresholdReport measure(AcquisitionUnit unit, ThresholdRequest request, Consumer<ThresholdProgress> progress)
            throws InterruptedException {
        unit.configure(AmplifierSettings.nerveDefaults().withDefaultWindow(WINDOW));
        SafetyLimits inForce = unit.setLimits(UnitBackstop.limitsFor(request.limits())).tighterOf(request.limits());
        TrialRunner runner = new TrialRunner(unit, inForce, request.intervalMicros(), tickerFor(unit));
        unit.arm(WATCHDOG);
        ThresholdReport report;
        try {
            report = run(unit, runner, request, progress);
        } catch (RuntimeException | InterruptedException e) {
            disarmAfterFailure(unit, e);
            throw e;
        }
        unit.disarm();
        return report;
    }

    /** The unit's virtual clock when it has one (the in-process simulator in virtual time), else ours. */
    private Ticker tickerFor(AcquisitionUnit unit) {
        return unit.virtualClock().<Ticker>map(clock -> new VirtualTicker(clock, WATCHDOG.toNanos() / 2000,
                unit::status)).orElse(ticker);
    }

    /**
     * Disarms on the way out of a failure without hiding it. If the unit cannot be reached, its watchdog
     * switches the outputs off once our heartbeats stop.
     */
    private static void disarmAfterFailure(AcquisitionUnit unit, Exception cause) {
        try {
            unit.disarm();
        } catch (DeviceException e) {
            cause.addSuppressed(e);
        }
    }

    private ThresholdReport run(AcquisitionUnit unit, TrialRunner runner, ThresholdRequest request,
                                Consumer<ThresholdProgress> progress) throws InterruptedException {
        long resolution = unit.capabilities().currentResolutionNanoamps();
        long ceiling = stimulusCeiling(runner.limits(), request.widthMicros());
        List<StimulusResponsePoint> all = new ArrayList<>();

        MaximalResponseSearch search = new MaximalResponseSearch(request.startNanoamps(), ceiling,
                MIN_RESPONSE_MICROVOLTS);
        for (OptionalLong next = search.nextStimulusNanoamps(); next.isPresent(); next = search.nextStimulusNanoamps()) {
            long stimulus = roundTo(next.getAsLong(), resolution);
            double response = stimulate(runner, request.widthMicros(), stimulus);
            search.record(stimulus, response);
            all.add(new StimulusResponsePoint(stimulus, response));
            progress.accept(new ThresholdProgress(ThresholdProgress.Phase.SEARCHING_MAXIMUM, all.size(), stimulus,
                    response, Optional.empty()));
        }
        if (!search.isDone()) {
            throw new MeasurementFailedException(String.format(
                    "no maximal response: the search needed %s but the limits allow at most %s for a %d µs pulse; "
                            + "the largest response was %.2f mV. Check the stimulating and recording electrodes.",
                    Quantities.milliamps(search.wantedStimulusNanoamps()), Quantities.milliamps(ceiling),
                    request.widthMicros(), search.largestResponseMicrovolts() / 1000));
        }
        int searchStimuli = all.size();
        double maximal = search.maximalResponseMicrovolts();
        double target = maximal * request.targetPercent() / 100;
        long start = CurveInterpolation.stimulusFor(search.allPoints(), target)
                .orElse(search.allPoints().get(0).stimulusNanoamps());

        RegressionTracker.Settings settings = RegressionTracker.Settings.defaults()
                .withTargetRelativeError(request.precisionPercent() / 100).withMaxStimuli(request.maxTrackingStimuli());
        RegressionTracker tracker = new RegressionTracker(target, start, search.allPoints(), settings);
        while (!tracker.isConverged() && !tracker.isExhausted()) {
            long stimulus = roundTo(Math.min(ceiling, tracker.nextStimulusNanoamps()), resolution);
            double response = stimulate(runner, request.widthMicros(), stimulus);
            tracker.record(stimulus, response);
            all.add(new StimulusResponsePoint(stimulus, response));
            progress.accept(new ThresholdProgress(ThresholdProgress.Phase.TRACKING, all.size(), stimulus, response,
                    tracker.estimate().map(ThresholdValue::of)));
        }
        ThresholdEstimate estimate = tracker.estimate().orElseThrow(() -> new MeasurementFailedException(
                "the responses near the target did not rise with the stimulus after " + tracker.stimuliGiven()
                        + " stimuli; no threshold could be estimated"));
        return new ThresholdReport(unit.identity(), request.widthMicros(), request.targetPercent(), maximal, target,
                ThresholdValue.of(estimate), searchStimuli, tracker.stimuliGiven(), tracker.isConverged(), all);
    }

    private double stimulate(TrialRunner runner, long widthMicros, long nanoamps) throws InterruptedException {
        TrialSpec trial = TrialSpec.singlePulse(runner.nextTrialId(),
                Pulse.cathodal(PULSE_ONSET_MICROS, widthMicros, nanoamps), WINDOW);
        TrialResult result = runner.run(trial);
        Response response = measurer.measure(result.sweep(), PULSE_ONSET_MICROS);
        return response.negativePeakMicrovolts();
    }

    private static AcquisitionUnit open(String port) {
        try {
            return AcquisitionUnits.open(port);
        } catch (PortUriException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    /** The largest current the limits allow for this width: by current and by charge per pulse. */
    static long stimulusCeiling(SafetyLimits limits, long widthMicros) {
        long byCharge = limits.maxPulseChargeNanocoulombs() * 1_000_000L / widthMicros;
        return Math.min(limits.maxPulseCurrentNanoamps(), byCharge);
    }

    private static long roundTo(long nanoamps, long resolution) {
        return Math.max(resolution, Math.round((double) nanoamps / resolution) * resolution);
    }
}
