package org.excitrack.sim.nerve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * A whole nerve's true TRONDNF curves, noise-free: the stimulus-response curve from the population's own
 * thresholds and unit potentials (no jitter, no noise), and the excitability curves of the axon at the tracked
 * threshold, which is where QTRAC-style tracking measures them.
 */
public final class NerveTruth {
    /** QTRAC's stimulus-response points: 2 % to 98 % of the maximal CMAP in 2 % steps. */
    private static final int SR_STEP_PERCENT = 2;

    private final MotorUnitPool pool;

    public NerveTruth(MotorUnitPool pool) {
        this.pool = pool;
    }

    /** The maximal CMAP, negative peak, mV. */
    public double maximalCmapMillivolts() {
        double[][] r = pool.noiseFreeRecruitment(1);
        return r[1][r[1].length - 1] / 1000;
    }

    /** The current, mA, whose noise-free CMAP first reaches {@code percent} % of the maximum, for this width. */
    public double thresholdMilliamps(double widthMillis, double percent) {
        double widthFactor = pool.axon().thresholdFactor(NormalizedTrial.singlePulse(widthMillis, 1), 0, -1);
        double[][] r = pool.noiseFreeRecruitment(widthFactor);
        return stimulusFor(r, percent);
    }

    /** Every TRONDNF curve, with thresholds for a tracking target of {@code targetPercent} % of the maximal CMAP. */
    public ExcitabilityRecording recording(double targetPercent, Map<String, String> header) {
        double[][] r = pool.noiseFreeRecruitment(1);
        double max = r[1][r[1].length - 1];
        List<StimulusResponseCurve.Point> points = new ArrayList<>();
        for (int percent = SR_STEP_PERCENT; percent < 100; percent += SR_STEP_PERCENT) {
            points.add(new StimulusResponseCurve.Point(percent, List.of(stimulusFor(r, percent))));
        }
        StimulusResponseCurve sr = new StimulusResponseCurve(
                List.of(new StimulusResponseCurve.MaximalResponse(1.0, max / 1000)), points);
        return AxonTruth.curves(pool.axon(), stimulusFor(r, targetPercent), sr, header);
    }

    private static double stimulusFor(double[][] recruitment, double percent) {
        double[] currents = recruitment[0];
        double[] peaks = recruitment[1];
        double wanted = peaks[peaks.length - 1] * percent / 100;
        for (int i = 0; i < peaks.length; i++) {
            if (peaks[i] >= wanted) {
                return currents[i];
            }
        }
        return currents[currents.length - 1];
    }
}
