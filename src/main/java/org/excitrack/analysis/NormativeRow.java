package org.excitrack.analysis;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * One healthy recording of a normative data set: the subject's age and QtracP's derived variables by number.
 *
 * @param ageYears age in years, empty when unknown
 * @param values QtracP variable number → value (units as in a MEM file); variables not recorded are absent
 */
public record NormativeRow(OptionalDouble ageYears, Map<Integer, Double> values) {
    public NormativeRow {
        values = java.util.Collections.unmodifiableMap(new TreeMap<>(values));
    }
}
