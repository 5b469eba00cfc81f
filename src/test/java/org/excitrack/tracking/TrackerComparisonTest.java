package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Excitrack's tracker against the QTRAC-style baseline on whole serial sections (TE +40 %, TE −40 %, recovery
 * cycle: 72 thresholds per seed) of the synthetic nerve, 40 seeds, scored against the true thresholds. See
 * {@link TrackerComparison} for the set-up. The figures are printed so a run documents itself.
 *
 * <p>Why not 0.6×: with 1.5 % trial-to-trial threshold jitter each stimulus carries one jittered threshold,
 * so a median error e needs about (0.674 × 1.5 % ÷ e)² near-target stimuli whatever the algorithm (3.3 for
 * 0.55 %). Excitrack spends 5–15 % over that floor; the baseline, whose points also all count, spends 40–55 %
 * over it on finding the crossing and on capped steps. At the same median error the ratio is therefore
 * 0.7–0.9, not 0.6.
 * Only the section as a whole, with the control stimulated only until its (warm-started) threshold is known,
 * gets below 0.6.
 */
class TrackerComparisonTest {
    private static final int SEEDS = 40;

    private static TrackerComparison.Summary run(TrackerFactory factory, TrackingGoal goal,
                                                 SerialSchedule.ControlPolicy policy) {
        return TrackerComparison.run(factory, SEEDS, goal, policy);
    }

    private static TrackerFactory qtracWithStimuliAfterReversal(int k) {
        ProportionalTracker.Settings settings = ProportionalTracker.Settings.tuned().withStimuliAfterReversal(k);
        return (target, start, prior, curvePrior, goal) -> new ProportionalTracker(target, start, prior, settings);
    }

    @Test
    void excitrackNeedsAtMostThreeQuartersOfTheBaselinesStimuliAtNoWorseMedianError() {
        TrackerComparison.Summary qtrac = run(TrackerKind.QTRAC, TrackingGoal.defaults(),
                SerialSchedule.ControlPolicy.ALTERNATE);
        TrackerComparison.Summary excitrack = run(TrackerKind.EXCITRACK, TrackingGoal.defaults(),
                SerialSchedule.ControlPolicy.ALTERNATE);
        System.out.println("serial sections, " + SEEDS + " seeds, per conditioned threshold:");
        System.out.println("  QTRAC baseline (tuned):      " + qtrac);
        System.out.println("  Excitrack (1 % relative SE): " + excitrack);
        System.out.printf("  stimuli ratio %.2f%n", excitrack.stimuliPerThreshold() / qtrac.stimuliPerThreshold());

        // measured: 3.54 against 4.98 stimuli (0.71), median |error| 0.55 % against 0.56 %
        assertThat(excitrack.stimuliPerThreshold()).isLessThanOrEqualTo(0.75 * qtrac.stimuliPerThreshold());
        assertThat(excitrack.medianError()).isLessThanOrEqualTo(qtrac.medianError());
        assertThat(excitrack.p90Error()).isLessThanOrEqualTo(qtrac.p90Error());
        assertThat(excitrack.missing()).isZero();
    }

    @Test
    void atHigherPrecisionExcitrackStillNeedsFewerStimuliForTheSameError() {
        System.out.println("trade-off, " + SEEDS + " seeds (stimuli per conditioned threshold @ median |error|):");
        double[] goals = {0.007, 0.006};
        int[] afterReversal = {4, 5};
        for (int i = 0; i < goals.length; i++) {
            TrackerComparison.Summary qtrac = run(qtracWithStimuliAfterReversal(afterReversal[i]),
                    TrackingGoal.defaults(), SerialSchedule.ControlPolicy.ALTERNATE);
            TrackerComparison.Summary excitrack = run(TrackerKind.EXCITRACK, new TrackingGoal(goals[i], 30),
                    SerialSchedule.ControlPolicy.ALTERNATE);
            System.out.printf("  QTRAC %d after reversal: %.2f @ %.2f %%; Excitrack %.1f %% SE: %.2f @ %.2f %%; "
                            + "ratio %.2f%n", afterReversal[i], qtrac.stimuliPerThreshold(), 100 * qtrac.medianError(),
                    100 * goals[i], excitrack.stimuliPerThreshold(), 100 * excitrack.medianError(),
                    excitrack.stimuliPerThreshold() / qtrac.stimuliPerThreshold());

            // measured: 4.80 against 5.87 (0.82) at 0.49 % against 0.50 %; 6.06 against 6.86 (0.88) at 0.44 %
            // against 0.48 %
            assertThat(excitrack.stimuliPerThreshold()).isLessThanOrEqualTo(0.9 * qtrac.stimuliPerThreshold());
            assertThat(excitrack.medianError()).isLessThanOrEqualTo(qtrac.medianError());
        }
    }

    @Test
    void aWholeSectionCostsUnderSixTenthsWhenTheControlStopsOnceKnown() {
        TrackerComparison.Summary qtrac = run(TrackerKind.QTRAC, TrackingGoal.defaults(),
                SerialSchedule.ControlPolicy.ALTERNATE);
        // 0.8 % rather than 1 %: the same tracker's median moves by ±0.03 % when the interleaving reshuffles the
        // nerve's random stream, and the claim is "no worse"
        TrackerComparison.Summary excitrack = run(TrackerKind.EXCITRACK, new TrackingGoal(0.008, 30),
                SerialSchedule.ControlPolicy.WHILE_UNCONVERGED);
        double qtracTotal = qtrac.stimuliPerThreshold() + qtrac.controlStimuliPerStep();
        double excitrackTotal = excitrack.stimuliPerThreshold() + excitrack.controlStimuliPerStep();
        System.out.printf("whole sections (control + conditioned per step): QTRAC alternating %.2f, Excitrack with "
                        + "the control until converged %.2f, ratio %.2f; conditioned median |error| %.2f %% against "
                        + "%.2f %%, control %.2f %% against %.2f %%%n", qtracTotal, excitrackTotal,
                excitrackTotal / qtracTotal, 100 * excitrack.medianError(), 100 * qtrac.medianError(),
                100 * excitrack.controlMedianError(), 100 * qtrac.controlMedianError());

        // measured: 5.10 against 9.96 (0.51) at 0.53 % against 0.56 %; control 0.33 % against 0.32 %
        assertThat(excitrackTotal).isLessThanOrEqualTo(0.6 * qtracTotal);
        assertThat(excitrack.medianError()).isLessThanOrEqualTo(qtrac.medianError());
        // the control, now sampled about once per step, leans on its carried points: a little less precise
        assertThat(excitrack.controlMedianError()).isLessThan(0.005);
    }
}
