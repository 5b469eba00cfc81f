package org.excitrack.tracking;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Estimates a threshold by least-squares regression of ln(response) on ln(stimulus) over the points whose
 * responses lie near the target, as QtracP does offline with "data for the present condition only"
 * (trondnf.md §2). The threshold is where the line crosses ln(target); its standard error follows from the
 * regression by the delta method: SE(x₀) = (s/|b|)·√(1/n + (x₀ − x̄)²/Sxx), with s the residual standard
 * deviation, so the relative standard error of the threshold is SE(x₀).
 *
 * <p>Recomputable from stored points at any time: the same points always give the same estimate.
 *
 * @param targetMicrovolts the response the threshold is defined by
 * @param bandFactor a point counts when its response lies within target ÷ band … target × band
 */
public record LogLogThresholdEstimator(double targetMicrovolts, double bandFactor) {
    public static final int MIN_POINTS = 3;

    public LogLogThresholdEstimator {
        if (targetMicrovolts <= 0 || bandFactor <= 1) {
            throw new IllegalArgumentException("target " + targetMicrovolts + " µV must be above zero and band "
                    + bandFactor + " above 1");
        }
    }

    /** Empty until at least three near-target points define a rising line. */
    public Optional<ThresholdEstimate> estimate(List<StimulusResponsePoint> points) {
        List<StimulusResponsePoint> near = nearTarget(points);
        int n = near.size();
        if (n < MIN_POINTS || allEqual(near, StimulusResponsePoint::stimulusNanoamps)
                || allEqual(near, StimulusResponsePoint::responseMicrovolts)) {
            // checked exactly: rounding leaves Sxx or Sxy a few ulps off zero, and the line a wild one
            return Optional.empty();
        }
        double sx = 0;
        double sy = 0;
        for (StimulusResponsePoint p : near) {
            sx += Math.log(p.stimulusNanoamps());
            sy += Math.log(p.responseMicrovolts());
        }
        double meanX = sx / n;
        double meanY = sy / n;
        double sxx = 0;
        double sxy = 0;
        for (StimulusResponsePoint p : near) {
            double dx = Math.log(p.stimulusNanoamps()) - meanX;
            sxx += dx * dx;
            sxy += dx * (Math.log(p.responseMicrovolts()) - meanY);
        }
        if (sxx == 0 || sxy <= 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        double sse = 0;
        for (StimulusResponsePoint p : near) {
            double r = Math.log(p.responseMicrovolts()) - (intercept + slope * Math.log(p.stimulusNanoamps()));
            sse += r * r;
        }
        double x0 = (Math.log(targetMicrovolts) - intercept) / slope;
        double residualSd = n > 2 ? Math.sqrt(sse / (n - 2)) : Double.POSITIVE_INFINITY;
        double seX0 = residualSd / slope * Math.sqrt(1.0 / n + (x0 - meanX) * (x0 - meanX) / sxx);
        double threshold = Math.exp(x0);
        return Optional.of(new ThresholdEstimate(threshold, threshold * seX0, n, slope));
    }

    private static boolean allEqual(List<StimulusResponsePoint> points,
                                    ToDoubleFunction<StimulusResponsePoint> value) {
        return points.stream().mapToDouble(value).distinct().count() < 2;
    }

    List<StimulusResponsePoint> nearTarget(List<StimulusResponsePoint> points) {
        List<StimulusResponsePoint> near = new ArrayList<>();
        for (StimulusResponsePoint p : points) {
            double r = p.responseMicrovolts();
            if (p.stimulusNanoamps() > 0 && r >= targetMicrovolts / bandFactor && r <= targetMicrovolts * bandFactor) {
                near.add(p);
            }
        }
        return near;
    }
}
