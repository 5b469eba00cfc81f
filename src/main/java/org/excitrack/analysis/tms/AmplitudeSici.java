package org.excitrack.analysis.tms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Conventional, amplitude-based SICI (A-SICI; tms.md §2.2): per ISI, the ratio of the geometric mean of the
 * conditioned MEPs to that of the test-alone MEPs, given as % inhibition = 100 × (1 − ratio). Geometric means,
 * because MEPs are close to log-normal: an arithmetic mean is ruled by the few largest MEPs.
 */
public final class AmplitudeSici {
    private AmplitudeSici() {
    }

    /**
     * @param testAloneMepsMicrovolts the test-alone MEPs, µV
     * @param conditionedMepsByIsiMillis ISI (ms) → the conditioned MEPs at that ISI, µV
     * @throws IllegalArgumentException for an empty set or an MEP that is not positive (its logarithm is
     *     undefined; a measured peak-to-peak is never zero in practice, so a zero is a data error)
     */
    public static SiciProfile of(double[] testAloneMepsMicrovolts, Map<Double, double[]> conditionedMepsByIsiMillis) {
        double reference = geometricMean(testAloneMepsMicrovolts, "test alone");
        Map<Double, Double> percent = new LinkedHashMap<>();
        for (Map.Entry<Double, double[]> e : conditionedMepsByIsiMillis.entrySet()) {
            double ratio = geometricMean(e.getValue(), "ISI " + e.getKey() + " ms") / reference;
            percent.put(e.getKey(), 100 * (1 - ratio));
        }
        return new SiciProfile(percent);
    }

    static double geometricMean(double[] meps, String what) {
        if (meps.length == 0) {
            throw new IllegalArgumentException("no MEPs for " + what);
        }
        double sumLog = 0;
        for (double mep : meps) {
            if (!(mep > 0) || Double.isInfinite(mep)) {
                throw new IllegalArgumentException("MEP " + mep + " µV for " + what + " must be positive and finite");
            }
            sumLog += Math.log(mep);
        }
        return Math.exp(sumLog / meps.length);
    }
}
