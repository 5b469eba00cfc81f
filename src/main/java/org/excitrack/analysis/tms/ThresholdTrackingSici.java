package org.excitrack.analysis.tms;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Threshold-tracking SICI (T-SICI; Vucic et al. 2006, Tankisi et al. 2021; tms.md §2.2): per ISI, 100 ×
 * (conditioned threshold − test-alone threshold) / test-alone threshold, thresholds in %MSO. Positive means the
 * conditioning pulse raised the threshold: inhibition. The same formula gives T-ICF, T-SICF and T-SAI, with
 * facilitation negative.
 */
public final class ThresholdTrackingSici {
    private ThresholdTrackingSici() {
    }

    /** One test-alone threshold for every ISI (parallel tracking, or a single RMT reference). */
    public static SiciProfile of(double testAloneThresholdPercentMso, Map<Double, Double> conditionedByIsiMillis) {
        Map<Double, Double> testAlone = new LinkedHashMap<>();
        for (Double isi : conditionedByIsiMillis.keySet()) {
            testAlone.put(isi, testAloneThresholdPercentMso);
        }
        return of(testAlone, conditionedByIsiMillis);
    }

    /**
     * A test-alone threshold per ISI (serial tracking, where the test alone is tracked alongside each interval).
     *
     * @throws IllegalArgumentException when an ISI has no test-alone threshold or a threshold is not positive
     */
    public static SiciProfile of(Map<Double, Double> testAloneByIsiMillis, Map<Double, Double> conditionedByIsiMillis) {
        Map<Double, Double> percent = new LinkedHashMap<>();
        for (Map.Entry<Double, Double> e : conditionedByIsiMillis.entrySet()) {
            Double reference = testAloneByIsiMillis.get(e.getKey());
            if (reference == null) {
                throw new IllegalArgumentException("no test-alone threshold for ISI " + e.getKey() + " ms");
            }
            if (!(reference > 0) || !(e.getValue() > 0)) {
                throw new IllegalArgumentException("thresholds must be positive: test alone " + reference
                        + " %MSO, conditioned " + e.getValue() + " %MSO at " + e.getKey() + " ms");
            }
            percent.put(e.getKey(), 100 * (e.getValue() - reference) / reference);
        }
        return new SiciProfile(percent);
    }
}
