package org.excitrack.sim.magstim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.excitrack.sim.magstim.MagstimBench.statusOf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimChecksum;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.sim.cortex.MagneticPulse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The virtual Magstim's state machine (tms.md §1.9), driven byte for byte on a clock the test moves. */
class VirtualMagstimTest {

    @Test
    void repliesReportTheStateBeforeTheCommandExceptForRemoteControl() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        assertThat(statusOf(b.send(new MagstimCommand.GetParameters())).raw()).as("standby, coil, no remote")
                .isEqualTo(0x09);
        assertThat(b.keepAlive().raw()).as("Q@ shows remote control at once").isEqualTo(0x89);
        assertThat(statusOf(b.arm()).raw()).as("EB's reply: still standby").isEqualTo(0x89);
        assertThat(b.keepAlive().raw()).as("then armed, charging").isEqualTo(0x8A);
        b.clock.advanceMicros(999_999);
        assertThat(b.keepAlive().ready()).isFalse();
        b.clock.advanceMicros(1);
        assertThat(b.keepAlive().raw()).as("ready after 1 s").isEqualTo(0x8C);
        assertThat(statusOf(b.send(new MagstimCommand.DisableRemote())).raw()).as("R@ shows the change at once")
                .isEqualTo(0x09);
    }

    @Test
    void withoutRemoteControlOnlyStopAndTheQueriesAreCarriedOut() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        assertThat(b.send(new MagstimCommand.SetPowerA(50))).isEqualTo(new MagstimReply.Conflict('@'));
        assertThat(b.arm()).isEqualTo(new MagstimReply.Conflict('E'));
        assertThat(b.send(new MagstimCommand.SetBaseMode(BaseMode.DISARM))).isInstanceOf(MagstimReply.Status.class);
        assertThat(b.send(new MagstimCommand.GetTemperature())).isInstanceOf(MagstimReply.Temperature.class);
        assertThat(b.send(new MagstimCommand.GetSystemMode())).isEqualTo(
                new MagstimReply.SystemMode(new InstrumentStatus(0x09), '3'));
    }

    @ParameterizedTest(name = "{0} at {1} %: recharged after {2} µs")
    @CsvSource({"MAGSTIM_200, 30, 2000000", "MAGSTIM_200, 50, 3000000", "MAGSTIM_200, 79, 3000000",
        "MAGSTIM_200, 80, 4000000", "MAGSTIM_BISTIM, 30, 4000000", "MAGSTIM_RAPID, 100, 1000000"})
    void afterAPulseTheStimulatorIsReadyAgainOnlyOnceRecharged(StimulatorModel model, int percent, long micros) {
        MagstimBench b = new MagstimBench(model);
        b.keepAlive();
        b.send(new MagstimCommand.SetPowerA(percent));
        b.arm();
        b.passKeptAlive(1_000_000);
        assertThat(statusOf(b.fire()).ready()).as("EH's reply: ready before the pulse").isTrue();
        assertThat(b.magstim.counters().pulsesDelivered()).isEqualTo(model == StimulatorModel.MAGSTIM_BISTIM ? 2 : 1);
        assertThat(b.fire()).as("cannot fire while recharging").isEqualTo(new MagstimReply.Conflict('E'));
        long step = 100_000;
        long waited = 0;
        while (!b.keepAlive().ready()) {
            b.clock.advanceMicros(step);
            waited += step;
        }
        assertThat(waited).isEqualTo(micros);
    }

    @Test
    void thePowerCanBeSetAndReadBackAndAChangeWhileArmedHoldsReadyForTheSettlingTime() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        b.keepAlive();
        b.send(new MagstimCommand.SetPowerA(80));
        b.send(new MagstimCommand.SetPowerB(60));
        b.send(new MagstimCommand.SetInterval(3));
        assertThat(b.send(new MagstimCommand.GetParameters())).isEqualTo(
                new MagstimReply.Parameters(new InstrumentStatus(0x89), 80, 60, 3));
        b.arm();
        b.passKeptAlive(1_000_000);
        assertThat(b.keepAlive().ready()).isTrue();
        b.send(new MagstimCommand.SetPowerA(70));
        assertThat(b.keepAlive().ready()).as("a 10 % drop takes a second").isFalse();
        b.passKeptAlive(500_000);
        assertThat(b.keepAlive().ready()).isFalse();
        b.passKeptAlive(500_000);
        assertThat(b.keepAlive().ready()).isTrue();
        b.send(new MagstimCommand.SetPowerB(70));
        b.clock.advanceMicros(99_999);
        assertThat(b.keepAlive().ready()).as("a 10 % rise takes 100 ms").isFalse();
        b.clock.advanceMicros(1);
        assertThat(b.keepAlive().ready()).isTrue();
    }

    @Test
    void theWatchdogDisarmsAndDropsRemoteControlWhenKeepAlivesStop() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        b.keepAlive();
        b.arm();
        b.passKeptAlive(30_000_000);
        assertThat(b.magstim.counters().watchdogDisarms()).isZero();
        assertThat(b.magstim.status().ready()).isTrue();
        b.clock.advanceMicros(999_999);
        assertThat(b.magstim.status().remoteControl()).isTrue();
        b.clock.advanceMicros(1);
        InstrumentStatus s = b.magstim.status();
        assertThat(s.standby()).isTrue();
        assertThat(s.remoteControl()).isFalse();
        assertThat(b.magstim.counters().watchdogDisarms()).isOne();
        assertThat(b.send(new MagstimCommand.SetPowerA(20))).as("remote control is gone")
                .isEqualTo(new MagstimReply.Conflict('@'));

        b.keepAlive();
        b.clock.advanceMicros(9_999_999);
        assertThat(b.magstim.status().remoteControl()).as("standby allows 10 s").isTrue();
        b.clock.advanceMicros(1);
        assertThat(b.magstim.status().remoteControl()).isFalse();
        assertThat(b.magstim.counters().watchdogRemoteDrops()).isOne();
    }

    @Test
    void aMinuteArmedWithoutAPulseDisarms() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_200);
        b.keepAlive();
        b.arm();
        b.passKeptAlive(59_500_000);
        assertThat(b.magstim.status().ready()).isTrue();
        b.passKeptAlive(500_000);
        assertThat(b.magstim.status().standby()).isTrue();
        assertThat(b.magstim.status().remoteControl()).as("keep-alives kept remote control").isTrue();
        assertThat(b.magstim.counters().idleDisarms()).isOne();
    }

    @Test
    void theCoilStartsAt24DegreesWarmsWithPulsesAndCoolsAgain() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_RAPID);
        b.keepAlive();
        assertThat(b.send(new MagstimCommand.GetTemperature())).isEqualTo(
                new MagstimReply.Temperature(new InstrumentStatus(0x89), 240, 240));
        b.send(new MagstimCommand.SetPowerA(100));
        b.arm();
        for (int i = 0; i < 60; i++) {
            b.passKeptAlive(1_000_000);
            b.fire();
        }
        double warm = b.magstim.coilCelsius();
        assertThat(warm).as("a minute at 1 Hz and 100 %").isBetween(27.0, 30.0);
        b.send(new MagstimCommand.SetBaseMode(BaseMode.DISARM));
        b.passKeptAlive(600_000_000);
        assertThat(b.magstim.coilCelsius() - 24).as("one time constant later").isCloseTo((warm - 24) / Math.E,
                within(0.01));
    }

    @Test
    void aCoilAbove40DegreesDisarmsAndRefusesToArm() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        b.keepAlive();
        b.arm();
        b.passKeptAlive(1_000_000);
        b.magstim.inject(MagstimSimFault.COIL_HOT);
        assertThat(b.magstim.status().standby()).isTrue();
        assertThat(b.magstim.counters().overTemperatureDisarms()).isOne();
        MagstimReply.Temperature t = (MagstimReply.Temperature) b.send(new MagstimCommand.GetTemperature());
        assertThat(t.hottestCelsius()).isEqualTo(41.0);
        assertThat(b.arm()).isEqualTo(new MagstimReply.Conflict('E'));
    }

    @Test
    void errorRepliesForUnknownCommandsBadCheckBytesBadDataAndConflicts() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_200);
        b.keepAlive();
        MagstimCommand q = new MagstimCommand.EnableRemote();
        assertThat(b.sendBytes(new byte[] {'\r'}, q)).isEqualTo(new MagstimReply.UnknownCommand());
        byte[] badCheck = q.encode();
        badCheck[2]++;
        assertThat(b.sendBytes(badCheck, q)).as("MagPy's simulator: a bad check byte gets ?")
                .isEqualTo(new MagstimReply.UnknownCommand());
        assertThat(b.sendBytes(MagstimChecksum.append("@5x0".getBytes(StandardCharsets.US_ASCII)),
                new MagstimCommand.SetPowerA(0))).isEqualTo(new MagstimReply.BadData('@'));
        assertThat(b.send(new MagstimCommand.SetPowerA(101))).isEqualTo(new MagstimReply.Conflict('@'));
        assertThat(b.send(new MagstimCommand.SetPowerB(10))).as("a 200² has no B")
                .isEqualTo(new MagstimReply.UnknownCommand());
        assertThat(b.send(new MagstimCommand.GetVersion())).as("only a Rapid² has a version")
                .isEqualTo(new MagstimReply.UnknownCommand());
        b.arm();
        assertThat(b.arm()).as("arming an armed unit").isEqualTo(new MagstimReply.Conflict('E'));
        assertThat(b.fire()).as("firing before ready").isEqualTo(new MagstimReply.Conflict('E'));
        assertThat(b.magstim.counters().errorReplies()).isEqualTo(8);
    }

    @Test
    void theBiStimIntervalHasTwoResolutionsAndTheModeCannotChangeWhileArmed() {
        MagstimBench b = new MagstimBench(VirtualMagstimConfig.of(StimulatorModel.MAGSTIM_BISTIM)
                .withTriggering(BiStimTriggering.BISTIM));
        b.keepAlive();
        b.send(new MagstimCommand.SetInterval(250));
        assertThat(((MagstimReply.SystemMode) b.send(new MagstimCommand.GetSystemMode())).modeCode()).isEqualTo('2');
        b.send(new MagstimCommand.SetHighResolutionInterval(true));
        assertThat(((MagstimReply.Parameters) b.send(new MagstimCommand.GetParameters())).intervalSteps())
                .as("switching resets the interval to 1 ms").isEqualTo(10);
        assertThat(((MagstimReply.SystemMode) b.send(new MagstimCommand.GetSystemMode())).modeCode()).isEqualTo('4');
        b.arm();
        assertThat(b.send(new MagstimCommand.SetHighResolutionInterval(false)))
                .isEqualTo(new MagstimReply.Conflict('Z'));
        assertThat(b.send(new MagstimCommand.SetInterval(0))).as("simultaneous discharge only in standby")
                .isEqualTo(new MagstimReply.Conflict('C'));
        assertThat(b.send(new MagstimCommand.SetInterval(25))).isInstanceOf(MagstimReply.Status.class);
    }

    @Test
    void inIndependentModeEachLineFiresItsOwnOutputAndATriggerBeforeReadyIsMissed() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        b.keepAlive();
        b.send(new MagstimCommand.SetPowerA(40));
        b.send(new MagstimCommand.SetPowerB(65));
        TriggerOut a = new TriggerOut(0, 2_000, 100);
        TriggerOut bLine = new TriggerOut(1, 5_000, 100);
        assertThat(b.magstim.pulsesFor(a)).as("in standby").isEmpty();
        b.arm();
        b.passKeptAlive(1_000_000);
        assertThat(b.magstim.pulsesFor(a)).containsExactly(new MagneticPulse(2_000, 40));
        assertThat(b.magstim.pulsesFor(bLine)).as("the same trial: B is its own stimulator")
                .containsExactly(new MagneticPulse(5_000, 65));
        assertThat(b.magstim.pulsesFor(new TriggerOut(2, 0, 100))).as("not our line").isEmpty();
        b.clock.advanceMicros(3_000_000);
        b.keepAlive();
        assertThat(b.magstim.pulsesFor(bLine)).as("recharging").isEmpty();
        assertThat(b.magstim.counters()).extracting(MagstimCounters::pulsesDelivered, MagstimCounters::missedTriggers)
                .containsExactly(2L, 2L);
    }

    @Test
    void inBiStimModeLineAFiresAThenBAfterTheStimulatorsInterval() {
        MagstimBench b = new MagstimBench(VirtualMagstimConfig.of(StimulatorModel.MAGSTIM_BISTIM)
                .withTriggering(BiStimTriggering.BISTIM));
        b.keepAlive();
        b.send(new MagstimCommand.SetHighResolutionInterval(true));
        b.send(new MagstimCommand.SetInterval(25));
        b.send(new MagstimCommand.SetPowerA(35));
        b.send(new MagstimCommand.SetPowerB(60));
        b.arm();
        b.passKeptAlive(1_000_000);
        assertThat(b.magstim.pulsesFor(new TriggerOut(1, 0, 100))).isEmpty();
        assertThat(b.magstim.pulsesFor(new TriggerOut(0, 10_000, 100)))
                .containsExactly(new MagneticPulse(10_000, 35), new MagneticPulse(12_500, 60));
        assertThat(b.magstim.onTrigger(new TriggerOut(0, 10_000, 100))).as("same instant, both fired").isEmpty();
    }

    @Test
    void aSingleOutputStimulatorFiresOnLineAOnly() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_RAPID);
        b.keepAlive();
        b.send(new MagstimCommand.SetPowerA(55));
        b.arm();
        b.passKeptAlive(1_000_000);
        assertThat(b.magstim.pulsesFor(new TriggerOut(1, 0, 100))).isEmpty();
        assertThat(b.magstim.onTrigger(new TriggerOut(0, 7_000, 100))).contains(new MagneticPulse(7_000, 55));
        MagstimReply.RapidParameters p = (MagstimReply.RapidParameters) b.send(
                new MagstimCommand.GetRapidParameters(RapidParameterLayout.V7));
        assertThat(p.powerPercent()).isEqualTo(55);
        assertThat(p.singlePulseMode()).isTrue();
        assertThat(b.send(new MagstimCommand.GetVersion())).isEqualTo(new MagstimReply.Version("8.0.0"));
    }

    @Test
    void replyFaultsCorruptSilenceOrReplaceEveryReply() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_200);
        b.magstim.inject(MagstimSimFault.BAD_CHECKSUM);
        byte[] corrupted = b.sendRaw(new MagstimCommand.GetParameters());
        byte[] good = new MagstimReply.Parameters(new InstrumentStatus(0x09), 30, 0, 0).encode();
        assertThat(corrupted).hasSize(12).startsWith(java.util.Arrays.copyOf(good, 11));
        assertThat(corrupted[11]).isNotEqualTo(good[11]);
        b.magstim.clearReplyFaults();
        b.magstim.inject(MagstimSimFault.GARBAGE);
        assertThat(b.sendRaw(new MagstimCommand.GetParameters())).hasSize(12).doesNotContain((byte) 'J', (byte) '?');
        b.magstim.clearReplyFaults();
        b.magstim.inject(MagstimSimFault.NO_REPLY);
        assertThat(b.sendRaw(new MagstimCommand.EnableRemote())).isNull();
        assertThat(b.magstim.status().remoteControl()).as("it heard, it just does not answer").isTrue();
    }

    @Test
    void aRemovedCoilAndAFatalErrorShowInTheStatusAndDisarm() {
        MagstimBench b = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        b.keepAlive();
        b.arm();
        b.magstim.inject(MagstimSimFault.COIL_REMOVED);
        assertThat(b.keepAlive().raw()).isEqualTo(0x81);
        assertThat(b.arm()).isEqualTo(new MagstimReply.Conflict('E'));
        MagstimBench c = new MagstimBench(StimulatorModel.MAGSTIM_BISTIM);
        c.keepAlive();
        c.arm();
        c.magstim.inject(MagstimSimFault.FATAL_ERROR);
        InstrumentStatus s = c.keepAlive();
        assertThat(List.of(s.standby(), s.errorPresent(), s.fatalError())).containsOnly(true);
    }

    @Test
    void configuredFaultsStartAfterTheGivenNumberOfHostMessages() {
        MagstimBench b = new MagstimBench(VirtualMagstimConfig.of(StimulatorModel.MAGSTIM_BISTIM)
                .withFaults(Set.of(MagstimSimFault.DROP_REMOTE), 3));
        b.keepAlive();
        b.arm();
        assertThat(b.keepAlive().remoteControl()).as("third message: still fine").isTrue();
        assertThat(statusOf(b.send(new MagstimCommand.GetParameters())).raw())
                .as("the fourth finds remote control dropped and the unit disarmed").isEqualTo(0x09);
    }
}
