package org.excitrack.sim.nerve;

import static org.excitrack.sim.nerve.PhenomenologicalParameter.*;

import java.util.Locale;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedStep;

/**
 * The cheap layer: a test pulse's threshold is the product of closed-form factors, so every true excitability
 * value is a parameter or an exact function of the parameters (sim-model.md §3).
 * <ul>
 * <li>Width: Weiss's law normalised to 1 ms, {@code (1 + SDTC/w) / (1 + SDTC/1 ms)}.</li>
 * <li>Polarizing current of fraction c: threshold × (1 − R/100). While a current has flowed less than
 * {@value #SETTLED_MILLIS} ms, and after it stops, R is electrotonus: {@code 100·c·[u(t) + Σ a·x(t)]}, u the
 * current's direct share of the test current and x first-order charging and discharging terms (S1, S2 for
 * depolarizing; fast, slow and Ih terms for hyperpolarizing currents). Once it has flowed longer, R is read
 * from the healthy I/V table (interpolated; extrapolated along the end slopes), whose two limbs presets scale.</li>
 * <li>Recovery after the unit fired on an earlier pulse at interval t: × (1 + RC(t)/100), RC the sum of
 * refractory, superexcitable and subexcitable terms; no response inside the absolute refractory period.</li>
 * </ul>
 */
public final class PhenomenologicalAxon implements AxonExcitability {
    /** A current that has flowed this long is taken as settled, where the I/V relation applies. */
    static final double SETTLED_MILLIS = 150;
    /** A threshold never falls below this fraction of rest: a current that strong fires the axon by itself. */
    private static final double LOWEST_FACTOR = 0.02;
    private static final double[] IV_CURRENT_PERCENT = {-100, -90, -80, -70, -60, -50, -40, -30, -20, -10, 0, 10, 20,
        30, 40, 50};
    /** Healthy threshold reduction at the end of a 200 ms current (sim-model.md §3.3). */
    private static final double[] IV_REDUCTION_PERCENT = {-312, -286, -258, -225, -186, -145, -105, -70, -42, -20, 0,
        13, 24, 34, 43, 52};

    private final PhenomenologicalParameters p;

    public PhenomenologicalAxon(PhenomenologicalParameters parameters) {
        this.p = parameters;
    }

    public PhenomenologicalParameters parameters() {
        return p;
    }

    @Override
    public double thresholdFactor(NormalizedTrial trial, int testIndex, int lastFiredPulse) {
        NormalizedPulse test = trial.pulses().get(testIndex);
        double factor = weiss(test.widthMillis());
        if (lastFiredPulse >= 0) {
            double interval = test.onsetMillis() - trial.pulses().get(lastFiredPulse).onsetMillis();
            if (interval < p.get(RC_ABSOLUTE_REFRACTORY_MS)) {
                return Double.POSITIVE_INFINITY;
            }
            factor *= 1 + recoveryPercent(interval) / 100;
        }
        double reduction = 0;
        for (NormalizedStep step : trial.polarizing()) {
            reduction += reductionPercent(step, test.onsetMillis());
        }
        return factor * Math.max(LOWEST_FACTOR, 1 - reduction / 100);
    }

    /** Threshold relative to a 1 ms pulse (Weiss's law). */
    public double weiss(double widthMillis) {
        double sdtc = p.get(SDTC_MS);
        return (1 + sdtc / widthMillis) / (1 + sdtc);
    }

    /** Threshold change, %, at a test {@code intervalMillis} after a pulse the axon fired on. */
    public double recoveryPercent(double intervalMillis) {
        double t = intervalMillis;
        double refractory = p.get(RC_REFRACTORY_PERCENT) * Math.exp(-(t - 1) / p.get(RC_REFRACTORY_TAU_MS));
        double superexcitable = p.get(RC_SUPER_PERCENT)
                * (Math.exp(-t / p.get(RC_SUPER_DECAY_MS)) - Math.exp(-t / p.get(RC_SUPER_RISE_MS)));
        double subexcitable = p.get(RC_SUB_PERCENT)
                * (Math.exp(-t / p.get(RC_SUB_DECAY_MS)) - Math.exp(-t / p.get(RC_SUB_RISE_MS)));
        return refractory - superexcitable + subexcitable;
    }

    /** Threshold reduction, %, that one polarizing current causes for a test starting at {@code testOnsetMillis}. */
    double reductionPercent(NormalizedStep step, double testOnsetMillis) {
        double t = testOnsetMillis - step.onsetMillis();
        double c = step.amplitude();
        if (t < 0 || c == 0) {
            return 0;
        }
        boolean flowing = t < step.durationMillis();
        if (flowing && t >= SETTLED_MILLIS) {
            return currentThresholdPercent(100 * c);
        }
        double duration = step.durationMillis();
        double sum = flowing ? 1 : 0;
        if (c > 0) {
            sum += term(TED_S1_GAIN, TED_S1_ON_MS, TED_S1_OFF_MS, t, duration) + term(TED_S2_GAIN, TED_S2_ON_MS, TED_S2_OFF_MS, t, duration);
        } else {
            sum += term(TEH_S1_GAIN, TEH_S1_ON_MS, TEH_S1_OFF_MS, t, duration)
                    + term(TEH_SLOW_GAIN, TEH_SLOW_ON_MS, TEH_SLOW_OFF_MS, t, duration)
                    + term(TEH_IR_GAIN, TEH_IR_ON_MS, TEH_IR_OFF_MS, t, duration);
        }
        return 100 * c * sum;
    }


    private double term(PhenomenologicalParameter gain, PhenomenologicalParameter on, PhenomenologicalParameter off,
            double t, double duration) {
        double tauOn = p.get(on);
        double charged = t < duration ? 1 - Math.exp(-t / tauOn)
                : (1 - Math.exp(-duration / tauOn)) * Math.exp(-(t - duration) / p.get(off));
        return p.get(gain) * charged;
    }

    /** Threshold reduction, %, at the end of a settled current of {@code currentPercent} of threshold. */
    public double currentThresholdPercent(double currentPercent) {
        double scale = currentPercent >= 0 ? p.get(IV_DEPOLARIZING_SCALE) : p.get(IV_HYPERPOLARIZING_SCALE);
        return scale * interpolate(currentPercent);
    }

    private static double interpolate(double x) {
        double[] xs = IV_CURRENT_PERCENT;
        double[] ys = IV_REDUCTION_PERCENT;
        int i = 0;
        while (i < xs.length - 2 && x > xs[i + 1]) {
            i++;
        }
        return ys[i] + (ys[i + 1] - ys[i]) * (x - xs[i]) / (xs[i + 1] - xs[i]);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "phenomenological axon: SDTC %.3f ms, TEd S1 %.2f / S2 %.2f, "
                + "superexcitability term %.0f %%, subexcitability term %.0f %%", p.get(SDTC_MS), p.get(TED_S1_GAIN),
                p.get(TED_S2_GAIN), p.get(RC_SUPER_PERCENT), p.get(RC_SUB_PERCENT));
    }
}
