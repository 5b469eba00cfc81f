package org.excitrack.sim.magstim;

import org.excitrack.sim.SweepWindows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.excitrack.codec.magstim.BiStimMode;
import org.excitrack.model.Sweep;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Magstim driver against the virtual Magstim, in process and in virtual time, opened by port URI. */
class MagstimStimulatorTest {

    @ParameterizedTest
    @EnumSource(value = StimulatorModel.class, names = "MAGSTIM_.*", mode = EnumSource.Mode.MATCH_ANY)
    void connectsTakesRemoteControlAndReportsWhatItFinds(StimulatorModel model) {
        try (MagstimRig rig = MagstimRig.open("sim:" + model.uriName())) {
            StimulatorIdentity id = rig.stimulator.identity();
            assertThat(id.model()).isEqualTo(model);
            assertThat(id.port()).startsWith("sim:" + model.uriName());
            assertThat(id.softwareVersion()).isEqualTo(model == StimulatorModel.MAGSTIM_RAPID ? "8.0.0" : "");
            StimulatorStatus s = rig.stimulator.status();
            assertThat(s.remoteControl()).isTrue();
            assertThat(s.charge()).isEqualTo(ChargeState.STANDBY);
            assertThat(s.coilPresent()).isTrue();
            assertThat(s.coilTemperatureCelsius()).hasValue(24.0);
            assertThat(s.powers()).isEqualTo(new StimulatorPowers(30, model.outputs() == 2 ? 30 : 0));
            assertThat(s.fault()).isEmpty();
            assertThat(rig.simStatus().remoteControl()).isTrue();
            rig.stimulator.close();
            assertThat(rig.simStatus().remoteControl()).as("close hands control back to the front panel")
                    .isFalse();
        }
    }

    @Test
    void powersSettleBeforeReadBackADropTakingTenTimesLongerThanARise() throws InterruptedException {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-bistim")) {
            long start = rig.clock.nowMicros();
            rig.stimulator.setPowers(new StimulatorPowers(60, 40));
            assertThat(rig.clock.nowMicros() - start).as("30 % rise on A: 300 ms").isEqualTo(300_000);
            assertThat(rig.simPowers()).containsExactly(60, 40);
            start = rig.clock.nowMicros();
            rig.stimulator.setPowers(new StimulatorPowers(40, 45));
            assertThat(rig.clock.nowMicros() - start).as("20 % drop on A: 2 s, fed by keep-alives")
                    .isEqualTo(2_000_000);
            assertThat(rig.stimulator.status().powers()).isEqualTo(new StimulatorPowers(40, 45));
            assertThat(rig.counters().watchdogRemoteDrops()).isZero();
        }
    }

    @Test
    void aSingleOutputStimulatorRefusesOutputBWithoutSendingAnything() {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-200")) {
            long heard = rig.counters().hostMessages();
            assertThatThrownBy(() -> rig.stimulator.setPowers(new StimulatorPowers(50, 20)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Magstim 200² on sim:magstim-200")
                    .hasMessageContaining("output B must be 0 %MSO, not 20");
            assertThat(rig.counters().hostMessages()).isEqualTo(heard);
            assertThatThrownBy(() -> rig.stimulator.setPairIntervalMicros(3_000))
                    .isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void theBiStimIntervalGoesOnItsGridsUnroundedAndItsResolutionNeverSwitchesWhileArmed() {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-bistim?mode=bistim")) {
            assertThat(rig.stimulator.bistimMode()).contains(BiStimMode.BISTIM_LOW_RESOLUTION);
            rig.stimulator.setPairIntervalMicros(2_500);
            assertThat(rig.stimulator.status().pairIntervalMicros()).contains(2_500L);
            rig.stimulator.setPairIntervalMicros(150_000);
            assertThat(rig.stimulator.status().pairIntervalMicros()).contains(150_000L);
            assertThatThrownBy(() -> rig.stimulator.setPairIntervalMicros(2_550))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("on neither of its grids");
            assertThatThrownBy(() -> rig.stimulator.setPairIntervalMicros(1_000_000))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above its 999 ms maximum");
            rig.stimulator.setPairIntervalMicros(10_000);
            rig.stimulator.arm();
            rig.stimulator.setPairIntervalMicros(3_500);
            assertThat(rig.stimulator.status().pairIntervalMicros()).contains(3_500L);
            assertThatThrownBy(() -> rig.stimulator.setPairIntervalMicros(120_000))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("only changes its interval "
                            + "resolution while disarmed");
            assertThat(rig.stimulator.status().charge()).as("a refusal of ours is not a fault")
                    .isEqualTo(ChargeState.READY);
        }
    }

    @Test
    void armsIntoReadyAndFiresBySerialCommand() {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-200")) {
            long start = rig.clock.nowMicros();
            rig.stimulator.arm();
            assertThat(rig.clock.nowMicros() - start).as("charged in about a second").isBetween(1_000_000L,
                    1_100_000L);
            assertThat(rig.stimulator.status().charge()).isEqualTo(ChargeState.READY);
            rig.stimulator.fire();
            assertThat(rig.counters().pulsesDelivered()).isOne();
            assertThat(rig.stimulator.status().charge()).as("recharging").isEqualTo(ChargeState.CHARGING);
            start = rig.clock.nowMicros();
            rig.stimulator.fire();
            assertThat(rig.clock.nowMicros() - start).as("waits the 2 s recharge at 30 %").isBetween(1_900_000L,
                    2_100_000L);
            assertThat(rig.counters().pulsesDelivered()).isEqualTo(2);
            assertThat(rig.stimulator.disarm()).isTrue();
            assertThat(rig.stimulator.status().charge()).isEqualTo(ChargeState.STANDBY);
            assertThatThrownBy(rig.stimulator::fire).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("arm() before fire()");
        }
    }

    @Test
    void theUnitsTriggerFiresTheStimulatorAndTheMepIsInTheSameSweep() throws InterruptedException {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-bistim")) {
            rig.unit.arm(Duration.ofSeconds(2));
            rig.stimulator.setPowers(new StimulatorPowers(0, 70));
            Sweep quiet = rig.trial(1, List.of(new TriggerOut(1, 5_000, 100)));
            assertThat(rig.counters().missedTriggers()).as("not armed: nothing delivered").isOne();
            assertThat(SweepWindows.peakToPeakMicrovolts(quiet, 20_000, 45_000)).isLessThan(100);

            rig.stimulator.arm();
            Sweep mep = rig.trial(2, List.of(new TriggerOut(1, 5_000, 100)));
            assertThat(rig.counters().pulsesDelivered()).isOne();
            assertThat(SweepWindows.peakToPeakMicrovolts(mep, 0, 4_000)).as("quiet before the pulse").isLessThan(100);
            assertThat(SweepWindows.peakToPeakMicrovolts(mep, 20_000, 45_000)).as("MEP at 70 %% MSO, RMT ≈ 47 %%")
                    .isGreaterThan(300);

            Sweep tooSoon = rig.trial(3, List.of(new TriggerOut(1, 5_000, 100)));
            assertThat(rig.counters().missedTriggers()).as("recharging: the unit's TTL finds it not ready")
                    .isEqualTo(2);
            assertThat(SweepWindows.peakToPeakMicrovolts(tooSoon, 20_000, 45_000)).isLessThan(100);
            rig.ticker().sleepNanos(4_000_000_000L);
            assertThat(SweepWindows.peakToPeakMicrovolts(rig.trial(4, List.of(new TriggerOut(1, 5_000, 100))), 20_000,
                    45_000)).isGreaterThan(300);
            assertThat(rig.counters().watchdogDisarms()).isZero();
        }
    }
}
