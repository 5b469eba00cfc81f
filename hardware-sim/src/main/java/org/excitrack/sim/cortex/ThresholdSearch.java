package org.excitrack.sim.cortex;

import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;

/** Root finding for the stimulator output at which a rising median response reaches a target. */
final class ThresholdSearch {
    /** 1e-9 %MSO: far finer than any stimulator (1 %MSO steps) or tracker could resolve. */
    private static final double TOLERANCE_PERCENT = 1e-9;
    private static final int MAX_EVALUATIONS = 500;

    private ThresholdSearch() {
    }

    /**
     * The output in 0..100 %MSO whose median response is {@code targetMillivolts}; 0 when even no output falls
     * short of it, NaN when even 100 %MSO stays below it (the threshold is beyond the stimulator).
     */
    static double percentMso(DoubleUnaryOperator medianMillivoltsAtPercent, double targetMillivolts) {
        double atMaximum = medianMillivoltsAtPercent.applyAsDouble(100) - targetMillivolts;
        if (atMaximum < 0) {
            return Double.NaN;
        }
        if (atMaximum == 0) {
            return 100;
        }
        if (medianMillivoltsAtPercent.applyAsDouble(0) >= targetMillivolts) {
            return 0;
        }
        // Brent rather than plain bisection: the response is smooth near threshold, so it needs a third of the
        // evaluations, and each one integrates the trial-to-trial distribution.
        return new BrentSolver(TOLERANCE_PERCENT).solve(MAX_EVALUATIONS,
                s -> medianMillivoltsAtPercent.applyAsDouble(s) - targetMillivolts, 0, 100);
    }
}
