package org.excitrack.analysis;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The healthy reference model of one QtracP variable, fitted by {@link NormativeModel#fit}: on the chosen
 * {@linkplain Scale scale}, value = intercept + slope × age + ε with ε ~ N(0, residualSd²); and, for subjects of
 * unknown age, value ~ N(mean, sd²) on the same scale.
 *
 * @param number QtracP's variable number
 * @param scale raw, or signed log: t = s·ln(s·v) with s = {@code sign}, which keeps the order of the values
 * @param sign +1 or −1: the sign of every healthy value (only meaningful for {@link Scale#LOG})
 * @param n healthy values used for {@code mean}/{@code sd}
 * @param nWithAge healthy values of known age used for the regression
 * @param intercept regression intercept on the model scale (value at age 0, not meaningful by itself)
 * @param slopePerYear regression slope on the model scale, per year of age
 * @param residualSd residual standard deviation of the regression (n − 2 denominator), model scale
 * @param mean unadjusted mean on the model scale
 * @param sd unadjusted standard deviation (n − 1 denominator), model scale
 * @param ageMinYears youngest age in the regression: predictions use age clamped to [min, max]
 * @param ageMaxYears oldest age in the regression
 * @param residualSkewRaw sample skewness g1 of the regression residuals on the raw scale
 * @param residualSkewLog the same on the signed-log scale; NaN when the variable is not strictly one-signed
 */
public record VariableNorm(int number, Scale scale, int sign, int n, int nWithAge, double intercept,
        double slopePerYear, double residualSd, double mean, double sd, double ageMinYears, double ageMaxYears,
        double residualSkewRaw, double residualSkewLog) {

    /** The scale a variable is modelled on. */
    public enum Scale { RAW, LOG }

    public VariableNorm {
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign " + sign + " of variable " + number + " is not +1 or -1");
        }
        if (!(residualSd > 0) || !(sd > 0)) {
            throw new IllegalArgumentException("variable " + number + " has no spread (residual SD " + residualSd
                    + ", SD " + sd + ")");
        }
    }

    /** The value on the model scale; NaN for a value the log scale cannot take (zero or of the other sign). */
    public double toModelScale(double value) {
        if (scale == Scale.RAW) {
            return value;
        }
        double m = sign * value;
        return m > 0 ? sign * Math.log(m) : Double.NaN;
    }

    /** Back from the model scale to the variable's units. */
    public double fromModelScale(double t) {
        return scale == Scale.RAW ? t : sign * Math.exp(sign * t);
    }

    /** Expected value on the model scale at this age (clamped to the data's age span), or the mean if unknown. */
    public double predicted(OptionalDouble ageYears) {
        if (ageYears.isEmpty()) {
            return mean;
        }
        double age = Math.max(ageMinYears, Math.min(ageMaxYears, ageYears.getAsDouble()));
        return intercept + slopePerYear * age;
    }

    /** The SD that z divides by: the residual SD when age is known, else the unadjusted SD. */
    public double spread(OptionalDouble ageYears) {
        return ageYears.isPresent() ? residualSd : sd;
    }

    /**
     * The 2.5–97.5 % range at this age in the variable's units: predicted ± 1.96 × spread on the model scale,
     * transformed back (so asymmetric about the predicted value on the log scale).
     */
    public NormalRange normalRange(OptionalDouble ageYears) {
        double p = predicted(ageYears);
        double d = NormativeComparison.LIMIT * spread(ageYears);
        double a = fromModelScale(p - d);
        double b = fromModelScale(p + d);
        return new NormalRange(Math.min(a, b), Math.max(a, b));
    }

    /**
     * @param value the observed value, in the variable's units
     * @param ageYears the subject's age, empty when unknown
     * @return empty when the value cannot be placed on the model scale (log scale: zero or of the other sign)
     * @throws IllegalArgumentException when the value is not finite
     */
    public Optional<NormativeComparison> compare(double value, OptionalDouble ageYears) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value " + value + " of variable " + number + " is not finite");
        }
        double t = toModelScale(value);
        if (Double.isNaN(t)) {
            return Optional.empty();
        }
        double z = (t - predicted(ageYears)) / spread(ageYears);
        return Optional.of(new NormativeComparison(number, z, normalRange(ageYears), ageYears.isPresent()));
    }
}
