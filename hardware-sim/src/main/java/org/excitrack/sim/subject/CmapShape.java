package org.excitrack.sim.subject;

/**
 * A compound muscle action potential as a sum of two Gaussians: a negative phase and a smaller, later,
 * broader positive phase, as recorded belly-tendon over a hand muscle.
 */
final class CmapShape {
    private static final double NEGATIVE_SD_MICROS = 1_300;
    private static final double POSITIVE_DELAY_MICROS = 3_800;
    private static final double POSITIVE_SD_MICROS = 2_200;
    private static final double POSITIVE_RATIO = 0.45;
    /** The unscaled shape's deepest point: dividing by it makes the negative peak equal the amplitude. */
    private static final double PEAK_DEPTH = deepestPoint();

    private CmapShape() {
    }

    /** Negative peak of {@code amplitudeMicrovolts} (from baseline) near {@code peakTimeMicros}. */
    static ElectrodeSignal biphasic(double amplitudeMicrovolts, double peakTimeMicros) {
        double scale = amplitudeMicrovolts / PEAK_DEPTH;
        return t -> scale * unitShape(t - peakTimeMicros);
    }

    private static double unitShape(double sincePeakMicros) {
        double a = sincePeakMicros / NEGATIVE_SD_MICROS;
        double b = (sincePeakMicros - POSITIVE_DELAY_MICROS) / POSITIVE_SD_MICROS;
        return -Math.exp(-0.5 * a * a) + POSITIVE_RATIO * Math.exp(-0.5 * b * b);
    }

    private static double deepestPoint() {
        double min = 0;
        for (double t = -3 * NEGATIVE_SD_MICROS; t <= 3 * NEGATIVE_SD_MICROS; t += 1) {
            min = Math.min(min, unitShape(t));
        }
        return -min;
    }
}
