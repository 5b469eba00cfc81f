package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.ErrorCode;
import org.excitrack.codec.Event;
import org.excitrack.codec.EventCode;
import org.excitrack.codec.Message;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.Reply;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Polarity;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The unit's state machine, limits, watchdog and idempotency, on a clock the test controls. */
class VirtualUnitTest {
    private static final int WATCHDOG_MS = 200;
    private final ManualScheduler clock = new ManualScheduler();
    private final List<Envelope> sent = new ArrayList<>();
    private final MessageCodec codec = new MessageCodec();
    private VirtualUnit unit;
    private int seq;

    @BeforeEach
    void createUnit() {
        unit = new VirtualUnit(SimulatorConfig.defaults(), clock, sent::add);
    }

    @Test
    void helloNegotiatesTheHighestCommonVersionAndReportsCapabilities() {
        Reply.Identity id = (Reply.Identity) ask(new Command.Hello(1, 3));
        assertThat(id.negotiatedVersion()).isEqualTo(1);
        assertThat(id.serialNumber()).isEqualTo("SIM-00001");
        assertThat(id.capabilities()).contains(ReferenceUnit.CAPABILITIES);
    }

    @Test
    void aUnitWithNoCommonVersionSaysSoWithoutCapabilities() {
        unit = new VirtualUnit(SimulatorConfig.fromParameters(java.util.Map.of("protocol", "2-3")), clock, sent::add);
        Reply.Identity id = (Reply.Identity) ask(new Command.Hello(1, 1));
        assertThat(id.negotiatedVersion()).isZero();
        assertThat(id.unitMinVersion()).isEqualTo(2);
        assertThat(id.capabilities()).isEmpty();
        assertThat(errorCode(ask(new Command.StatusRequest()))).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void trialsNeedConfigurationAndArming() {
        assertThat(errorCode(ask(trial(1, 4_000_000)))).isEqualTo(ErrorCode.NOT_ARMED);
        ask(new Command.Arm(WATCHDOG_MS));
        assertThat(errorCode(ask(trial(1, 4_000_000)))).isEqualTo(ErrorCode.NOT_CONFIGURED);
        assertThat(unit.trialsDelivered()).isZero();
    }

    @Test
    void aTrialReturnsItsResultAfterItsOwnDurationWithTheCurrentAsDelivered() {
        ready();
        sendCommand(trial(1, 4_200_400));
        assertThat(sent).isEmpty();
        clock.advanceMicros(29_999);
        assertThat(sent).isEmpty();
        clock.advanceMicros(1);
        Reply.TrialCompleted done = (Reply.TrialCompleted) only();
        assertThat(done.result().trialId()).isEqualTo(1);
        assertThat(done.result().deliveredPulses().get(0).amplitudeNanoamps()).isEqualTo(4_200_000);
        assertThat(done.result().sweep().samplesPerChannel()).isEqualTo(300);
        assertThat(unit.state()).isEqualTo(UnitState.ARMED);
    }

    @Test
    void aTrialOverALimitIsRefusedWithTheValueAndTheLimitAndNothingIsDelivered() {
        ready();
        ask(new Command.SetLimits(SafetyLimits.nerveDefaults()));
        Reply.Error error = (Reply.Error) ask(trial(1, 60_000_000));
        assertThat(error.code()).isEqualTo(ErrorCode.CAPABILITY_EXCEEDED);
        error = (Reply.Error) ask(trial(2, 30_000_000, 2_000));
        assertThat(error.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(error.limit()).contains(SafetyLimits.Limit.PULSE_CHARGE);
        assertThat(error.value()).isEqualTo(60_000);
        assertThat(error.allowed()).isEqualTo(50_000);
        clock.advanceMicros(1_000_000);
        assertThat(sent).noneMatch(e -> e.message() instanceof Reply.TrialCompleted);
        assertThat(unit.trialsDelivered()).isZero();
    }

    @Test
    void polarizingCurrentLimitsAreEnforcedToo() {
        ready();
        TrialSpec te = new TrialSpec(1, List.of(Pulse.cathodal(100_000, 1_000, 4_000_000)),
                List.of(new PolarizingStep(0, 1_500_000, 1_600_000, Polarity.ANODAL)), List.of(),
                new RecordingWindow(100_000, 30_000));
        Reply.Error error = (Reply.Error) ask(new Command.RunTrial(te));
        assertThat(error.code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
        assertThat(error.limit()).contains(SafetyLimits.Limit.POLARIZING_DURATION);
    }

    @Test
    void setLimitsAppliesTheTighterOfTheHostsAndTheHardLimits() {
        SafetyLimits asked = new SafetyLimits(80_000_000, 10_000, 1, 1, 1, 1);
        Reply.LimitsInForce inForce = (Reply.LimitsInForce) ask(new Command.SetLimits(asked));
        assertThat(inForce.limits()).isEqualTo(asked.tighterOf(ReferenceUnit.HARD_LIMITS));
        assertThat(inForce.limits().maxPulseCurrentNanoamps()).isEqualTo(50_000_000);
        assertThat(inForce.limits().minTrialIntervalMicros()).isEqualTo(50_000);
    }

    @Test
    void trialsSoonerThanTheMinimumIntervalAreRefused() {
        ready();
        sendCommand(trial(1, 4_000_000));
        clock.advanceMicros(30_000);
        sent.clear();
        clock.advanceMicros(10_000);
        Reply.Error error = (Reply.Error) ask(trial(2, 4_000_000));
        assertThat(error.code()).isEqualTo(ErrorCode.TRIAL_TOO_SOON);
        assertThat(error.value()).isEqualTo(40_000);
        assertThat(error.allowed()).isEqualTo(50_000);
    }

    @Test
    void resendingTheSameTrialReturnsTheCachedResultWithoutStimulatingAgain() {
        ready();
        sendCommand(trial(7, 4_000_000));
        clock.advanceMicros(30_000);
        Reply.TrialCompleted first = (Reply.TrialCompleted) only();
        Reply.TrialCompleted again = (Reply.TrialCompleted) ask(trial(7, 4_000_000));
        assertThat(again.result()).isEqualTo(first.result());
        assertThat(unit.trialsDelivered()).isEqualTo(1);
        assertThat(errorCode(ask(trial(7, 5_000_000)))).isEqualTo(ErrorCode.DUPLICATE_TRIAL_ID);
    }

    @Test
    void abortStopsTheRunningTrialAtOnceAndNoResultFollows() {
        ready();
        int trialSeq = sendCommand(trial(1, 4_000_000));
        clock.advanceMicros(10_000);
        int abortSeq = sendCommand(new Command.Abort());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).sequence()).isEqualTo(abortSeq);
        assertThat(sent.get(0).message()).isInstanceOf(Reply.Ack.class);
        assertThat(sent.get(1).sequence()).isEqualTo(trialSeq);
        assertThat(errorCode(sent.get(1).message())).isEqualTo(ErrorCode.ABORTED);
        assertThat(((Reply.Error) sent.get(1).message()).value()).isEqualTo(1);
        sent.clear();
        clock.advanceMicros(100_000);
        assertThat(sent).isEmpty();
        assertThat(unit.state()).isEqualTo(UnitState.ARMED);
    }

    @Test
    void emergencyStopLatchesUntilCleared() {
        ready();
        int trialSeq = sendCommand(trial(1, 4_000_000));
        ask(new Command.EmergencyStop());
        assertThat(sent).anySatisfy(e -> {
            assertThat(e.sequence()).isEqualTo(trialSeq);
            assertThat(errorCode(e.message())).isEqualTo(ErrorCode.ABORTED);
        });
        assertThat(unit.state()).isEqualTo(UnitState.EMERGENCY_STOPPED);
        assertThat(errorCode(ask(new Command.Arm(WATCHDOG_MS)))).isEqualTo(ErrorCode.EMERGENCY_STOPPED);
        assertThat(errorCode(ask(trial(2, 4_000_000)))).isEqualTo(ErrorCode.EMERGENCY_STOPPED);
        ask(new Command.ClearEmergencyStop());
        assertThat(unit.state()).isEqualTo(UnitState.DISARMED);
        assertThat(ask(new Command.Arm(WATCHDOG_MS))).isInstanceOf(Reply.Ack.class);
    }

    @Test
    void theFrontPanelButtonStopsAndReportsAnEvent() {
        ready();
        unit.pressEmergencyStopButton();
        Event event = (Event) only();
        assertThat(event.code()).isEqualTo(EventCode.EMERGENCY_STOP_PRESSED);
        assertThat(unit.state()).isEqualTo(UnitState.EMERGENCY_STOPPED);
    }

    @Test
    void theWatchdogDisarmsTheUnitWhenTheHostFallsSilent() {
        ready();
        clock.advanceMicros(WATCHDOG_MS * 1000L - 1);
        assertThat(sent).isEmpty();
        ask(new Command.Heartbeat());
        clock.advanceMicros(WATCHDOG_MS * 1000L - 1);
        assertThat(sent).isEmpty();
        assertThat(unit.state()).isEqualTo(UnitState.ARMED);
        clock.advanceMicros(1);
        Event event = (Event) only();
        assertThat(event.code()).isEqualTo(EventCode.WATCHDOG_EXPIRED);
        assertThat(unit.state()).isEqualTo(UnitState.DISARMED);
        Reply.Status status = (Reply.Status) ask(new Command.StatusRequest());
        assertThat(status.lastErrorCode()).as("events are flagged 0x8000 in STATUS").isEqualTo(0x8001);
        assertThat(status.watchdogMillis()).isZero();
    }

    @Test
    void theWatchdogAbortsATrialInFlight() {
        unit = new VirtualUnit(SimulatorConfig.defaults(), clock, sent::add);
        ask(new Command.Configure(AmplifierSettings.nerveDefaults().withDefaultWindow(new RecordingWindow(0, 1_000_000))));
        ask(new Command.Arm(WATCHDOG_MS));
        int trialSeq = sendCommand(trial(1, 4_000_000));
        clock.advanceMicros(WATCHDOG_MS * 1000L);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).sequence()).isEqualTo(trialSeq);
        assertThat(errorCode(sent.get(0).message())).isEqualTo(ErrorCode.ABORTED);
        assertThat(((Event) sent.get(1).message()).code()).isEqualTo(EventCode.WATCHDOG_EXPIRED);
    }

    @Test
    void aUnitToldToHangStopsAnsweringAfterItsTrials() {
        unit = new VirtualUnit(SimulatorConfig.fromParameters(java.util.Map.of("hangAfter", "1")), clock, sent::add);
        ready();
        sendCommand(trial(1, 4_000_000));
        clock.advanceMicros(30_000);
        assertThat(only()).isInstanceOf(Reply.TrialCompleted.class);
        sendCommand(new Command.StatusRequest());
        clock.advanceMicros(1_000_000);
        assertThat(sent).isEmpty();
    }

    @Test
    void undecodableFramesGetSpecificErrors() {
        byte[] unknownType = {1, 0x42, 9, 0};
        unit.onFrame(unknownType);
        assertThat(sent.get(0).sequence()).isEqualTo(9);
        assertThat(errorCode(sent.get(0).message())).isEqualTo(ErrorCode.UNKNOWN_COMMAND);
        byte[] truncatedArm = {1, 0x04, 10, 0, 1};
        unit.onFrame(truncatedArm);
        assertThat(errorCode(sent.get(1).message())).isEqualTo(ErrorCode.MALFORMED);
        assertThat(((Reply.Error) sent.get(1).message()).detail()).contains("watchdog ms");
        byte[] versionTwo = {2, 0x08, 11, 0};
        unit.onFrame(versionTwo);
        assertThat(errorCode(sent.get(2).message())).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
    }

    @Test
    void aMagneticStimulatorOnTheTriggerLineFiresAndTheUnitRecordsTheMepInTheSameSweep() {
        List<org.excitrack.model.TriggerOut> seen = new ArrayList<>();
        unit.connect(trigger -> {
            seen.add(trigger);
            return trigger.line() == 0
                    ? java.util.Optional.of(new org.excitrack.sim.cortex.MagneticPulse(trigger.onsetMicros(), 65))
                    : java.util.Optional.empty();
        });
        ready();
        TrialSpec tms = new TrialSpec(7, List.of(), List.of(),
                List.of(new org.excitrack.model.TriggerOut(0, 5_000, 100)), new RecordingWindow(0, 60_000));
        sendCommand(new Command.RunTrial(tms));
        clock.advanceMicros(60_000);
        Reply.TrialCompleted done = (Reply.TrialCompleted) only();
        double[] uv = done.result().sweep().microvolts(0);
        double latencyMicros = SimulatorConfig.defaults().subject().cortex().parameters().mepLatencyMillis() * 1000;
        int before = (int) (4_000 * done.result().sweep().sampleRateHz() / 1_000_000L);
        int mepStart = (int) ((5_000 + latencyMicros - 3_000) * done.result().sweep().sampleRateHz() / 1_000_000L);
        int mepEnd = (int) ((5_000 + latencyMicros + 15_000) * done.result().sweep().sampleRateHz() / 1_000_000L);
        assertThat(seen).hasSize(1);
        assertThat(peakToPeak(uv, mepStart, mepEnd)).as("MEP at 65 %% MSO, well above RMT").isGreaterThan(300);
        assertThat(peakToPeak(uv, 0, before)).as("quiet before the pulse").isLessThan(100);
    }

    private static double peakToPeak(double[] v, int from, int to) {
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (int i = from; i < Math.min(to, v.length); i++) {
            min = Math.min(min, v[i]);
            max = Math.max(max, v[i]);
        }
        return max - min;
    }

    private void ready() {
        ask(new Command.Configure(AmplifierSettings.nerveDefaults()));
        ask(new Command.Arm(WATCHDOG_MS));
        sent.clear();
    }

    private static Command.RunTrial trial(long id, long nanoamps) {
        return trial(id, nanoamps, 1_000);
    }

    private static Command.RunTrial trial(long id, long nanoamps, long widthMicros) {
        return new Command.RunTrial(TrialSpec.singlePulse(id, Pulse.cathodal(2_000, widthMicros, nanoamps),
                RecordingWindow.CONFIGURED_DEFAULT));
    }

    private int sendCommand(Command command) {
        seq++;
        unit.onFrame(codec.encode(Envelope.of(seq, command)));
        return seq;
    }

    /** Sends a command and returns its immediate reply, checking it carries the command's sequence. */
    private Message ask(Command command) {
        sent.clear();
        int s = sendCommand(command);
        Envelope reply = sent.stream().filter(e -> e.sequence() == s).findFirst().orElseThrow(
                () -> new AssertionError("no immediate reply to " + command + "; sent " + sent));
        sent.remove(reply);
        return reply.message();
    }

    private Message only() {
        assertThat(sent).hasSize(1);
        Message m = sent.get(0).message();
        sent.clear();
        return m;
    }

    private static ErrorCode errorCode(Message m) {
        assertThat(m).isInstanceOf(Reply.Error.class);
        return ((Reply.Error) m).code();
    }

}
