package org.excitrack.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitIdentity;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.service.ProtocolService;
import org.excitrack.session.Operator;
import org.excitrack.session.ScriptedOperator;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.SessionControl;
import org.excitrack.session.SessionRecorder;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.transport.Links;

/**
 * The session's own cost: (b) controller overhead per trial over a real pseudo-terminal, from a trial's result
 * arriving to the next trial being sent, with the inter-trial wait taken out, and the longest GC pause of the
 * run; (c) the wall time of a whole TRONDNF in virtual time, recorded to a file as a user's run is.
 */
final class SessionBenchmark {
    private static final int VIRTUAL_RUNS = 3;

    private SessionBenchmark() {
    }

    /** Runs this benchmark alone. */
    public static void main(String[] args) throws Exception {
        System.out.print(run(Path.of(args.length > 0 ? args[0] : "target/bench")));
    }

    static String run(Path outdir) throws Exception {
        Files.createDirectories(outdir);
        StringBuilder out = new StringBuilder("Session (TRONDNF, healthy simulator):\n");
        out.append(trackerComparison());
        out.append(virtualTime(outdir));
        out.append(overheadOverPty(outdir));
        return out.toString();
    }

    /** Seeds of the healthy subject over which the two trackers are compared. */
    private static final int COMPARISON_SEEDS = 20;
    /** SDTC, RRP, TEd(10-20), TEd(90-100), TEh(10-20), TEh(90-100), superexcitability, subexcitability. */
    private static final int[] COMPARED = {3, 10, 12, 21, 22, 11, 13, 14};

