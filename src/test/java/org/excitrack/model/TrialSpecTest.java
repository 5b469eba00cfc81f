package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrialSpecTest {
    private static final RecordingWindow DEFAULT_WINDOW = new RecordingWindow(0, 30_000);

    @Test
    void durationIsTheRecordingWindowWhenItOutlastsTheStimuli() {
        TrialSpec spec = TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 1_000, 1), new RecordingWindow(500, 20_000));

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(20_500);
    }

    @Test
    void theConfiguredDefaultWindowIsUsedWhenTheTrialGivesNone() {
        TrialSpec spec = TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 1_000, 1), RecordingWindow.CONFIGURED_DEFAULT);

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(30_000);
        assertThat(spec.durationMicros(new RecordingWindow(1_000, 12_345))).isEqualTo(13_345);
        assertThat(spec.effectiveWindow(DEFAULT_WINDOW)).isEqualTo(DEFAULT_WINDOW);
    }

    @Test
    void aTrialsOwnWindowOverridesTheDefault() {
        RecordingWindow own = new RecordingWindow(500, 20_000);
        TrialSpec spec = TrialSpec.singlePulse(1, Pulse.cathodal(2_000, 1_000, 1), own);

        assertThat(spec.effectiveWindow(DEFAULT_WINDOW)).isEqualTo(own);
    }

    @Test
    void aLatePulseExtendsTheDuration() {
        TrialSpec spec = new TrialSpec(1, List.of(Pulse.cathodal(0, 100, 1), Pulse.cathodal(40_000, 1_000, 1)),
                List.of(), List.of(), new RecordingWindow(0, 30_000));

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(41_000);
    }

    @Test
    void aLongPolarizingStepExtendsTheDuration() {
        TrialSpec spec = new TrialSpec(1, List.of(), List.of(new PolarizingStep(10_000, 200_000, 1, Polarity.ANODAL)),
                List.of(), new RecordingWindow(0, 30_000));

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(210_000);
    }

    @Test
    void aLateTriggerExtendsTheDuration() {
        TrialSpec spec = new TrialSpec(1, List.of(), List.of(), List.of(new TriggerOut(1, 50_000, 7)),
                new RecordingWindow(0, 30_000));

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(50_007);
    }

    @Test
    void theLatestOfAllEventsWins() {
        TrialSpec spec = new TrialSpec(1,
                List.of(Pulse.cathodal(1_000, 1_000, 1)),
                List.of(new PolarizingStep(0, 60_000, 1, Polarity.CATHODAL)),
                List.of(new TriggerOut(0, 59_000, 500)),
                new RecordingWindow(10_000, 40_000));

        assertThat(spec.durationMicros(DEFAULT_WINDOW)).isEqualTo(60_000);
    }
}
