package org.excitrack.sim.magventure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.excitrack.codec.magventure.MagProCommand;
import org.excitrack.codec.magventure.MagProCurrentDirection;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.codec.magventure.MagProMode;
import org.excitrack.codec.magventure.MagProModel;
import org.excitrack.codec.magventure.MagProWaveform;
import org.excitrack.device.StimulatorException;
import org.excitrack.device.magventure.MagProStimulator;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorFault.Kind;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver against the virtual MagPro over the bytes a serial port would carry, in virtual time. */
class MagProStimulatorTest {
    private VirtualMagProBench bench;
    private MagProStimulator magPro;
    private final List<StimulatorFault> faults = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        if (magPro != null) {
            magPro.close();
        }
        bench.close();
    }

    @Test
    void connectsAndKnowsWhichMagProItIs() {
        connect(Map.of("serial", "4711"));

        assertThat(magPro.identity().model()).isEqualTo(StimulatorModel.MAGPRO);
        assertThat(magPro.identity().serialNumber()).isEqualTo("4711");
        assertThat(magPro.identity().port()).isEqualTo("sim:magpro");
        assertThat(magPro.variant()).isEqualTo(MagProModel.X100_OPTION);
        StimulatorStatus status = magPro.status();
        assertThat(status.charge()).isEqualTo(ChargeState.STANDBY);
        assertThat(status.coilTemperatureCelsius()).hasValue(24);
        assertThat(status.coilPresent()).isTrue();
        assertThat(status.pairIntervalMicros()).isEmpty();
    }

    @Test
    void amplitudesAreSetAndReadBack() {
        connect(Map.of());
        magPro.setPowers(new StimulatorPowers(62, 41));

        assertThat(bench.server.ask(VirtualMagPro::amplitudeAPercent)).isEqualTo(62);
        assertThat(bench.server.ask(VirtualMagPro::amplitudeBPercent)).isEqualTo(41);
        assertThat(magPro.status().powers()).isEqualTo(new StimulatorPowers(62, 41));
        assertThat(faults).as("the MagPro's own acknowledgement is no front-panel change").isEmpty();
    }

    @Test
    void pairedPulsesAreDualModeWithTheIntervalReadBack() {
        connect(Map.of());
        magPro.setPairIntervalMicros(2_500);

        assertThat(bench.server.ask(VirtualMagPro::mode)).isEqualTo(MagProMode.DUAL);
        assertThat(bench.server.ask(VirtualMagPro::ipiTenthsMillis)).isEqualTo(25);
        assertThat(magPro.status().pairIntervalMicros()).contains(2_500L);

        magPro.useSinglePulses();
        assertThat(bench.server.ask(VirtualMagPro::mode)).isEqualTo(MagProMode.STANDARD);
    }

    @Test
    void intervalsOffTheGridAreRefusedAndNothingIsSent() {
        connect(Map.of());
        long before = bench.server.ask(VirtualMagPro::commandsReceived);

        assertThatThrownBy(() -> magPro.setPairIntervalMicros(2_550)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2550 µs").hasMessageContaining("1.0-9.9 ms in 0.1 ms steps");
        assertThatThrownBy(() -> magPro.setPairIntervalMicros(10_300)).isInstanceOf(IllegalArgumentException.class);

        assertThat(bench.server.ask(VirtualMagPro::commandsReceived)).isEqualTo(before);
        assertThat(bench.server.ask(VirtualMagPro::mode)).isEqualTo(MagProMode.STANDARD);
    }

    @Test
    void aMagProWithoutTheMagOptionHasNoPairs() {
        connect(Map.of("model", "x100"));
        assertThatThrownBy(() -> magPro.setPairIntervalMicros(3_000))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("MagOption");
    }

    @Test
    void armsFiresAndCountsThePulseThenDisarms() {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(55));
        magPro.arm();
        assertThat(bench.server.ask(VirtualMagPro::enabled)).isTrue();
        assertThat(magPro.status().charge()).isEqualTo(ChargeState.READY);

        magPro.fire();

        assertThat(bench.server.ask(VirtualMagPro::discharges)).isEqualTo(1);
        assertThat(magPro.pulsesFired()).isEqualTo(1);
        assertThat(magPro.lastPulse()).hasValueSatisfying(p -> assertThat(p.didtAAmpsPerMicrosecond()).isEqualTo(83));
        magPro.fire();
        assertThat(bench.server.ask(VirtualMagPro::discharges)).as("second pulse waited for the recharge").isEqualTo(2);
        assertThat(bench.server.ask(VirtualMagPro::missedTriggers)).isZero();

        assertThat(magPro.disarm()).isTrue();
        assertThat(bench.server.ask(VirtualMagPro::enabled)).isFalse();
        assertThat(magPro.status().charge()).isEqualTo(ChargeState.STANDBY);
        assertThat(faults).isEmpty();
    }

    @Test
    void firingWhileDisarmedIsRefusedWithoutSendingATrigger() {
        connect(Map.of());
        assertThatThrownBy(() -> magPro.fire()).isInstanceOf(StimulatorException.class)
                .hasMessageContaining("is not enabled");
        assertThat(bench.server.ask(VirtualMagPro::missedTriggers)).isZero();
    }

    @Test
    void pulsesFromTheTriggerInputAreCountedAsTheyArrive() throws Exception {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(60));
        magPro.arm();
        CompletableFuture<MagProMessage.PulseFired> seen = new CompletableFuture<>();
        magPro.onPulseFired(seen::complete);

        bench.server.onDevice(m -> m.pulsesFor(new TriggerOut(0, 5_000, 100)));

        assertThat(seen.get(5, TimeUnit.SECONDS).didtAAmpsPerMicrosecond()).isEqualTo(90);
        assertThat(magPro.pulsesFired()).isEqualTo(1);
    }

    @Test
    void aStimulatorLeftInDualModeAndEnabledIsMadeSafeAtConnect() {
        bench = VirtualMagProBench.inVirtualTime(Map.of());
        bench.server.onDevice(m -> {
            m.onFrame(new MagProCommand.SetWaveform(MagProModel.X100_OPTION, MagProMode.DUAL,
                    MagProCurrentDirection.NORMAL, MagProWaveform.MONOPHASIC, 2, 30, 100).toPayload());
            m.onFrame(new MagProCommand.SetEnabled(true).toPayload());
        });
        magPro = bench.connect();

        assertThat(bench.server.ask(VirtualMagPro::enabled)).isFalse();
        assertThat(bench.server.ask(VirtualMagPro::mode)).isEqualTo(MagProMode.STANDARD);
    }

    @Test
    void aBurstWaveformIsRefusedAtConnect() {
        bench = VirtualMagProBench.inVirtualTime(Map.of());
        bench.server.onDevice(m -> m.onFrame(new MagProCommand.SetWaveform(MagProModel.X100_OPTION,
                MagProMode.STANDARD, MagProCurrentDirection.NORMAL, MagProWaveform.BIPHASIC_BURST, 3, 100, 100)
                .toPayload()));

        assertThatThrownBy(() -> bench.connect()).isInstanceOf(StimulatorException.class)
                .hasMessageContaining("biphasic burst");
    }

    @Test
    void nothingOnThePortSaysSo() {
        bench = VirtualMagProBench.inVirtualTime(Map.of("fault", "silent"));
        assertThatThrownBy(() -> bench.connect()).isInstanceOf(StimulatorException.class)
                .hasMessage("no answer from a MagPro on sim:magpro after 3 status requests of 300 ms: is it switched "
                        + "on, and the null-modem cable on its COM2 port?")
                .extracting(e -> ((StimulatorException) e).fault().kind()).isEqualTo(Kind.NO_REPLY);
    }

    @Test
    void aDeviceThatAnswersInCorruptedFramesIsNotTakenForAMagPro() {
        bench = VirtualMagProBench.inVirtualTime(Map.of("fault", "bad-crc"));
        assertThatThrownBy(() -> bench.connect()).isInstanceOf(StimulatorException.class)
                .hasMessageContaining("answers, but not as a MagPro").hasMessageContaining("38400 baud 8N1");
    }

    @Test
    void corruptedRepliesFaultAndDisable() {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(50));
        magPro.arm();
        bench.server.onDevice(m -> m.injectFault(MagProFault.BAD_CRC));

        StimulatorException e = catchStimulatorException(() -> magPro.status());

        assertThat(e.fault().kind()).isEqualTo(Kind.BAD_REPLY);
        assertThat(e).hasMessageContaining("MagVenture MagPro X100 with MagOption (serial 12345) on sim:magpro")
                .hasMessageContaining("CRC-8 mismatch").hasMessageContaining("outputs have been disabled");
        assertDisabledSoon();
        assertThat(faults).extracting(StimulatorFault::kind).contains(Kind.BAD_REPLY);
    }

    @Test
    void garbageOnTheLineFaultsEvenWhenTheReplyItselfArrives() {
        connect(Map.of());
        magPro.arm();
        bench.server.onDevice(m -> m.injectFault(MagProFault.GARBAGE));

        StimulatorException e = catchStimulatorException(() -> magPro.status());

        assertThat(e.fault().kind()).isEqualTo(Kind.BAD_REPLY);
        assertThat(e).hasMessageContaining("outside any frame");
        assertDisabledSoon();
    }

    @Test
    void noReplyFaultsWithTheDeadline() {
        connect(Map.of());
        bench.server.onDevice(m -> m.injectFault(MagProFault.SILENT));

        StimulatorException e = catchStimulatorException(() -> magPro.setPowers(StimulatorPowers.single(40)));

        assertThat(e.fault().kind()).isEqualTo(Kind.NO_REPLY);
        assertThat(e).hasMessageContaining("did not answer the status request after setting amplitudes within 300 ms");
    }

    @Test
    void aCoilTooHotFaultsWhileArmedAndRefusesToArm() {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(50));
        magPro.arm();
        bench.server.onDevice(m -> m.injectFault(MagProFault.HOT_COIL));

        StimulatorException e = catchStimulatorException(() -> magPro.fire());

        assertThat(e.fault().kind()).isEqualTo(Kind.COIL);
        assertThat(e).hasMessageContaining("coil at 45 °C, above the 40 °C");
        assertThat(bench.server.ask(VirtualMagPro::discharges)).isZero();
        StimulatorException again = catchStimulatorException(() -> magPro.arm());
        assertThat(again.fault().kind()).isEqualTo(Kind.COIL);
        assertDisabledSoon();
    }

    @Test
    void aCoilWarmedByOurOwnPulsesStopsTheSessionAtTheLimit() {
        connect(Map.of("heatPerPulse", "4", "temperature", "30"));
        magPro.setPowers(StimulatorPowers.single(100));
        magPro.arm();
        StimulatorException e = null;
        for (int i = 0; i < 10 && e == null; i++) {
            try {
                magPro.fire();
            } catch (StimulatorException thrown) {
                e = thrown;
            }
        }

        assertThat(e).isNotNull();
        assertThat(e.fault().kind()).isEqualTo(Kind.COIL);
        assertThat(bench.server.ask(VirtualMagPro::discharges)).as("30 °C + 3 × 4 °C passes 40 °C").isEqualTo(3);
        assertDisabledSoon();
    }

    @Test
    void aFrontPanelChangeWhileWeControlItFaultsAndDisables() throws Exception {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(50));
        magPro.arm();
        CompletableFuture<StimulatorFault> reported = new CompletableFuture<>();
        magPro.onFault(reported::complete);

        bench.server.onDevice(m -> m.injectFault(MagProFault.FRONT_PANEL));

        StimulatorFault fault = reported.get(5, TimeUnit.SECONDS);
        assertThat(fault.kind()).isEqualTo(Kind.REMOTE_CONTROL_LOST);
        assertThat(fault.message()).contains("changed to A 60 %, B 0 % on its front panel while Excitrack set A 50 %");
        assertThatThrownBy(() -> magPro.fire()).isInstanceOf(StimulatorException.class)
                .hasMessageContaining("front panel");
        assertDisabledSoon();
    }

    @Test
    void aFrontPanelReturnToThePreviousAmplitudeIsCaughtToo() throws Exception {
        connect(Map.of());
        magPro.setPowers(StimulatorPowers.single(30));
        magPro.setPowers(StimulatorPowers.single(50));
        CompletableFuture<StimulatorFault> reported = new CompletableFuture<>();
        magPro.onFault(reported::complete);

        bench.server.onDevice(m -> m.turnAmplitudeKnobs(30, 0));

        assertThat(reported.get(5, TimeUnit.SECONDS).kind()).isEqualTo(Kind.REMOTE_CONTROL_LOST);
    }

    @Test
    void theStimulatorDisablingItselfIsAFault() throws Exception {
        connect(Map.of());
        magPro.arm();
        CompletableFuture<StimulatorFault> reported = new CompletableFuture<>();
        magPro.onFault(reported::complete);

        bench.server.onDevice(m -> m.onFrame(new MagProCommand.SetEnabled(false).toPayload()));
        bench.server.clock().orElseThrow().advanceTo(bench.server.clock().orElseThrow().nowMicros() + 50_000);

        assertThat(reported.get(5, TimeUnit.SECONDS).kind()).isEqualTo(Kind.REMOTE_CONTROL_LOST);
    }

    @Test
    void disarmFromAnotherThreadGoesOutAtOnceWhileTheControlThreadWaits() throws Exception {
        connect(Map.of("replyDelay", "250"));
        magPro.arm();
        long asked = bench.server.ask(VirtualMagPro::commandsReceived) + 1;
        CompletableFuture<StimulatorStatus> status = CompletableFuture.supplyAsync(() -> magPro.status());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bench.server.ask(VirtualMagPro::commandsReceived) < asked && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        // the status answer is now up to 250 ms of device time away, and the control thread waits for it

        assertThat(magPro.disarm()).isTrue();

        assertThat(bench.server.ask(VirtualMagPro::enabled)).isFalse();
        assertThat(status.get(5, TimeUnit.SECONDS).charge()).as("answered as it was when asked")
                .isNotEqualTo(ChargeState.STANDBY);
        assertThat(faults).as("an answer older than the disable is no front-panel change").isEmpty();
        assertThat(magPro.status().charge()).isEqualTo(ChargeState.STANDBY);
    }

    @Test
    void theLinkClosingFaults() {
        connect(Map.of());
        bench.server.close();

        StimulatorException e = catchStimulatorException(() -> magPro.status());
        assertThat(e.fault().kind()).isEqualTo(Kind.LINK_LOST);
    }

    @Test
    void keepAliveOnlyPollsAQuietLink() {
        connect(Map.of());
        long before = bench.server.ask(VirtualMagPro::commandsReceived);
        magPro.keepAlive();
        assertThat(bench.server.ask(VirtualMagPro::commandsReceived)).isEqualTo(before);

        advanceVirtualMillis(2_500);
        magPro.keepAlive();
        assertThat(bench.server.ask(VirtualMagPro::commandsReceived)).isEqualTo(before + 1);
    }

    @Test
    void closingDisablesTheOutputs() throws InterruptedException {
        connect(Map.of());
        magPro.arm();
        magPro.close();
        magPro = null;
        bench.server.awaitTermination();
        assertThat(bench.server.device().enabled()).isFalse();
        assertThat(faults).isEmpty();
    }

    @Test
    void theRealTimePathWorksToo() {
        bench = VirtualMagProBench.inRealTime(Map.of());
        magPro = bench.connect();
        magPro.setPowers(StimulatorPowers.single(35));
        magPro.arm();
        magPro.fire();
        assertThat(magPro.pulsesFired()).isEqualTo(1);
        assertThat(magPro.disarm()).isTrue();
    }

    private void connect(Map<String, String> parameters) {
        bench = VirtualMagProBench.inVirtualTime(parameters);
        magPro = bench.connect();
        magPro.onFault(faults::add);
    }

    private void advanceVirtualMillis(long millis) {
        try {
            var clock = bench.server.clock().orElseThrow();
            clock.advanceTo(clock.nowMicros() + millis * 1000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The driver writes {@code [2, 0]} before it reports a fault, but the MagPro handles it on its own threads:
     * wait, with a deadline, until it has.
     */
    private void assertDisabledSoon() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (bench.server.ask(VirtualMagPro::enabled)) {
            assertThat(System.nanoTime()).as("the MagPro still enabled after 5 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    private static StimulatorException catchStimulatorException(Runnable call) {
        try {
            call.run();
        } catch (StimulatorException e) {
            return e;
        }
        throw new AssertionError("expected a StimulatorException");
    }
}
