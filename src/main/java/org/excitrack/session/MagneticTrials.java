package org.excitrack.session;

import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.model.Response;
import org.excitrack.model.TrialResult;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.session.MeasuredSweep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.tracking.tms.MepMeasurer;
import org.excitrack.tracking.tms.MepMeasures;
import org.excitrack.tracking.tms.PreStimulusCriterion;
import org.excitrack.tracking.tms.PreStimulusEmg;
import org.excitrack.tracking.tms.SilentPeriod;
import org.excitrack.tracking.tms.SilentPeriodDetector;
import org.excitrack.model.plan.EmgBand;
import java.util.Optional;

/**
 * Gives one magnetic trial and measures it: sets the stimulator's outputs (waiting for a drop in power to settle),
 * makes sure it is charged, lets the unit time the triggers and record the sweep, then measures the MEP and the EMG
 * before the pulse. A trial whose pre-stimulus EMG is outside the protocol's band (the muscle was not at rest, or
 * not contracting when it should) is recorded as rejected and given again; after {@link #MAX_REJECTIONS} in a row
 * the operator is asked to help the subject relax before the session goes on.
 */
final class MagneticTrials {
    static final int MAX_REJECTIONS = 5;
    /**
     * After this many prompts in a row without an accepted trial, the session stops at the next run of rejections (25
     * rejected trials in all) rather than stimulate on: nobody is fixing the EMG (a non-interactive run, or a subject
     * who cannot relax or contract).
     */
    static final int MAX_PROMPTS_IN_A_ROW = 4;
    /** The pre-stimulus EMG window, relative to the trial's first pulse: all the recorded lead-in but its edges. */
    static final long PRE_WINDOW_START_MICROS = -(MagneticTrialBuilder.PRE_STIMULUS_MICROS - 5_000);
    static final long PRE_WINDOW_END_MICROS = -5_000;

    private final MagneticStimulator stimulator;
    private final MagneticTrialBuilder builder;
    private final AcquisitionPlan.Magnetic settings;
    private MepMeasurer measurer;
    private SilentPeriodDetector silentPeriods;
    private EmgBand band;
    private final java.util.List<MagneticSession.SilentPeriodFound> silentPeriodsFound = new java.util.ArrayList<>();
    private final TrialGiver giver;
    private final SessionRecorder recorder;
    private final Operator operator;
    private final Consumer<SessionEvent> events;
    private StimulatorPowers powers;
    private boolean armed;

    /** Runs a trial spec on the unit, paced and checked (the session's TrialRunner, with link recovery). */
    interface TrialGiver {
        long nextTrialId();

        TrialResult give(org.excitrack.model.TrialSpec spec) throws InterruptedException;
    }

    /**
     * What one accepted trial measured.
     *
     * @param silentPeriod the cortical silent period, looked for in a section whose background EMG asks for a
     *     contraction; empty when none was found or it was not looked for
     */
    record Measured(long trialId, int testPercentMso, double mepMicrovolts, MepMeasures measures,
                    Optional<SilentPeriod> silentPeriod) {
    }

    MagneticTrials(MagneticStimulator stimulator, MagneticTrialBuilder builder, AcquisitionPlan.Magnetic settings,
                   TrialGiver giver, SessionRecorder recorder, Operator operator, Consumer<SessionEvent> events) {
        this.stimulator = stimulator;
        this.builder = builder;
        this.settings = settings;
        useBand(Optional.empty());
        this.giver = giver;
        this.recorder = recorder;
        this.operator = operator;
        this.events = events;
    }

    /**
     * The pre-stimulus EMG band for the trials from now on: a section's own, or (empty) the settings'. A band that
     * asks for a contraction also has each accepted trial's cortical silent period measured.
     */
    void useBand(Optional<EmgBand> sectionBand) {
        band = sectionBand.orElseGet(() -> new EmgBand(settings.backgroundEmgMinMicrovolts(),
                settings.backgroundEmgMaxMicrovolts()));
        measurer = new MepMeasurer(settings.mepWindowStartMicros(), settings.mepWindowEndMicros(),
                PRE_WINDOW_START_MICROS, PRE_WINDOW_END_MICROS, new PreStimulusCriterion(
                PreStimulusCriterion.Measure.PEAK_TO_PEAK, band.minMicrovolts(), band.maxMicrovolts()));
        silentPeriods = band.active() ? SilentPeriodDetector.defaults(measurer) : null;
    }

