package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.ProtocolService;
import org.excitrack.service.RecomputedThresholds;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.excitrack.session.ProtocolSession;
import org.excitrack.session.RecordingFileRecorder;
import org.excitrack.session.ScriptedOperator;
import org.excitrack.session.SessionControl;
import org.excitrack.session.Ticker;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;
import org.excitrack.storage.recording.TrialRecord;
import org.excitrack.tracking.TrackerKind;
import org.excitrack.transport.Link;
import org.excitrack.transport.Links;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every threshold a session stores can be computed again from the stored trials alone, with the estimator,
 * target and curve prior the recording names for it, and comes out as stored: value and standard error within
 * 1e-9 relative. Runs on the in-process simulator in virtual time: TRONDNF through {@code excitrack run}'s
 * service (serial and single tracking), a parallel recovery cycle with either tracker, and a run stopped and
 * resumed (a resumed session's control starts from the curve recorded before it).
 */
class ThresholdRecomputeTest {
    private static final double RELATIVE = 1e-9;
    /** The TRONDNF recovery cycle, tracked in parallel rather than serially. */
    private static final String PARALLEL_RC = """
            protocol "RC-PARALLEL"
            include "trondnf/settings.exc"
            include "trondnf/preparation.exc"
            include "trondnf/stimulus-response.exc"
            section "Recovery cycle" {
              track parallel {
                channel "control" { test }
                channel "conditioned" {
                  pulse supramaximal width 1 ms at 0 ms
                  test at isi
                }
                step isi over [2 ms, 2.5 ms, 3.2 ms, 4 ms, 5 ms, 7.9 ms, 13 ms, 24 ms, 56 ms, 100 ms, 200 ms]
              }
            }
            """;

    @TempDir
    Path dir;

    @Test
    void everyTrondnfThresholdIsRecomputedFromTheStoredTrialsAsStored() throws Exception {
        Path file = dir.resolve("s07.excitrack");
        RunService.RunReport report = new RunService(new RunControl()).run(request("TRONDNF", file), e -> { });
        assertThat(report.state()).isEqualTo(SessionState.FINISHED);

        Recording recording = RecordingFile.open(file);
        assertThat(recording.schemaVersion()).isEqualTo(4);
        assertEveryThresholdRecomputes(recording, TrackerKind.EXCITRACK);
        assertThat(recording.thresholds()).as("SD, TE, I/V and RC points").hasSizeGreaterThan(100);
        assertThat(recording.thresholds()).as("the first control threshold rests on the stimulus-response trials")
                .anySatisfy(t -> assertThat(t.inputs().orElseThrow().trialIds())
                        .anySatisfy(id -> assertThat(trial(recording, id).pointLabel()).isEqualTo("ramp")));

        List<AnalysisService.FileVariables> stored = new AnalysisService().analyze(List.of(file), false);
        List<AnalysisService.FileVariables> recomputed = new AnalysisService().analyze(List.of(file), true);
        AnalysisService.Recomputed summary = recomputed.get(0).recomputed().orElseThrow();
        assertThat(summary.thresholds()).isEqualTo(recording.thresholds().size());
        assertThat(summary.largestRelativeDifference()).isLessThanOrEqualTo(RELATIVE);
        assertThat(stored.get(0).recomputed()).isEmpty();
        List<AnalysisService.Variable> before = stored.get(0).variables();
        List<AnalysisService.Variable> after = recomputed.get(0).variables();
        assertThat(after).hasSameSizeAs(before);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).name()).isEqualTo(before.get(i).name());
            if (Double.isFinite(before.get(i).value())) {
                assertThat(after.get(i).value()).as(before.get(i).name())
                        .isCloseTo(before.get(i).value(), within(1e-6 * Math.max(1, Math.abs(before.get(i).value()))));
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TrackerKind.class)
    void parallelTrackingWithEitherTrackerIsRecomputedAsStored(TrackerKind kind) throws Exception {
        Path file = dir.resolve("rc-" + kind + ".excitrack");
        ProtocolPlan plan = new ProtocolService().checkText("RC-PARALLEL", PARALLEL_RC).plan().orElseThrow();
        try (Link link = Links.open("sim:unit?seed=3&clock=virtual");
             AcquisitionUnitClient unit = AcquisitionUnitClient.connect(link);
             RecordingWriter writer = RecordingFile.create(file, new RecordingMetadata("test",
                     new SubjectInfo("S03", 40, "F", 33.0, null, null), "tester",
                     new ProtocolSource("RC-PARALLEL", PARALLEL_RC), new DeviceInfo(unit.identity(), "{}")))) {
            ProtocolSession session = new ProtocolSession(unit, plan, SafetyLimits.nerveDefaults(),
                    new ScriptedOperator(Map.of("temperature", 33.0)), new SessionControl(),
                    new RecordingFileRecorder(writer, Clock.systemUTC()), Ticker.SYSTEM);
            session.useTracker(kind);
            assertThat(session.run().state()).isEqualTo(SessionState.FINISHED);
            writer.finish();
        }

        Recording recording = RecordingFile.open(file);
        assertEveryThresholdRecomputes(recording, kind);
        assertThat(recording.thresholds()).as("the control at each of the 11 points")
                .filteredOn(t -> t.channel() == 0).hasSize(11);
        assertThat(recording.thresholds()).as("conditioned points outside the refractory period")
                .filteredOn(t -> t.channel() == 1).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aResumedRecordingIsRecomputedAsStored() throws Exception {
        Path file = dir.resolve("resumed.excitrack");
        RunControl control = new RunControl();
        AtomicInteger trials = new AtomicInteger();
        RunService.RunReport first = new RunService(control).run(request("TRONDNF-RC", file), e -> {
            if (e instanceof SessionEvent.Trial && trials.incrementAndGet() == 120) {
                control.abort();
            }
        });
        assertThat(first.state()).isEqualTo(SessionState.ABORTED);
        RunService.RunReport second = new RunService(new RunControl()).resume(file, "sim:unit?seed=7", true,
                e -> { });
        assertThat(second.state()).isEqualTo(SessionState.FINISHED);

        Recording recording = RecordingFile.open(file);
        assertEveryThresholdRecomputes(recording, TrackerKind.EXCITRACK);
        assertThat(recording.events()).noneSatisfy(e -> assertThat(e.detail()).contains("cannot be recomputed"));
        long resumedAt = first.trials();
        assertThat(recording.thresholds()).as("thresholds found after the resume, on trials from before it")
                .anySatisfy(t -> assertThat(t.inputs().orElseThrow().trialIds())
                        .anySatisfy(id -> assertThat(id).isLessThanOrEqualTo(resumedAt))
                        .anySatisfy(id -> assertThat(id).isGreaterThan(resumedAt)));
    }

    private static RunService.RunRequest request(String protocol, Path out) {
        return new RunService.RunRequest(protocol, Map.of(), "sim:unit?seed=7", out,
                new RunService.Subject("S07", 40, "F", 33.0, "Median Wr-APB", "NC"), "tester", Map.of(), true);
    }

    private static void assertEveryThresholdRecomputes(Recording recording, TrackerKind kind) {
        assertThat(recording.thresholds()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.inputs()).as("%s %s %d", t.section(), t.point(), t.channel()).isPresent();
            assertThat(t.inputs().orElseThrow().tracker()).isEqualTo(kind.id());
        });
        List<RecomputedThresholds.Threshold> again = RecomputedThresholds.of(recording);
        assertThat(again).hasSameSizeAs(recording.thresholds());
        for (RecomputedThresholds.Threshold t : again) {
            String which = t.section() + ", " + t.point() + ", channel " + t.channel();
            assertThat(t.nanoamps()).as("threshold of %s", which)
                    .isCloseTo(t.storedNanoamps(), within(RELATIVE * t.storedNanoamps()));
            assertThat(t.standardErrorNanoamps()).as("standard error of %s", which).isPositive()
                    .isCloseTo(t.storedStandardErrorNanoamps(), within(RELATIVE * t.storedStandardErrorNanoamps()));
            assertThat(t.trials()).as("trials behind %s", which).isPositive();
        }
    }

    private static TrialRecord trial(Recording recording, long id) {
        return recording.trials().stream().filter(t -> t.trialId() == id).findFirst().orElseThrow();
    }
}
