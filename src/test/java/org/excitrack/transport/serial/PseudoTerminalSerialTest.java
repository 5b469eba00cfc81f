package org.excitrack.transport.serial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.excitrack.testing.LinkReads.readExactly;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.excitrack.sim.pty.PseudoTerminal;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.excitrack.transport.TransportException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The proof that our pseudo-terminal and jSerialComm speak to each other as the simulator and the controller
 * will: the controller side is opened through its port URI exactly as a USB-serial adapter would be.
 */
@EnabledOnOs({OS.LINUX, OS.MAC})
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PseudoTerminalSerialTest {
    private static final long DEADLINE_SECONDS = 10;

    private PseudoTerminal pty;

    @BeforeEach
    void openPseudoTerminal() {
        pty = PseudoTerminal.open();
    }

    @AfterEach
    void closePseudoTerminal() {
        pty.close();
    }

    private Link connectController() {
        return Links.open("serial:" + pty.slavePath() + "?baud=921600");
    }

    @Test
    void slavePathIsADevicePathAndTheControllerDescriptionNamesItAndTheBaudRate() {
        assertThat(pty.slavePath()).startsWith("/dev/");
        try (Link controller = connectController()) {
            assertThat(controller.description()).isEqualTo("serial:" + pty.slavePath() + " (921600 baud)");
        }
    }

    @Test
    void everyByteValuePassesBothWaysUnchangedAndInOrder() {
        byte[] everyValue = everyByteValue(4);
        try (Link controller = connectController()) {
            controller.write(everyValue);
            assertThat(readExactly(pty.master(), everyValue.length, 4096, DEADLINE_SECONDS)).isEqualTo(everyValue);

            pty.master().write(everyValue);
            assertThat(readExactly(controller, everyValue.length, 4096, DEADLINE_SECONDS)).isEqualTo(everyValue);
        }
    }

    @Test
    void smallReadsIntoAnOffsetReassembleTheStream() {
        byte[] everyValue = everyByteValue(1);
        try (Link controller = connectController()) {
            controller.write(everyValue);
            assertThat(readExactly(pty.master(), everyValue.length, 7, DEADLINE_SECONDS)).isEqualTo(everyValue);
            pty.master().write(everyValue);
            assertThat(readExactly(controller, everyValue.length, 7, DEADLINE_SECONDS)).isEqualTo(everyValue);
        }
    }

    @Test
    void aControllerCanReconnectAfterTheFirstConnectionCloses() {
        byte[] hello = {0x01, 0x7e, (byte) 0x80, (byte) 0xff};
        try (Link first = connectController()) {
            first.write(hello);
            assertThat(readExactly(pty.master(), hello.length, 64, DEADLINE_SECONDS)).isEqualTo(hello);
        }
        try (Link second = connectController()) {
            second.write(hello);
            assertThat(readExactly(pty.master(), hello.length, 64, DEADLINE_SECONDS)).isEqualTo(hello);
            pty.master().write(hello);
            assertThat(readExactly(second, hello.length, 64, DEADLINE_SECONDS)).isEqualTo(hello);
        }
    }

    @Test
    void readsReturnZeroWhenIdleAndMinusOneAfterClose() {
        byte[] buffer = new byte[16];
        Link controller = connectController();
        assertThat(controller.read(buffer, 0, buffer.length)).isZero();
        assertThat(pty.master().read(buffer, 0, buffer.length)).isZero();

        controller.close();
        controller.close();
        assertThat(controller.read(buffer, 0, buffer.length)).isEqualTo(-1);
        assertThatThrownBy(() -> controller.write(new byte[] {1})).isInstanceOf(TransportException.class)
                .hasMessageContaining("closed");

        pty.close();
        assertThat(pty.master().read(buffer, 0, buffer.length)).isEqualTo(-1);
        assertThatThrownBy(() -> pty.master().write(new byte[] {1})).isInstanceOf(TransportException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void closingTheControllerFromAnotherThreadWakesItsBlockedRead() throws Exception {
        try (Link controller = connectController()) {
            assertThat(readUntilSomethingHappens(controller, controller::close)).isEqualTo(-1);
        }
    }

    @Test
    void closingThePseudoTerminalFromAnotherThreadWakesTheSimulatorsBlockedRead() throws Exception {
        assertThat(readUntilSomethingHappens(pty.master(), pty::close)).isEqualTo(-1);
    }

    @Test
    void closingThePseudoTerminalReleasesAWriterStuckOnAFullBuffer() {
        byte[] moreThanThePtyBuffers = new byte[8 << 20];
        try (Link controller = connectController()) {
            CompletableFuture<Void> writer =
                    CompletableFuture.runAsync(() -> pty.master().write(moreThanThePtyBuffers));
            readExactly(controller, 1, 1, DEADLINE_SECONDS); // the writer is under way; nobody reads the rest, so it will stall
            pty.close();
            assertThatThrownBy(() -> writer.get(DEADLINE_SECONDS, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(TransportException.class)
                    .hasMessageContaining("is closed");
        }
    }

    @Test
    void theControllerSeesTheDeviceGoAwayAsAnUnplug() {
        try (Link controller = connectController()) {
            pty.close();
            assertThatThrownBy(() -> readUntilSomethingHappens(controller))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining(pty.slavePath())
                    .hasMessageContaining("unplugged");
            assertThatThrownBy(() -> controller.write(new byte[] {1}))
                    .isInstanceOf(TransportException.class)
                    .hasMessageContaining("unplugged");
        }
    }

    @Test
    void aSecondConnectionToAnOpenPortInThisProgramIsRefusedWithTheReason() {
        Link first = connectController();
        try {
            assertThatThrownBy(this::connectController)
                    .isInstanceOf(TransportException.class)
                    .hasMessage("serial port " + pty.slavePath()
                            + " is already open in this program; close the other connection first");
        } finally {
            first.close();
        }
        connectController().close();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void aPortLockedByAnotherProcessIsReportedAsInUse() throws IOException, InterruptedException {
        Process locker;
        try {
            locker = new ProcessBuilder("flock", "--exclusive", "--close", pty.slavePath(),
                    "-c", "echo locked; exec cat")
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "util-linux flock is not installed: " + e.getMessage());
            return;
        }
        try {
            BufferedReader output = new BufferedReader(
                    new InputStreamReader(locker.getInputStream(), StandardCharsets.UTF_8));
            assertThat(output.readLine()).isEqualTo("locked");
            assertThatThrownBy(this::connectController)
                    .isInstanceOf(TransportException.class)
                    .hasMessage("serial port " + pty.slavePath()
                            + " is in use by another program; close it and try again");
        } finally {
            locker.getOutputStream().close();
            if (!locker.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)) {
                locker.destroyForcibly();
            }
        }
        connectController().close();
    }

    /** {@code copies} runs of 0x00..0xff. */
    private static byte[] everyByteValue(int copies) {
        byte[] out = new byte[256 * copies];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) i;
        }
        return out;
    }


    /** Reads until a read returns something other than 0: data, -1, or an exception. */
    private static int readUntilSomethingHappens(Link link) {
        byte[] buffer = new byte[64];
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
        while (System.nanoTime() < deadline) {
            int n = link.read(buffer, 0, buffer.length);
            if (n != 0) {
                return n;
            }
        }
        return fail("%s stayed idle for %d s", link.description(), DEADLINE_SECONDS);
    }

    /**
     * Starts a reader on another thread and runs {@code action} once a read there has come back idle, so
     * that the action most likely lands while the next read is blocked; returns what that reader got.
     */
    private static int readUntilSomethingHappens(Link link, Runnable action) throws Exception {
        CountDownLatch idle = new CountDownLatch(1);
        CompletableFuture<Integer> result = CompletableFuture.supplyAsync(() -> {
            byte[] buffer = new byte[64];
            int n = link.read(buffer, 0, buffer.length);
            idle.countDown();
            return n != 0 ? n : readUntilSomethingHappens(link);
        });
        assertThat(idle.await(DEADLINE_SECONDS, TimeUnit.SECONDS)).isTrue();
        action.run();
        return result.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
