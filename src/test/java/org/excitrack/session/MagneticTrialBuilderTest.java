package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.excitrack.model.Polarity;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.tms.MagneticOutput;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.TriggerWiring;
import org.junit.jupiter.api.Test;

class MagneticTrialBuilderTest {
    private static final long PRE = MagneticTrialBuilder.PRE_STIMULUS_MICROS;
    private final MagneticTrialBuilder bistim = new MagneticTrialBuilder(TriggerWiring.DEFAULT, 2, 100_000);
    private final Map<String, Double> thresholds = Map.of("RMT", 50.0);

    private static ChannelPlan conditioned(double isiMillis) {
        return new ChannelPlan("conditioned", true, List.of(
                new StimulusElement.MagneticPulse(0, new StimulusElement.PercentOfThreshold("RMT", 70)),
                new StimulusElement.MagneticTest(Math.round(isiMillis * 1000))));
    }

    @Test
    void pairedPulseFiresConditioningOnLineZeroAndTestOnLineOneTimedByTheUnit() {
        MagneticTrialBuilder.MagneticTrial t = bistim.build(7, conditioned(2.5), 61, thresholds::get, 100);

        assertThat(t.spec().triggers()).containsExactly(new TriggerOut(0, PRE, 100), new TriggerOut(1, PRE + 2_500, 100));
        assertThat(t.powers()).isEqualTo(new StimulatorPowers(35, 61));
        assertThat(t.pulses()).extracting(p -> p.output()).containsExactly(MagneticOutput.CONDITIONING, MagneticOutput.TEST);
        assertThat(t.testOnsetMicros()).isEqualTo(PRE + 2_500);
        assertThat(t.firstPulseOnsetMicros()).isEqualTo(PRE);
        assertThat(t.spec().window().durationMicros()).isEqualTo(PRE + 2_500 + 100_000);
        assertThat(t.testPercentMso()).isEqualTo(61);
    }

    @Test
    void aFixedPairInAMeasureBlockMakesTheLaterPulseTheTest() {
        ChannelPlan pair = new ChannelPlan("conditioned", false, List.of(
                new StimulusElement.MagneticPulse(3_000, new StimulusElement.PercentOfThreshold("RMT", 120)),
                new StimulusElement.MagneticPulse(0, new StimulusElement.PercentMso(30))));

        MagneticTrialBuilder.MagneticTrial t = bistim.build(1, pair, 0, thresholds::get, 100);

        assertThat(t.powers()).isEqualTo(new StimulatorPowers(30, 60));
        assertThat(t.testOnsetMicros()).isEqualTo(PRE + 3_000);
    }

    @Test
    void aPulseAboveTheMaximumIntensityIsRefusedNotLowered() {
        assertThatThrownBy(() -> bistim.build(1, conditioned(1), 81, thresholds::get, 80))
                .isInstanceOf(StimulusRefusedException.class).hasMessageContaining("81 %MSO")
                .hasMessageContaining("maximum intensity of 80 %MSO");
    }

    @Test
    void aSingleOutputStimulatorCannotGiveAPair() {
        MagneticTrialBuilder single = new MagneticTrialBuilder(TriggerWiring.DEFAULT, 1, 100_000);

        assertThatThrownBy(() -> single.build(1, conditioned(1), 50, thresholds::get, 100))
                .isInstanceOf(StimulusRefusedException.class).hasMessageContaining("has 1 output");
    }

    @Test
    void theTestAloneOnASingleOutputStimulatorUsesOutputAAndLineZero() {
        MagneticTrialBuilder single = new MagneticTrialBuilder(TriggerWiring.DEFAULT, 1, 100_000);
        ChannelPlan alone = new ChannelPlan("test alone", true, List.of(new StimulusElement.MagneticTest(0)));

        MagneticTrialBuilder.MagneticTrial t = single.build(1, alone, 47, thresholds::get, 100);

        assertThat(t.powers()).isEqualTo(StimulatorPowers.single(47));
        assertThat(t.spec().triggers()).containsExactly(new TriggerOut(0, PRE, 100));
    }

    @Test
    void anAfferentConditioningPulseGoesOutOfTheUnitsOwnStimulator() {
        ChannelPlan sai = new ChannelPlan("conditioned", true, List.of(
                new StimulusElement.FixedPulse(0, 200, new StimulusElement.Nanoamps(8_000_000), Polarity.CATHODAL),
                new StimulusElement.MagneticTest(20_000)));

        MagneticTrialBuilder.MagneticTrial t = bistim.build(1, sai, 55, thresholds::get, 100);

        assertThat(t.spec().pulses()).hasSize(1);
        assertThat(t.spec().pulses().get(0).amplitudeNanoamps()).isEqualTo(8_000_000);
        assertThat(t.spec().pulses().get(0).onsetMicros()).isEqualTo(PRE);
        assertThat(t.spec().triggers()).containsExactly(new TriggerOut(1, PRE + 20_000, 100));
        assertThat(t.firstPulseOnsetMicros()).isEqualTo(PRE);
    }
}
