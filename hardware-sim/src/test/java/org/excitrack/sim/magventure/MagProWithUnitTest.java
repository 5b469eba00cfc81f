package org.excitrack.sim.magventure;

import org.excitrack.sim.SweepWindows;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.Reply;
import org.excitrack.device.magventure.MagProStimulator;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.sim.SimulatorConfig;
import org.excitrack.sim.TriggeredStimulator;
import org.excitrack.sim.VirtualTimeScheduler;
import org.excitrack.sim.VirtualUnit;
import org.excitrack.sim.cortex.MagneticPulse;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.VirtualTimeLink;
import static org.excitrack.sim.SweepWindows.peakToPeakMicrovolts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The acquisition unit's trigger output fires the virtual MagPro that the driver has set up over its serial port;
 * the unit, the MagPro and the virtual subject share one thread and one virtual clock, as they would share a room.
 */
class MagProWithUnitTest {
    private static final long TRIGGER_ONSET_MICROS = 5_000;
    private final ExecutorService deviceThread = Executors.newSingleThreadExecutor();
    private final VirtualTimeScheduler time = new VirtualTimeScheduler(deviceThread);
    private final List<Envelope> fromUnit = new CopyOnWriteArrayList<>();
    private final List<MagneticPulse> delivered = new CopyOnWriteArrayList<>();
    private final MessageCodec codec = new MessageCodec();
    private VirtualUnit unit;
    private MagProServer server;
    private MagProStimulator magPro;
    private int sequence;

    @BeforeEach
    void wireUp() {
        unit = on(() -> new VirtualUnit(SimulatorConfig.defaults(), time, fromUnit::add));
        PipeLink[] ends = PipeLink.pair("sim:magpro");
        server = MagProServer.serveOn(ends[1], time, deviceThread, Map.of());
        on(() -> {
            unit.connect(new Recording(server.device()));
            return null;
        });
        magPro = MagProStimulator.connect(new VirtualTimeLink(ends[0], time), "sim:magpro");
        toUnit(new Command.Configure(AmplifierSettings.nerveDefaults()));
        toUnit(new Command.Arm(600_000));
    }

    @AfterEach
    void tearDown() {
        magPro.close();
        server.close();
        deviceThread.shutdownNow();
    }

    @Test
    void theUnitsTriggerFiresTheArmedMagProAndTheMepIsInThatSweep() throws Exception {
        magPro.setPowers(StimulatorPowers.single(70));
        magPro.arm();
        CompletableFuture<Long> pulseMessage = new CompletableFuture<>();
        magPro.onPulseFired(p -> pulseMessage.complete(magPro.pulsesFired()));

        Sweep sweep = runTrial(1);

        assertThat(delivered).containsExactly(new MagneticPulse(TRIGGER_ONSET_MICROS, 70));
        assertThat(pulseMessage.get(5, TimeUnit.SECONDS)).as("the driver saw the discharge").isEqualTo(1);
        assertThat(peakToPeakMicrovolts(sweep, TRIGGER_ONSET_MICROS + latencyMicros() - 3_000,
                TRIGGER_ONSET_MICROS + latencyMicros() + 15_000)).as("MEP at 70 % MSO").isGreaterThan(300);
        assertThat(peakToPeakMicrovolts(sweep, 0, TRIGGER_ONSET_MICROS - 1_000)).isLessThan(100);
    }

    @Test
    void inDualModeOneTriggerGivesTheConditioningThenTheTestPulse() {
        magPro.setPairIntervalMicros(3_000);
        magPro.setPowers(new StimulatorPowers(40, 70));
        magPro.arm();

        runTrial(2);

        assertThat(delivered).containsExactly(new MagneticPulse(TRIGGER_ONSET_MICROS, 40),
                new MagneticPulse(TRIGGER_ONSET_MICROS + 3_000, 70));
    }

    @Test
    void aDisarmedMagProMissesTheTriggerAndTheSweepHasNoMep() {
        magPro.setPowers(StimulatorPowers.single(70));

        Sweep sweep = runTrial(3);

        assertThat(delivered).isEmpty();
        assertThat(server.ask(VirtualMagPro::missedTriggers)).isEqualTo(1);
        assertThat(magPro.pulsesFired()).isZero();
        assertThat(peakToPeakMicrovolts(sweep, TRIGGER_ONSET_MICROS, 60_000)).isLessThan(100);
    }

    private Sweep runTrial(long id) {
        TrialSpec tms = new TrialSpec(id, List.of(), List.of(), List.of(new TriggerOut(0, TRIGGER_ONSET_MICROS, 100)),
                new RecordingWindow(0, 60_000));
        toUnit(new Command.RunTrial(tms));
        try {
            time.advanceTo(time.nowMicros() + 60_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        return fromUnit.stream().map(Envelope::message).filter(Reply.TrialCompleted.class::isInstance)
                .map(m -> ((Reply.TrialCompleted) m).result()).filter(r -> r.trialId() == id).findFirst()
                .orElseThrow(() -> new AssertionError("trial " + id + " did not complete: " + fromUnit)).sweep();
    }

    private void toUnit(Command command) {
        int s = ++sequence;
        on(() -> {
            unit.onFrame(codec.encode(Envelope.of(s, command)));
            return null;
        });
    }

    private <T> T on(Callable<T> call) {
        try {
            return deviceThread.submit(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static long latencyMicros() {
        return Math.round(SimulatorConfig.defaults().subject().cortex().parameters().mepLatencyMillis() * 1000);
    }


    /** Passes the MagPro's pulses to the unit and keeps a copy for the test. */
    private final class Recording implements TriggeredStimulator {
        private final VirtualMagPro magPro;

        Recording(VirtualMagPro magPro) {
            this.magPro = magPro;
        }

        @Override
        public Optional<MagneticPulse> onTrigger(TriggerOut trigger) {
            return pulsesFor(trigger).stream().findFirst();
        }

        @Override
        public List<MagneticPulse> pulsesFor(TriggerOut trigger) {
            List<MagneticPulse> pulses = new ArrayList<>(magPro.pulsesFor(trigger));
            delivered.addAll(pulses);
            return pulses;
        }
    }
}
