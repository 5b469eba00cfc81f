package org.excitrack.sim.subject;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.excitrack.model.TrialSpec;
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

    VirtualSubject(SubjectPreset preset, MotorUnitPool nerve, long seed) {
        this.preset = preset;
        this.nerve = nerve;
        this.seed = seed;
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
    public ElectrodeSignal respond(TrialSpec delivered, Random random) {
        List<MotorUnitPool.Firing> firings = nerve.recruit(delivered, random).all();
        double hum = preset.mainsHumMicrovolts();
        double phase = hum > 0 ? 2 * Math.PI * random.nextDouble() : 0;
        double radiansPerMicro = 2 * Math.PI * preset.mainsFrequencyHertz() / 1e6;
        return t -> nerve.microvoltsAt(firings, t) + (hum > 0 ? hum * Math.sin(radiansPerMicro * t + phase) : 0);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "%s (%s): %s layer, %d motor units, median 1 ms threshold %.2f mA, "
                + "maximal CMAP %.1f mV; %s", preset.name(), preset.description(), preset.layer().label(),
                nerve.parameters().unitCount(), nerve.parameters().medianThresholdMilliamps(),
                nerve.parameters().maximalCmapMillivolts(), nerve.axon().describe());
    }
}
