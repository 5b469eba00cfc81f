package org.excitrack.sim.cortex;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * A cortex's own threshold-tracking measures, computed inside the model without sampling noise: the values a
 * controller's measurements are compared with. A threshold is the stimulator output at which the median MEP is
 * the target, found by bisection on {@link Cortex#medianMepMillivolts(CortexTrial)}; conditioning intensities
 * are exact fractions of RMT, not rounded to the whole %MSO a real stimulator sets.
 */
public final class CortexTruth {
    /** The ISIs of the Sydney T-SICI protocol (tms.md §2.1), ms. */
    public static final List<Double> SICI_ISIS_MILLIS = List.of(1.0, 1.5, 2.0, 2.5, 3.0, 3.5, 4.0, 5.0, 7.0);
    /** The standard conditioning stimulus, % RMT. */
    public static final double STANDARD_CONDITIONING_PERCENT_RMT = 70;
    /** The IFCN relative-frequency target: 50 µV in half the trials (Rossini 2015), mV. */
    public static final double IFCN_TARGET_MILLIVOLTS = 0.05;

    private final Cortex cortex;

    public CortexTruth(Cortex cortex) {
        this.cortex = cortex;
    }

    public static CortexTruth of(CortexParameters parameters) {
        return new CortexTruth(new Cortex(parameters));
    }

    /** Threshold-tracking RMT: the output for a 0.2 mV peak-to-peak median MEP at rest, %MSO. */
    public double restingMotorThresholdPercent() {
        return cortex.restingMotorThresholdPercent();
    }

    /**
     * The IFCN-style RMT, a different quantity: the output at which half the MEPs at rest reach 50 µV, which is
     * what the 5-of-10 rule estimates, %MSO. Lower than the 0.2 mV tracking RMT.
     */
    public double ifcnRestingMotorThresholdPercent() {
        return thresholdPercent(CortexTrial::single, IFCN_TARGET_MILLIVOLTS);
    }

    /**
     * The test output (%MSO) at which the median MEP of {@code trialAtTestPercent}'s last pulse reaches
     * {@code targetMillivolts}; NaN when beyond 100 %MSO. The function builds the trial for a test intensity,
     * so any conditioning (paired, afferent, contraction) can be tracked the same way.
     */
    public double thresholdPercent(DoubleFunction<CortexTrial> trialAtTestPercent, double targetMillivolts) {
        return ThresholdSearch.percentMso(s -> cortex.medianMepMillivolts(trialAtTestPercent.apply(s)),
                targetMillivolts);
    }

    /** The cortical silent period after a pulse of {@code intensityPercent} %MSO, from the MEP onset, ms. */
    public double silentPeriodMillis(double intensityPercent) {
        return cortex.silentPeriodMillis(intensityPercent);
    }

    /**
     * T-SICI at one ISI: 100 × (conditioned threshold − test-alone threshold) / test-alone threshold, both for
     * the 0.2 mV target, with the conditioning pulse at {@code conditioningPercentOfRmt} % of RMT. Positive is
     * inhibition; ICF and SICF come out negative.
     */
    public double siciPercent(double isiMillis, double conditioningPercentOfRmt) {
        double rmt = restingMotorThresholdPercent();
        double conditioning = conditioningPercentOfRmt * rmt / 100;
        double conditioned = thresholdPercent(s -> CortexTrial.paired(conditioning, s, isiMillis),
                Cortex.TRACKING_TARGET_MILLIVOLTS);
        return 100 * (conditioned - rmt) / rmt;
    }

    /** T-SICI at each standard ISI with CS 70 % RMT, ISI (ms) → %, in ISI order. */
    public Map<Double, Double> siciByIsi() {
        Map<Double, Double> byIsi = new LinkedHashMap<>();
        for (double isi : SICI_ISIS_MILLIS) {
            byIsi.put(isi, siciPercent(isi, STANDARD_CONDITIONING_PERCENT_RMT));
        }
        return Collections.unmodifiableMap(byIsi);
    }

    /** Averaged T-SICI: the mean over the standard ISIs 1–7 ms at CS 70 % RMT, %. */
    public double averagedSici() {
        return siciByIsi().values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * Threshold-tracking SAI: the threshold change, %, when a nerve stimulus recruiting {@code recruitedFraction}
     * of its axons precedes the test pulse by {@code isiMillis}. Positive is inhibition.
     */
    public double saiPercent(double isiMillis, double recruitedFraction) {
        double rmt = restingMotorThresholdPercent();
        double conditioned = thresholdPercent(s -> CortexTrial.afferentConditioned(recruitedFraction, s, isiMillis),
                Cortex.TRACKING_TARGET_MILLIVOLTS);
        return 100 * (conditioned - rmt) / rmt;
    }
}
