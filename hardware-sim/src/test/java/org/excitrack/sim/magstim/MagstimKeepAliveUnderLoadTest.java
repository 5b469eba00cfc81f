package org.excitrack.sim.magstim;

import org.excitrack.sim.SweepWindows;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.excitrack.model.Sweep;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;
import org.excitrack.session.VirtualTicker;
import org.junit.jupiter.api.Test;

/**
 * Half an hour of paired-pulse TMS in virtual time, as a T-SICI session runs it: a trial about every 4 s, the
 * BiStim² armed throughout, conditioning and test powers changing between trials (drops take up to a second to
 * settle), the unit's trigger lines firing A then B. Keep-alive comes only from the driver's own waits and from
 * {@code keepAlive()} between the session ticker's steps. The virtual Magstim's watchdog must never have fired.
 */
class MagstimKeepAliveUnderLoadTest {
    private static final long SESSION_MICROS = 30 * 60 * 1_000_000L;
    private static final long TRIAL_EVERY_MICROS = 4_000_000;

    @Test
    void thirtyMinutesOfPairedPulsesWithPowerChangesNeverLetTheWatchdogDisarm() throws InterruptedException {
        try (MagstimRig rig = MagstimRig.open("sim:magstim-bistim")) {
            VirtualTicker ticker = rig.ticker();
            rig.unit.arm(Duration.ofSeconds(2));
            rig.stimulator.setPowers(new StimulatorPowers(33, 60));
            rig.stimulator.arm();
            long start = rig.clock.nowMicros();
            long nextTrial = start;
            int trials = 0;
            int meps = 0;
            while (rig.clock.nowMicros() - start < SESSION_MICROS) {
                long wait = nextTrial - rig.clock.nowMicros();
                if (wait > 0) {
                    ticker.sleepNanos(wait * 1000);
                }
                nextTrial = rig.clock.nowMicros() + TRIAL_EVERY_MICROS;
                trials++;
                // Conditioning 30–34 %, test 55–63 %: small steps both ways, as a tracker makes them.
                rig.stimulator.setPowers(new StimulatorPowers(30 + trials % 5, 55 + (trials * 3) % 9));
                Sweep sweep = rig.trial(trials, List.of(new TriggerOut(0, 10_000, 100),
                        new TriggerOut(1, 12_500, 100)));
                if (SweepWindows.peakToPeakMicrovolts(sweep, 30_000, 55_000) > 50) {
                    meps++;
                }
            }
            MagstimCounters c = rig.counters();
            assertThat(trials).as("a trial every 4–5 s for 30 min").isBetween(360, 450);
            assertThat(c.watchdogDisarms()).isZero();
            assertThat(c.watchdogRemoteDrops()).isZero();
            assertThat(c.idleDisarms()).isZero();
            assertThat(c.overTemperatureDisarms()).isZero();
            assertThat(c.missedTriggers()).as("every trial found the stimulator ready").isZero();
            assertThat(c.pulsesDelivered()).as("A and B on every trial").isEqualTo(2L * trials);
            assertThat(meps).as("test pulses above RMT give MEPs").isGreaterThan(trials / 2);
            StimulatorStatus s = rig.stimulator.status();
            assertThat(s.remoteControl()).isTrue();
            assertThat(s.charge()).isNotEqualTo(ChargeState.STANDBY);
            assertThat(s.coilTemperatureCelsius().getAsDouble()).as("warm, well below 40 °C").isBetween(26.0, 36.0);
            System.out.printf("keep-alive under load: %d trials in %.1f simulated min, %d host messages, "
                            + "coil %.1f °C%n",
                    trials, (rig.clock.nowMicros() - start) / 60e6, c.hostMessages(),
                    s.coilTemperatureCelsius().getAsDouble());
        }
    }
}
