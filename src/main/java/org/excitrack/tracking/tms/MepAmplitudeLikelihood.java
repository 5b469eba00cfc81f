package org.excitrack.tracking.tms;

/**
 * The likelihood of one MEP amplitude, for {@link ThresholdPosterior}: trial-to-trial excitability noise on the
 * intensity axis, a concave log-amplitude curve, and censoring where the amplitude stops being informative.
 *
 * <p><b>Model.</b> Distances are relative to the threshold t: d = (x − t)/t for the output x given. On each
 * trial the cortex responds as if to d + ε, ε ~ N(0, q²) (Goetz's excitability jitter, which dominates MEP
 * variability near threshold). The MEP at relative latent distance v is target·10^g(v) with
 * <pre>  g(v) = (r/k)·ln(1 + k·v)  decades,</pre>
 * a curve of slope r at the target (decades per unit of x/t) that flattens as v grows, with curvature k. It
 * is a power law in the output above an offset t·(1 − 1/k), below which nothing is evoked: the foot of the
 * sigmoid recruitment curve, which is where thresholds live. Over −12 % … +30 % of threshold it follows the Goetz
 * model's median curve to within 0.03–0.11 decades for k ≈ 4–6, where a straight line in log amplitude would be
 * off by several tenths. Inverting, an MEP of z = log10(MEP ÷ target) decades says the latent distance was
 * v(z) = (e^(k·z/r) − 1)/k.
 *
 * <p><b>Reading an MEP.</b>
 * <ul>
 *   <li>z below log10({@code lowerCensorFactor}): only "below" counts, P = Φ((v(c_lo) − d)/q). Small MEPs drown
 *       in background EMG and amplifier noise (a 3 µV rms background gives ≈ 20 µV peak-to-peak);</li>
 *   <li>z above log10({@code upperCensorFactor}): only "above" counts, P = 1 − Φ((v(c_hi) − d)/q): large MEPs
 *       approach saturation, which the curve does not model;</li>
 *   <li>in between: the density of ε at v(z) − d, times the Jacobian dv/dz = e^(k·z/r)/r.</li>
 * </ul>
 * A lapse rate mixes in an outcome that ignores the model (a third for each region, spread evenly over z inside
 * the middle one), so one wild MEP, a twitch or a burst of noise, cannot rule out the true threshold on its own.
 * At d = 0 the probability of reaching the target is ½ whatever r, k and q are: t is the median-MEP threshold,
 * the quantity ML-PEST (whose p(x) = Φ(d/0.07) is this model's hit probability with q = 0.07) and the IFCN rule
 * estimate too.
 */
final class MepAmplitudeLikelihood {
    /** Where an observed log distance from the target falls. */
    enum Region { BELOW, MEASURED, ABOVE }

    private final double lowerCensorFactor;
    private final double upperCensorFactor;
    private final double lapseRate;
    private final double lowerLog10;
    private final double upperLog10;
    private final double logKeep;
    private final double logLapseCensored;
    private final double logLapseMeasured;

    /**
     * @param lowerCensorFactor MEPs below target × this are read as "below" (0.5)
     * @param upperCensorFactor MEPs above target × this are read as "above" (10)
     * @param lapseRate weight of the model-free outcome (0.02)
     */
    MepAmplitudeLikelihood(double lowerCensorFactor, double upperCensorFactor, double lapseRate) {
        if (!(lowerCensorFactor > 0 && lowerCensorFactor < 1 && upperCensorFactor > 1)
                || !(lapseRate >= 0 && lapseRate < 1)) {
            throw new IllegalArgumentException("invalid MEP likelihood: censoring below " + lowerCensorFactor
                    + " and above " + upperCensorFactor + " × target, lapse " + lapseRate);
        }
        this.lowerCensorFactor = lowerCensorFactor;
        this.upperCensorFactor = upperCensorFactor;
        this.lapseRate = lapseRate;
        this.lowerLog10 = Math.log10(lowerCensorFactor);
        this.upperLog10 = Math.log10(upperCensorFactor);
        this.logKeep = Math.log1p(-lapseRate);
        this.logLapseCensored = Math.log(lapseRate / 3);
        this.logLapseMeasured = Math.log(lapseRate / 3 / (upperLog10 - lowerLog10));
    }

    double lowerLog10() {
        return lowerLog10;
    }

    double upperLog10() {
        return upperLog10;
    }

    Region region(double log10Ratio) {
        if (log10Ratio <= lowerLog10) {
            return Region.BELOW;
        }
        return log10Ratio >= upperLog10 ? Region.ABOVE : Region.MEASURED;
    }

    /** The relative latent distance v at which the curve of slope r and curvature k gives z decades. */
    static double latentDistance(double log10Ratio, double slope, double curvature) {
        return Math.expm1(curvature * log10Ratio / slope) / curvature;
    }

    /**
     * What an observed MEP says, given the curve's shape: for a censored MEP, the latent distance at its censoring
     * level; for a measured one, the latent distance it implies and ln dv/dz. Independent of t and q, so the
     * posterior computes it once per shape and reuses it along the threshold axis.
     */
    Reading read(Region region, double log10Ratio, double slope, double curvature) {
        return switch (region) {
            case BELOW -> new Reading(region, latentDistance(lowerLog10, slope, curvature), 0);
            case ABOVE -> new Reading(region, latentDistance(upperLog10, slope, curvature), 0);
            case MEASURED -> new Reading(region, latentDistance(log10Ratio, slope, curvature),
                    curvature * log10Ratio / slope - Math.log(slope));
        };
    }

    /**
     * @param region where the MEP fell
     * @param latent the latent distance it implies (measured) or its censoring level's (censored)
     * @param logJacobian ln dv/dz for a measured MEP, 0 otherwise
     */
    record Reading(Region region, double latent, double logJacobian) {
    }

    /** ln likelihood of a reading at relative distance {@code distance} from t with spread {@code spread}. */
    double logLikelihood(Reading reading, double distance, double spread) {
        double u = (reading.latent() - distance) / spread;
        double model = switch (reading.region()) {
            case BELOW -> Gaussian.logCdfTabulated(u);
            case ABOVE -> Gaussian.logCdfTabulated(-u);
            case MEASURED -> Gaussian.logDensity(u) - Math.log(spread) + reading.logJacobian();
        };
        if (lapseRate == 0) {
            return model;
        }
        // ln((1 − ε)·e^model + ε·lapse) without overflow or underflow
        double a = logKeep + model;
        double b = reading.region() == Region.MEASURED ? logLapseMeasured : logLapseCensored;
        double high = Math.max(a, b);
        return high + Math.log1p(Math.exp(Math.min(a, b) - high));
    }

    @Override
    public String toString() {
        return "censored below " + lowerCensorFactor + " and above " + upperCensorFactor + " × target, lapse "
                + lapseRate;
    }
}
