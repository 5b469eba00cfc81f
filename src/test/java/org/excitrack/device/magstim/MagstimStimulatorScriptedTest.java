package org.excitrack.device.magstim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;
import org.junit.jupiter.api.Test;

/** What only a scripted peer can show: replies a well-behaved stimulator never gives, and exact interleavings. */
class MagstimStimulatorScriptedTest {
    private static final MagstimTimings TIMINGS = MagstimTimings.defaults().withReply(Duration.ofSeconds(2));

    @Test
    void aReadBackThatDiffersFromWhatWasSentIsAFaultAndDisarms() {
        AtomicBoolean misreport = new AtomicBoolean();
        try (ScriptedMagstim peer = new ScriptedMagstim(c -> misreport.get()
                && c instanceof MagstimCommand.GetParameters
                ? new MagstimReply.Parameters(new InstrumentStatus(0x89), 30, 31, 10) : null);
             MagstimStimulator s = MagstimStimulator.connect(peer.hostSide, StimulatorModel.MAGSTIM_BISTIM, TIMINGS)) {
            misreport.set(true);
            StimulatorException e = catchThrowableOfType(StimulatorException.class,
                    () -> s.setPowers(new StimulatorPowers(30, 45)));
            assertThat(e.fault().kind()).isEqualTo(StimulatorFault.Kind.READ_BACK_MISMATCH);
            assertThat(e).hasMessage("Magstim BiStim² on scripted:magstim: powers were set to A 30 %, B 45 % but "
                    + "read back as A 30 %, B 31 %. The stimulator is disarmed.");
            assertThat(peer.heard).contains(new MagstimCommand.SetBaseMode(BaseMode.DISARM));
        }
    }

    @Test
    void disarmGoesOutAtOnceWhileAnotherExchangeWaitsForItsReply() throws Exception {
        CountDownLatch disarmWritten = new CountDownLatch(1);
        CountDownLatch parametersAsked = new CountDownLatch(1);
        AtomicBoolean heldBack = new AtomicBoolean();
        AtomicBoolean stall = new AtomicBoolean();
        try (ScriptedMagstim peer = new ScriptedMagstim(c -> {
                if (stall.get() && c instanceof MagstimCommand.GetParameters) {
                    parametersAsked.countDown();
                    try {
                        // A device still busy with J@: its reply only leaves once the disarm has been written.
                        heldBack.set(!disarmWritten.await(5, TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                return null;
            });
             MagstimStimulator s = MagstimStimulator.connect(new WriteWatch(peer.hostSide, disarmWritten),
                     StimulatorModel.MAGSTIM_BISTIM, TIMINGS)) {
            stall.set(true);
            CompletableFuture<StimulatorPowers> status = CompletableFuture.supplyAsync(() -> s.status().powers());
            assertThat(parametersAsked.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(s.disarm()).as("confirmed by the E reply that follows J's").isTrue();
            assertThat(heldBack).as("the disarm was written while J@ still awaited its reply").isFalse();
            assertThat(status.get(5, TimeUnit.SECONDS)).isEqualTo(new StimulatorPowers(30, 30));
            assertThat(peer.heard).containsSubsequence(new MagstimCommand.GetParameters(),
                    new MagstimCommand.SetBaseMode(BaseMode.DISARM), new MagstimCommand.GetTemperature());
        }
    }

    @Test
    void aLoopbackPlugIsRecognised() {
        PipeLink[] ends = PipeLink.pair("serial:/dev/loop");
        Thread echo = new Thread(() -> {
            byte[] b = new byte[64];
            for (int n = ends[1].read(b, 0, b.length); n >= 0; n = ends[1].read(b, 0, b.length)) {
                ends[1].write(java.util.Arrays.copyOf(b, n));
            }
        });
        echo.setDaemon(true);
        echo.start();
        assertThatThrownBy(() -> MagstimStimulator.connect(ends[0], StimulatorModel.MAGSTIM_200, TIMINGS))
                .isInstanceOf(StimulatorException.class)
                .hasMessage("Could not connect to a Magstim 200² on serial:/dev/loop: it sends our own command back "
                        + "(Q@n): a loopback plug or a terminal, not a Magstim 200²");
    }

    @Test
    void aRapidThatNeedsAnUnlockCodeOrIsInTrainModeAndABiStimSlaveAreRefusedWithTheReason() {
        try (ScriptedMagstim peer = new ScriptedMagstim(c -> c instanceof MagstimCommand.GetVersion
                ? new MagstimReply.Version("9.1.0") : null)) {
            assertThatThrownBy(() -> MagstimStimulator.connect(peer.hostSide, StimulatorModel.MAGSTIM_RAPID, TIMINGS))
                    .hasMessageContaining("runs software 9.1.0; from version 9 a Rapid² needs Magstim's unlock code");
            assertThat(peer.heard).endsWith(new MagstimCommand.DisableRemote());
        }
        InstrumentStatus standby = new InstrumentStatus(0x89);
        try (ScriptedMagstim peer = new ScriptedMagstim(c -> c instanceof MagstimCommand.GetVersion
                ? new MagstimReply.Version("7.2.0") : c instanceof MagstimCommand.GetRapidParameters
                ? new MagstimReply.RapidParameters(standby, 0x32, org.excitrack.codec.magstim.RapidParameterLayout.V7,
                50, 100, 50, 50, 100) : null)) {
            assertThatThrownBy(() -> MagstimStimulator.connect(peer.hostSide, StimulatorModel.MAGSTIM_RAPID, TIMINGS))
                    .hasMessageContaining("is in repetitive (train) mode");
        }
        try (ScriptedMagstim peer = new ScriptedMagstim(c -> c instanceof MagstimCommand.GetSystemMode
                ? new MagstimReply.SystemMode(standby, 'S') : null)) {
            assertThatThrownBy(() -> MagstimStimulator.connect(peer.hostSide, StimulatorModel.MAGSTIM_BISTIM, TIMINGS))
                    .hasMessageContaining("is the BiStim²'s slave unit (slave, independent triggering): connect the "
                            + "serial cable to the master");
        }
    }

    /** Counts down when the driver writes a disarm: proof that it went out, whatever else was in progress. */
    private record WriteWatch(Link inner, CountDownLatch disarmWritten) implements Link {
        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            return inner.read(buffer, offset, length);
        }

        @Override
        public void write(byte[] data) {
            inner.write(data);
            if (data.length == 3 && data[0] == 'E' && data[1] == 'A') {
                disarmWritten.countDown();
            }
        }

        @Override
        public void close() {
            inner.close();
        }
    }
}
