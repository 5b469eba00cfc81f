package org.excitrack.session;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.StimulusElement;

/**
 * Turns one channel of a compiled plan into the trial the unit runs. Every element is shifted by a fixed
 * pre-stimulus time so the sweep holds a baseline before the first stimulus; the recording window opens shortly
 * before the test pulse (or where the caller says, so a conditioning-alone sweep lines up with the conditioned
 * one it is subtracted from). Amplitudes written as % of a channel's threshold use that channel's latest
 * threshold; a negative amount is a hyperpolarizing (anodal) current.
 */
final class TrialBuilder {
    /** Room for the baseline before the earliest stimulus. */
    static final long PRE_STIMULUS_MICROS = 5_000;
    /** The window opens this long before the test pulse: enough samples for the baseline. */
    static final long BASELINE_MICROS = 4_000;

    private final long windowMicros;

    TrialBuilder(long windowMicros) {
        this.windowMicros = windowMicros;
    }

    /** Where the test pulse of {@code channel} starts in the trial, or where its first element does. */
    static long testOnsetMicros(ChannelPlan channel) {
        for (StimulusElement e : channel.elements()) {
            if (e instanceof StimulusElement.TestPulse t) {
                return PRE_STIMULUS_MICROS + t.onsetMicros();
            }
        }
        return PRE_STIMULUS_MICROS + channel.elements().stream().mapToLong(StimulusElement::onsetMicros).min()
                .orElse(0);
    }

    /**
     * @param testNanoamps the test pulse's current (ignored by a channel without one)
     * @param thresholdOf the latest threshold of a named channel, nA
     * @param supramaximalNanoamps the plan's supramaximal current
     * @param windowAtMicros where the test pulse the window is placed for starts
     */
    TrialSpec build(long trialId, ChannelPlan channel, long testNanoamps, ToLongFunction<String> thresholdOf,
                    long supramaximalNanoamps, long windowAtMicros) {
        List<Pulse> pulses = new ArrayList<>();
        List<PolarizingStep> steps = new ArrayList<>();
        for (StimulusElement e : channel.elements()) {
            long onset = PRE_STIMULUS_MICROS + e.onsetMicros();
            if (e instanceof StimulusElement.TestPulse t) {
                pulses.add(Pulse.cathodal(onset, t.widthMicros(), testNanoamps));
            } else if (e instanceof StimulusElement.FixedPulse f) {
                long amount = amount(f.amplitude(), thresholdOf, supramaximalNanoamps);
                Polarity polarity = amount < 0 ? flip(f.polarity()) : f.polarity();
                pulses.add(new Pulse(onset, f.widthMicros(), Math.abs(amount), polarity));
            } else if (e instanceof StimulusElement.PolarizingCurrent p) {
                long amount = amount(p.amplitude(), thresholdOf, supramaximalNanoamps);
                if (amount != 0) {
                    steps.add(new PolarizingStep(onset, p.durationMicros(), Math.abs(amount),
                            amount > 0 ? Polarity.CATHODAL : Polarity.ANODAL));
                }
            }
        }
        pulses.sort((a, b) -> Long.compare(a.onsetMicros(), b.onsetMicros()));
        RecordingWindow window = new RecordingWindow(Math.max(0, windowAtMicros - BASELINE_MICROS), windowMicros);
        return new TrialSpec(trialId, pulses, steps, List.of(), window);
    }

    private static long amount(StimulusElement.Amplitude a, ToLongFunction<String> thresholdOf, long supramaximal) {
        if (a instanceof StimulusElement.Nanoamps n) {
            return n.nanoamps();
        }
        if (a instanceof StimulusElement.PercentOfThreshold p) {
            return Math.round(thresholdOf.applyAsLong(p.channel()) * p.percent() / 100);
        }
        return supramaximal;
    }

    private static Polarity flip(Polarity p) {
        return p == Polarity.CATHODAL ? Polarity.ANODAL : Polarity.CATHODAL;
    }
}
