package org.excitrack.sim.cortex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A virtual motor cortex and the hand muscle it drives: turns one trial's magnetic pulses, afferent volleys and
 * contraction level into the signal at the recording electrodes (sim-model.md §5, tms.md §4).
 *
 * <p>Each fired pulse meets an effective intensity S_eff = S − ΔS, where ΔS (in % RMT, converted with this
 * cortex's own RMT) sums the conditioning effects of every earlier pulse and volley of the trial and the
 * facilitation by contraction. Pulses closer than the merge window give one compound MEP at the strongest
 * effective intensity: the motoneurons discharge once to the combined descending volleys, which is also what
 * lets a subthreshold conditioning pulse a few ms before the test leave no MEP of its own.
 *
 * <p>Variability: one excitability draw per trial, shared by all its pulses, because cortical excitability
 * drifts over hundreds of milliseconds, not between two pulses of a pair; one pathway draw and one latency draw
 * per MEP.
 */
public final class Cortex {
    /** The threshold-tracking target for RMT (Vucic 2006; "RMT200"): 0.2 mV peak-to-peak. */
    public static final double TRACKING_TARGET_MILLIVOLTS = 0.2;

    private final CortexParameters parameters;
    private final RecruitmentCurve curve;
    private final ConditioningEffects effects;
    private final double restingMotorThresholdPercent;

    public Cortex(CortexParameters parameters) {
        this.parameters = parameters;
        this.curve = new RecruitmentCurve(parameters);
        this.effects = new ConditioningEffects(parameters);
        this.restingMotorThresholdPercent = ThresholdSearch.percentMso(curve::medianMillivolts,
                TRACKING_TARGET_MILLIVOLTS);
        if (!(restingMotorThresholdPercent > 0)) {
            throw new IllegalArgumentException("these parameters put RMT outside the stimulator's range: "
                    + restingMotorThresholdPercent + " %MSO");
        }
    }

    public CortexParameters parameters() {
        return parameters;
    }

    /**
     * Output (%MSO) for a 0.2 mV median MEP at rest: the unit in which conditioning intensities and effects are
     * expressed. {@link CortexTruth} reports the same number.
     */
    public double restingMotorThresholdPercent() {
        return restingMotorThresholdPercent;
    }

    /**
     * The signal at the recording electrodes for {@code trial}, drawing all variability from {@code random}:
     * the result is a fixed function of time, the same for the same trial and the same random state.
     */
    public CorticalResponse respond(CortexTrial trial, Random random) {
        double excitabilityZ = random.nextGaussian();
        double activation = effects.activation(trial.contractionFractionOfMvc());
        List<EvokedMep> meps = new ArrayList<>();
        for (PlannedResponse planned : plan(trial)) {
            double pathwayZ = random.nextGaussian();
            double latencyZ = random.nextGaussian();
            double latencyMillis = parameters.mepLatencyMillis()
                    - parameters.activeLatencyShorteningMillis() * activation
                    + parameters.mepLatencyJitterSdMillis() * latencyZ;
            double amplitudeMicrovolts = 1000 * curve.sampleMillivolts(planned.effectivePercent(), excitabilityZ,
                    pathwayZ);
            meps.add(new EvokedMep(planned.pulse().onsetMicros(), planned.pulse().onsetMicros() + 1000 * latencyMillis,
                    amplitudeMicrovolts, planned.effectivePercent(), silentPeriodMillis(planned.strongestPercent())));
        }
        BackgroundEmg resting = BackgroundEmg.generate(parameters.restingEmgMicrovoltsRms(), trial.durationMicros(),
                random);
        BackgroundEmg voluntary = BackgroundEmg.generate(
                parameters.voluntaryEmgMicrovoltsRmsAtMvc() * trial.contractionFractionOfMvc(), trial.durationMicros(),
                random);
        return new CorticalResponse(meps, resting, voluntary, 1000 * parameters.mepPhaseWidthMillis(),
                parameters.silentPeriodResidualFraction());
    }

    /**
     * The median peak-to-peak amplitude, mV, of the MEP that belongs to the trial's last pulse, the test pulse:
     * exact over the trial-to-trial variability, not sampled. Pulses within the merge window before it share
     * that MEP. 0 when no pulse fired in that window (a test pulse of 0 %MSO after a distant conditioning
     * pulse evokes nothing, whatever the conditioning pulse did).
     */
    public double medianMepMillivolts(CortexTrial trial) {
        List<PlannedResponse> planned = plan(trial);
        if (planned.isEmpty()) {
            return 0;
        }
        PlannedResponse last = planned.get(planned.size() - 1);
        long testOnset = trial.pulses().get(trial.pulses().size() - 1).onsetMicros();
        if (testOnset - last.lastOnsetMicros() > 1000 * parameters.mepMergeWindowMillis()) {
            return 0;
        }
        return curve.medianMillivolts(last.effectivePercent());
    }

    /** The median MEP, mV, for a single pulse at rest. */
    public double medianMepMillivolts(double intensityPercent) {
        return medianMepMillivolts(CortexTrial.single(intensityPercent));
    }

    /** Parameters in a line for people. */
    public String describe() {
        return String.format(Locale.ROOT, "statistical MEP cortex: RMT %.1f %%MSO, MEPmax %.1f mV, "
                + "SICI depths %.0f/%.0f %% RMT, latency %.1f ms", restingMotorThresholdPercent,
                parameters.mepSaturationMillivolts(), parameters.siciEarlyDepthPercentRmt(),
                parameters.siciLateDepthPercentRmt(), parameters.mepLatencyMillis());
    }

    /**
     * The cortical silent period a pulse of {@code intensityPercent} %MSO is followed by, from the MEP onset, ms: it
     * starts at {@code silentPeriodStartPercentRmt} and grows linearly with intensity above it (≈ 133 ms at 130 %
     * RMT for the healthy preset). It shows only while the muscle contracts, as missing voluntary EMG.
     */
    public double silentPeriodMillis(double intensityPercent) {
        double aboveStart = 100 * intensityPercent / restingMotorThresholdPercent
                - parameters.silentPeriodStartPercentRmt();
        return Math.max(0, aboveStart) * parameters.silentPeriodMillisPerPercentRmt();
    }

    /** The trial's MEPs before any randomness: which pulse each comes from and at what effective intensity. */
    private List<PlannedResponse> plan(CortexTrial trial) {
        List<MagneticPulse> fired = trial.pulses().stream().filter(MagneticPulse::fired).toList();
        double[] effective = new double[fired.size()];
        double facilitation = effects.activeFacilitationPercentRmt(trial.contractionFractionOfMvc());
        for (int i = 0; i < fired.size(); i++) {
            MagneticPulse test = fired.get(i);
            double shiftPercentRmt = -facilitation;
            for (int j = 0; j < i; j++) {
                MagneticPulse conditioning = fired.get(j);
                shiftPercentRmt += effects.pulseShiftPercentRmt(millisBetween(conditioning.onsetMicros(), test),
                        100 * conditioning.intensityPercent() / restingMotorThresholdPercent);
            }
            for (AfferentVolley volley : trial.afferentVolleys()) {
                shiftPercentRmt += effects.afferentShiftPercentRmt(millisBetween(volley.onsetMicros(), test),
                        volley.recruitedFraction());
            }
            effective[i] = test.intensityPercent() - restingMotorThresholdPercent * shiftPercentRmt / 100;
        }
        List<PlannedResponse> planned = new ArrayList<>();
        double mergeMicros = 1000 * parameters.mepMergeWindowMillis();
        int start = 0;
        for (int i = 0; i < fired.size(); i++) {
            boolean lastOfGroup = i + 1 == fired.size()
                    || fired.get(i + 1).onsetMicros() - fired.get(i).onsetMicros() > mergeMicros;
            if (lastOfGroup) {
                planned.add(merge(fired, effective, start, i));
                start = i + 1;
            }
        }
        return planned;
    }

    private static PlannedResponse merge(List<MagneticPulse> fired, double[] effective, int first, int last) {
        int best = first;
        double strongest = 0;
        for (int k = first; k <= last; k++) {
            if (effective[k] > effective[best]) {
                best = k;
            }
            strongest = Math.max(strongest, fired.get(k).intensityPercent());
        }
        return new PlannedResponse(fired.get(best), effective[best], strongest, fired.get(last).onsetMicros());
    }

    private static double millisBetween(long earlierOnsetMicros, MagneticPulse test) {
        return (test.onsetMicros() - earlierOnsetMicros) / 1000.0;
    }

    /**
     * @param pulse the pulse the MEP is timed from
     * @param effectivePercent the response's effective intensity, %MSO
     * @param strongestPercent the strongest output among the merged pulses, which sets the silent period
     * @param lastOnsetMicros onset of the latest pulse merged into this response
     */
    private record PlannedResponse(MagneticPulse pulse, double effectivePercent, double strongestPercent,
            long lastOnsetMicros) {
    }
}
