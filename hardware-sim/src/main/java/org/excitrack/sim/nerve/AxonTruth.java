package org.excitrack.sim.nerve;

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

/**
 * An axon's own TRONDNF curves, noise-free, at the points a recording samples: the truth the controller's
 * measurements are compared with. Each point is one {@link AxonExcitability#thresholdFactor} call, which is
 * exact bisection for the biophysical layer and closed form for the phenomenological one. Conditioning
 * currents are fractions of the axon's own resting threshold, as QTRAC sets them from the tracked threshold.
 */
public final class AxonTruth {
    private AxonTruth() {
    }

    /**
     * The charge-duration, electrotonus, I/V and recovery curves of {@code axon}, with thresholds in mA for a
     * resting 1 ms threshold of {@code restingThresholdMilliamps}, as an excitability recording whose
     * stimulus-response part is {@code stimulusResponse}.
     */
    public static ExcitabilityRecording curves(AxonExcitability axon, double restingThresholdMilliamps,
            StimulusResponseCurve stimulusResponse, Map<String, String> header) {
        List<ChargeDurationPoint> cd = new ArrayList<>();
        for (double w : TrondnfConditions.CHARGE_DURATION_WIDTHS_MILLIS) {
            double mA = axon.thresholdFactor(TrondnfConditions.strengthDuration(w), 0, -1) * restingThresholdMilliamps;
            cd.add(new ChargeDurationPoint(w, mA, mA * w));
        }
        List<ElectrotonusCurve> te = new ArrayList<>();
        for (int i = 0; i < TrondnfConditions.ELECTROTONUS_PERCENTS.size(); i++) {
            double percent = TrondnfConditions.ELECTROTONUS_PERCENTS.get(i);
            List<ElectrotonusCurve.Point> points = new ArrayList<>();
            for (double delay : TrondnfConditions.electrotonusDelays(percent)) {
                double f = axon.thresholdFactor(TrondnfConditions.electrotonus(percent / 100, delay), 0, -1);
                points.add(new ElectrotonusCurve.Point(delay,
                        TrondnfConditions.conditioningFlowsAt(delay) ? percent : 0, 100 * (1 - f)));
            }
            te.add(new ElectrotonusCurve("TE" + (i + 1), percent, points));
        }
        List<CurrentThresholdPoint> iv = new ArrayList<>();
        for (double percent : TrondnfConditions.CURRENT_THRESHOLD_PERCENTS) {
            double f = axon.thresholdFactor(TrondnfConditions.currentThreshold(percent / 100), 0, -1);
            iv.add(new CurrentThresholdPoint(percent, 100 * (1 - f)));
        }
        List<RecoveryPoint> rc = new ArrayList<>();
        for (double isi : TrondnfConditions.RECOVERY_INTERVALS_MILLIS) {
            double f = axon.thresholdFactor(TrondnfConditions.recoveryCycle(isi), 1, 0);
            rc.add(new RecoveryPoint(isi, Double.isFinite(f) ? 100 * (f - 1) : Double.NaN));
        }
        return new ExcitabilityRecording(new RecordingHeader(header), stimulusResponse, cd, te, iv, rc,
                List.of(), List.of(), List.of());
    }
}
