package org.excitrack.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.locks.LockSupport;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.UnitRefusedException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;

/**
 * End-to-end latency over a real pseudo-terminal: this JVM as the controller, the simulator in its own
 * process. Plain Java, not JMH: what is measured is mostly the other process, the kernel's pty and our
 * threads handing frames over, which JMH's forking and blackholes do not help with.
 *
 * <p>A trial's round trip includes the trial itself (the unit records its 30 ms window before replying), so
 * the overhead row takes that duration off: what is left is transport, framing, codec and scheduling on both
 * sides. A pty has no baud rate, so the wire time a real 921600-baud link adds is computed separately. The
 * same loop against the in-process simulator ({@code sim:unit}) is the control: the difference between the
 * two is what the pty and the second process cost.
 */
final class PtyRoundTripBenchmark {
    private static final long SEED = 1;
    private static final String IN_PROCESS_PORT = "sim:unit?seed=" + SEED;
    /** Margin over the unit's hard minimum trial interval, so host-side jitter never makes a trial too soon. */
    private static final long SPACING_MARGIN_MICROS = 5_000;

    record Settings(int warmupTrials, int trials, int warmupStatus, int statusRequests) {
        static Settings fromSystemProperties() {
            return new Settings(Integer.getInteger("bench.warmupTrials", 30), Integer.getInteger("bench.trials", 300),
                    Integer.getInteger("bench.warmupStatus", 100), Integer.getInteger("bench.statusRequests", 1000));
        }
    }

    /** One run of the loop against one port. */
    record Measurement(String port, String unit, long spacingMicros, long trialDurationMicros,
                       LatencySummary trial, LatencySummary trialOverhead, LatencySummary status,
                       int refusedTrials, String lastRefusal, int commandFrameBytes, int resultFrameBytes,
                       String sweepShape) {
    }

    record Result(Settings settings, Measurement pty, Measurement inProcess, String simulatorEnd) {

        String table() {
            StringBuilder b = new StringBuilder();
            b.append(String.format(Locale.ROOT, "Round trips to `excitrack sim --seed %d` in its own process, "
                    + "over a pseudo-terminal%n", SEED));
            b.append(String.format(Locale.ROOT, "  port %s, unit %s%n", pty.port(), pty.unit()));
            b.append(String.format(Locale.ROOT, "  %d trials after %d warm-up, each %.0f ms after the last reply "
                    + "(unit's hard minimum + %d ms);%n  %d STATUS after %d warm-up, back to back%n",
                    pty.trial().count(), settings.warmupTrials(), pty.spacingMicros() / 1000.0,
                    SPACING_MARGIN_MICROS / 1000, pty.status().count(), settings.warmupStatus()));
            b.append(String.format(Locale.ROOT, "%n  %-38s %9s %9s %9s %9s %9s%n", "µs", "p50", "p90", "p99", "max",
                    "mean"));
            rows(b, pty);
            b.append(String.format(Locale.ROOT, "  control: in-process simulator (%s), no pty, no second "
                    + "process%n", inProcess.port()));
            rows(b, inProcess);

            double commandWire = WireTime.micros(pty.commandFrameBytes(), CodecFixtures.BAUD);
            double resultWire = WireTime.micros(pty.resultFrameBytes(), CodecFixtures.BAUD);
            b.append(String.format(Locale.ROOT, "%n  Wire time on a real link at %d baud 8N1 (10 bits per byte), "
                    + "not included above:%n", CodecFixtures.BAUD));
            b.append(String.format(Locale.ROOT, "    %-40s %6d bytes %9.1f µs%n", "TRIAL command frame",
                    pty.commandFrameBytes(), commandWire));
            b.append(String.format(Locale.ROOT, "    %-40s %6d bytes %9.1f µs%n", "TRIAL_RESULT frame ("
                    + pty.sweepShape() + ")", pty.resultFrameBytes(), resultWire));
            b.append(String.format(Locale.ROOT, "    %-40s %6d bytes %9.1f µs%n", "both",
                    pty.commandFrameBytes() + pty.resultFrameBytes(), commandWire + resultWire));
            b.append(String.format(Locale.ROOT, "  Expected trial overhead on hardware ≈ p50 overhead + wire time "
                    + "= %.0f µs%n", pty.trialOverhead().p50Micros() + commandWire + resultWire));
            b.append(String.format(Locale.ROOT, "  Simulator process: %s%n", simulatorEnd));
            return b.toString();
        }

        private static void rows(StringBuilder b, Measurement m) {
            row(b, "TRIAL round trip", m.trial());
            row(b, String.format(Locale.ROOT, "  minus trial duration (%d µs)", m.trialDurationMicros()),
                    m.trialOverhead());
            row(b, "STATUS round trip", m.status());
            if (m.refusedTrials() > 0) {
                b.append(String.format(Locale.ROOT, "  %d trials refused and not counted; last: %s%n",
                        m.refusedTrials(), m.lastRefusal()));
            }
        }

