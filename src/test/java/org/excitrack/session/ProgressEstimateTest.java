package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressEstimateTest {
    @Test
    void beforeAnySectionFinishesTheDryRunIsTheEstimate() {
        ProgressEstimate p = new ProgressEstimate(new long[] {0, 25, 500, 100});
        p.enter(0);
        p.enter(1);
        for (int i = 0; i < 10; i++) {
            p.trial();
        }
        assertThat(p.ratio()).isEqualTo(1.0);
        assertThat(p.expectedTotal()).isEqualTo(625);
    }

    @Test
    void aSectionThatTookTwiceItsEstimateDoublesWhatIsLeft() {
        ProgressEstimate p = new ProgressEstimate(new long[] {0, 500, 100});
        p.enter(0);
        p.enter(1);
        for (int i = 0; i < 1000; i++) {
            p.trial();
        }
        p.enter(2);
        assertThat(p.ratio()).isEqualTo(2.0);
        assertThat(p.expectedTotal()).isEqualTo(1000 + 200);
        for (int i = 0; i < 50; i++) {
            p.trial();
        }
        assertThat(p.expectedTotal()).isEqualTo(1200);
    }

    @Test
    void aSectionOverItsLearnedEstimateNeverMakesTheTotalFallBelowWhatIsDone() {
        ProgressEstimate p = new ProgressEstimate(new long[] {20, 20});
        p.enter(0);
        for (int i = 0; i < 30; i++) {
            p.trial();
        }
        assertThat(p.expectedTotal()).isEqualTo(30 + 20);
        p.enter(1);
        assertThat(p.expectedTotal()).isEqualTo(30 + 30);
    }

    @Test
    void sectionsSkippedOnResumeAreNotCountedAsLeft() {
        ProgressEstimate p = new ProgressEstimate(new long[] {300, 300, 100});
        p.enter(2);
        assertThat(p.expectedTotal()).isEqualTo(100);
    }

    @Test
    void smallSectionsTeachNothing() {
        ProgressEstimate p = new ProgressEstimate(new long[] {5, 100});
        p.enter(0);
        for (int i = 0; i < 15; i++) {
            p.trial();
        }
        p.enter(1);
        assertThat(p.ratio()).isEqualTo(1.0);
        assertThat(p.expectedTotal()).isEqualTo(115);
    }
}
