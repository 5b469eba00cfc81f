package org.excitrack.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value records refuse impossible values with messages that name the quantity, the value and its unit. */
class RecordPreconditionsTest {

    @Test
    void pulseWidthZeroIsRejectedNamingTheValue() {
        assertThatThrownBy(() -> Pulse.cathodal(0, 0, 1_000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pulse width 0 µs must be greater than zero");
    }

    @Test
    void pulseRejectsNegativeOnsetAndAmplitude() {
        assertThatThrownBy(() -> Pulse.cathodal(-1, 100, 1_000))
                .hasMessage("pulse onset -1 µs is negative; expected zero or more");
        assertThatThrownBy(() -> Pulse.cathodal(0, 100, -5))
                .hasMessage("pulse amplitude -5 nA is negative; expected zero or more");
        assertThatNullPointerException().isThrownBy(() -> new Pulse(0, 100, 1, null)).withMessage("polarity");
    }

    @Test
    void pulseAcceptsTheSmallestLegalValuesAndDerivesEndAndMilliamps() {
        Pulse p = Pulse.cathodal(0, 1, 0);

        assertThat(p.endMicros()).isEqualTo(1);
        assertThat(Pulse.cathodal(2_000, 500, 4_200_000).endMicros()).isEqualTo(2_500);
        assertThat(Pulse.cathodal(2_000, 500, 4_200_000).amplitudeMilliamps()).isCloseTo(4.2, within(1e-12));
        assertThat(Pulse.cathodal(0, 1, 1).polarity()).isEqualTo(Polarity.CATHODAL);
    }

    @Test
    void withAmplitudeKeepsEverythingElse() {
        Pulse p = new Pulse(2_000, 500, 1_000, Polarity.ANODAL);

        assertThat(p.withAmplitudeNanoamps(7_000)).isEqualTo(new Pulse(2_000, 500, 7_000, Polarity.ANODAL));
    }

    @Test
    void chargeOverflowIsAnErrorNotAWrapAround() {
        Pulse huge = Pulse.cathodal(0, Long.MAX_VALUE / 2, 3);

        assertThatThrownBy(huge::chargeFemtocoulombs).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void polarizingStepPreconditions() {
        assertThatThrownBy(() -> new PolarizingStep(0, 0, 1, Polarity.ANODAL))
                .hasMessage("polarizing duration 0 µs must be greater than zero");
        assertThatThrownBy(() -> new PolarizingStep(-3, 10, 1, Polarity.ANODAL))
                .hasMessage("polarizing onset -3 µs is negative; expected zero or more");
        assertThatThrownBy(() -> new PolarizingStep(0, 10, -1, Polarity.ANODAL))
                .hasMessage("polarizing amplitude -1 nA is negative; expected zero or more");
        assertThatNullPointerException().isThrownBy(() -> new PolarizingStep(0, 10, 1, null));
        assertThat(new PolarizingStep(100, 50, 1, Polarity.CATHODAL).endMicros()).isEqualTo(150);
    }

    @Test
    void triggerOutPreconditions() {
        assertThatThrownBy(() -> new TriggerOut(-1, 0, 10))
                .hasMessage("trigger line -1 is negative; expected zero or more");
        assertThatThrownBy(() -> new TriggerOut(0, -1, 10))
                .hasMessage("trigger onset -1 µs is negative; expected zero or more");
        assertThatThrownBy(() -> new TriggerOut(0, 0, 0)).hasMessage("trigger width 0 µs must be greater than zero");
    }

    @Test
    void recordingWindowPreconditionsAndTheConfiguredDefault() {
        assertThatThrownBy(() -> new RecordingWindow(-1, 10))
                .hasMessage("recording window start -1 µs is negative; expected zero or more");
        assertThatThrownBy(() -> new RecordingWindow(0, -10))
                .hasMessage("recording window duration -10 µs is negative; expected zero or more");
        assertThat(RecordingWindow.CONFIGURED_DEFAULT.usesConfiguredDefault()).isTrue();
        assertThat(new RecordingWindow(5, 1).usesConfiguredDefault()).isFalse();
        assertThat(new RecordingWindow(5, 10).endMicros()).isEqualTo(15);
    }

    @Test
    void trialIdMustFitInThirtyTwoUnsignedBits() {
        RecordingWindow w = new RecordingWindow(0, 1_000);

        assertThat(new TrialSpec(0xFFFF_FFFFL, List.of(), List.of(), List.of(), w).trialId()).isEqualTo(0xFFFF_FFFFL);
        assertThatThrownBy(() -> new TrialSpec(0x1_0000_0000L, List.of(), List.of(), List.of(), w))
                .hasMessage("trial id 4294967296 does not fit in 32 bits");
        assertThatThrownBy(() -> new TrialSpec(-1, List.of(), List.of(), List.of(), w))
                .hasMessage("trial id -1 is negative; expected zero or more");
        assertThatNullPointerException().isThrownBy(() -> new TrialSpec(1, List.of(), List.of(), List.of(), null))
                .withMessage("window");
    }

    @Test
    void trialSpecKeepsItsOwnImmutableLists() {
        List<Pulse> pulses = new ArrayList<>(List.of(Pulse.cathodal(0, 100, 1)));
        TrialSpec spec = new TrialSpec(1, pulses, List.of(), List.of(), new RecordingWindow(0, 1_000));

        pulses.add(Pulse.cathodal(500, 100, 2));

        assertThat(spec.pulses()).hasSize(1);
        assertThatThrownBy(() -> spec.pulses().add(Pulse.cathodal(0, 1, 1)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void amplifierSettingsPreconditions() {
        RecordingWindow w = new RecordingWindow(0, 30_000);

        assertThatThrownBy(() -> new AmplifierSettings(0, 1000, 3000, 3000, 0, w))
                .hasMessage("sample rate 0 Hz must be greater than zero");
        assertThatThrownBy(() -> new AmplifierSettings(10_000, 1000, 3000, 3000, 55, w))
                .hasMessage("notch 55 Hz: expected 0 (off), 50 or 60");
        RecordingWindow none = RecordingWindow.CONFIGURED_DEFAULT;
        assertThatThrownBy(() -> new AmplifierSettings(10_000, 1000, 3000, 3000, 50, none))
                .hasMessageContaining("default recording window");
        assertThat(new AmplifierSettings(10_000, 1000, 0, 3000, 60, w).notchHertz()).isEqualTo(60);
    }

    @Test
    void wireCodedEnumsRoundTripAndRejectUnknownCodes() {
        for (Polarity p : Polarity.values()) {
            assertThat(Polarity.fromWireCode(p.wireCode())).isEqualTo(p);
        }
        for (UnitState s : UnitState.values()) {
            assertThat(UnitState.fromWireCode(s.wireCode())).isEqualTo(s);
        }
        assertThatThrownBy(() -> Polarity.fromWireCode(0)).hasMessageContaining("polarity code 0");
        assertThatThrownBy(() -> UnitState.fromWireCode(5)).hasMessageContaining("unit state code 5");
    }
}
