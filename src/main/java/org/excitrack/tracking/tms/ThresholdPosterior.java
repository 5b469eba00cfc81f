package org.excitrack.tracking.tms;

/**
 * The posterior over a motor threshold t and the shape of the MEP amplitude near it, on a grid, for
 * {@link BayesianAmplitudeMethod}; the likelihood is {@link MepAmplitudeLikelihood}'s. Shape parameters are
 * relative to the threshold, as the threshold sets the scale of the recruitment curve (ML-PEST's spread 0.07·t
 * and Tankisi's "ten-fold per 18 % of threshold" are both of this form):
 * <ul>
 *   <li>r, the relative slope at the target: decades of MEP per unit of x/t. Tankisi et al. 2021's ten-fold per
 *       18 % of threshold is r ≈ 5.6 at 0.2 mV; curves are steeper lower down (≈ 8 at 50 µV in the Goetz
 *       model);</li>
 *   <li>k, the curvature: the log-amplitude curve's slope falls as r/(1 + k·v) above the target;</li>
 *   <li>q, the relative spread: the trial-to-trial excitability jitter as a fraction of t (Goetz ≈ 0.07–0.08,
 *       ML-PEST 0.07).</li>
 * </ul>
 * Priors are independent: t normal, r, k and q log-normal. The grid has t in {@value #THRESHOLD_STEP_PERCENT_MSO}
 * %MSO steps from {@value #THRESHOLD_STEP_PERCENT_MSO} to 25 %MSO beyond the maximum output (so "above the
 * maximum" has mass to show), and a few log-spaced nodes for each shape parameter; the shape is marginalised out,
 * so a subject with a flat curve or a large scatter widens the threshold's posterior instead of biasing it.
 */
final class ThresholdPosterior {
    static final double THRESHOLD_STEP_PERCENT_MSO = 0.25;
    private static final double THRESHOLD_BEYOND_MAXIMUM_PERCENT_MSO = 25;
    private static final int SLOPES = 8;
    private static final int CURVATURES = 3;
    private static final int SPREADS = 5;
    private static final int SHAPES = SLOPES * CURVATURES * SPREADS;
    /** The shape grids span ±2.4 prior SDs (curvature ±1.2: the data say little about it, the prior most). */
    private static final double SHAPE_GRID_HALF_WIDTH_SDS = 2.4;
    private static final double CURVATURE_GRID_HALF_WIDTH_SDS = 1.2;
    /** Cells this far (in ln) below the best one are dropped: each MEP moves a cell by a few units at most. */
    private static final double NEGLIGIBLE_LOG_WEIGHT = 50;

    private final MepAmplitudeLikelihood likelihood;
    private final double[] thresholds;
    private final double[] slopes;
    private final double[] curvatures;
    private final double[] spreads;
    /**
     * ln posterior (unnormalised) at index t · SHAPES + shape, where shape = (slope · CURVATURES + curvature) ·
     * SPREADS + spread.
     */
    private final double[] logPosterior;
    private double maxLogPosterior;
    /** Rows (thresholds) outside firstLiveRow … lastLiveRow hold only dropped cells. */
    private int firstLiveRow;
    private int lastLiveRow;

    ThresholdPosterior(BayesianAmplitudeMethod.Prior prior, MepAmplitudeLikelihood likelihood,
                       int maxIntensityPercentMso) {
        this.likelihood = likelihood;
        int n = (int) Math.round((maxIntensityPercentMso + THRESHOLD_BEYOND_MAXIMUM_PERCENT_MSO)
                / THRESHOLD_STEP_PERCENT_MSO);
        thresholds = new double[n];
        for (int i = 0; i < n; i++) {
            thresholds[i] = (i + 1) * THRESHOLD_STEP_PERCENT_MSO;
        }
        slopes = logSpaced(prior.relativeSlopeMedian(), prior.relativeSlopeLogSd(), SLOPES, SHAPE_GRID_HALF_WIDTH_SDS);
        curvatures = logSpaced(prior.curvatureMedian(), prior.curvatureLogSd(), CURVATURES,
                CURVATURE_GRID_HALF_WIDTH_SDS);
        spreads = logSpaced(prior.spreadMedianPercentMso(), prior.spreadLogSd(), SPREADS,
                SHAPE_GRID_HALF_WIDTH_SDS);
        double[] shapePrior = new double[SHAPES];
        for (int ir = 0; ir < SLOPES; ir++) {
            double zr = Math.log(slopes[ir] / prior.relativeSlopeMedian()) / prior.relativeSlopeLogSd();
            for (int ik = 0; ik < CURVATURES; ik++) {
                double zk = Math.log(curvatures[ik] / prior.curvatureMedian()) / prior.curvatureLogSd();
                for (int iq = 0; iq < SPREADS; iq++) {
                    double zq = Math.log(spreads[iq] / prior.spreadMedianPercentMso()) / prior.spreadLogSd();
                    shapePrior[shape(ir, ik, iq)] = -0.5 * (zr * zr + zk * zk + zq * zq);
                }
            }
        }
        logPosterior = new double[n * SHAPES];
        for (int it = 0; it < n; it++) {
            double zt = (thresholds[it] - prior.thresholdMeanPercentMso()) / prior.thresholdSdPercentMso();
            for (int s = 0; s < SHAPES; s++) {
                logPosterior[it * SHAPES + s] = -0.5 * zt * zt + shapePrior[s];
            }
        }
        maxLogPosterior = 0;
        firstLiveRow = 0;
        lastLiveRow = n - 1;
    }

