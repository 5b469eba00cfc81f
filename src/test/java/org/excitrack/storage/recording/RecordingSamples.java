package org.excitrack.storage.recording;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.stream.LongStream;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.UnitIdentity;

/** Deterministic sample data for recording tests, the crash writer and the fixture generator. */
final class RecordingSamples {
    static final Instant T0 = Instant.parse("2026-11-22T09:30:00.123456789Z");

    private RecordingSamples() {
    }

    static RecordingMetadata metadata() {
        return new RecordingMetadata("0.1.0-test",
                new SubjectInfo("S-0042", 37, "F", 32.5, "median wrist / APB", "control"),
                "HB",
                new ProtocolSource("TRONDNF", "section TE {\n  # threshold electrotonus, µA and ms\n}\n"),
                DeviceInfo.of(new UnitIdentity("Excitrack-1", "1.4.2", "EX1-000123", 3),
                        AmplifierSettings.nerveDefaults()));
    }

    /** Trial {@code id}: one test pulse, every third trial a polarizing step, every fifth a trigger. */
    static TrialRecord trial(long id) {
        List<PolarizingStep> polarizing = new ArrayList<>();
        if (id % 3 == 0) {
            polarizing.add(new PolarizingStep(0, 100_000, 400_000 + id, Polarity.ANODAL));
        }
        List<TriggerOut> triggers = id % 5 == 0 ? List.of(new TriggerOut(1, 10, 1000)) : List.of();
        short[] samples = new short[2 * 300];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (((i * 7919L + id * 104729L) % 65536) - 32768);
        }
        samples[0] = Short.MIN_VALUE;
        samples[1] = Short.MAX_VALUE;
        Sweep sweep = new Sweep(10_000, -2_000, 2, 305, samples);
        TrialResult result = new TrialResult(id, 1_000_000L + id * 1_000_000L,
                List.of(new Pulse(110_000, 1000, 2_500_000 + id, Polarity.CATHODAL),
                        Pulse.cathodal(150_000, 200, 1_000_000)),
                polarizing, triggers, sweep);
        Response response = id % 7 == 6 ? null
                : new Response(1000.5 + id, 2100.25, 6_250.0, id % 2 == 0 ? 3.1 : Double.NaN);
        return new TrialRecord(result, "TE", "TEd" + (id % 4), (int) (id % 2), T0.plusMillis(800 * id), response,
                "{\"target_uv\":500.0,\"step_percent\":" + (id % 8) + "}");
    }

    /** Trial {@code id} as a schema-2 session records it: with the test stimulus its tracker recorded. */
    static TrialRecord trialWithStimulus(long id) {
        TrialRecord t = trial(id);
        return new TrialRecord(t.result(), t.section(), t.pointLabel(), t.channel(), t.hostTime(), t.response(),
                t.trackerStateJson(), OptionalLong.of(id % 7 == 3 ? 0 : 2_500_000 + id));
    }

    /** What a threshold on trials {@code ids} was computed from, as schema 2 stores it. */
    static ThresholdInputs inputs(long... ids) {
        return new ThresholdInputs("excitrack-regression-1", 3_200.5, 8, 0.5, 0.15, 2, 8_001.25,
                LongStream.of(ids).boxed().toList());
    }

    /** The same, with no slope prior (an infinite slope uncertainty, stored as NULL). */
    static ThresholdInputs inputsWithoutSlopePrior(long... ids) {
        return new ThresholdInputs("qtrac-proportional-1", 3_200.5, 1, Double.POSITIVE_INFINITY, 0, 0, 0,
                LongStream.of(ids).boxed().toList());
    }
}
