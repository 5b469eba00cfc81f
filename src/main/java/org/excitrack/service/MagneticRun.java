package org.excitrack.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.MagneticStimulators;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.session.FeedingClock;
import org.excitrack.transport.Link;
import org.excitrack.transport.VirtualTimeLink;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionListener;
import org.excitrack.model.session.SessionState;
import org.excitrack.model.tms.TriggerWiring;
import org.excitrack.session.MagneticSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingWriter;

/** Runs a TMS protocol: the unit records and triggers, the magnetic stimulator named by {@code --tms} stimulates. */
final class MagneticRun {
    /** Half the unit's 2 s watchdog. */
    private static final long FEED_EVERY_MICROS = 500_000;

    private final RunControl control;
    private final RunService service;

    MagneticRun(RunControl control, RunService service) {
        this.control = control;
        this.service = service;
    }

    RunService.RunReport run(RunService.RunRequest request, AcquisitionUnit unit, ProtocolPlan plan, String source,
                             Map<String, Double> inputs, SessionListener listener) throws InterruptedException {
        RunService.Magnetic magnetic = request.magnetic().orElseThrow(() -> new InvalidRequestException("protocol \""
                + plan.name() + "\" gives magnetic stimuli: name the stimulator with --tms, e.g. --tms "
                + "serial:/dev/ttyUSB1?device=magstim-bistim, or --tms sim:magstim-bistim with the simulator", null));
        try (MagneticStimulator stimulator = open(magnetic.stimulatorUri(), unit)) {
            requireOutputs(plan, stimulator);
            return run(request, unit, plan, source, inputs, listener, magnetic, stimulator);
        }
    }

    private static void requireOutputs(ProtocolPlan plan, MagneticStimulator stimulator) {
        try {
            MagneticSession.requireOutputs(plan, stimulator.identity().model());
        } catch (org.excitrack.session.StimulusRefusedException e) {
            throw new InvalidRequestException(e.getMessage(), e);
        }
    }

    private RunService.RunReport run(RunService.RunRequest request, AcquisitionUnit unit, ProtocolPlan plan,
                                     String source, Map<String, Double> inputs, SessionListener listener,
                                     RunService.Magnetic magnetic, MagneticStimulator stimulator)
            throws InterruptedException {
        try (RecordingWriter writer = RecordingFile.create(request.out(), RunService.metadata(request, plan, source,
                unit))) {
            writer.recordStimulator(stimulator.identity());
            MagneticSession session = new MagneticSession(unit, stimulator, plan, SafetyLimits.nerveDefaults(),
                    service.operatorFor(request, inputs), control.session(), new RecordingFileRecorder(writer,
                    Clock.systemUTC()), Ticker.SYSTEM, new TmsEstimators(), TriggerWiring.DEFAULT);
            magnetic.motorThresholdMethod().ifPresent(session::useMotorThresholdMethod);
            session.addListener(listener);
            MagneticSession.Outcome outcome = session.run();
            List<MagneticResults.Value> values = MagneticResults.of(plan, outcome.thresholds().stream()
                    .map(f -> new MagneticResults.Threshold(f.section(), f.point(), f.channel(), f.threshold()))
                    .toList(), outcome.silentPeriods().stream().map(sp -> new MagneticResults.SilentPeriodTrial(
                    sp.section(), sp.channel(), sp.trialId(), sp.silentPeriod()
                    .map(org.excitrack.tracking.tms.SilentPeriod::durationFromMepOnsetMillis).orElse(Double.NaN)))
                    .toList());
            if (outcome.state() == SessionState.FINISHED) {
                writer.finish();
            }
            return new RunService.RunReport(outcome.state(), outcome.reason(), outcome.trials(), request.out(),
                    List.of(), unit.identity().serialNumber(), values);
        }
    }

    /**
     * In virtual time the stimulator's waits run the unit's clock; the unit's watchdog is fed meanwhile (its
     * client's heartbeat thread does that in real time).
     */
    private static MagneticStimulator open(String uri, AcquisitionUnit unit) {
        try {
            return MagneticStimulators.open(uri, MagstimTimings.defaults(), link -> link.virtualClock()
                    .<Link>map(clock -> new VirtualTimeLink(link, new FeedingClock(clock, FEED_EVERY_MICROS,
                            unit::status))).orElse(link));
        } catch (IllegalArgumentException e) { // PortUriException too: a usage error
            throw new InvalidRequestException("--tms " + uri + ": " + e.getMessage(), e);
        }
    }
}
