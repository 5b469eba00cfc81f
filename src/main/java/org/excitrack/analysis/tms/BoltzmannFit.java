package org.excitrack.analysis.tms;

import java.util.Arrays;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresBuilder;
import org.apache.commons.math3.fitting.leastsquares.LeastSquaresOptimizer;
import org.apache.commons.math3.fitting.leastsquares.LevenbergMarquardtOptimizer;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.util.Pair;

/**
 * Fits a {@link BoltzmannCurve} to a stimulus–response (recruitment) curve by unweighted least squares on the MEP
 * amplitude (Levenberg–Marquardt, Commons Math). The standard errors are the usual asymptotic ones: the diagonal
 * of (JᵀJ)⁻¹ scaled by the residual variance SSE/(n − 3), as nonlinear-regression software reports them.
 *
 * <p>Start: MEPmax at the largest MEP, S50 where the MEPs first pass half of it (interpolated), k at a tenth of the
 * range of outputs; from there the fit converges for any curve that rises through its points. The fit refuses
 * fewer than four points, because three parameters through three points leave nothing to estimate errors from.
 */
public final class BoltzmannFit {
    private static final int MIN_POINTS = 4;
    private static final int MAX_EVALUATIONS = 10_000;
    /** Singular-value cut-off when inverting JᵀJ: below it a parameter is not determined by the data. */
    private static final double SINGULARITY_THRESHOLD = 1e-14;

    private BoltzmannFit() {
    }

    /**
     * @param intensitiesPercentMso outputs, %MSO
     * @param mepsMicrovolts the MEP (single or averaged) at each output, µV
     * @throws IllegalArgumentException for fewer than four points, arrays of different lengths, non-finite values,
     *     or points that do not rise (no spread of outputs)
     */
    public static BoltzmannCurve fit(double[] intensitiesPercentMso, double[] mepsMicrovolts) {
        int n = intensitiesPercentMso.length;
        if (n != mepsMicrovolts.length) {
            throw new IllegalArgumentException(n + " outputs but " + mepsMicrovolts.length + " MEPs");
        }
        if (n < MIN_POINTS) {
            throw new IllegalArgumentException("a Boltzmann fit needs at least " + MIN_POINTS + " points, got " + n);
        }
        double minX = Double.POSITIVE_INFINITY;
        double maxX = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(intensitiesPercentMso[i]) || !Double.isFinite(mepsMicrovolts[i])) {
                throw new IllegalArgumentException("point " + i + " (" + intensitiesPercentMso[i] + " %MSO, "
                        + mepsMicrovolts[i] + " µV) is not finite");
            }
            minX = Math.min(minX, intensitiesPercentMso[i]);
            maxX = Math.max(maxX, intensitiesPercentMso[i]);
        }
        if (!(maxX > minX)) {
            throw new IllegalArgumentException("all points are at " + minX + " %MSO: no curve to fit");
        }
        double[] start = start(intensitiesPercentMso, mepsMicrovolts, maxX - minX);
        LeastSquaresOptimizer.Optimum optimum = new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder()
                .model(point -> evaluate(point, intensitiesPercentMso))
                .target(mepsMicrovolts)
                .start(start)
                .maxEvaluations(MAX_EVALUATIONS)
                .maxIterations(MAX_EVALUATIONS)
                .build());
        double[] p = optimum.getPoint().toArray();
        double sse = 0;
        for (double r : optimum.getResiduals().toArray()) {
            sse += r * r;
        }
        double residualVariance = n > 3 ? sse / (n - 3) : Double.NaN;
        RealMatrix covariance = optimum.getCovariances(SINGULARITY_THRESHOLD);
        double[] se = new double[3];
        for (int i = 0; i < 3; i++) {
            se[i] = Math.sqrt(covariance.getEntry(i, i) * residualVariance);
        }
        return new BoltzmannCurve(p[0], p[1], p[2], se[0], se[1], se[2], Math.sqrt(residualVariance), n);
    }

    private static double[] start(double[] x, double[] y, double range) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : y) {
            max = Math.max(max, v);
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(x[a], x[b]));
        double s50 = x[order[order.length / 2]];
        for (int j = 1; j < order.length; j++) {
            double y0 = y[order[j - 1]];
            double y1 = y[order[j]];
            if (y0 < max / 2 && y1 >= max / 2) {
                s50 = x[order[j - 1]] + (max / 2 - y0) / (y1 - y0) * (x[order[j]] - x[order[j - 1]]);
                break;
            }
        }
        return new double[] {max, s50, range / 10};
    }

    /** Values and Jacobian of the model at the parameters (MEPmax, S50, k). */
    private static Pair<RealVector, RealMatrix> evaluate(RealVector point, double[] x) {
        double max = point.getEntry(0);
        double s50 = point.getEntry(1);
        double k = point.getEntry(2);
        double[] values = new double[x.length];
        double[][] jacobian = new double[x.length][3];
        for (int i = 0; i < x.length; i++) {
            double e = Math.exp((s50 - x[i]) / k);
            double f = 1 / (1 + e);
            values[i] = max * f;
            double common = -max * f * f * e; // d(max·f)/d((s50 − x)/k)
            jacobian[i][0] = f;
            jacobian[i][1] = common / k;
            jacobian[i][2] = -common * (s50 - x[i]) / (k * k);
        }
        return new Pair<>(new ArrayRealVector(values, false), new Array2DRowRealMatrix(jacobian, false));
    }
}
