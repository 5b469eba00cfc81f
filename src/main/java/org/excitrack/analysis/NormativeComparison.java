package org.excitrack.analysis;

/**
 * One observed value set against the healthy reference of its variable.
 *
 * @param number QtracP's variable number
 * @param z (observed − predicted) / residual SD, on the model's scale (raw or signed log)
 * @param range the normal range (2.5–97.5 %) at the subject's age, in the variable's units
 * @param ageAdjusted whether the age regression was used (false: age unknown, unadjusted mean and SD)
 */
public record NormativeComparison(int number, double z, NormalRange range, boolean ageAdjusted) {
    /** |z| above this is outside the normal range: the 97.5 % point of the standard normal distribution. */
    public static final double LIMIT = 1.959963984540054;

    public boolean outsideNormalRange() {
        return Math.abs(z) > LIMIT;
    }
}
