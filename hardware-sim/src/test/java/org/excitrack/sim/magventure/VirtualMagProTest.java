package org.excitrack.sim.magventure;

import org.excitrack.sim.ManualScheduler;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.excitrack.codec.magventure.MagProCommand;
import org.excitrack.codec.magventure.MagProCurrentDirection;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.codec.magventure.MagProMode;
import org.excitrack.codec.magventure.MagProModel;
import org.excitrack.codec.magventure.MagProWaveform;
import org.excitrack.framing.MagProFrameException;
import org.excitrack.model.TriggerOut;
import org.excitrack.sim.cortex.MagneticPulse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The virtual MagPro's answers, pulses, coil and faults, on a clock the test moves. */
class VirtualMagProTest {
    private static final long REPLY_MS = 20;
    private final ManualScheduler clock = new ManualScheduler();
    private final Wire host = new Wire();
    private VirtualMagPro magPro;

    @BeforeEach
    void create() {
        magPro = start(Map.of());
    }

    @Test
    void answersAStatusRequestAfterItsResponseTimeWithItsIdentity() {
        command(new MagProCommand.GetStatus());
        clock.advanceMillis(REPLY_MS - 1);
        assertThat(host.messages).isEmpty();
        clock.advanceMillis(1);

        MagProMessage.Status s = host.last(MagProMessage.Status.class);
        assertThat(s.status().model()).contains(MagProModel.X100_OPTION);
        assertThat(s.status().mode()).isEqualTo(MagProMode.STANDARD);
        assertThat(s.status().waveform()).isEqualTo(MagProWaveform.BIPHASIC);
        assertThat(s.status().enabled()).isFalse();
        assertThat(s.serialNumber()).isEqualTo(12_345);
        assertThat(s.coilTemperatureCelsius()).isEqualTo(24);
        assertThat(s.coilTypeCode()).isEqualTo(60);
    }

    @Test
    void acknowledgesAmplitudesWithMessageOneAndKeepsBForTheShortForm() {
        command(new MagProCommand.SetAmplitudes(55, 35));
        clock.advanceMillis(REPLY_MS);
        assertThat(host.last(MagProMessage.AmplitudeChanged.class).amplitudeAPercent()).isEqualTo(55);

        magPro.onFrame(new byte[] {1, 60});
        clock.advanceMillis(REPLY_MS);
        assertThat(magPro.amplitudeAPercent()).isEqualTo(60);
        assertThat(magPro.amplitudeBPercent()).isEqualTo(35);
        command(new MagProCommand.GetLongStatus());
        clock.advanceMillis(REPLY_MS);
        MagProMessage.LongStatus longStatus = host.last(MagProMessage.LongStatus.class);
        assertThat(longStatus.basic().amplitudeAPercent()).isEqualTo(60);
        assertThat(longStatus.pageCode()).isEqualTo(1);
    }

    @Test
    void aSerialTriggerFiresOnlyWhenEnabledAndRecharged() {
        command(new MagProCommand.SetAmplitudes(60, 0));
        command(new MagProCommand.Trigger());
        assertThat(magPro.missedTriggers()).as("disabled").isEqualTo(1);

        command(new MagProCommand.SetEnabled(true));
        clock.advanceMillis(REPLY_MS);
        assertThat(host.last(MagProMessage.AmplitudeChanged.class).status().enabled()).isTrue();
        command(new MagProCommand.Trigger());
        assertThat(magPro.missedTriggers()).as("still charging").isEqualTo(2);

        clock.advanceMillis(100);
        command(new MagProCommand.Trigger());
        assertThat(magPro.discharges()).isEqualTo(1);
        MagProMessage.PulseFired pulse = host.last(MagProMessage.PulseFired.class);
        assertThat(pulse.didtAAmpsPerMicrosecond()).isEqualTo(90);
        assertThat(pulse.didtBAmpsPerMicrosecond()).isZero();
    }

    @Test
    void theTriggerInputFiresOutputAAtTheTriggerOnsetPlusTheInputDelay() {
        enableAndCharge(70, 0);
        command(new MagProCommand.SetDelays(5, 0, 0));

        List<MagneticPulse> pulses = magPro.pulsesFor(new TriggerOut(0, 5_000, 100));

        assertThat(pulses).containsExactly(new MagneticPulse(5_500, 70));
        assertThat(magPro.pulsesFor(new TriggerOut(1, 5_000, 100))).as("another line").isEmpty();
        assertThat(magPro.missedTriggers()).isZero();
    }

