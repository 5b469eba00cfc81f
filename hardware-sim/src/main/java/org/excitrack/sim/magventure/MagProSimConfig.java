package org.excitrack.sim.magventure;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.excitrack.codec.magventure.MagProModel;

/**
 * How a virtual MagPro behaves, from the parameters of {@code sim:magpro?…}. Every default is a modelling
 * choice of ours (magpro.md, "The simulator"); none is a measured property of a real stimulator.
 *
 * @param model what the status byte reports; Twin and Dual need a model with the MagOption
 * @param serialNumber reported in status messages, 0..16 777 215
 * @param coilTypeCode reported as the connected coil (60 = Cool-B65 in a peer's list)
 * @param startTemperatureCelsius the coil's temperature at start; also the room it cools towards
 * @param heatPerFullPulseCelsius how much one pulse at 100 % warms the coil; scales with amplitude squared
 * @param coolingTimeConstantSeconds of the coil's exponential return to room temperature
 * @param ownCutoffCelsius above this the stimulator disables itself and refuses to enable
 * @param rechargeMicros after a discharge (or enabling), triggers are missed until this has passed
 * @param replyDelayMicros from a question to its answer (real stimulators: 20–80 ms)
 * @param triggerLine the acquisition unit's trigger output wired to the MagPro's trigger input
 * @param fault what goes wrong, if anything: from the start, or when the command after the first
 *     {@code faultAfterCommands} arrives (those are served normally)
 * @param seed for the fault's random bytes
 */
public record MagProSimConfig(MagProModel model, int serialNumber, int coilTypeCode, double startTemperatureCelsius,
                              double heatPerFullPulseCelsius, double coolingTimeConstantSeconds,
                              double ownCutoffCelsius, long rechargeMicros, long replyDelayMicros, int triggerLine,
                              Optional<MagProFault> fault, int faultAfterCommands, long seed) {
    /** The parameters {@code sim:magpro} accepts, besides {@code clock}. */
    public static final Set<String> PARAMETERS = new LinkedHashSet<>(List.of("model", "serial", "coil",
            "temperature", "heatPerPulse", "recharge", "replyDelay", "triggerLine", "fault", "faultAfter", "seed"));

    public MagProSimConfig {
        if (serialNumber < 0 || serialNumber > 0xFF_FFFF) {
            throw new IllegalArgumentException("virtual MagPro serial " + serialNumber + " must fit in 3 bytes "
                    + "(0..16777215)");
        }
        if (coilTypeCode < 0 || coilTypeCode > 255) {
            throw new IllegalArgumentException("virtual MagPro coil type " + coilTypeCode + " must lie in 0..255");
        }
        if (!(startTemperatureCelsius >= 0 && startTemperatureCelsius <= 99)) {
            throw new IllegalArgumentException("virtual MagPro coil temperature " + startTemperatureCelsius
                    + " °C must lie in 0..99");
        }
        if (!(heatPerFullPulseCelsius >= 0) || !(coolingTimeConstantSeconds > 0)) {
            throw new IllegalArgumentException("virtual MagPro heating must be ≥ 0 and cooling time constant > 0");
        }
        if (rechargeMicros < 0 || replyDelayMicros < 0 || faultAfterCommands < 0 || triggerLine < 0) {
            throw new IllegalArgumentException("virtual MagPro recharge, replyDelay, faultAfter and triggerLine "
                    + "must not be negative");
        }
    }

    public static MagProSimConfig defaults() {
        return new MagProSimConfig(MagProModel.X100_OPTION, 12_345, 60, 24.0, 0.05, 600, 43, 100_000, 20_000, 0,
                Optional.empty(), 0, 1);
    }

    /**
     * Reads {@code model} (r30, x100, r30-option, x100-option, r30-option-mono, mst), {@code serial},
     * {@code coil}, {@code temperature} (°C), {@code heatPerPulse} (°C per full-power pulse), {@code recharge}
     * and {@code replyDelay} (ms), {@code triggerLine}, {@code fault} (bad-crc, garbage, silent, hot-coil,
     * front-panel), {@code faultAfter} (commands) and {@code seed}.
     *
     * @throws IllegalArgumentException naming the parameter, the value and what was expected
     */
    public static MagProSimConfig fromParameters(Map<String, String> params) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw new IllegalArgumentException("unknown virtual MagPro parameter '" + name + "'; accepted: "
                        + String.join(", ", PARAMETERS));
            }
        }
        MagProSimConfig d = defaults();
        MagProModel model = params.containsKey("model") ? model(params.get("model")) : d.model();
        Optional<MagProFault> fault = params.containsKey("fault")
                ? Optional.of(MagProFault.fromUriName(params.get("fault"))) : Optional.empty();
        return new MagProSimConfig(model, (int) whole(params, "serial", d.serialNumber()),
                (int) whole(params, "coil", d.coilTypeCode()),
                number(params, "temperature", d.startTemperatureCelsius()),
                number(params, "heatPerPulse", d.heatPerFullPulseCelsius()), d.coolingTimeConstantSeconds(),
                d.ownCutoffCelsius(), whole(params, "recharge", d.rechargeMicros() / 1000) * 1000,
                whole(params, "replyDelay", d.replyDelayMicros() / 1000) * 1000,
                (int) whole(params, "triggerLine", d.triggerLine()), fault,
                (int) whole(params, "faultAfter", d.faultAfterCommands()), whole(params, "seed", d.seed()));
    }

    public MagProSimConfig withFault(MagProFault f, int afterCommands) {
        return new MagProSimConfig(model, serialNumber, coilTypeCode, startTemperatureCelsius,
                heatPerFullPulseCelsius, coolingTimeConstantSeconds, ownCutoffCelsius, rechargeMicros,
                replyDelayMicros, triggerLine, Optional.of(f), afterCommands, seed);
    }

    public MagProSimConfig withModel(MagProModel m) {
        return new MagProSimConfig(m, serialNumber, coilTypeCode, startTemperatureCelsius, heatPerFullPulseCelsius,
                coolingTimeConstantSeconds, ownCutoffCelsius, rechargeMicros, replyDelayMicros, triggerLine, fault,
                faultAfterCommands, seed);
    }

    private static MagProModel model(String text) {
        String wanted = text.toUpperCase(Locale.ROOT).replace('-', '_');
        for (MagProModel m : MagProModel.values()) {
            if (m.name().equals(wanted)) {
                return m;
            }
        }
        throw new IllegalArgumentException("virtual MagPro model '" + text + "' is unknown; expected r30, x100, "
                + "r30-option, x100-option, r30-option-mono or mst");
    }

    private static long whole(Map<String, String> params, String name, long fallback) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("virtual MagPro parameter " + name + "=" + text
                    + " is not a whole number");
        }
    }

    private static double number(Map<String, String> params, String name, double fallback) {
        String text = params.get(name);
        if (text == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("virtual MagPro parameter " + name + "=" + text + " is not a number");
        }
    }
}
