package org.excitrack.tracking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Excitrack's tracker against the QTRAC-style baseline on whole serial sections (TE +40 %, TE −40 %, recovery
 * cycle: 72 thresholds per seed) of the synthetic nerve, 40 seeds, scored against the true thresholds, under the
 * session's own serial-tracking rules (see {@link TrackerComparison}). The figures are printed so a run documents
 * itself.
 *
 * <p>Why not 0.6×: with 1.5 % trial-to-trial threshold jitter each stimulus carries one jittered threshold,
 * so a median error e needs about (0.674 × 1.5 % ÷ e)² near-target stimuli whatever the algorithm (3.3 for
 * 0.55 %). The baseline, whose points also all count, spends 40–55 % over that floor on finding the crossing and
 * on capped steps; Excitrack, starting every condition from the typical-nerve slope prior as the session does,
 * spends less, but not half as much.
 *
 * <p>The session asks each conditioned point for the precision of its change from the control, so a threshold
 * above the control's is tracked more finely (TRONDNF's 1 % becomes 0.5 % for a threshold twice the control's).
 * The baseline ignores precision goals, so at TRONDNF's setting Excitrack buys precision rather than saving
 * stimuli; compared at the same error, it needs fewer.
 */
class TrackerComparisonTest {
    private static final int SEEDS = 40;

    private static TrackerComparison.Summary run(TrackerFactory factory, TrackingGoal goal) {
        return TrackerComparison.run(factory, SEEDS, goal);
    }

    private static TrackerFactory qtracWithStimuliAfterReversal(int k) {
        ProportionalTracker.Settings settings = ProportionalTracker.Settings.tuned().withStimuliAfterReversal(k);
        return (target, start, prior, curvePrior, goal) -> new ProportionalTracker(target, start, prior, settings);
    }

    @Test
    void atTheBaselinesErrorExcitrackNeedsAtMostFourFifthsOfItsStimuli() {
        TrackerComparison.Summary qtrac = run(TrackerKind.QTRAC, TrackingGoal.defaults());
        TrackerComparison.Summary excitrack = run(TrackerKind.EXCITRACK, new TrackingGoal(0.015, 30));
        System.out.println("serial sections, " + SEEDS + " seeds, per conditioned threshold:");
        System.out.println("  QTRAC baseline (tuned):        " + qtrac);
        System.out.println("  Excitrack (1.5 % relative SE): " + excitrack);
        System.out.printf("  stimuli ratio %.2f%n", excitrack.stimuliPerThreshold() / qtrac.stimuliPerThreshold());

        // measured: 3.90 against 5.00 stimuli (0.78), median |error| 0.56 % against 0.57 %, 90th pct 1.41 % / 1.54 %
        assertThat(excitrack.stimuliPerThreshold()).isLessThanOrEqualTo(0.8 * qtrac.stimuliPerThreshold());
        assertThat(excitrack.medianError()).isLessThanOrEqualTo(qtrac.medianError());
        assertThat(excitrack.p90Error()).isLessThanOrEqualTo(qtrac.p90Error());
        assertThat(excitrack.missing()).isZero();
    }

    @Test
    void atTrondnfsOnePercentExcitrackIsMorePreciseThanTheBaselineAndCheaperAtTheSameError() {
        TrackerComparison.Summary excitrack = run(TrackerKind.EXCITRACK, TrackingGoal.defaults());
        TrackerComparison.Summary qtrac = run(TrackerKind.QTRAC, TrackingGoal.defaults());
        TrackerComparison.Summary finer = run(qtracWithStimuliAfterReversal(4), TrackingGoal.defaults());
        System.out.println("TRONDNF's 1 % goal, " + SEEDS + " seeds, per conditioned threshold:");
        System.out.println("  Excitrack:                     " + excitrack);
        System.out.println("  QTRAC baseline (tuned):        " + qtrac);
        System.out.println("  QTRAC, 4 stimuli after reversal: " + finer);

        // measured: 5.41 stimuli at 0.48 % median |error| (90th pct 1.22 %) against the tuned baseline's 5.00 at
        // 0.57 % (1.54 %), and against 5.89 at 0.50 % (1.32 %) for the baseline given a fourth stimulus (0.92)
        assertThat(excitrack.medianError()).isLessThan(qtrac.medianError());
        assertThat(excitrack.p90Error()).isLessThan(qtrac.p90Error());
        assertThat(excitrack.stimuliPerThreshold()).isLessThanOrEqualTo(1.1 * qtrac.stimuliPerThreshold());
        assertThat(excitrack.stimuliPerThreshold()).isLessThanOrEqualTo(0.95 * finer.stimuliPerThreshold());
        assertThat(excitrack.medianError()).isLessThanOrEqualTo(finer.medianError());
        assertThat(excitrack.missing()).isZero();
    }
}