    @Test
    void dualModeGivesAThenBAfterTheIntervalReportedInOneMessage() {
        command(dual(30));
        command(new MagProCommand.GetWaveform());
        clock.advanceMillis(REPLY_MS);
        MagProMessage.Waveform w = host.last(MagProMessage.Waveform.class);
        assertThat(w.mode()).isEqualTo(MagProMode.DUAL);
        assertThat(w.ipiTenthsMillis()).hasValue(30);
        enableAndCharge(40, 65);

        List<MagneticPulse> pulses = magPro.pulsesFor(new TriggerOut(0, 5_000, 100));

        assertThat(pulses).containsExactly(new MagneticPulse(5_000, 40), new MagneticPulse(8_000, 65));
        assertThat(magPro.onTrigger(new TriggerOut(0, 5_000, 100))).as("recharging").isEmpty();
        MagProMessage.PulseFired pulse = host.last(MagProMessage.PulseFired.class);
        assertThat(pulse.didtAAmpsPerMicrosecond()).isEqualTo(60);
        assertThat(pulse.didtBAmpsPerMicrosecond()).isEqualTo(98);
        assertThat(host.all(MagProMessage.PulseFired.class)).hasSize(1);
    }

    @Test
    void twinModeScalesBByTheRatioAndReportsAWidePairInTwoMessages() {
        command(new MagProCommand.SetWaveform(MagProModel.X100_OPTION, MagProMode.TWIN, MagProCurrentDirection.NORMAL,
                MagProWaveform.MONOPHASIC, 2, 1000, 150));
        enableAndCharge(50, 0);

        List<MagneticPulse> pulses = magPro.pulsesFor(new TriggerOut(0, 0, 100));

        assertThat(pulses).containsExactly(new MagneticPulse(0, 50), new MagneticPulse(100_000, 75));
        assertThat(host.all(MagProMessage.PulseFired.class)).hasSize(1);
        clock.advanceMillis(100);
        assertThat(host.all(MagProMessage.PulseFired.class))
                .extracting(MagProMessage.PulseFired::didtBAmpsPerMicrosecond)
                .containsExactly(0, 113);
    }

    @Test
    void aBurstGivesItsPulsesAtTheBurstInterval() {
        command(new MagProCommand.SetWaveform(MagProModel.X100_OPTION, MagProMode.STANDARD,
                MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC_BURST, 3, 100, 100));
        enableAndCharge(30, 0);

        assertThat(magPro.pulsesFor(new TriggerOut(0, 0, 100))).extracting(MagneticPulse::onsetMicros)
                .containsExactly(0L, 10_000L, 20_000L);
    }

    @Test
    void triggersFasterThanTheRateLimitAreMissedEvenWithoutRecharge() {
        magPro = start(Map.of("recharge", "0"));
        enableAndCharge(50, 0);
        assertThat(magPro.pulsesFor(new TriggerOut(0, 0, 100))).hasSize(1);
        clock.advanceMillis(9);
        assertThat(magPro.pulsesFor(new TriggerOut(0, 0, 100))).as("X100: 100 pulses/s").isEmpty();
        clock.advanceMillis(1);
        assertThat(magPro.pulsesFor(new TriggerOut(0, 0, 100))).hasSize(1);
        assertThat(magPro.missedTriggers()).isEqualTo(1);
    }

