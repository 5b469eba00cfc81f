package org.excitrack.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecordingHeader;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;
import org.junit.jupiter.api.Test;

/** {@link NormalBands} on synthetic curves whose mean and SD are known at every grid point. */
class ReportNormalBandsTest {
    /** A recording whose curves are all {@code offset} plus a known shape. */
    static ExcitabilityRecording synthetic(double offset, double teEnd) {
        List<StimulusResponseCurve.Point> sr = new ArrayList<>();
        for (int pct = 2; pct <= 98; pct += 2) {
            sr.add(new StimulusResponseCurve.Point(pct, List.of(5 + pct / 10.0 + offset)));
        }
        List<ChargeDurationPoint> cd = new ArrayList<>();
        for (double w = 0.2; w <= 1.0001; w += 0.2) {
            cd.add(new ChargeDurationPoint(w, 4 + offset, (4 + offset) * (w + 0.4)));
        }
        List<ElectrotonusCurve.Point> te = new ArrayList<>();
        for (double d = 0; d <= teEnd; d += 10) {
            te.add(new ElectrotonusCurve.Point(d, d >= 10 && d < 110 ? 40 : 0, d / 2 + offset));
        }
        List<CurrentThresholdPoint> iv = new ArrayList<>();
        for (int c = 50; c >= -100; c -= 10) {
            iv.add(new CurrentThresholdPoint(c, c + offset));
        }
        List<RecoveryPoint> rc = new ArrayList<>();
        for (double i : new double[] {2, 3.2, 5, 10, 18, 32, 56, 100, 200}) {
            rc.add(new RecoveryPoint(i, -Math.log10(i) * 10 + offset));
        }
        return new ExcitabilityRecording(new RecordingHeader(Map.of("Name", "S" + offset)),
                new StimulusResponseCurve(List.of(new StimulusResponseCurve.MaximalResponse(1.0, 2.0)), sr), cd,
                List.of(new ElectrotonusCurve("TE1", 40, te)), iv, rc, List.of(), List.of(), List.of());
    }

    @Test
    void meanAndSampleSdAtEveryGridPoint() {
        NormalBands bands = NormalBands.from(List.of(synthetic(0, 210), synthetic(10, 210), synthetic(20, 210)));
        assertThat(bands.curves()).isEqualTo(3);
        Band rc = bands.recoveryCycle();
        for (int i = 0; i < rc.size(); i++) {
            double expected = -Math.log10(rc.gridAt(i)) * 10 + 10;
            assertThat(rc.mean()[i]).as("log-interpolated mean at %s ms", rc.gridAt(i)).isCloseTo(expected, within(1e-9));
            assertThat(rc.sd()[i]).as("sample SD (n-1) of 0, 10, 20").isCloseTo(10, within(1e-9));
            assertThat(rc.low(i)).isCloseTo(expected - 20, within(1e-9));
            assertThat(rc.high(i)).isCloseTo(expected + 20, within(1e-9));
        }
        Band te = bands.electrotonus(40).orElseThrow();
        assertThat(te.size()).isEqualTo(211);
        assertThat(te.mean()[35]).as("interpolated between delays 30 and 40").isCloseTo(17.5 + 10, within(1e-9));
        Band sr = bands.stimulusResponse();
        assertThat(sr.mean()[24]).as("at 50 %% max").isCloseTo(5 + 5 + 10, within(1e-9));
        Band iv = bands.currentThreshold();
        assertThat(iv.gridAt(0)).isEqualTo(-100);
        assertThat(iv.mean()[1]).as("at -95 %% current").isCloseTo(-95 + 10, within(1e-9));
        assertThat(bands.chargeDuration().mean()[1]).as("charge at 0.3 ms").isCloseTo(14 * 0.7, within(1e-9));
        assertThat(bands.electrotonus(20)).isEmpty();
    }

    @Test
    void pointsOutsideACurveAreNotExtrapolatedAndTooFewCurvesGiveNoBand() {
        NormalBands bands = NormalBands.from(List.of(synthetic(0, 210), synthetic(10, 210), synthetic(20, 100),
                synthetic(30, 100)));
        Band te = bands.electrotonus(40).orElseThrow();
        assertThat(te.count()[100]).isEqualTo(4);
        assertThat(te.count()[150]).as("two curves stop at 100 ms").isEqualTo(2);
        assertThat(te.mean()[150]).as("fewer than %d curves", NormalBands.MIN_CURVES).isNaN();
        assertThat(te.mean()[100]).isCloseTo(50 + 15, within(1e-9));
    }
}
