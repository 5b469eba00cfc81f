package org.excitrack.sim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import org.excitrack.cli.Cli;
import org.excitrack.sim.pty.PseudoTerminal;
import org.excitrack.transport.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * What a user sees when something is wrong: one specific sentence and a non-zero exit code, never a stack
 * trace. Runs the real command line, over real pseudo-terminals where a device is involved.
 */
class CliBadInputTest {

    record Run(int exitCode, String out, String err) {
        void assertCleanFailure(int expectedCode, String expectedText) {
            assertThat(exitCode).as("exit code; stderr was: %s", err).isEqualTo(expectedCode);
            assertThat(err).contains(expectedText);
            assertThat(err).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    static Run excitrack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        SimCommand sim = new SimCommand(r -> org.excitrack.analysis.ExcitabilityVariables.compute(r).numbered());
        int code = Cli.create(sim).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aPortThatDoesNotExist() {
        excitrack("threshold", "--port", "serial:/dev/ttyUSB97").assertCleanFailure(1, "/dev/ttyUSB97 does not exist");
    }

    @Test
    void anUnknownOrMalformedSubjectIsAUsageError() {
        excitrack("sim", "--subject", "martian", "--truth").assertCleanFailure(2, "unknown subject preset 'martian'");
        excitrack("threshold", "--port", "sim:unit?subject=zombie").assertCleanFailure(2, "unknown subject preset 'zombie'");
        excitrack("sim", "--truth", "--format", "xml").assertCleanFailure(2, "--format xml: expected table or json");
        excitrack("sim", "--truth", "--target", "140").assertCleanFailure(2, "--target 140");
        excitrack("sim", "--layer", "biophysical", "--sdtc", "400us", "--truth")
                .assertCleanFailure(2, "sdtc sets the phenomenological layer's SDTC");
    }

    @Test
    void truthPrintsEveryVariableByNumberAndName() throws Exception {
        Run table = excitrack("sim", "--subject", "als-early", "--seed", "3", "--truth");
        assertThat(table.exitCode()).isZero();
        assertThat(table.out()).contains("Truth for subject als-early", "seed 3", "Strength-duration time constant (ms)",
                "0.5438", "TEd(90-100ms)", "Superexcitability (%)");
        Run json = excitrack("sim", "--subject", "healthy", "--truth", "--format", "json");
        com.fasterxml.jackson.databind.JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(json.out());
        assertThat(root.get("subject").asText()).isEqualTo("healthy");
        assertThat(root.get("variables")).hasSizeGreaterThan(30);
        assertThat(root.get("variables").get(1).get("number").asInt()).isEqualTo(3);
        assertThat(root.get("variables").get(1).get("value").asDouble()).isEqualTo(0.435, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void aMalformedPortIsAUsageError() {
        excitrack("threshold", "--port", "ttyUSB0").assertCleanFailure(2, "'ttyUSB0' is not a port URI");
        excitrack("threshold", "--port", "sim:unit?threshold=lots").assertCleanFailure(2, "threshold=lots");
    }

    @Test
    void aQuantityWithoutItsUnitIsAUsageError() {
        excitrack("threshold", "--port", "sim:unit", "--width", "0.2").assertCleanFailure(2, "the unit is missing");
        excitrack("threshold", "--port", "sim:unit", "--target", "140%").assertCleanFailure(2, "between 0 and 100");
    }

    @Test
    void aCommandIsRequiredAndHelpAndVersionWork() {
        excitrack().assertCleanFailure(2, "a command is required");
        Run help = excitrack("threshold", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--port=URI", "--width=DURATION", "Example");
        Run version = excitrack("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).contains("Excitrack", "Wire protocol version 1");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceThatEchoesIsNotOurUnit() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open(); Relay echo = Relay.echo(pty.master())) {
            excitrack("threshold", "--port", "serial:" + pty.slavePath())
                    .assertCleanFailure(1, "sends our own commands back");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aDeviceThatTalksSomethingElseIsNotOurUnit() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open(); Relay chatter = Relay.answerWith(pty.master(),
                "OK\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            excitrack("threshold", "--port", "serial:" + pty.slavePath())
                    .assertCleanFailure(1, "is not an Excitrack acquisition unit");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aSilentDeviceSaysNothingAnswered() throws Exception {
        try (PseudoTerminal pty = PseudoTerminal.open()) {
            excitrack("threshold", "--port", "serial:" + pty.slavePath())
                    .assertCleanFailure(1, "is the unit powered and connected");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aUnitThatStopsAnswering() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--hang-after", "4")) {
            excitrack("threshold", "--port", sim.port(), "--interval", "100ms")
                    .assertCleanFailure(1, "stopped answering: no reply to TRIAL #5 after 3 attempts");
        }
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC})
    void aUnitSpeakingANewerProtocol() throws Exception {
        try (SimulatorProcess sim = SimulatorProcess.start("--protocol", "2")) {
            excitrack("threshold", "--port", sim.port())
                    .assertCleanFailure(1, "speaks protocol version 2; this Excitrack speaks 1. Update Excitrack");
        }
    }

    @Test
    void aStimulusRateAboveTheLimitIsRefused() {
        excitrack("threshold", "--port", "sim:unit", "--interval", "20ms")
                .assertCleanFailure(1, "trial interval 20 ms is shorter than the minimum of 100 ms");
    }

    @Test
    void noMaximalResponseWithinTheCurrentLimit() {
        excitrack("threshold", "--port", "sim:unit?threshold=30mA", "--interval", "100ms", "--max-current", "10mA")
                .assertCleanFailure(1, "no maximal response");
    }

    /** The device side of a pty played by a few lines of test code: an echo plug or a chatty modem. */
    static final class Relay implements AutoCloseable {
        private final Thread thread;
        private final AtomicBoolean running = new AtomicBoolean(true);

        private Relay(Link link, byte[] answer) {
            thread = new Thread(() -> {
                byte[] buffer = new byte[1024];
                while (running.get()) {
                    int n = link.read(buffer, 0, buffer.length);
                    if (n < 0) {
                        return;
                    }
                    if (n > 0) {
                        link.write(answer == null ? java.util.Arrays.copyOf(buffer, n) : answer);
                    }
                }
            }, "test-relay");
            thread.setDaemon(true);
            thread.start();
        }

        static Relay echo(Link link) {
            return new Relay(link, null);
        }

        static Relay answerWith(Link link, byte[] answer) {
            return new Relay(link, answer);
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(2_000);
        }
    }
}
