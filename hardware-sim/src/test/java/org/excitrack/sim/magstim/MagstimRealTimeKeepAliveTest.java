package org.excitrack.sim.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorStatus;
import org.junit.jupiter.api.Test;

/**
 * With a real-time simulator the driver's own keep-alive thread is all that stands between an armed stimulator
 * and its 1 s watchdog. The test waits (on the clock it cannot speed up) until the stimulator has heard enough
 * host messages to span three watchdog periods, then asks whether the watchdog ever fired.
 */
class MagstimRealTimeKeepAliveTest {

    @Test
    void theKeepAliveThreadKeepsAnArmedStimulatorUnderRemoteControlWhileTheControlThreadIsBusyElsewhere()
            throws InterruptedException {
        try (MagstimRig rig = MagstimRig.open("sim:unit?subject=healthy&seed=1", "sim:magstim-bistim",
                MagstimRig.TIMINGS)) {
            rig.stimulator.arm();
            // F@ and Q@ about every 500 ms: more than 8 of them span three of the watchdog's 1 s periods
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (rig.counters().hostMessages() <= 8 && rig.counters().watchdogDisarms() == 0
                    && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
            }
            assertThat(rig.counters().watchdogDisarms()).isZero();
            StimulatorStatus s = rig.stimulator.status();
            assertThat(s.remoteControl()).isTrue();
            assertThat(s.charge()).isEqualTo(ChargeState.READY);
            assertThat(rig.counters().hostMessages()).as("keep-alive messages within 30 s").isGreaterThan(8);
        }
    }
}
