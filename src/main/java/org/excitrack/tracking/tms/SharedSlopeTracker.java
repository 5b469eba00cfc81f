package org.excitrack.tracking.tms;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Tracks the %MSO thresholds of a parallel block's channels together (the test alone first, then the conditioned
 * ones), with {@link SharedSlopeRegression} over every MEP of the block: one slope, each channel its own intercept.
 * Pure and deterministic.
 *
 * <p>A channel's next output is its current estimate rounded to 1 %MSO, at most {@code maxStepPercentMso} from the
 * last output that channel was given (its start before the first), as {@link MsoThresholdTracker} does; the estimate
 * is taken when the output is asked for, so it already reflects what the other channels taught about the slope. When
 * the estimate calls for more than the maximum the channel stops asking ({@link #nextIntensityPercentMso(int)} empty,
 * {@link #isBeyondMaximum(int)} true), never clamped.
 */
public final class SharedSlopeTracker {
    private final SharedSlopeRegression regression;
    private final MsoThresholdTracker.Settings settings;
    private final List<List<MsoPoint>> points = new ArrayList<>();
    private final List<Integer> last = new ArrayList<>();
    private final List<Boolean> beyond = new ArrayList<>();
    private List<Optional<TrackedThreshold>> estimates;

    /** {@code settings.recentPoints()} is not used: every MEP counts. */
    public SharedSlopeTracker(SharedSlopeRegression regression, MsoThresholdTracker.Settings settings) {
        this.regression = regression;
        this.settings = settings;
    }

    /** A channel starting at {@code startPercentMso}; its index, from 0 (the first is the block's reference). */
    public int addChannel(int startPercentMso) {
        if (startPercentMso < 1 || startPercentMso > settings.maxIntensityPercentMso()) {
            throw new IllegalArgumentException("start " + startPercentMso + " %MSO must lie in 1.."
                    + settings.maxIntensityPercentMso());
        }
        points.add(new ArrayList<>());
        last.add(startPercentMso);
        beyond.add(false);
        estimates = null;
        return points.size() - 1;
    }

    public int channels() {
        return points.size();
    }

    /** The output to give channel {@code channel} next; empty once its threshold has gone beyond the maximum. */
    public OptionalInt nextIntensityPercentMso(int channel) {
        if (beyond.get(channel)) {
            return OptionalInt.empty();
        }
        int from = last.get(channel);
        Optional<TrackedThreshold> e = estimate(channel);
        if (e.isEmpty()) {
            return OptionalInt.of(from);
        }
        long wanted = Math.round(e.get().thresholdPercentMso());
        long stepped = Math.max(from - settings.maxStepPercentMso(), Math.min(from + settings.maxStepPercentMso(),
                wanted));
        if (stepped > settings.maxIntensityPercentMso()) {
            beyond.set(channel, true);
            return OptionalInt.empty();
        }
        return OptionalInt.of((int) Math.max(1, stepped));
    }

    public boolean isBeyondMaximum(int channel) {
        return beyond.get(channel) || nextIntensityPercentMso(channel).isEmpty();
    }

    /** One stimulus of {@code channel} as given and its MEP's peak-to-peak amplitude. */
    public void record(int channel, int intensityPercentMso, double mepMicrovolts) {
        if (intensityPercentMso < 1 || intensityPercentMso > settings.maxIntensityPercentMso()) {
            throw new IllegalArgumentException("intensity " + intensityPercentMso + " %MSO is outside 1.."
                    + settings.maxIntensityPercentMso());
        }
        points.get(channel).add(new MsoPoint(intensityPercentMso, mepMicrovolts));
        last.set(channel, intensityPercentMso);
        estimates = null;
    }

    /** The channel's threshold from every MEP of the block; empty before the channel's first. */
    public Optional<TrackedThreshold> estimate(int channel) {
        if (estimates == null) {
            estimates = regression.estimate(points);
        }
        return estimates.get(channel);
    }

    /** Every stimulus of the channel, oldest first. */
    public List<MsoPoint> points(int channel) {
        return List.copyOf(points.get(channel));
    }

    public int stimuliGiven(int channel) {
        return points.get(channel).size();
    }
}
