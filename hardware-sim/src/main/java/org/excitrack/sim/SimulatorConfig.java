package org.excitrack.sim;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import org.excitrack.sim.nerve.PhenomenologicalParameter;
import org.excitrack.sim.nerve.PopulationParameters;
import org.excitrack.sim.subject.AxonLayer;
import org.excitrack.sim.subject.SubjectPreset;
import org.excitrack.sim.subject.VirtualSubject;
import org.excitrack.sim.subject.VirtualSubjects;

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
        VirtualSubject subject,
        double noiseMicrovoltsRms,
        String serialNumber,
        int protocolMin,
        int protocolMax,
        OptionalLong hangAfterTrials) {

    public static final String DEFAULT_SUBJECT = "healthy";

    /** The parameter names {@link #fromParameters} accepts, in the order help lists them. */
    public static final Set<String> PARAMETERS = new java.util.LinkedHashSet<>(java.util.List.of(
            "subject", "seed", "layer", "contraction", "threshold", "sdtc", "slope", "cmap", "latency", "jitter", "noise", "serial",
            "protocol", "hangAfter"));

    public static SimulatorConfig defaults() {
        return fromParameters(Map.of());
    }

    /**
     * {@code subject=NAME} (a built-in preset or a .subject file; default healthy), {@code layer=biophysical},
     * {@code contraction=20%} (voluntary contraction of the recorded muscle, % of maximum),
     * and overrides of the preset with units where they have one: {@code threshold=4.2mA} (the median motor
     * unit's 1 ms threshold; also µA/uA; a bare number is mA), {@code sdtc=450us} (also ms; phenomenological
     * layer), {@code cmap=8mV} (also µV/uV), {@code latency=4ms}, {@code noise=10uV}, {@code jitter=1.65%},
     * {@code slope=0.1} (spread of log thresholds), {@code seed=7}, {@code serial=SIM-7},
     * {@code protocol=2} or {@code protocol=1-2}, {@code hangAfter=5}.
     */
    public static SimulatorConfig fromParameters(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown simulator parameter '" + name + "'; accepted: "
                        + String.join(", ", PARAMETERS));
            }
        }
        SubjectPreset preset = SubjectPreset.load(params.getOrDefault("subject", DEFAULT_SUBJECT));
        if (params.containsKey("layer")) {
            preset = preset.withLayer(AxonLayer.named(params.get("layer")));
        }
        if (params.containsKey("contraction")) {
            preset = preset.withContraction(quantity(params, "contraction", 0, Map.of("%", 0.01, "", 0.01)));
        }
        PopulationParameters pop = preset.population();
        pop = pop.with("threshold_mA", quantity(params, "threshold", pop.medianThresholdMilliamps(),
                Map.of("ma", 1.0, "µa", 1e-3, "ua", 1e-3, "", 1.0)));
        pop = pop.with("thresholdSpread_log", quantity(params, "slope", pop.thresholdSpreadLog(), Map.of("", 1.0)));
        pop = pop.with("cmap_mV", quantity(params, "cmap", pop.maximalCmapMillivolts(),
                Map.of("mv", 1.0, "uv", 1e-3, "µv", 1e-3, "", 1.0)));
        pop = pop.with("latency_ms", quantity(params, "latency", pop.peakLatencyMillis(),
                Map.of("ms", 1.0, "us", 1e-3, "µs", 1e-3, "", 1.0)));
        pop = pop.with("jitter_percent", quantity(params, "jitter", pop.jitterPercent(), Map.of("%", 1.0, "", 1.0)));
        preset = preset.withPopulation(pop);
        if (params.containsKey("sdtc")) {
            if (preset.layer() != AxonLayer.PHENOMENOLOGICAL) {
                throw new IllegalArgumentException("simulator parameter sdtc sets the phenomenological layer's SDTC; "
                        + "the biophysical layer's SDTC follows from its ion channels (choose a preset instead)");
            }
            preset = preset.withPhenomenological(preset.phenomenological().with(PhenomenologicalParameter.SDTC_MS,
                    quantity(params, "sdtc", 0, Map.of("us", 1e-3, "µs", 1e-3, "ms", 1.0, "", 1e-3))));
        }
        double noise = quantity(params, "noise", preset.noiseMicrovoltsRms(), Map.of("uv", 1.0, "µv", 1.0, "", 1.0));
        long seed = params.containsKey("seed") ? parseLong("seed", params.get("seed")) : 1;
        String serial = params.getOrDefault("serial", "SIM-00001");
        int[] versions = params.containsKey("protocol") ? versionRange(params.get("protocol")) : new int[] {1, 1};
        OptionalLong hang = params.containsKey("hangAfter")
                ? OptionalLong.of(parseLong("hangAfter", params.get("hangAfter"))) : OptionalLong.empty();
        return new SimulatorConfig(seed, VirtualSubjects.create(preset, seed), noise, serial, versions[0], versions[1],
                hang);
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
