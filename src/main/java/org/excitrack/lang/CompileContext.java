package org.excitrack.lang;

import java.util.Map;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.UnitCapabilities;

/**
 * What a protocol is checked against.
 *
 * @param capabilities the unit that will run it (widths, sample rates, record length)
 * @param limits the limits in force; every worst case must stay within them
 * @param overrides parameter values for this run, written as in the language (e.g. {@code target=30 %})
 */
public record CompileContext(UnitCapabilities capabilities, SafetyLimits limits, Map<String, String> overrides,
                             IncludeResolver includes) {
    public CompileContext {
        overrides = Map.copyOf(overrides);
    }
}
