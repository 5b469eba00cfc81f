package org.excitrack.session;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressEstimateTest {
    @Test
    void beforeAnySectionFinishesTheDryRunIsTheEstimate() {
        ProgressEstimate p = new ProgressEstimate(new long[] {0, 25, 500, 100}, new long[] {0, 0, 0, 0});
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
        ProgressEstimate p = new ProgressEstimate(new long[] {0, 500, 100}, new long[] {0, 0, 0});
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
        ProgressEstimate p = new ProgressEstimate(new long[] {20, 20}, new long[] {0, 0});
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
        ProgressEstimate p = new ProgressEstimate(new long[] {300, 300, 100}, new long[] {0, 0, 0});
        p.enter(2);
        assertThat(p.expectedTotal()).isEqualTo(100);
    }

    @Test
    void smallSectionsTeachNothing() {
        ProgressEstimate p = new ProgressEstimate(new long[] {5, 100}, new long[] {0, 0});
        p.enter(0);
        for (int i = 0; i < 15; i++) {
            p.trial();
        }
        p.enter(1);
        assertThat(p.ratio()).isEqualTo(1.0);
        assertThat(p.expectedTotal()).isEqualTo(115);
    }

    @Test
    void aSectionPartWayThroughProjectsItsOwnPaceOnceAQuarterOfItsPointsAreDone() {
        ProgressEstimate p = new ProgressEstimate(new long[] {100, 100}, new long[] {20, 20});
        p.enter(0);
        for (int point = 0; point < 4; point++) {
            for (int i = 0; i < 10; i++) {
                p.trial();
            }
            p.pointFinished();
        }
        assertThat(p.expectedTotal()).as("4 of 20 points: the model still holds").isEqualTo(200);
        for (int i = 0; i < 10; i++) {
            p.trial();
        }
        p.pointFinished();
        // 5 of 20 points at 10 trials each: this section will take 200, and the next is scaled by 2 as well
        assertThat(p.ratio()).isEqualTo(2.0);
        assertThat(p.expectedTotal()).isEqualTo(200 + 200);
    }
}
