package org.excitrack.sim.subject;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.excitrack.sim.cortex.AfferentVolley;
import org.excitrack.sim.cortex.Cortex;
import org.excitrack.sim.cortex.CortexTrial;
import org.excitrack.sim.nerve.MotorUnitPool;
import org.excitrack.sim.nerve.NerveTruth;

/**
 * A virtual person built from a preset: a motor-unit population over the chosen axon layer, with the recording
 * conditions of the preset (mains interference here; white noise is the amplifier's).
 */
public final class VirtualSubject implements Subject {
    private final SubjectPreset preset;
    private final MotorUnitPool nerve;
    private final long seed;

    private final Cortex cortex;
    /** The voluntary contraction held now: the preset's until the subject is asked for another. */
    private volatile double contractionFractionOfMvc;

    VirtualSubject(SubjectPreset preset, MotorUnitPool nerve, Cortex cortex, long seed) {
        this.preset = preset;
        this.nerve = nerve;
        this.cortex = cortex;
        this.seed = seed;
        this.contractionFractionOfMvc = preset.contractionFractionOfMvc();
    }

    /**
     * The subject does what the operator asks: holds a steady contraction of the recorded muscle at
     * {@code fractionOfMvc} of maximum from the next trial on (0 relaxes). A test plays the operator here, e.g. on
     * the session's prompt "Ask the subject to hold a steady contraction at about 20 % of maximum".
     */
    public void contract(double fractionOfMvc) {
        if (!(fractionOfMvc >= 0 && fractionOfMvc <= 1)) {
            throw new IllegalArgumentException("contraction " + fractionOfMvc * 100 + " % of MVC must lie in 0..100 %");
        }
        this.contractionFractionOfMvc = fractionOfMvc;
    }

    /** The contraction held now, fraction of MVC. */
    public double contractionFractionOfMvc() {
        return contractionFractionOfMvc;
    }

    public Cortex cortex() {
        return cortex;
    }

    public SubjectPreset preset() {
        return preset;
    }

    public long seed() {
        return seed;
    }

    public MotorUnitPool nerve() {
        return nerve;
    }

    public NerveTruth nerveTruth() {
        return new NerveTruth(nerve);
    }

    /** The current whose noise-free CMAP is {@code fraction} of the maximum, nA: what a tracker must recover. */
    public double trueThresholdNanoamps(long widthMicros, double fraction) {
        return nerveTruth().thresholdMilliamps(widthMicros / 1000.0, fraction * 100) * 1e6;
    }

    /** The noise-free maximal CMAP, negative peak, µV. */
    public double maxCmapMicrovolts() {
        return nerveTruth().maximalCmapMillivolts() * 1000;
    }

    @Override
    public ElectrodeSignal respond(Stimulation stimulation, Random random) {
        MotorUnitPool.Recruitment recruitment = nerve.recruit(stimulation.delivered(), random);
        List<MotorUnitPool.Firing> firings = recruitment.all();
        double hum = preset.mainsHumMicrovolts();
        double phase = hum > 0 ? 2 * Math.PI * random.nextDouble() : 0;
        double radiansPerMicro = 2 * Math.PI * preset.mainsFrequencyHertz() / 1e6;
        ElectrodeSignal muscle = corticalSignal(stimulation, recruitment, random);
        return t -> nerve.microvoltsAt(firings, t) + muscle.microvoltsAt(t)
                + (hum > 0 ? hum * Math.sin(radiansPerMicro * t + phase) : 0);
    }

    /**
     * MEPs and voluntary EMG, only when the cortex takes part: a magnetic pulse was fired or the muscle is
     * contracting. At rest without TMS the muscle's own EMG is below the amplifier's noise, so it is left out.
     */
    private ElectrodeSignal corticalSignal(Stimulation stimulation, MotorUnitPool.Recruitment recruitment,
            Random random) {
        double contraction = contractionFractionOfMvc;
        if (stimulation.magnetic().isEmpty() && contraction == 0) {
            return ElectrodeSignal.SILENT;
        }
        double[] fractions = nerve.recruitedFractions(recruitment);
        List<AfferentVolley> volleys = new ArrayList<>();
        for (int j = 0; j < fractions.length; j++) {
            if (fractions[j] > 0) {
                volleys.add(new AfferentVolley(Math.round(recruitment.pulsesMilliamps().get(j).onsetMillis() * 1000),
                        fractions[j]));
            }
        }
        return cortex.respond(new CortexTrial(stimulation.magnetic(), volleys, contraction,
                Math.max(1, stimulation.durationMicros())), random);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s): %s layer, %d motor units, median 1 ms threshold %.2f mA, "
                + "maximal CMAP %.1f mV; %s", preset.name(), preset.description(), preset.layer().label(),
                nerve.parameters().unitCount(), nerve.parameters().medianThresholdMilliamps(),
                nerve.parameters().maximalCmapMillivolts(), nerve.axon().describe());
    }
}
