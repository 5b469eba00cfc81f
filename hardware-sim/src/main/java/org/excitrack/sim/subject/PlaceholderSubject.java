package org.excitrack.sim.subject;

import java.util.Locale;
import java.util.Random;
import org.excitrack.model.Polarity;
import org.excitrack.model.Pulse;
import org.excitrack.model.TrialSpec;

/**
 * A deliberately simple stand-in for a nerve, kept only until the physiological models arrive: the CMAP
 * amplitude is a logistic function of log current around a threshold that follows Weiss's law in pulse width,
 * with log-normal trial-to-trial jitter. Only the strongest cathodal pulse of a trial counts; polarizing
 * currents and paired pulses have no effect here (the virtual-subject models add them).
 *
 * <p>Because the jitter is symmetric on the log scale, the median response to current I is exactly
 * {@code maxCmap × logistic((ln I − ln I50(w)) / slope)}, which makes {@link #trueThresholdNanoamps} the
 * ground truth a tracker must recover.
 *
 * @param threshold50At1msNanoamps current giving half the maximal CMAP with a 1 ms pulse, nA
 * @param strengthDurationTimeConstantMicros SDTC of Weiss's law, µs
 * @param logSlope spread of the recruitment curve on the natural-log current scale (0.06 ≈ 10–90 % over ±13 %)
 * @param maxCmapMicrovolts maximal CMAP, negative-peak amplitude, µV
 * @param latencyMicros onset-to-negative-peak latency, µs
 * @param jitterLogSd standard deviation of the trial-to-trial threshold jitter on the natural-log scale
 */
public record PlaceholderSubject(
        double threshold50At1msNanoamps,
        double strengthDurationTimeConstantMicros,
        double logSlope,
        double maxCmapMicrovolts,
        double latencyMicros,
        double jitterLogSd) implements Subject {

    public PlaceholderSubject {
        if (threshold50At1msNanoamps <= 0 || strengthDurationTimeConstantMicros <= 0 || logSlope <= 0
                || maxCmapMicrovolts <= 0 || latencyMicros <= 0 || jitterLogSd < 0) {
            throw new IllegalArgumentException("placeholder subject parameters must be positive: " + this);
        }
    }

    /** A median-nerve-like default: 4.2 mA at 1 ms, SDTC 450 µs, 8 mV maximal CMAP, 6.5 ms latency. */
    public static PlaceholderSubject typical() {
        return new PlaceholderSubject(4_200_000, 450, 0.06, 8_000, 6_500, 0.01);
    }

    /** Current for half the maximal response at this width (Weiss: I = Irh (1 + SDTC / w)). */
    public double threshold50Nanoamps(double widthMicros) {
        double rheobase = threshold50At1msNanoamps / (1 + strengthDurationTimeConstantMicros / 1000.0);
        return rheobase * (1 + strengthDurationTimeConstantMicros / widthMicros);
    }

    /** The current whose median response is {@code fraction} of the maximum, at this width: the truth. */
    public double trueThresholdNanoamps(double widthMicros, double fraction) {
        if (fraction <= 0 || fraction >= 1) {
            throw new IllegalArgumentException("fraction " + fraction + " must lie strictly between 0 and 1");
        }
        return threshold50Nanoamps(widthMicros) * Math.exp(logSlope * Math.log(fraction / (1 - fraction)));
    }

    /** The median CMAP in µV for a pulse of this current and width. */
    public double medianResponseMicrovolts(double nanoamps, double widthMicros) {
        if (nanoamps <= 0) {
            return 0;
        }
        double z = (Math.log(nanoamps) - Math.log(threshold50Nanoamps(widthMicros))) / logSlope;
        return maxCmapMicrovolts / (1 + Math.exp(-z));
    }

    @Override
    public ElectrodeSignal respond(TrialSpec delivered, Random random) {
        Pulse strongest = null;
        for (Pulse p : delivered.pulses()) {
            if (p.polarity() == Polarity.CATHODAL
                    && (strongest == null || p.chargeFemtocoulombs() > strongest.chargeFemtocoulombs())) {
                strongest = p;
            }
        }
        if (strongest == null || strongest.amplitudeNanoamps() == 0) {
            return ElectrodeSignal.SILENT;
        }
        double jitter = Math.exp(random.nextGaussian() * jitterLogSd);
        double amplitude = medianResponseMicrovolts(strongest.amplitudeNanoamps() / jitter, strongest.widthMicros());
        double peakTime = strongest.onsetMicros() + latencyMicros;
        return CmapShape.biphasic(amplitude, peakTime);
    }

    @Override
    public String describe() {
        return String.format(Locale.ROOT, "placeholder logistic nerve: I50(1 ms) %.3f mA, SDTC %.0f µs, "
                + "log-slope %.3f, max CMAP %.1f mV, jitter %.1f %%", threshold50At1msNanoamps / 1e6,
                strengthDurationTimeConstantMicros, logSlope, maxCmapMicrovolts / 1000, jitterLogSd * 100);
    }
}