    /**
     * (a) Whole TRONDNF runs with each tracker on the same virtual subjects: stimuli used and the error of the
     * key variables against the subject's truth (SDTC and RRP in % of truth, the others in points).
     */
    private static String trackerComparison() throws Exception {
        ProtocolPlan plan = new ProtocolService().check("TRONDNF", Map.of()).plan().orElseThrow();
        StringBuilder out = new StringBuilder();
        double[][] stimuli = new double[2][COMPARISON_SEEDS];
        double[][] error = new double[2][COMPARISON_SEEDS];
        org.excitrack.tracking.TrackerKind[] kinds = {org.excitrack.tracking.TrackerKind.EXCITRACK,
            org.excitrack.tracking.TrackerKind.QTRAC};
        for (int seed = 1; seed <= COMPARISON_SEEDS; seed++) {
            org.excitrack.sim.SubjectTruth truth = org.excitrack.sim.SubjectTruth.of(org.excitrack.sim.SimulatorConfig
                    .fromParameters(Map.of("seed", Integer.toString(seed))).subject(), 40,
                    r -> org.excitrack.analysis.ExcitabilityVariables.compute(r).numbered());
            for (int k = 0; k < kinds.length; k++) {
                try (var link = Links.open("sim:unit?seed=" + seed + "&clock=virtual");
                     AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link)) {
                    ProtocolSession session = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(), operator(),
                            new SessionControl(), SessionRecorder.NONE, Ticker.SYSTEM);
                    session.useTracker(kinds[k]);
                    ProtocolSession.Outcome outcome = session.run();
                    stimuli[k][seed - 1] = outcome.trials();
                    error[k][seed - 1] = meanError(plan, outcome, truth);
                }
            }
        }
        double[] medianStimuli = {median(stimuli[0]), median(stimuli[1])};
        double[] medianError = {median(error[0]), median(error[1])};
        out.append(String.format(Locale.ROOT, "  (a) TRONDNF, %d healthy subjects: Excitrack tracker %.0f stimuli, "
                + "mean |error| %.2f; QTRAC-style %.0f stimuli, %.2f (medians; error = SDTC and RRP in %% of truth, "
                + "TE and RC in points); ratio %.2f%n", COMPARISON_SEEDS, medianStimuli[0], medianError[0],
                medianStimuli[1], medianError[1], medianStimuli[0] / medianStimuli[1]));
        return out.toString();
    }

    private static double meanError(ProtocolPlan plan, ProtocolSession.Outcome outcome,
                                    org.excitrack.sim.SubjectTruth truth) {
        List<org.excitrack.service.SessionCurves.MeasuredThreshold> thresholds = new ArrayList<>();
        for (ProtocolSession.PointThreshold t : outcome.thresholds()) {
            thresholds.add(new org.excitrack.service.SessionCurves.MeasuredThreshold(t.section(), t.point(),
                    channel(plan, t), t.estimate().thresholdNanoamps()));
        }
        var v = org.excitrack.analysis.ExcitabilityVariables.compute(org.excitrack.service.SessionCurves.curves(plan,
                thresholds, outcome.stimulusResponse(), outcome.maximalMicrovolts(), Map.of()));
        double sum = 0;
        for (int n : COMPARED) {
            double measured = v.value(n).orElse(Double.NaN);
            double t = truth.value(n);
            sum += n == 3 || n == 10 ? 100 * Math.abs(measured / t - 1) : Math.abs(measured - t);
        }
        return sum / COMPARED.length;
    }

    private static int channel(ProtocolPlan plan, ProtocolSession.PointThreshold t) {
        for (var s : plan.sections()) {
            if (s.name().equals(t.section())) {
                for (var p : org.excitrack.model.plan.PointNames.of(s).entrySet()) {
                    if (p.getValue().equals(t.point())) {
                        for (int i = 0; i < p.getKey().channels().size(); i++) {
                            if (p.getKey().channels().get(i).name().equals(t.channel())) {
                                return i;
                            }
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("no channel for " + t);
    }

    private static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static String virtualTime(Path outdir) throws Exception {
        ProtocolPlan plan = new ProtocolService().check("TRONDNF", Map.of()).plan().orElseThrow();
        double[] seconds = new double[VIRTUAL_RUNS];
        long trials = 0;
        for (int i = 0; i < VIRTUAL_RUNS; i++) {
            Path file = outdir.resolve("virtual-" + i + ".excitrack");
            Files.deleteIfExists(file);
            long t0 = System.nanoTime();
            try (var link = Links.open("sim:unit?seed=" + (i + 1) + "&clock=virtual");
                 AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link);
                 RecordingWriter writer = RecordingFile.create(file, metadata(unit))) {
                ProtocolSession.Outcome outcome = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                        operator(), new SessionControl(), new RecordingFileRecorder(writer, Clock.systemUTC()),
                        Ticker.SYSTEM).run();
                writer.finish();
                trials = outcome.trials();
            }
            seconds[i] = (System.nanoTime() - t0) / 1e9;
            Files.deleteIfExists(file);
        }
        Arrays.sort(seconds);
        return String.format(Locale.ROOT, "  (c) whole TRONDNF in virtual time, recorded: %d trials, wall %.2f s "
                + "(median of %d; min %.2f, max %.2f; %d CPUs)%n", trials, seconds[VIRTUAL_RUNS / 2], VIRTUAL_RUNS,
                seconds[0], seconds[VIRTUAL_RUNS - 1], Runtime.getRuntime().availableProcessors());
    }

    private static String overheadOverPty(Path outdir) throws Exception {
        ProtocolPlan plan = new ProtocolService().check("TRONDNF-RC", Map.of("interval", "250 ms")).plan()
                .orElseThrow();
        GcWatch gc = new GcWatch();
        try (SimulatorProcess sim = SimulatorProcess.start(1, outdir.resolve("session-simulator.log"));
             var link = Links.open(sim.portUri());
             AcquisitionUnitClient client = AcquisitionUnitClient.connect(link)) {
            TimedUnit unit = new TimedUnit(client);
            SleepCountingTicker ticker = new SleepCountingTicker();
            unit.ticker = ticker;
            ProtocolSession.Outcome outcome = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                    operator(), new SessionControl(), SessionRecorder.NONE, ticker).run();
            long[] overhead = unit.overheadNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            return String.format(Locale.ROOT, "  (b) controller overhead per trial over the pty, TRONDNF-RC (result in -> next "
                            + "trial out, waits excluded), %d trials: p50 %.3f ms, p99 %.3f ms, max %.3f ms; "
                            + "longest GC pause %d ms (%d collections)%n", outcome.trials(),
                    percentile(overhead, 50), percentile(overhead, 99), overhead[overhead.length - 1] / 1e6,
                    gc.longestMillis.get(), gc.count.get());
        } finally {
            gc.close();
        }
    }

    private static double percentile(long[] sorted, double p) {
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(p / 100 * sorted.length) - 1));
        return sorted[i] / 1e6;
    }

    /** Real time, counting how long the session waits on purpose, so the wait can be taken out of the overhead. */
    private static final class SleepCountingTicker implements Ticker {
        final AtomicLong sleptNanos = new AtomicLong();

        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            long t0 = System.nanoTime();
            Ticker.SYSTEM.sleepNanos(nanos);
            sleptNanos.addAndGet(System.nanoTime() - t0);
        }
    }

    /** A unit that timestamps each trial's return and the next trial's call. */
    private static final class TimedUnit implements AcquisitionUnit {
        private final AcquisitionUnit inner;
        final List<Long> overheadNanos = new ArrayList<>();
        SleepCountingTicker ticker;
        private long returnedAt = -1;
        private long sleptAtReturn;

        TimedUnit(AcquisitionUnit inner) {
            this.inner = inner;
        }

        @Override
        public TrialResult runTrial(TrialSpec trial) {
            long now = System.nanoTime();
            if (returnedAt >= 0) {
                overheadNanos.add(now - returnedAt - (ticker.sleptNanos.get() - sleptAtReturn));
            }
            TrialResult r = inner.runTrial(trial);
            returnedAt = System.nanoTime();
            sleptAtReturn = ticker.sleptNanos.get();
            return r;
        }

        @Override
        public UnitIdentity identity() {
            return inner.identity();
        }

        @Override
        public UnitCapabilities capabilities() {
            return inner.capabilities();
        }

        @Override
        public AmplifierSettings configure(AmplifierSettings settings) {
            return inner.configure(settings);
        }

        @Override
        public SafetyLimits setLimits(SafetyLimits limits) {
            return inner.setLimits(limits);
        }

        @Override
        public void arm(Duration watchdog) {
            inner.arm(watchdog);
        }

        @Override
        public void disarm() {
            inner.disarm();
        }

        @Override
        public org.excitrack.device.UnitStatus status() {
            return inner.status();
        }

        @Override
        public boolean abort() {
            return inner.abort();
        }

        @Override
        public boolean emergencyStop() {
            return inner.emergencyStop();
        }

        @Override
        public void clearEmergencyStop() {
            inner.clearEmergencyStop();
        }

        @Override
        public void fireTrigger(int line, long widthMicros) {
            inner.fireTrigger(line, widthMicros);
        }

        @Override
        public void onEvent(java.util.function.Consumer<org.excitrack.device.UnitEvent> listener) {
            inner.onEvent(listener);
        }

        @Override
        public void close() {
            // the benchmark closes the client it wraps
        }
    }

    /** The longest single GC pause while it is open, from the JVM's own notifications. */
    private static final class GcWatch implements AutoCloseable {
        final AtomicLong longestMillis = new AtomicLong();
        final AtomicLong count = new AtomicLong();
        private final List<Runnable> removals = new ArrayList<>();

        GcWatch() {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                if (bean instanceof NotificationEmitter emitter) {
                    javax.management.NotificationListener listener = (n, handback) -> {
                        if (n.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                            GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from(
                                    (CompositeData) n.getUserData());
                            count.incrementAndGet();
                            longestMillis.accumulateAndGet(info.getGcInfo().getDuration(), Math::max);
                        }
                    };
                    emitter.addNotificationListener(listener, null, null);
                    removals.add(() -> {
                        try {
                            emitter.removeNotificationListener(listener);
                        } catch (javax.management.ListenerNotFoundException e) {
                            // already gone
                        }
                    });
                }
            }
        }

        @Override
        public void close() {
            removals.forEach(Runnable::run);
        }
    }

    private static RecordingMetadata metadata(AcquisitionUnit unit) {
        return new RecordingMetadata("bench", new SubjectInfo("bench", 37, "M", 33.0, null, null), "",
                new ProtocolSource("TRONDNF", "bench"), new DeviceInfo(unit.identity(), "{}"));
    }

    private static Operator operator() {
        return new ScriptedOperator(Map.of("temperature", 33.0));
    }
}
