package org.excitrack.sim.nerve;

import java.util.List;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedPulse;
import org.excitrack.sim.nerve.NormalizedTrial.NormalizedStep;

/**
 * The conditions the TRONDNF protocol measures, with the timing of the built-in protocol files
 * ({@code src/main/resources/org/excitrack/protocols/trondnf}) and of QTRAC's MEM files, so that truth is
 * computed at exactly the points a recording samples. Delays are sweep times: the 100 ms electrotonus current
 * runs from 10 ms to 110 ms and the 1 ms test pulse starts at the delay; the 200 ms I/V current runs from 0
 * and the test pulse starts at 199 ms; recovery-cycle intervals run from conditioning onset to test onset.
 */
public final class TrondnfConditions {
    public static final double TEST_WIDTH_MILLIS = 1.0;
    public static final List<Double> CHARGE_DURATION_WIDTHS_MILLIS = List.of(0.2, 0.4, 0.6, 0.8, 1.0);
    public static final double ELECTROTONUS_ONSET_MILLIS = 10;
    public static final double ELECTROTONUS_DURATION_MILLIS = 100;
    /** TE1 (+40 %) samples the early response more finely than TE2–TE4. */
    public static final List<Double> TE1_DELAYS_MILLIS = List.of(0.0, 9.0, 10.0, 11.0, 15.0, 20.0, 26.0, 33.0, 41.0,
            50.0, 60.0, 70.0, 80.0, 90.0, 100.0, 109.0, 110.0, 111.0, 120.0, 130.0, 140.0, 150.0, 160.0, 170.0, 180.0,
            190.0, 200.0, 210.0);
    public static final List<Double> TE_OTHER_DELAYS_MILLIS = List.of(0.0, 9.0, 10.0, 11.0, 20.0, 30.0, 40.0, 50.0,
            60.0, 70.0, 80.0, 90.0, 100.0, 109.0, 110.0, 111.0, 120.0, 130.0, 140.0, 150.0, 160.0, 170.0, 180.0,
            190.0, 200.0, 210.0);
    /** Conditioning of TE1..TE4, % of the control threshold, in MEM order. */
    public static final List<Double> ELECTROTONUS_PERCENTS = List.of(40.0, -40.0, 20.0, -20.0);
    public static final double CURRENT_THRESHOLD_DURATION_MILLIS = 200;
    public static final double CURRENT_THRESHOLD_TEST_ONSET_MILLIS = 199;
    public static final List<Double> CURRENT_THRESHOLD_PERCENTS = List.of(50.0, 40.0, 30.0, 20.0, 10.0, 0.0, -10.0,
            -20.0, -30.0, -40.0, -50.0, -60.0, -70.0, -80.0, -90.0, -100.0);
    public static final List<Double> RECOVERY_INTERVALS_MILLIS = List.of(2.0, 2.5, 3.2, 4.0, 5.0, 6.3, 7.9, 10.0,
            13.0, 18.0, 24.0, 32.0, 42.0, 56.0, 75.0, 100.0, 140.0, 200.0);
    /** The supramaximal conditioning pulse of the recovery cycle, in multiples of the resting threshold. */
    public static final double SUPRAMAXIMAL_MULTIPLE = 3.0;

    private TrondnfConditions() {
    }

    public static List<Double> electrotonusDelays(double conditioningPercent) {
        return conditioningPercent == 40.0 ? TE1_DELAYS_MILLIS : TE_OTHER_DELAYS_MILLIS;
    }

    /** Whether the electrotonus current flows during a test pulse starting at {@code delayMillis}. */
    public static boolean conditioningFlowsAt(double delayMillis) {
        return delayMillis >= ELECTROTONUS_ONSET_MILLIS
                && delayMillis < ELECTROTONUS_ONSET_MILLIS + ELECTROTONUS_DURATION_MILLIS;
    }

    /** A test pulse of this width alone; the test pulse is index 0. */
    public static NormalizedTrial strengthDuration(double widthMillis) {
        return NormalizedTrial.singlePulse(widthMillis, 1);
    }

    /** Electrotonus: {@code fraction} (+0.4 = +40 %) from 10 to 110 ms, test at {@code delayMillis}; test is index 0. */
    public static NormalizedTrial electrotonus(double fraction, double delayMillis) {
        return new NormalizedTrial(List.of(new NormalizedPulse(delayMillis, TEST_WIDTH_MILLIS, 1)),
                List.of(new NormalizedStep(ELECTROTONUS_ONSET_MILLIS, ELECTROTONUS_DURATION_MILLIS, fraction)));
    }

    /** I/V: {@code fraction} for 200 ms from 0, test at 199 ms; test is index 0. */
    public static NormalizedTrial currentThreshold(double fraction) {
        List<NormalizedStep> steps = fraction == 0 ? List.of()
                : List.of(new NormalizedStep(0, CURRENT_THRESHOLD_DURATION_MILLIS, fraction));
        return new NormalizedTrial(List.of(new NormalizedPulse(CURRENT_THRESHOLD_TEST_ONSET_MILLIS,
                TEST_WIDTH_MILLIS, 1)), steps);
    }

    /** Recovery cycle: a supramaximal 1 ms pulse at 0 (index 0, fired), the test at {@code intervalMillis} (index 1). */
    public static NormalizedTrial recoveryCycle(double intervalMillis) {
        return new NormalizedTrial(List.of(new NormalizedPulse(0, TEST_WIDTH_MILLIS, SUPRAMAXIMAL_MULTIPLE),
                new NormalizedPulse(intervalMillis, TEST_WIDTH_MILLIS, 1)), List.of());
    }
}
