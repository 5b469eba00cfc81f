package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.excitrack.lang.PlanEstimate;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.PlanSection;
import org.excitrack.model.plan.PlanStep;
import org.excitrack.model.plan.ProtocolPlan;
import org.excitrack.model.plan.StimulusElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in TRONDNF compiles to exactly the parameters read from real TRONDNF recordings (trondnf.md §1.1). */
class TrondnfPlanTest {
    private static ProtocolPlan plan;

    @BeforeAll
    static void compile() {
        ProtocolService.Checked checked = new ProtocolService().check("TRONDNF", Map.of());
        assertThat(checked.result().diagnostics()).isEmpty();
        plan = checked.result().plan().orElseThrow();
    }

    @Test
    void sectionsRunInTrondnfOrder() {
        assertThat(plan.sections()).extracting(PlanSection::name).containsExactly("Preparation", "Stimulus-response",
                "Charge-duration", "Threshold electrotonus", "Current-threshold (I/V)", "Recovery cycle");
    }

    @Test
    void stimulusResponseUsesOneMillisecondPulsesAndTargetsFortyPercent() {
        assertThat(steps("Stimulus-response").get(0)).isEqualTo(new PlanStep.StimulusResponse(1_000));
        assertThat(plan.acquisition().target()).isEqualTo(new AcquisitionPlan.PercentOfMaximal(40));
        assertThat(plan.acquisition().intervalMicros()).isEqualTo(1_000_000);
        assertThat(plan.acquisition().sampleRateHz()).isEqualTo(10_000);
    }

    @Test
    void chargeDurationTracksFiveWidths() {
        PlanStep.Track sd = (PlanStep.Track) steps("Charge-duration").get(0);
        assertThat(sd.points()).extracting(p -> test(p.channels().get(0)).widthMicros())
                .containsExactly(200L, 400L, 600L, 800L, 1_000L);
    }

    @Test
    void thresholdElectrotonusHasFourCurrentsWithTheirDelays() {
        List<PlanStep.Track> te = steps("Threshold electrotonus").stream().map(PlanStep.Track.class::cast).toList();
        assertThat(te).extracting(t -> percent(t.points().get(0).channels().get(1))).containsExactly(40.0, -40.0, 20.0, -20.0);
        assertThat(delays(te.get(0))).containsExactly(0L, 9L, 10L, 11L, 15L, 20L, 26L, 33L, 41L, 50L, 60L, 70L, 80L,
                90L, 100L, 109L, 110L, 111L, 120L, 130L, 140L, 150L, 160L, 170L, 180L, 190L, 200L, 210L);
        List<Long> later = List.of(0L, 9L, 10L, 11L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L, 109L, 110L, 111L,
                120L, 130L, 140L, 150L, 160L, 170L, 180L, 190L, 200L, 210L);
        te.subList(1, 4).forEach(t -> assertThat(delays(t)).isEqualTo(later));
        te.forEach(t -> assertThat(t.mode()).isEqualTo(PlanStep.TrackMode.SERIAL));
        StimulusElement.PolarizingCurrent current = (StimulusElement.PolarizingCurrent)
                te.get(0).points().get(0).channels().get(1).elements().get(0);
        assertThat(current.onsetMicros()).isEqualTo(10_000);
        assertThat(current.durationMicros()).as("100 ms polarization from 10 ms to 110 ms").isEqualTo(100_000);
    }

    @Test
    void currentThresholdStepsFromPlusFiftyToMinusHundredPercent() {
        PlanStep.Track iv = (PlanStep.Track) steps("Current-threshold (I/V)").get(0);
        assertThat(iv.points()).extracting(p -> percent(p.channels().get(1)))
                .containsExactly(50.0, 40.0, 30.0, 20.0, 10.0, 0.0, -10.0, -20.0, -30.0, -40.0, -50.0, -60.0, -70.0,
                        -80.0, -90.0, -100.0);
    }

    @Test
    void recoveryCycleUsesTheEighteenIntervalsWithAConditioningAloneChannel() {
        PlanStep.Track rc = (PlanStep.Track) steps("Recovery cycle").get(0);
        assertThat(rc.points()).extracting(p -> test(p.channels().get(1)).onsetMicros()).containsExactly(2_000L,
                2_500L, 3_200L, 4_000L, 5_000L, 6_300L, 7_900L, 10_000L, 13_000L, 18_000L, 24_000L, 32_000L, 42_000L,
                56_000L, 75_000L, 100_000L, 140_000L, 200_000L);
        ChannelPlan alone = rc.points().get(0).channels().get(2);
        assertThat(alone.tracked()).isFalse();
        assertThat(alone.elements()).singleElement().isInstanceOfSatisfying(StimulusElement.FixedPulse.class,
                p -> assertThat(p.amplitude()).isInstanceOf(StimulusElement.Supramaximal.class));
    }

    @Test
    void theDryRunLastsAsLongAsRealRecordings() {
        long stimuli = plan.sections().stream().mapToLong(s -> PlanEstimate.stimuli(s.steps(), plan.acquisition())).sum();
        assertThat(PlanEstimate.minutes(stimuli, plan.acquisition())).as("real TRONDNF recordings took 11–15 min")
                .isBetween(10.0, 15.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRONDNF-SR", "TRONDNF-SD", "TRONDNF-TE", "TRONDNF-IV", "TRONDNF-RC"})
    void eachPartRunsOnItsOwnAfterItsOwnStimulusResponseCurve(String name) {
        ProtocolPlan part = new ProtocolService().check(name, Map.of()).result().plan().orElseThrow();
        assertThat(part.sections()).extracting(PlanSection::name).startsWith("Preparation", "Stimulus-response");
        assertThat(part.sections().size()).isEqualTo(name.equals("TRONDNF-SR") ? 2 : 3);
    }

    @Test
    void aRunCanOverrideTheTargetButNotWithTheWrongKindOfValue() {
        ProtocolService service = new ProtocolService();
        assertThat(service.check("TRONDNF", Map.of("target", "30 %")).result().plan().orElseThrow().acquisition()
                .target()).isEqualTo(new AcquisitionPlan.PercentOfMaximal(30));
        assertThat(service.check("TRONDNF", Map.of("target", "3 mV")).result().renderDiagnostics())
                .contains("'target' is a percentage (default 40 %), but '3 mV' is a voltage");
        assertThat(service.check("TRONDNF", Map.of("targt", "30 %")).result().renderDiagnostics())
                .contains("the protocol has no parameter 'targt'").contains("did you mean 'target'?");
    }

    private static List<PlanStep> steps(String section) {
        return plan.sections().stream().filter(s -> s.name().equals(section)).findFirst().orElseThrow().steps();
    }

    private static List<Long> delays(PlanStep.Track t) {
        return t.points().stream().map(p -> test(p.channels().get(1)).onsetMicros() / 1000).toList();
    }

    private static StimulusElement.TestPulse test(ChannelPlan c) {
        return c.elements().stream().flatMap(e -> e instanceof StimulusElement.TestPulse t ? Stream.of(t) : Stream.empty())
                .findFirst().orElseThrow();
    }

    private static double percent(ChannelPlan c) {
        return c.elements().stream().flatMap(e -> e instanceof StimulusElement.PolarizingCurrent p
                        && p.amplitude() instanceof StimulusElement.PercentOfThreshold t ? Stream.of(t.percent()) : Stream.empty())
                .findFirst().orElseThrow();
    }

}
