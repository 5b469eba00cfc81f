package org.excitrack.sim.nerve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Random;
import org.excitrack.model.Polarity;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.TrialSpec;
import org.junit.jupiter.api.Test;

class MotorUnitPoolTest {
    private final PhenomenologicalAxon axon = new PhenomenologicalAxon(PhenomenologicalParameters.healthy());
    private final MotorUnitPool pool = new MotorUnitPool(axon, PopulationParameters.healthy(), 3);
    private final NerveTruth truth = new NerveTruth(pool);

    @Test
    void everyUnitTogetherGivesTheConfiguredMaximalCmap() {
        assertThat(truth.maximalCmapMillivolts()).isCloseTo(8.6, within(1e-9));
        TrialSpec supramaximal = single(12_000_000);
        List<MotorUnitPool.Firing> all = pool.recruit(supramaximal, new Random(1)).all();
        assertThat(all).hasSize(150);
        double peak = 0;
        for (double t = 0; t < 15_000; t += 10) {
            peak = Math.min(peak, pool.microvoltsAt(all, t));
        }
        assertThat(-peak).isCloseTo(8600, within(8600 * 0.01));
    }

    @Test
    void aSubthresholdPulseRecruitsNothingAndAtTheTrackedThresholdAboutTheTargetFiresOnAverage() {
        assertThat(pool.recruit(single(1_000_000), new Random(2)).all()).isEmpty();
        double target = truth.thresholdMilliamps(1.0, 40);
        Random random = new Random(5);
        double sumPeak = 0;
        int trials = 200;
        for (int i = 0; i < trials; i++) {
            List<MotorUnitPool.Firing> fired = pool.recruit(single(Math.round(target * 1e6)), random).all();
            double peak = 0;
            for (double t = 2000; t < 9000; t += 20) {
                peak = Math.min(peak, pool.microvoltsAt(fired, t));
            }
            sumPeak += -peak;
        }
        assertThat(sumPeak / trials / 8600).as("mean CMAP at the true 40 % threshold").isCloseTo(0.40, within(0.04));
    }

    @Test
    void thePopulationsConditionedThresholdMatchesTheAxonTruthAtTheTrackedThreshold() {
        double control = truth.thresholdMilliamps(1.0, 40);
        long polarizing = Math.round(0.4 * control * 1e6);
        double conditioned = populationThreshold(control, polarizing, 30_000);
        double measured = 100 * (control - conditioned) / control;
        double expected = 100 * (1 - axon.thresholdFactor(TrondnfConditions.electrotonus(0.4, 30), 0, -1));
        assertThat(measured).as("TEd40 at 30 ms, population vs axon").isCloseTo(expected, within(0.5));
    }

    @Test
    void theSamePopulationSeedGivesTheSameSubjectAndADifferentSeedADifferentOne() {
        MotorUnitPool again = new MotorUnitPool(axon, PopulationParameters.healthy(), 3);
        MotorUnitPool other = new MotorUnitPool(axon, PopulationParameters.healthy(), 4);
        assertThat(new NerveTruth(again).thresholdMilliamps(1, 40)).isEqualTo(truth.thresholdMilliamps(1, 40));
        assertThat(new NerveTruth(other).thresholdMilliamps(1, 40)).isNotEqualTo(truth.thresholdMilliamps(1, 40));
    }

    @Test
    void shorterPulsesNeedMoreCurrentByWeissLaw() {
        double ratio = truth.thresholdMilliamps(0.2, 40) / truth.thresholdMilliamps(1.0, 40);
        assertThat(ratio).isCloseTo((1 + 0.435 / 0.2) / (1 + 0.435), within(1e-9));
    }

    /** Noise-free bisection on the population's recruited fraction for a test pulse at {@code delayMicros}. */
    private double populationThreshold(double controlMilliamps, long polarizingNanoamps, long delayMicros) {
        double lo = controlMilliamps * 0.2;
        double hi = controlMilliamps * 1.5;
        MotorUnitPool noiseless = new MotorUnitPool(axon, new PopulationParameters(150, 4.1, 0.10, 0, 8.6, 0.6,
                4.0, 0.25, 1.1), 3);
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            TrialSpec t = new TrialSpec(1, List.of(Pulse.cathodal(delayMicros, 1000, Math.round(mid * 1e6))),
                    List.of(new PolarizingStep(10_000, 100_000, polarizingNanoamps, Polarity.CATHODAL)), List.of(),
                    RecordingWindow.CONFIGURED_DEFAULT);
            List<MotorUnitPool.Firing> fired = noiseless.recruit(t, new Random(1)).all();
            double peak = 0;
            for (double x = delayMicros; x < delayMicros + 12_000; x += 10) {
                peak = Math.min(peak, noiseless.microvoltsAt(fired, x));
            }
            if (-peak >= 0.4 * 8600) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private static TrialSpec single(long nanoamps) {
        return TrialSpec.singlePulse(1, Pulse.cathodal(0, 1000, nanoamps), RecordingWindow.CONFIGURED_DEFAULT);
    }
}