    /** Gives {@code channel} until a trial passes the EMG check; returns that trial's MEP. */
    Measured give(String section, String point, ChannelPlan channel, int testPercentMso,
                  ToDoubleFunction<String> thresholds) throws InterruptedException {
        int rejections = 0;
        int prompts = 0;
        while (true) {
            MagneticTrialBuilder.MagneticTrial trial = builder.build(giver.nextTrialId(), channel, testPercentMso,
                    thresholds, settings.maxIntensityPercentMso());
            prepare(trial.powers());
            TrialResult result = giver.give(trial.spec());
            stimulator.keepAlive(); // the trial's own time counts against the stimulator's watchdog
            MepMeasures m = measurer.measure(result.sweep(), 0, trial.testOnsetMicros(), trial.firstPulseOnsetMicros());
            boolean rejected = !m.isAccepted();
            double background = m.preStimulus().peakToPeakMicrovolts();
            // the trial table's columns are the nerve CMAP's; an MEP fills peak-to-peak, latency (onset) and noise
            Response response = new Response(Double.NaN, m.peakToPeakMicrovolts(), m.onsetLatencyMicros(),
                    m.preStimulus().rmsMicrovolts());
            recorder.trial(section, point, 0, result, response, trackerState(trial, m, rejected));
            recorder.magneticPulses(trial.spec().trialId(), trial.pulses());
            events.accept(new SessionEvent.MagneticTrial(trial.spec().trialId(), section, point, channel.name(),
                    trial.pulses(), m.peakToPeakMicrovolts(), background, rejected, trial.testPercentMso(),
                    new MeasuredSweep(result.sweep(), trial.testOnsetMicros() + settings.mepWindowStartMicros(),
                            trial.testOnsetMicros() + settings.mepWindowEndMicros())));
            if (!rejected) {
                Optional<SilentPeriod> sp = Optional.empty();
                if (silentPeriods != null) {
                    sp = silentPeriods.detect(result.sweep(), 0, trial.testOnsetMicros(), trial.firstPulseOnsetMicros());
                    recorder.silentPeriod(trial.spec().trialId(), sp);
                    silentPeriodsFound.add(new MagneticSession.SilentPeriodFound(section, point, channel.name(),
                            trial.spec().trialId(), trial.testPercentMso(), sp));
                }
                return new Measured(trial.spec().trialId(), trial.testPercentMso(), m.peakToPeakMicrovolts(), m, sp);
            }
            String why = String.format(java.util.Locale.ROOT, "background EMG %.0f µV peak-to-peak before the pulse is "
                    + "%s %.0f–%.0f µV; trial %d rejected and given again", background,
                    m.preStimulus().verdict() == PreStimulusEmg.Verdict.TOO_QUIET ? "below the band (not contracting)"
                    : band.active() ? "above the band (contracting too strongly)" : "above the resting limit",
                    band.minMicrovolts(), band.maxMicrovolts(), trial.spec().trialId());
            recorder.event("warning", "emg: " + why);
            events.accept(new SessionEvent.Warning("emg", why));
            if (++rejections >= MAX_REJECTIONS) {
                if (++prompts > MAX_PROMPTS_IN_A_ROW) {
                    throw new SessionAbortedException(org.excitrack.model.session.SessionState.ABORTED, String.format(
                            java.util.Locale.ROOT, "the background EMG before the pulse was outside %.0f–%.0f µV in "
                            + "%d trials in a row, despite %d prompts; stopped without stimulating further",
                            band.minMicrovolts(), band.maxMicrovolts(), MAX_REJECTIONS * (MAX_PROMPTS_IN_A_ROW + 1),
                            MAX_PROMPTS_IN_A_ROW));
                }
                String ask = band.active()
                        ? "The EMG before the pulse was outside the band " + MAX_REJECTIONS + " times in a row. Ask the "
                        + "subject to hold the contraction steady, then continue."
                        : "The muscle was not at rest " + MAX_REJECTIONS + " times in a row. Ask the subject to relax the "
                        + "hand completely, then continue.";
                operator.acknowledge(ask);
                recorder.prompt(ask, "acknowledged");
                events.accept(new SessionEvent.Prompt(ask, "acknowledged"));
                rejections = 0;
            }
        }
    }

    /** Sets only what changed; arms once and re-arms if the stimulator dropped out of its armed state. */
    private void prepare(StimulatorPowers wanted) {
        if (!wanted.equals(powers)) {
            stimulator.setPowers(wanted);
            powers = wanted;
        }
        if (!armed || !stimulator.status().ready()) {
            stimulator.arm();
            armed = true;
        }
    }

    /** Every silent period looked for so far, in trial order (found or not). */
    java.util.List<MagneticSession.SilentPeriodFound> silentPeriods() {
        return java.util.List.copyOf(silentPeriodsFound);
    }

    /** An event in the recording, not shown as a warning. */
    void note(String kind, String detail) {
        recorder.event(kind, detail);
    }

    void warn(String kind, String message) {
        recorder.event("warning", kind + ": " + message);
        events.accept(new SessionEvent.Warning(kind, message));
    }

    void disarm() {
        armed = false;
        stimulator.disarm();
    }

    private static String trackerState(MagneticTrialBuilder.MagneticTrial trial, MepMeasures m, boolean rejected) {
        return String.format(java.util.Locale.ROOT, "{\"magnetic\":true,\"testPercentMso\":%d,\"mepMicrovolts\":%.2f,"
                + "\"backgroundMicrovolts\":%.2f,\"rejected\":%b}", trial.testPercentMso(), m.peakToPeakMicrovolts(),
                m.preStimulus().peakToPeakMicrovolts(), rejected);
    }
}
