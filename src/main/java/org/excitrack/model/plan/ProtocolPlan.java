package org.excitrack.model.plan;

import java.util.List;
import java.util.Map;

/**
 * A checked, compiled protocol: every loop unrolled, every quantity in base units (µs, nA, µV, Hz, %),
 * every worst case within the limits it was checked against. Only run-time quantities (thresholds, the
 * maximal response, operator inputs) remain symbolic.
 *
 * @param sourceSha256 hash of the protocol source and its includes, stored with every recording
 * @param parameters the parameters in force, as written (defaults or the run's overrides)
 */
public record ProtocolPlan(String name, String version, String author, String description, String sourceSha256,
                           Map<String, String> parameters, AcquisitionPlan acquisition, List<PlanSection> sections) {
    public ProtocolPlan {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        sections = List.copyOf(sections);
    }
}
