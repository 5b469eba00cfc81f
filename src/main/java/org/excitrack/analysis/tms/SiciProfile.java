package org.excitrack.analysis.tms;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Short-interval intracortical inhibition per interstimulus interval, and its averages over the ranges the ALS
 * literature reports (tms.md §2.2): 1–7 ms (Vucic/Menon "averaged SICI") and 1–3.5 ms (Tankisi). Positive is
 * inhibition; facilitation (ICF, SICF) is negative.
 *
 * @param percentByIsiMillis ISI (ms) → SICI (%), ascending
 */
public record SiciProfile(Map<Double, Double> percentByIsiMillis) {
    public SiciProfile {
        percentByIsiMillis = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(percentByIsiMillis)));
    }

    /** Mean over the ISIs from 1 to 7 ms inclusive; empty when none was measured. */
    public OptionalDouble averaged1To7Millis() {
        return averaged(1, 7);
    }

    /** Mean over the ISIs from 1 to 3.5 ms inclusive; empty when none was measured. */
    public OptionalDouble averaged1To3p5Millis() {
        return averaged(1, 3.5);
    }

    /** Mean over the measured ISIs in [{@code fromMillis}, {@code toMillis}]; empty when there are none. */
    public OptionalDouble averaged(double fromMillis, double toMillis) {
        return percentByIsiMillis.entrySet().stream()
                .filter(e -> e.getKey() >= fromMillis && e.getKey() <= toMillis)
                .mapToDouble(Map.Entry::getValue).average();
    }
}
