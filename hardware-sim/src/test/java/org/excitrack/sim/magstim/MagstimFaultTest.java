package org.excitrack.sim.magstim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.excitrack.device.MagneticStimulators;
import org.excitrack.device.StimulatorException;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorPowers;
import org.junit.jupiter.api.Test;

/**
 * Every fault ends the same way: the stimulator disarmed (its own state, as the simulator reports it), the fault
 * listeners told, and an exception whose message names the stimulator and port and says what happened.
 */
class MagstimFaultTest {
    private static final String NAME = "Magstim BiStim² on sim:magstim-bistim (virtual time)";
    /** Short deadlines where a test waits for a reply that never comes. */
    private static final MagstimTimings SHORT = MagstimTimings.defaults().withReply(Duration.ofMillis(150));

    @Test
    void aCorruptedCheckByteIsABadReplyAndTheStimulatorEndsDisarmed() {
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            List<StimulatorFault> heard = listen(rig);
            rig.inject(MagstimSimFault.BAD_CHECKSUM);
            StimulatorException e = catchThrowableOfType(StimulatorException.class,
                    () -> rig.stimulator.setPowers(new StimulatorPowers(40, 50)));
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.BAD_REPLY);
            assertThat(e).hasMessageStartingWith(NAME).hasMessageContaining("had checksum")
                    .hasMessageContaining("Disarm was not confirmed: disarm it at its front panel");
            assertThat(heard).containsExactly(e.fault());
            assertThat(rig.simStatus().standby()).as("the EA got through even if its reply did not").isTrue();
        }
    }

    @Test
    void garbageInsteadOfRepliesSaysSoAndSuggestsTheBaudRate() {
        try (MagstimRig rig = armedRig(SHORT)) {
            rig.inject(MagstimSimFault.GARBAGE);
            assertThatThrownBy(rig.stimulator::status).isInstanceOf(StimulatorException.class)
                    .hasMessageStartingWith(NAME)
                    .hasMessageContaining("no valid reply to J@ (get parameters) within 150 ms; instead 12 bytes that "
                            + "are not a Magstim reply")
                    .hasMessageContaining("wrong baud rate or a noisy line?")
                    .extracting(t -> ((StimulatorException) t).fault().kind())
                    .isEqualTo(StimulatorFault.Kind.BAD_REPLY);
            assertThat(rig.simStatus().standby()).isTrue();
        }
    }

    @Test
    void silenceIsNoReply() {
        try (MagstimRig rig = armedRig(SHORT)) {
            rig.inject(MagstimSimFault.NO_REPLY);
            StimulatorException e = catchThrowableOfType(StimulatorException.class, rig.stimulator::fire);
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.NO_REPLY);
            assertThat(e).hasMessage(NAME + ": no reply to Q@ (enable remote control) within 150 ms. Disarm was not "
                    + "confirmed: disarm it at its front panel.");
            assertThat(rig.simStatus().standby()).isTrue();
            assertThat(rig.counters().pulsesDelivered()).isZero();
        }
    }

    @Test
    void aStimulatorThatDropsRemoteControlIsCaughtByTheNextKeepAliveAndReportedAtTheNextCall()
            throws InterruptedException {
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            List<StimulatorFault> heard = listen(rig);
            rig.inject(MagstimSimFault.DROP_REMOTE);
            rig.clock.advanceTo(rig.clock.nowMicros() + 300_000);
            rig.stimulator.keepAlive();
            assertThat(heard).hasSize(1);
            assertThat(heard.get(0).kind()).isEqualTo(StimulatorFault.Kind.REMOTE_CONTROL_LOST);
            assertThatThrownBy(rig.stimulator::status).isInstanceOf(StimulatorException.class)
                    .hasMessageStartingWith(NAME + ": left remote control (status 0x09 (standby, coil present) in "
                            + "reply to F@ (get coil temperature)): its front panel took over")
                    .hasMessageEndingWith("The stimulator is disarmed.");
            assertThat(rig.simStatus().remoteControl()).as("the driver did not silently take control back")
                    .isFalse();
        }
    }

    @Test
    void aCoilAbove40DegreesDisarmsAndCannotBeArmedAgain() throws InterruptedException {
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            rig.inject(MagstimSimFault.COIL_HOT);
            rig.clock.advanceTo(rig.clock.nowMicros() + 300_000);
            rig.stimulator.keepAlive();
            StimulatorException e = catchThrowableOfType(StimulatorException.class,
                    () -> rig.stimulator.setPowers(new StimulatorPowers(35, 60)));
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.COIL);
            assertThat(e).hasMessage(NAME + ": coil at 41.0 °C, above its 40 °C limit: let it cool. The stimulator "
                    + "is disarmed.");
            assertThat(rig.simStatus().standby()).isTrue();
            assertThatThrownBy(rig.stimulator::arm).isInstanceOf(StimulatorException.class)
                    .hasMessageContaining("cannot arm: coil at 41.0 °C");
            assertThat(rig.counters().overTemperatureDisarms()).isOne();
        }
    }

    @Test
    void aRemovedCoilAndAFatalErrorAreFaultsOfTheirKind() {
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            rig.inject(MagstimSimFault.COIL_REMOVED);
            StimulatorException e = catchThrowableOfType(StimulatorException.class, rig.stimulator::fire);
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.COIL);
            assertThat(e).hasMessageContaining("has no coil connected");
            assertThat(rig.simStatus().standby()).isTrue();
        }
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            rig.inject(MagstimSimFault.FATAL_ERROR);
            StimulatorException e = catchThrowableOfType(StimulatorException.class, rig.stimulator::status);
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.STIMULATOR_ERROR);
            assertThat(e).hasMessageContaining("reports a fatal error");
            assertThat(rig.stimulator.disarm()).as("disarm still works").isTrue();
        }
    }

    @Test
    void lettingVirtualTimePassWithoutKeepAliveIsCaughtBeforeTheNextCommand() throws InterruptedException {
        try (MagstimRig rig = armedRig(MagstimRig.TIMINGS)) {
            rig.unit.status();
            rig.clock.advanceTo(rig.clock.nowMicros() + 1_500_000);
            StimulatorException e = catchThrowableOfType(StimulatorException.class, rig.stimulator::fire);
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.REMOTE_CONTROL_LOST);
            assertThat(e).hasMessageContaining("while armed").hasMessageContaining("its watchdog allows 1000 ms")
                    .hasMessageContaining("call keepAlive() as simulated time passes");
            assertThat(rig.counters().watchdogDisarms()).as("and the simulator agrees").isOne();
        }
    }

    @Test
    void theLinkClosingUnderTheDriverIsLinkLost() {
        MagstimRig rig = armedRig(MagstimRig.TIMINGS);
        List<StimulatorFault> heard = listen(rig);
        rig.unit.close();
        StimulatorException e = catchThrowableOfType(StimulatorException.class, rig.stimulator::status);
        assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.LINK_LOST);
        assertThat(e).hasMessageStartingWith(NAME).hasMessageContaining("the link closed");
        assertThat(heard).extracting(StimulatorFault::kind).containsExactly(StimulatorFault.Kind.LINK_LOST);
        assertThat(rig.stimulator.disarm()).as("never throws, reports it could not confirm").isFalse();
        rig.stimulator.close();
    }

    @Test
    void aDeviceThatNeverAnswersOrAnswersGarbageIsRefusedAtConnect() {
        try (AcquisitionUnitClient unit = AcquisitionUnits.open(MagstimRig.UNIT)) {
            assertThatThrownBy(() -> MagneticStimulators.open("sim:magstim-200?fault=no-reply", SHORT))
                    .isInstanceOf(StimulatorException.class)
                    .hasMessageStartingWith("Could not connect to a Magstim 200² on sim:magstim-200?fault=no-reply "
                            + "(virtual time): no answer to Q@ (enable remote control) after 2 attempts of 150 ms: is "
                            + "the stimulator switched on");
            assertThatThrownBy(() -> MagneticStimulators.open("sim:magstim-bistim?fault=garbage", SHORT))
                    .isInstanceOf(StimulatorException.class)
                    .hasMessageContaining("does not answer like a Magstim BiStim²: no valid reply to Q@")
                    .hasMessageContaining("wrong baud rate");
            assertThatThrownBy(() -> MagneticStimulators.open("sim:magstim-rapid?fault=bad-checksum", SHORT))
                    .isInstanceOf(StimulatorException.class)
                    .hasMessageContaining("does not answer like a Magstim Rapid²: reply to 'Q' had checksum");
        }
    }

    private static MagstimRig armedRig(MagstimTimings timings) {
        MagstimRig rig = MagstimRig.open(MagstimRig.UNIT, "sim:magstim-bistim", timings);
        rig.stimulator.arm();
        return rig;
    }

    private static List<StimulatorFault> listen(MagstimRig rig) {
        List<StimulatorFault> heard = new CopyOnWriteArrayList<>();
        rig.stimulator.onFault(heard::add);
        return heard;
    }
}