        private static void row(StringBuilder b, String label, LatencySummary s) {
            b.append(String.format(Locale.ROOT, "  %-38s %9.1f %9.1f %9.1f %9.1f %9.1f%n", label, s.p50Micros(),
                    s.p90Micros(), s.p99Micros(), s.maxMicros(), s.meanMicros()));
        }
    }

    private PtyRoundTripBenchmark() {
    }

    static Result run(Settings settings, Path outdir) throws IOException, InterruptedException {
        Measurement pty;
        String simulatorEnd;
        try (SimulatorProcess sim = SimulatorProcess.start(SEED, outdir.resolve("simulator.log"))) {
            pty = measure(settings, sim.portUri() + "?baud=" + CodecFixtures.BAUD);
            simulatorEnd = sim.stop();
        }
        Measurement inProcess = measure(settings, IN_PROCESS_PORT);
        return new Result(settings, pty, inProcess, simulatorEnd);
    }

    private static Measurement measure(Settings settings, String port) {
        try (AcquisitionUnitClient unit = AcquisitionUnits.open(port)) {
            AmplifierSettings configured = unit.configure(AmplifierSettings.nerveDefaults());
            unit.setLimits(SafetyLimits.nerveDefaults().withMinTrialIntervalMicros(0));
            unit.arm(Duration.ofSeconds(2));
            long spacingMicros = unit.capabilities().hardLimits().minTrialIntervalMicros() + SPACING_MARGIN_MICROS;
            long trialDurationMicros = CodecFixtures.trial(1).durationMicros(configured.defaultWindow());

            TrialTimes times = new TrialTimes(settings.trials());
            long id = 1;
            for (int i = 0; i < settings.warmupTrials() + settings.trials(); i++) {
                // The pause comes after the reply, not on a fixed start-to-start schedule: the unit measures the
                // interval between trial commands as they reach it, so a late command followed by a punctual one
                // would look too soon to it. Pausing after the reply keeps every interval above the minimum.
                sleepFor(spacingMicros);
                TrialSpec trial = CodecFixtures.trial(id++);
                long start = System.nanoTime();
                try {
                    TrialResult result = unit.runTrial(trial);
                    long elapsed = System.nanoTime() - start;
                    times.record(i >= settings.warmupTrials(), elapsed, trial, result);
                } catch (UnitRefusedException e) {
                    times.refused(e.getMessage());
                }
            }

            long[] status = new long[settings.statusRequests()];
            for (int i = 0; i < settings.warmupStatus() + settings.statusRequests(); i++) {
                long start = System.nanoTime();
                unit.status();
                long elapsed = System.nanoTime() - start;
                if (i >= settings.warmupStatus()) {
                    status[i - settings.warmupStatus()] = elapsed;
                }
            }
            unit.disarm();

            long[] measured = times.measured();
            if (measured.length == 0) {
                throw new IllegalStateException("the unit on " + port + " refused every measured trial; last: "
                        + times.lastRefusal);
            }
            int commandBytes = CodecFixtures.frame(CodecFixtures.trialCommand(1, times.lastTrial)).length;
            int resultBytes = CodecFixtures.frame(CodecFixtures.trialResultReply(1, times.lastResult)).length;
            String identity = unit.identity().model() + " " + unit.identity().serialNumber() + " firmware "
                    + unit.identity().firmwareVersion();
            return new Measurement(port, identity, spacingMicros, trialDurationMicros, LatencySummary.ofNanos(measured),
                    LatencySummary.ofNanosMinus(measured, trialDurationMicros * 1000), LatencySummary.ofNanos(status),
                    times.refused, times.lastRefusal, commandBytes, resultBytes,
                    times.lastResult.sweep().channelCount() + " ch × " + times.lastResult.sweep().samplesPerChannel()
                            + " samples");
        }
    }

    private static void sleepFor(long micros) {
        long deadline = System.nanoTime() + micros * 1000;
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** Collects the measured trials and keeps the last one, whose frames give the wire sizes. */
    private static final class TrialTimes {
        private final long[] nanos;
        private int count;
        private int refused;
        private String lastRefusal = "";
        private TrialSpec lastTrial;
        private TrialResult lastResult;

        TrialTimes(int capacity) {
            nanos = new long[capacity];
        }

        void record(boolean measured, long elapsedNanos, TrialSpec trial, TrialResult result) {
            if (measured) {
                nanos[count++] = elapsedNanos;
            }
            lastTrial = trial;
            lastResult = result;
        }

        void refused(String message) {
            refused++;
            lastRefusal = message;
        }

        long[] measured() {
            return Arrays.copyOf(nanos, count);
        }
    }
}
