package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tracks the magnetic threshold of one stimulus type (test alone, or the test pulse at one conditioning interval)
 * in whole %MSO, for threshold-tracking T-SICI, T-ICF and T-SAI. Pure and deterministic.
 *
 * <p>After each MEP the threshold is re-estimated by {@link LogAmplitudeRegression} over this type's
 * {@code recentPoints} latest stimuli (older ones are dropped so the estimate follows slow drift in excitability),
 * and the next stimulus is that estimate rounded to 1 %MSO, at most {@code maxStepPercentMso} from the last one
 * given: one MEP scattered by half a decade must not throw the output across the recruitment curve.
 *
 * <p>The output never leaves 1 … {@code maxIntensityPercentMso}: when the estimate calls for more than the
 * maximum the tracker stops asking ({@link #nextIntensityPercentMso()} is empty, {@link #isBeyondMaximum()}
 * true), because a threshold above the stimulator's reach cannot be tracked, and a clamped output would be a
 * measurement at the wrong place.
 */
public final class MsoThresholdTracker {

    /**
     * @param recentPoints the estimate uses this many latest stimuli (8)
     * @param maxStepPercentMso the next output differs from the last by at most this, %MSO (4)
     * @param maxIntensityPercentMso the highest output the tracker may ask for, %MSO
     */
    public record Settings(int recentPoints, int maxStepPercentMso, int maxIntensityPercentMso) {
        public Settings {
            if (recentPoints < 1 || maxStepPercentMso < 1 || maxIntensityPercentMso < 1
                    || maxIntensityPercentMso > 100) {
                throw new IllegalArgumentException("invalid tracker settings " + this);
            }
        }

        /** The last 8 stimuli, steps of at most 4 %MSO, up to 100 %MSO. */
        public static Settings standard() {
            return new Settings(8, 4, 100);
        }

        public Settings withMaxIntensityPercentMso(int value) {
            return new Settings(recentPoints, maxStepPercentMso, value);
        }

        public Settings withRecentPoints(int value) {
            return new Settings(value, maxStepPercentMso, maxIntensityPercentMso);
        }
    }

    private final LogAmplitudeRegression regression;
    private final Settings settings;
    private final List<MsoPoint> points = new ArrayList<>();
    private int next;
    private boolean beyondMaximum;

    /**
     * @param startPercentMso the first output (e.g. the test-alone threshold for a conditioned type)
     */
    public MsoThresholdTracker(LogAmplitudeRegression regression, int startPercentMso, Settings settings) {
        if (startPercentMso < 1 || startPercentMso > settings.maxIntensityPercentMso()) {
            throw new IllegalArgumentException("start " + startPercentMso + " %MSO must lie in 1.."
                    + settings.maxIntensityPercentMso());
        }
        this.regression = regression;
        this.settings = settings;
        this.next = startPercentMso;
    }

    /** The output to give next; empty once the threshold has gone beyond the maximum intensity. */
    public OptionalInt nextIntensityPercentMso() {
        return beyondMaximum ? OptionalInt.empty() : OptionalInt.of(next);
    }

    public boolean isBeyondMaximum() {
        return beyondMaximum;
    }

    /** One stimulus as given and its MEP's peak-to-peak amplitude. */
    public void record(int intensityPercentMso, double mepMicrovolts) {
        if (intensityPercentMso < 1 || intensityPercentMso > settings.maxIntensityPercentMso()) {
            throw new IllegalArgumentException("intensity " + intensityPercentMso + " %MSO is outside 1.."
                    + settings.maxIntensityPercentMso());
        }
        points.add(new MsoPoint(intensityPercentMso, mepMicrovolts));
        TrackedThreshold estimate = estimate().orElseThrow();
        long wanted = Math.round(estimate.thresholdPercentMso());
        long stepped = Math.max(intensityPercentMso - settings.maxStepPercentMso(),
                Math.min(intensityPercentMso + settings.maxStepPercentMso(), wanted));
        if (stepped > settings.maxIntensityPercentMso()) {
            beyondMaximum = true;
        }
        next = (int) Math.max(1, Math.min(settings.maxIntensityPercentMso(), stepped));
    }

    /** The threshold from the latest {@code recentPoints} stimuli; empty before the first. */
    public Optional<TrackedThreshold> estimate() {
        return regression.estimate(recentPoints());
    }

    /** The stimuli the estimate rests on. */
    public List<MsoPoint> recentPoints() {
        return List.copyOf(points.subList(Math.max(0, points.size() - settings.recentPoints()), points.size()));
    }

    /** Every stimulus recorded, oldest first. */
    public List<MsoPoint> points() {
        return List.copyOf(points);
    }

    public int stimuliGiven() {
        return points.size();
    }
}
