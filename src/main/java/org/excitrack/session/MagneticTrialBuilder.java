package org.excitrack.session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.plan.ChannelPlan;
import org.excitrack.model.plan.StimulusElement;
import org.excitrack.model.tms.DeliveredMagneticPulse;
import org.excitrack.model.tms.MagneticOutput;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.TriggerWiring;

/**
 * Turns one channel with magnetic pulses into the trial the unit runs: each magnetic pulse becomes a TTL on the
 * trigger line of its stimulator output, timed by the unit, after a pre-stimulus stretch long enough to check
 * that the muscle is at rest. A nerve pulse (afferent conditioning, SAI) goes out of the unit's own stimulator.
 *
 * <p>Roles: the tracked {@code magnetic test} is the test output; a fixed pulse beside it is the conditioning
 * output. In a channel of fixed pulses only (a measure block) the later pulse is the test, the earlier the
 * conditioning. A single-output stimulator can only give channels with one magnetic pulse.
 */
final class MagneticTrialBuilder {
    /** EMG before the first pulse, checked for rest (tms.md §4.1: BEST checks −50 to −5 ms; we keep 100 ms). */
    static final long PRE_STIMULUS_MICROS = 100_000;
    /** The TTL width that triggers Magstim and MagVenture inputs. */
    static final long TRIGGER_WIDTH_MICROS = 100;

    private final TriggerWiring wiring;
    private final int stimulatorOutputs;
    private final long windowAfterTestMicros;

    MagneticTrialBuilder(TriggerWiring wiring, int stimulatorOutputs, long windowAfterTestMicros) {
        this.wiring = wiring;
        this.stimulatorOutputs = stimulatorOutputs;
        this.windowAfterTestMicros = windowAfterTestMicros;
    }

    /** A channel's trial, the pulses it sets up and the powers they need. */
    record MagneticTrial(TrialSpec spec, List<DeliveredMagneticPulse> pulses, StimulatorPowers powers,
                         long testOnsetMicros, long firstPulseOnsetMicros) {
        int testPercentMso() {
            return pulses.stream().filter(p -> p.output() == MagneticOutput.TEST)
                    .mapToInt(DeliveredMagneticPulse::intensityPercentMso).findFirst().orElse(0);
        }
    }

    /**
     * @param testPercentMso the tracked test's output (ignored by a channel without one)
     * @param thresholdPercentMso a named threshold, %MSO, for pulses written as a share of it
     * @param maxIntensityPercentMso no pulse may exceed this
     * @throws StimulusRefusedException when a pulse would exceed the maximum or the stimulator lacks an output
     */
    MagneticTrial build(long trialId, ChannelPlan channel, int testPercentMso,
                        ToDoubleFunction<String> thresholdPercentMso, int maxIntensityPercentMso) {
        List<StimulusElement> magnetic = channel.elements().stream()
                .filter(org.excitrack.model.plan.MagneticSteps::magnetic)
                .sorted(Comparator.comparingLong(StimulusElement::onsetMicros)).toList();
        if (magnetic.size() > stimulatorOutputs) {
            throw new StimulusRefusedException("channel \"" + channel.name() + "\" gives " + magnetic.size()
                    + " magnetic pulses, and this stimulator has " + stimulatorOutputs + " output"
                    + (stimulatorOutputs == 1 ? "" : "s") + "; use a BiStim² or a MagPro with MagOption");
        }
        boolean hasTest = magnetic.stream().anyMatch(e -> e instanceof StimulusElement.MagneticTest);
        List<DeliveredMagneticPulse> delivered = new ArrayList<>();
        List<TriggerOut> triggers = new ArrayList<>();
        List<Pulse> nerve = new ArrayList<>();
        int powerA = 0;
        int powerB = 0;
        long testOnset = -1;
        for (int i = 0; i < magnetic.size(); i++) {
            StimulusElement e = magnetic.get(i);
            boolean test = e instanceof StimulusElement.MagneticTest || !hasTest && i == magnetic.size() - 1;
            MagneticOutput output = test ? MagneticOutput.TEST : MagneticOutput.CONDITIONING;
            int percent = test && e instanceof StimulusElement.MagneticTest ? testPercentMso
                    : intensity(((StimulusElement.MagneticPulse) e).amplitude(), thresholdPercentMso);
            if (percent > maxIntensityPercentMso) {
                throw new StimulusRefusedException("channel \"" + channel.name() + "\" would give a magnetic pulse of "
                        + percent + " %MSO, above the maximum intensity of " + maxIntensityPercentMso + " %MSO");
            }
            boolean onA = output == MagneticOutput.CONDITIONING || stimulatorOutputs == 1;
            int line = onA ? wiring.outputALine() : wiring.outputBLine();
            long onset = PRE_STIMULUS_MICROS + e.onsetMicros();
            delivered.add(new DeliveredMagneticPulse(output, line, onset, percent));
            triggers.add(new TriggerOut(line, onset, TRIGGER_WIDTH_MICROS));
            if (onA) {
                powerA = percent;
            } else {
                powerB = percent;
            }
            if (test) {
                testOnset = onset;
            }
        }
        for (StimulusElement e : channel.elements()) {
            if (e instanceof StimulusElement.FixedPulse f) {
                if (!(f.amplitude() instanceof StimulusElement.Nanoamps n)) {
                    throw new StimulusRefusedException("channel \"" + channel.name() + "\" has a nerve pulse relative to "
                            + "a threshold or maximal response, which a magnetic protocol does not measure; give a current");
                }
                nerve.add(new Pulse(PRE_STIMULUS_MICROS + f.onsetMicros(), f.widthMicros(), n.nanoamps(), f.polarity()));
            } else if (!org.excitrack.model.plan.MagneticSteps.magnetic(e)) {
                throw new StimulusRefusedException("channel \"" + channel.name() + "\" mixes a magnetic test with "
                        + "nerve test pulses or polarizing currents, which a magnetic session does not give");
            }
        }
        if (testOnset < 0) {
            throw new StimulusRefusedException("channel \"" + channel.name() + "\" has no magnetic pulse to measure an MEP from");
        }
        RecordingWindow window = new RecordingWindow(0, testOnset + windowAfterTestMicros);
        TrialSpec spec = new TrialSpec(trialId, nerve, List.of(), triggers, window);
        long first = PRE_STIMULUS_MICROS + channel.elements().stream().mapToLong(StimulusElement::onsetMicros).min()
                .orElse(0);
        return new MagneticTrial(spec, delivered, new StimulatorPowers(powerA, powerB), testOnset, first);
    }

    private static int intensity(StimulusElement.Amplitude a, ToDoubleFunction<String> thresholdPercentMso) {
        if (a instanceof StimulusElement.PercentMso p) {
            return (int) Math.round(p.percent());
        }
        if (a instanceof StimulusElement.PercentOfThreshold t) {
            return (int) Math.round(thresholdPercentMso.applyAsDouble(t.channel()) * t.percent() / 100);
        }
        throw new StimulusRefusedException("a magnetic pulse cannot be supramaximal");
    }
}