    /** Bayes' rule for one MEP of {@code mepMicrovolts} at {@code intensityPercentMso}. */
    void add(int intensityPercentMso, double mepMicrovolts, double targetMicrovolts) {
        // a zero MEP is as "below" as any MEP under the lower censoring level
        double log10Ratio = mepMicrovolts > 0 ? Math.log10(mepMicrovolts / targetMicrovolts) : Double.NEGATIVE_INFINITY;
        MepAmplitudeLikelihood.Region region = likelihood.region(log10Ratio);
        MepAmplitudeLikelihood.Reading[] readings = new MepAmplitudeLikelihood.Reading[SLOPES * CURVATURES];
        for (int ir = 0; ir < SLOPES; ir++) {
            for (int ik = 0; ik < CURVATURES; ik++) {
                readings[ir * CURVATURES + ik] = likelihood.read(region, log10Ratio, slopes[ir], curvatures[ik]);
            }
        }
        double floor = maxLogPosterior - NEGLIGIBLE_LOG_WEIGHT;
        double newMax = Double.NEGATIVE_INFINITY;
        int newFirst = thresholds.length;
        int newLast = -1;
        for (int it = firstLiveRow; it <= lastLiveRow; it++) {
            double t = thresholds[it];
            double distance = (intensityPercentMso - t) / t;
            int base = it * SHAPES;
            boolean live = false;
            for (int s = 0; s < SHAPES; s++) {
                int c = base + s;
                if (logPosterior[c] < floor) {
                    // e^−50 of the best cell: no run of MEPs brings it back, so it is no longer evaluated
                    logPosterior[c] = Double.NEGATIVE_INFINITY;
                    continue;
                }
                logPosterior[c] += likelihood.logLikelihood(readings[s / SPREADS], distance, spreads[s % SPREADS] / t);
                newMax = Math.max(newMax, logPosterior[c]);
                live = true;
            }
            if (live) {
                newFirst = Math.min(newFirst, it);
                newLast = it;
            }
        }
        maxLogPosterior = newMax;
        // thresholds outside the live rows stay out: the loops above and below only visit the rows in between
        firstLiveRow = newFirst;
        lastLiveRow = newLast;
    }

    /** The normalised posterior weight of every cell. */
    double[] weights() {
        double[] w = new double[logPosterior.length];
        int from = firstLiveRow * SHAPES;
        int to = (lastLiveRow + 1) * SHAPES;
        double sum = 0;
        for (int i = from; i < to; i++) {
            w[i] = Math.exp(logPosterior[i] - maxLogPosterior);
            sum += w[i];
        }
        for (int i = from; i < to; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /** The marginal posterior of t on {@link #thresholds()}. */
    double[] thresholdMarginal(double[] weights) {
        double[] marginal = new double[thresholds.length];
        for (int it = 0; it < thresholds.length; it++) {
            double sum = 0;
            for (int s = 0; s < SHAPES; s++) {
                sum += weights[it * SHAPES + s];
            }
            marginal[it] = sum;
        }
        return marginal;
    }

    double[] thresholds() {
        return thresholds;
    }

    double threshold(int cell) {
        return thresholds[cell / SHAPES];
    }

    /** Which of the {@link #curves()} (slope, curvature) pairs a cell has. */
    int curve(int cell) {
        return (cell % SHAPES) / SPREADS;
    }

    int curves() {
        return SLOPES * CURVATURES;
    }

    double curveSlope(int curve) {
        return slopes[curve / CURVATURES];
    }

    double curveCurvature(int curve) {
        return curvatures[curve % CURVATURES];
    }

    /** The cell's excitability jitter, %MSO. */
    double spreadPercentMso(int cell) {
        return spreads[cell % SPREADS];
    }

    /** Shape cells per threshold. */
    int shapes() {
        return SHAPES;
    }

    MepAmplitudeLikelihood likelihood() {
        return likelihood;
    }

    private static int shape(int ir, int ik, int iq) {
        return (ir * CURVATURES + ik) * SPREADS + iq;
    }

    private static double[] logSpaced(double median, double logSd, int count, double halfWidthSds) {
        double[] values = new double[count];
        for (int i = 0; i < count; i++) {
            double z = -halfWidthSds + 2 * halfWidthSds * i / (count - 1);
            values[i] = median * Math.exp(z * logSd);
        }
        return values;
    }
}
