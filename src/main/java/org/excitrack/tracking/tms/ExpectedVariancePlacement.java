package org.excitrack.tracking.tms;

/**
 * Chooses the next output for {@link BayesianAmplitudeMethod}: the whole %MSO, among the allowed candidates,
 * after whose MEP the posterior variance of the threshold is expected to be smallest (the placement rule of
 * Kontsevich & Tyler's Ψ method, with variance in place of entropy because the threshold is what is reported).
 *
 * <p>The MEP a candidate would evoke is not known, so the expectation runs over its possible outcomes under the
 * current posterior: "below the lower censoring level", {@value #MEASURED_BINS} equal bins of log amplitude
 * between the censoring levels, and "above the upper one". Binning the measured amplitudes loses a little of
 * what an exact MEP tells, the same for every candidate, so the ranking is unaffected while the cost stays at a
 * few normal-distribution lookups per grid cell and candidate. Cells with less than 1e-4 of the largest weight
 * are left out; together they cannot change the ranking of candidates.
 */
final class ExpectedVariancePlacement {
    static final int MEASURED_BINS = 5;
    /** More candidates than this are thinned to an even stride: the expected variance is smooth in x. */
    static final int MAX_CANDIDATES = 16;
    private static final double NEGLIGIBLE_WEIGHT = 1e-4;
    /** Φ tabulated over ±8 in steps of 1/128 and interpolated linearly: error < 2e-6, ample for a ranking. */
    private static final double TABLE_LIMIT = 8;
    private static final double TABLE_STEP = 1.0 / 128;
    private static final double[] CDF_TABLE = cdfTable();

    private ExpectedVariancePlacement() {
    }

    /**
     * @param lowestPercentMso the lowest output allowed
     * @param highestPercentMso the highest output allowed (≥ lowest)
     */
    static int choose(ThresholdPosterior posterior, double[] weights, int lowestPercentMso, int highestPercentMso) {
        Cells cells = Cells.active(posterior, weights, edges(posterior.likelihood()));
        int span = highestPercentMso - lowestPercentMso + 1;
        int stride = Math.max(1, (int) Math.ceil((double) span / MAX_CANDIDATES));
        int best = lowestPercentMso;
        double bestVariance = Double.POSITIVE_INFINITY;
        for (int x = lowestPercentMso; x <= highestPercentMso; x += stride) {
            double variance = expectedVariance(cells, x);
            if (variance < bestVariance) {
                bestVariance = variance;
                best = x;
            }
        }
        return best;
    }

    /**
     * The cells that matter, unpacked into arrays so the inner loop does no index arithmetic; each cell's edges
     * are the latent distances at which its curve crosses the outcome bins' edges.
     */
    private record Cells(int count, double[] threshold, double[] inverseSpread, double[][] latentEdges,
                         double[] weight) {
        static Cells active(ThresholdPosterior posterior, double[] weights, double[] edges) {
            double[][] latentByCurve = new double[posterior.curves()][edges.length];
            for (int curve = 0; curve < posterior.curves(); curve++) {
                for (int e = 0; e < edges.length; e++) {
                    latentByCurve[curve][e] = MepAmplitudeLikelihood.latentDistance(edges[e],
                            posterior.curveSlope(curve), posterior.curveCurvature(curve));
                }
            }
            // Neighbouring thresholds are pooled into 1 %MSO bins, at their weighted mean: the stimuli are whole
            // %MSO, and a quarter of the cells gives the same ranking four times faster.
            int shapes = posterior.shapes();
            int rows = posterior.thresholds().length;
            int binRows = (int) Math.round(1 / ThresholdPosterior.THRESHOLD_STEP_PERCENT_MSO);
            int bins = (rows + binRows - 1) / binRows;
            double[] pooledWeight = new double[bins * shapes];
            double[] pooledThreshold = new double[bins * shapes];
            double maxWeight = 0;
            for (int c = 0; c < weights.length; c++) {
                if (weights[c] > 0) {
                    int pooled = (c / shapes) / binRows * shapes + c % shapes;
                    pooledWeight[pooled] += weights[c];
                    pooledThreshold[pooled] += weights[c] * posterior.threshold(c);
                    maxWeight = Math.max(maxWeight, pooledWeight[pooled]);
                }
            }
            int n = 0;
            for (double w : pooledWeight) {
                if (w >= NEGLIGIBLE_WEIGHT * maxWeight) {
                    n++;
                }
            }
            Cells cells = new Cells(n, new double[n], new double[n], new double[n][], new double[n]);
            int k = 0;
            for (int pooled = 0; pooled < pooledWeight.length; pooled++) {
                double w = pooledWeight[pooled];
                if (w >= NEGLIGIBLE_WEIGHT * maxWeight) {
                    double t = pooledThreshold[pooled] / w;
                    // any cell of the pool has the same shape; this one stands for it
                    int representative = (pooled / shapes) * binRows * shapes + pooled % shapes;
                    cells.threshold[k] = t;
                    cells.inverseSpread[k] = t / posterior.spreadPercentMso(representative);
                    cells.latentEdges[k] = latentByCurve[posterior.curve(representative)];
                    cells.weight[k] = w;
                    k++;
                }
            }
            return cells;
        }
    }

    private static double expectedVariance(Cells cells, int x) {
        int outcomes = MEASURED_BINS + 2;
        double[] mass = new double[outcomes];
        double[] first = new double[outcomes];
        double[] second = new double[outcomes];
        for (int k = 0; k < cells.count(); k++) {
            double t = cells.threshold()[k];
            double distance = (x - t) / t;
            double inverseSpread = cells.inverseSpread()[k];
            double[] latentEdges = cells.latentEdges()[k];
            double w = cells.weight()[k];
            double previous = 0;
            for (int o = 0; o < outcomes; o++) {
                double cumulative = o < latentEdges.length ? cdf((latentEdges[o] - distance) * inverseSpread) : 1;
                double p = w * (cumulative - previous);
                previous = cumulative;
                mass[o] += p;
                first[o] += p * t;
                second[o] += p * t * t;
            }
        }
        double variance = 0;
        for (int o = 0; o < outcomes; o++) {
            if (mass[o] > 0) {
                variance += second[o] - first[o] * first[o] / mass[o];
            }
        }
        return variance;
    }

    private static double[] edges(MepAmplitudeLikelihood likelihood) {
        double[] edges = new double[MEASURED_BINS + 1];
        double low = likelihood.lowerLog10();
        double high = likelihood.upperLog10();
        for (int i = 0; i <= MEASURED_BINS; i++) {
            edges[i] = low + (high - low) * i / MEASURED_BINS;
        }
        return edges;
    }

    private static double cdf(double z) {
        if (z <= -TABLE_LIMIT) {
            return 0;
        }
        if (z >= TABLE_LIMIT) {
            return 1;
        }
        double position = (z + TABLE_LIMIT) / TABLE_STEP;
        int i = (int) position;
        double f = position - i;
        return CDF_TABLE[i] + f * (CDF_TABLE[i + 1] - CDF_TABLE[i]);
    }

    private static double[] cdfTable() {
        int n = (int) Math.round(2 * TABLE_LIMIT / TABLE_STEP) + 2;
        double[] table = new double[n];
        for (int i = 0; i < n; i++) {
            table[i] = Gaussian.cdf(-TABLE_LIMIT + i * TABLE_STEP);
        }
        return table;
    }
}
