package org.excitrack.tracking;

import java.util.SplittableRandom;
import java.util.function.LongToDoubleFunction;

/**
 * A noisy motor nerve for tracking tests: a log-logistic recruitment curve R = R_max ÷ (1 + (θ ÷ I)^h), whose
 * half-maximal stimulus θ fluctuates from stimulus to stimulus (log-normal, relative SD {@code jitter}, as axonal
 * thresholds do) and whose response carries additive Gaussian recording noise, clipped at zero like the measured
 * negative peak. A condition scales θ (a polarizing current, a conditioning pulse) and, slightly, the steepness h.
 *
 * <p>At a target fraction f of the maximum the log-log slope d ln R ÷ d ln I is h·(1 − f): 6–11 at 40 % for the
 * steepness 10–18 used here, matching median-nerve stimulus-response slopes.
 */
final class SyntheticNerve {
    // SplittableRandom: java.util.Random's first draws for neighbouring seeds are correlated, which biased
    // a 4000-seed mean by a third of a percent
    private final SplittableRandom random;
    final double maxMicrovolts;
    final double halfMaxNanoamps;
    final double steepness;
    final double jitter;
    final double noiseMicrovolts;
    int stimuli;

    SyntheticNerve(long seed, double maxMicrovolts, double halfMaxNanoamps, double steepness, double jitter,
                   double noiseMicrovolts) {
        this.random = new SplittableRandom(seed);
        this.maxMicrovolts = maxMicrovolts;
        this.halfMaxNanoamps = halfMaxNanoamps;
        this.steepness = steepness;
        this.jitter = jitter;
        this.noiseMicrovolts = noiseMicrovolts;
    }

    /** A nerve drawn from the seed: steepness 10–18, half-maximal stimulus around 5 mA, 8 mV maximum. */
    static SyntheticNerve typical(long seed, double jitter, double noiseMicrovolts) {
        SplittableRandom draw = new SplittableRandom(seed * 7919 + 1);
        double steepness = 10 + 8 * draw.nextDouble();
        double halfMax = 5_000_000 * Math.exp(0.3 * draw.nextGaussian());
        return new SyntheticNerve(seed, 8_000, halfMax, steepness, jitter, noiseMicrovolts);
    }

    /**
     * @param thresholdFactor θ under this condition ÷ θ of the test alone
     * @param steepnessFactor h under this condition ÷ h of the test alone
     */
    record Condition(double thresholdFactor, double steepnessFactor) {
        static final Condition TEST_ALONE = new Condition(1, 1);
    }

    double respond(long nanoamps, Condition c) {
        stimuli++;
        double theta = halfMaxNanoamps * c.thresholdFactor() * Math.exp(jitter * random.nextGaussian());
        double h = steepness * c.steepnessFactor();
        double r = maxMicrovolts / (1 + Math.pow(theta / nanoamps, h)) + noiseMicrovolts * random.nextGaussian();
        return Math.max(0, r);
    }

    LongToDoubleFunction under(Condition c) {
        return i -> respond(i, c);
    }

    /** The true threshold: the stimulus whose jitter-free, noise-free response is the target. */
    double thresholdNanoamps(double targetMicrovolts, Condition c) {
        double f = targetMicrovolts / maxMicrovolts;
        return halfMaxNanoamps * c.thresholdFactor() * Math.pow(f / (1 - f), 1 / (steepness * c.steepnessFactor()));
    }
}
