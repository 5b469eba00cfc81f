package org.excitrack.sim.magstim;

import static org.assertj.core.api.Assertions.assertThat;

import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorStatus;
import org.junit.jupiter.api.Test;

/**
 * With a real-time simulator the driver's own keep-alive thread is all that stands between an armed stimulator
 * and its 1 s watchdog: the test only lets time pass and asks afterwards.
 */
class MagstimRealTimeKeepAliveTest {

    @Test
    void theKeepAliveThreadKeepsAnArmedStimulatorUnderRemoteControlWhileTheControlThreadIsBusyElsewhere()
            throws InterruptedException {
        try (MagstimRig rig = MagstimRig.open("sim:unit?subject=healthy&seed=1", "sim:magstim-bistim",
                MagstimRig.TIMINGS)) {
            rig.stimulator.arm();
            Thread.sleep(3_000);
            assertThat(rig.counters().watchdogDisarms()).isZero();
            StimulatorStatus s = rig.stimulator.status();
            assertThat(s.remoteControl()).isTrue();
            assertThat(s.charge()).isEqualTo(ChargeState.READY);
            assertThat(rig.counters().hostMessages()).as("F@ and Q@ about every 500 ms").isGreaterThan(8);
        }
    }
}
