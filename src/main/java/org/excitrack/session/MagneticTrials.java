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

/**
 * Gives one magnetic trial and measures it: sets the stimulator's outputs (waiting for a drop in power to settle),
 * makes sure it is charged, lets the unit time the triggers and record the sweep, then measures the MEP and the EMG
 * before the pulse. A trial whose pre-stimulus EMG is outside the protocol's band (the muscle was not at rest, or
 * not contracting when it should) is recorded as rejected and given again; after {@link #MAX_REJECTIONS} in a row
 * the operator is asked to help the subject relax before the session goes on.
 */
final class MagneticTrials {
    static final int MAX_REJECTIONS = 5;
    /** The pre-stimulus EMG window, relative to the trial's first pulse: all the recorded lead-in but its edges. */
    static final long PRE_WINDOW_START_MICROS = -(MagneticTrialBuilder.PRE_STIMULUS_MICROS - 5_000);
    static final long PRE_WINDOW_END_MICROS = -5_000;

    private final MagneticStimulator stimulator;
    private final MagneticTrialBuilder builder;
    private final AcquisitionPlan.Magnetic settings;
    private final MepMeasurer measurer;
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

    /** What one accepted trial measured. */
    record Measured(int testPercentMso, double mepMicrovolts, MepMeasures measures) {
    }

    MagneticTrials(MagneticStimulator stimulator, MagneticTrialBuilder builder, AcquisitionPlan.Magnetic settings,
                   TrialGiver giver, SessionRecorder recorder, Operator operator, Consumer<SessionEvent> events) {
        this.stimulator = stimulator;
        this.builder = builder;
        this.settings = settings;
        this.measurer = new MepMeasurer(settings.mepWindowStartMicros(), settings.mepWindowEndMicros(),
                PRE_WINDOW_START_MICROS, PRE_WINDOW_END_MICROS, new PreStimulusCriterion(
                PreStimulusCriterion.Measure.PEAK_TO_PEAK, settings.backgroundEmgMinMicrovolts(),
                settings.backgroundEmgMaxMicrovolts()));
        this.giver = giver;
        this.recorder = recorder;
        this.operator = operator;
        this.events = events;
    }

    /** Gives {@code channel} until a trial passes the EMG check; returns that trial's MEP. */
    Measured give(String section, String point, ChannelPlan channel, int testPercentMso,
                  ToDoubleFunction<String> thresholds) throws InterruptedException {
        int rejections = 0;
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
                return new Measured(trial.testPercentMso(), m.peakToPeakMicrovolts(), m);
            }
            String why = String.format(java.util.Locale.ROOT, "background EMG %.0f µV peak-to-peak before the pulse is "
                    + "outside %.0f–%.0f µV; trial %d rejected and given again", background,
                    settings.backgroundEmgMinMicrovolts(), settings.backgroundEmgMaxMicrovolts(), trial.spec().trialId());
            recorder.event("warning", "emg: " + why);
            events.accept(new SessionEvent.Warning("emg", why));
            if (++rejections >= MAX_REJECTIONS) {
                String ask = settings.backgroundEmgMinMicrovolts() > 0
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
