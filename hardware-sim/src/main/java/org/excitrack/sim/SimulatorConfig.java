package org.excitrack.sim;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.excitrack.sim.subject.PlaceholderSubject;

/**
 * How a virtual unit behaves: its subject, noise, identity, protocol versions, and the faults it can be told
 * to show. Built from the parameters of a {@code sim:unit?...} URI or of {@code excitrack sim}'s options.
 *
 * @param seed seed of all randomness, so a run can be repeated exactly
 * @param subject the virtual person
 * @param noiseMicrovoltsRms baseline noise at the electrodes, µV rms
 * @param serialNumber the unit's serial number
 * @param protocolMin lowest protocol version the unit speaks
 * @param protocolMax highest protocol version the unit speaks
 * @param hangAfterTrials when present, the unit stops answering anything after this many trials (a fault)
 */
public record SimulatorConfig(
        long seed,
        PlaceholderSubject subject,
        double noiseMicrovoltsRms,
        String serialNumber,
        int protocolMin,
        int protocolMax,
        OptionalLong hangAfterTrials) {

    /** The parameter names {@link #fromParameters} accepts, in the order help lists them. */
    public static final Set<String> PARAMETERS = new java.util.LinkedHashSet<>(java.util.List.of(
            "seed", "threshold", "sdtc", "slope", "cmap", "latency", "jitter", "noise", "serial", "protocol",
            "hangAfter"));

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(1, PlaceholderSubject.typical(), 10, "SIM-00001", 1, 1, OptionalLong.empty());
    }

    /**
     * Parameters with units where they have one: {@code threshold=4.2mA} (also µA/uA; a bare number is mA),
     * {@code sdtc=450us} (also ms), {@code cmap=8mV} (also µV/uV), {@code latency=6.5ms},
     * {@code noise=10uV}, {@code jitter=1%}, {@code slope=0.06}, {@code seed=7}, {@code serial=SIM-7},
     * {@code protocol=2} or {@code protocol=1-2}, {@code hangAfter=5}.
     */
    public static SimulatorConfig fromParameters(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown simulator parameter '" + name + "'; accepted: "
                        + String.join(", ", PARAMETERS));
            }
        }
        SimulatorConfig d = defaults();
        PlaceholderSubject s = d.subject();
        PlaceholderSubject subject = new PlaceholderSubject(
                quantity(params, "threshold", s.threshold50At1msNanoamps(), Map.of("ma", 1e6, "µa", 1e3, "ua", 1e3, "", 1e6)),
                quantity(params, "sdtc", s.strengthDurationTimeConstantMicros(), Map.of("us", 1.0, "µs", 1.0, "ms", 1e3, "", 1.0)),
                quantity(params, "slope", s.logSlope(), Map.of("", 1.0)),
                quantity(params, "cmap", s.maxCmapMicrovolts(), Map.of("mv", 1e3, "uv", 1.0, "µv", 1.0, "", 1e3)),
                quantity(params, "latency", s.latencyMicros(), Map.of("ms", 1e3, "us", 1.0, "µs", 1.0, "", 1e3)),
                quantity(params, "jitter", s.jitterLogSd(), Map.of("%", 0.01, "", 1.0)));
        double noise = quantity(params, "noise", d.noiseMicrovoltsRms(), Map.of("uv", 1.0, "µv", 1.0, "", 1.0));
        long seed = params.containsKey("seed") ? parseLong("seed", params.get("seed")) : d.seed();
        String serial = params.getOrDefault("serial", d.serialNumber());
        int[] versions = params.containsKey("protocol") ? versionRange(params.get("protocol"))
                : new int[] {d.protocolMin(), d.protocolMax()};
        OptionalLong hang = params.containsKey("hangAfter")
                ? OptionalLong.of(parseLong("hangAfter", params.get("hangAfter"))) : OptionalLong.empty();
        return new SimulatorConfig(seed, subject, noise, serial, versions[0], versions[1], hang);
    }

    private static double quantity(Map<String, String> params, String name, double fallback, Map<String, Double> units) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        int split = 0;
        while (split < t.length() && (Character.isDigit(t.charAt(split)) || t.charAt(split) == '.'
                || t.charAt(split) == '-' || t.charAt(split) == 'e' && split > 0)) {
            split++;
        }
        String unit = t.substring(split).trim();
        Double scale = units.get(unit);
        if (split == 0 || scale == null) {
            throw new IllegalArgumentException("simulator parameter " + name + "=" + text + ": expected a number"
                    + (units.size() > 1 ? " with one of the units " + String.join(", ",
                    units.keySet().stream().filter(u -> !u.isEmpty()).sorted().toList()) : ""));
        }
        double value;
        try {
            value = Double.parseDouble(t.substring(0, split));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator parameter " + name + "=" + text + " is not a number");
        }
        return value * scale;
    }

    private static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator parameter " + name + "=" + text + " is not a whole number");
        }
    }

    private static int[] versionRange(String text) {
        String[] parts = text.split("-");
        try {
            int min = Integer.parseInt(parts[0].trim());
            int max = parts.length > 1 ? Integer.parseInt(parts[1].trim()) : min;
            if (parts.length > 2 || min < 1 || max < min || max > 255) {
                throw new NumberFormatException();
            }
            return new int[] {min, max};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("simulator parameter protocol=" + text
                    + ": expected a version such as 1 or a range such as 1-2");
        }
    }
}
