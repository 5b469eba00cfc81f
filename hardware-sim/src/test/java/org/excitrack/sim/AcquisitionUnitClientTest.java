package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.excitrack.codec.Command;
import org.excitrack.codec.MessageCodec;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.ClientTimeouts;
import org.excitrack.device.UnitEvent;
import org.excitrack.device.UnitRefusedException;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitState;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.excitrack.transport.PipeLink;
import org.junit.jupiter.api.Test;

/** The device client against the in-process simulator: heartbeats, refusals, abort and emergency stop. */
class AcquisitionUnitClientTest {
    private static final AmplifierSettings LONG_WINDOW =
            AmplifierSettings.nerveDefaults().withDefaultWindow(new RecordingWindow(0, 1_500_000));

    @Test
    void heartbeatsKeepAnIdleArmedUnitArmed() throws InterruptedException {
        PipeLink[] ends = PipeLink.pair("watched pipe");
        CountingLink unitSide = new CountingLink(ends[1]);
        UnitServer.start(unitSide, SimulatorConfig.defaults());
        try (AcquisitionUnitClient unit = AcquisitionUnitClient.connect(ends[0], ClientTimeouts.defaults())) {
            List<UnitEvent> events = new CopyOnWriteArrayList<>();
            unit.onEvent(events::add);
            unit.arm(Duration.ofMillis(100));
            assertThat(unitSide.heartbeats.await(10, TimeUnit.SECONDS))
                    .as("five heartbeats while idle, each within the 100 ms watchdog").isTrue();
            assertThat(events).isEmpty();
            assertThat(unit.status().state()).isEqualTo(UnitState.ARMED);
        }
    }

    @Test
    void theUnitsOwnLimitRefusalNamesTheLimitTheValueAndTheCode() {
        try (AcquisitionUnitClient unit = AcquisitionUnitClient.connect(Links.open("sim:unit"))) {
            unit.configure(AmplifierSettings.nerveDefaults());
            unit.setLimits(SafetyLimits.nerveDefaults().withMinTrialIntervalMicros(50_000));
            unit.arm(Duration.ofSeconds(1));
            TrialSpec tooMuch = TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 5_000, 20_000_000),
                    RecordingWindow.CONFIGURED_DEFAULT);
            assertThatThrownBy(() -> unit.runTrial(tooMuch))
                    .isInstanceOfSatisfying(UnitRefusedException.class, e -> {
                        assertThat(e.code()).isEqualTo("LIMIT_EXCEEDED");
                        assertThat(e.limit()).contains(SafetyLimits.Limit.PULSE_CHARGE);
                    })
                    .hasMessageContaining("refused TRIAL #1: LIMIT_EXCEEDED (0x0020)")
                    .hasMessageContaining("pulse charge 100.000 µC exceeds the limit of 50.000 µC");
        }
    }

    @Test
    void abortFromAnotherThreadEndsALongTrialAtOnce() throws Exception {
        try (AcquisitionUnitClient unit = AcquisitionUnitClient.connect(Links.open("spy:sim:unit"))) {
            CompletableFuture<TrialResult> trial = startLongTrial(unit);
            long start = System.nanoTime();
            assertThat(unit.abort()).isTrue();
            assertThatThrownBy(() -> trial.get(1, TimeUnit.SECONDS)).hasCauseInstanceOf(UnitRefusedException.class)
                    .hasMessageContaining("ABORTED");
            assertThat(System.nanoTime() - start).as("well before the 1.5 s trial would have ended")
                    .isLessThan(TimeUnit.MILLISECONDS.toNanos(1_000));
            assertThat(unit.status().state()).isEqualTo(UnitState.ARMED);
        }
    }

    @Test
    void emergencyStopLatchesUntilClearedAndRefusesTrialsMeanwhile() throws Exception {
        try (AcquisitionUnitClient unit = AcquisitionUnitClient.connect(Links.open("sim:unit"))) {
            CompletableFuture<TrialResult> trial = startLongTrial(unit);
            assertThat(unit.emergencyStop()).isTrue();
            assertThatThrownBy(() -> trial.get(1, TimeUnit.SECONDS)).hasMessageContaining("ABORTED");
            assertThat(unit.status().state()).isEqualTo(UnitState.EMERGENCY_STOPPED);
            assertThatThrownBy(() -> unit.runTrial(TrialSpec.singlePulse(2, Pulse.cathodal(2_000, 1_000, 4_000_000),
                    RecordingWindow.CONFIGURED_DEFAULT))).hasMessageContaining("EMERGENCY_STOPPED");
            unit.clearEmergencyStop();
            assertThat(unit.status().state()).isEqualTo(UnitState.DISARMED);
        }
    }

    /** Starts a 1.5 s trial on another thread and returns once the unit reports it running. */
    private static CompletableFuture<TrialResult> startLongTrial(AcquisitionUnitClient unit) {
        unit.configure(LONG_WINDOW);
        unit.arm(Duration.ofSeconds(5));
        CompletableFuture<TrialResult> trial = CompletableFuture.supplyAsync(() -> unit.runTrial(
                TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 1_000, 4_000_000), RecordingWindow.CONFIGURED_DEFAULT)));
        awaitState(unit, UnitState.RUNNING_TRIAL);
        return trial;
    }

    /** Polls STATUS (each poll is a real command) until the unit reaches the state, or fails after 5 s. */
    private static void awaitState(AcquisitionUnitClient unit, UnitState state) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (unit.status().state() != state) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("unit never reached " + state);
            }
        }
    }

    /** The unit's side of the pipe, counting the HEARTBEAT commands that pass. */
    static final class CountingLink implements Link {
        final CountDownLatch heartbeats = new CountDownLatch(5);
        private final Link inner;
        private final FrameDecoder decoder = new FrameDecoder();
        private final MessageCodec codec = new MessageCodec();

        CountingLink(Link inner) {
            this.inner = inner;
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            int n = inner.read(buffer, offset, length);
            if (n > 0) {
                decoder.feed(buffer, offset, n, new FrameSink() {
                    @Override
                    public void onFrame(byte[] payload) {
                        if (codec.decode(payload).message() instanceof Command.Heartbeat) {
                            heartbeats.countDown();
                        }
                    }

                    @Override
                    public void onError(FramingException error) {
                    }
                });
            }
            return n;
        }

        @Override
        public void write(byte[] data) {
            inner.write(data);
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