    @Test
    void theCoilWarmsWithPulsesReportsEachDegreeAndCoolsBack() {
        magPro = start(Map.of("heatPerPulse", "0.6"));
        enableAndCharge(100, 0);
        for (int i = 0; i < 5; i++) {
            magPro.pulsesFor(new TriggerOut(0, 0, 100));
            clock.advanceMillis(200);
        }
        assertThat(magPro.coilTemperatureCelsius()).isCloseTo(27.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(host.all(MagProMessage.Temperature.class))
                .extracting(MagProMessage.Temperature::coilTemperatureCelsius)
                .containsExactly(25, 26, 27);

        clock.advanceMillis(60 * 60 * 1000);
        assertThat(magPro.coilTemperatureCelsius()).isCloseTo(24.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(host.last(MagProMessage.Temperature.class).coilTemperatureCelsius()).isEqualTo(24);
    }

    @Test
    void pastItsOwnCutoffItDisablesItselfAndRefusesToEnable() {
        magPro = start(Map.of("temperature", "42", "heatPerPulse", "2"));
        enableAndCharge(100, 0);
        magPro.pulsesFor(new TriggerOut(0, 0, 100));

        assertThat(magPro.enabled()).isFalse();
        assertThat(host.last(MagProMessage.AmplitudeChanged.class).status().enabled()).isFalse();
        command(new MagProCommand.SetEnabled(true));
        assertThat(magPro.enabled()).isFalse();
    }

    @Test
    void settingsForAnotherModelAreIgnored() {
        command(new MagProCommand.SetWaveform(MagProModel.R30_OPTION, MagProMode.DUAL, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, 30, 100));
        assertThat(magPro.mode()).isEqualTo(MagProMode.STANDARD);
        assertThat(magPro.ignoredCommands()).isEqualTo(1);
    }

    @Test
    void trainCommandsAndMalformedOnesAreIgnoredWithoutAnswer() {
        magPro.onFrame(new byte[] {6, 0, 10, 0, 5, 0, 1, 0, 10});
        magPro.onFrame(new byte[] {1, (byte) 150, 0});
        magPro.onFrame(new byte[] {4});
        clock.advanceMillis(REPLY_MS);
        assertThat(host.messages).isEmpty();
        assertThat(magPro.ignoredCommands()).isEqualTo(3);
        assertThat(magPro.amplitudeAPercent()).isZero();
    }

    @Test
    void theFrontPanelKnobsReportAtOnce() {
        magPro.turnAmplitudeKnobs(45, 0);
        assertThat(host.last(MagProMessage.AmplitudeChanged.class).amplitudeAPercent()).isEqualTo(45);
    }

    @Test
    void corruptedChecksumsGarbageAndSilence() {
        magPro.injectFault(MagProFault.BAD_CRC);
        command(new MagProCommand.GetStatus());
        clock.advanceMillis(REPLY_MS);
        assertThat(host.messages).isEmpty();
        assertThat(host.errors).extracting(MagProFrameException::problem).containsExactly(
                MagProFrameException.Problem.BAD_CRC);

        magPro.clearFaults();
        magPro.injectFault(MagProFault.GARBAGE);
        host.clear();
        command(new MagProCommand.GetStatus());
        clock.advanceMillis(REPLY_MS);
        assertThat(host.messages).hasSize(1);
        assertThat(host.errors).extracting(MagProFrameException::problem).containsExactly(
                MagProFrameException.Problem.GARBAGE);

        magPro.injectFault(MagProFault.SILENT);
        host.clear();
        command(new MagProCommand.GetStatus());
        clock.advanceMillis(REPLY_MS);
        assertThat(host.messages).isEmpty();
        assertThat(host.errors).isEmpty();
    }

    @Test
    void aHotCoilAndAFrontPanelChangeAreSentAsTheMagProWould() {
        magPro.injectFault(MagProFault.HOT_COIL);
        assertThat(host.last(MagProMessage.Temperature.class).coilTemperatureCelsius()).isEqualTo(45);
        magPro.injectFault(MagProFault.FRONT_PANEL);
        assertThat(host.last(MagProMessage.AmplitudeChanged.class).amplitudeAPercent()).isEqualTo(10);
    }

    @Test
    void aConfiguredFaultStartsAfterItsCommandCount() {
        magPro = start(Map.of("fault", "silent", "faultAfter", "2"));
        for (int i = 0; i < 3; i++) {
            command(new MagProCommand.GetStatus());
            clock.advanceMillis(REPLY_MS);
        }
        assertThat(host.all(MagProMessage.Status.class)).as("the first two commands are served").hasSize(2);
        assertThat(magPro.commandsReceived()).isEqualTo(3);
    }

    @Test
    void parametersAreCheckedAndNamed() {
        assertThatThrownBy(() -> MagProSimConfig.fromParameters(Map.of("colour", "red")))
                .hasMessageContaining("unknown virtual MagPro parameter 'colour'").hasMessageContaining("faultAfter");
        assertThatThrownBy(() -> MagProSimConfig.fromParameters(Map.of("model", "x200")))
                .hasMessageContaining("x100-option");
        assertThatThrownBy(() -> MagProSimConfig.fromParameters(Map.of("fault", "fire")))
                .hasMessageContaining("bad-crc, garbage, silent, hot-coil, front-panel");
        assertThatThrownBy(() -> MagProSimConfig.fromParameters(Map.of("serial", "x")))
                .hasMessageContaining("serial=x is not a whole number");
        MagProSimConfig c = MagProSimConfig.fromParameters(Map.of("model", "r30-option", "recharge", "250",
                "replyDelay", "40"));
        assertThat(c.model()).isEqualTo(MagProModel.R30_OPTION);
        assertThat(c.rechargeMicros()).isEqualTo(250_000);
        assertThat(c.replyDelayMicros()).isEqualTo(40_000);
    }

    private VirtualMagPro start(Map<String, String> parameters) {
        host.clear();
        VirtualMagPro m = VirtualMagPro.create(clock, parameters);
        m.connectOutput(host);
        return m;
    }

    private void command(MagProCommand c) {
        magPro.onFrame(c.toPayload());
    }

    private void enableAndCharge(int aPercent, int bPercent) {
        command(new MagProCommand.SetAmplitudes(aPercent, bPercent));
        command(new MagProCommand.SetEnabled(true));
        clock.advanceMillis(200);
    }

    private static MagProCommand.SetWaveform dual(int ipiTenths) {
        return new MagProCommand.SetWaveform(MagProModel.X100_OPTION, MagProMode.DUAL, MagProCurrentDirection.NORMAL,
                MagProWaveform.BIPHASIC, 2, ipiTenths, 100);
    }
}
