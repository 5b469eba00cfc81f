package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trials a run reports it expects, and so the time left the technician sees, learn from the sections done: a
 * whole TRONDNF takes about twice the dry-run model's count, and from a quarter of the way through (a quarter of
 * threshold electrotonus's points done) the expectation stays within 20 % of what the run really takes.
 */
class TimeLeftTest {
    @TempDir
    Path folder;

    @ParameterizedTest
    @ValueSource(strings = {"sim:unit?seed=4", "sim:unit?subject=als-early&seed=9"})
    void theExpectedTrialsConvergeOnTheRunsOwnCount(String port) throws Exception {
        List<SessionEvent.Progress> progress = new ArrayList<>();
        RunService.RunReport report = new RunService(new RunControl()).run(new RunService.RunRequest("TRONDNF",
                Map.of(), port, folder.resolve("r.excitrack"),
                new RunService.Subject("S04", 40, "F", 33.0, "Median Wr-APB", "NC"), "tester", Map.of(), true), e -> {
                    if (e instanceof SessionEvent.Progress p) {
                        progress.add(p);
                    }
                });
        long actual = report.trials();
        long firstExpected = progress.get(0).trialsExpected();

        assertThat(firstExpected).as("the dry-run model undercounts TRONDNF").isLessThan(actual * 3 / 4);
        for (int percent : new int[] {25, 40, 50, 60, 75, 90}) {
            SessionEvent.Progress at = progress.stream().filter(p -> p.trialsDone() >= actual * percent / 100)
                    .findFirst().orElseThrow();
            assertThat((double) at.trialsExpected()).as("expected at %d %% of %d trials", percent, actual)
                    .isBetween(actual * 0.8, actual * 1.2);
        }
        // at the last trial the run cannot know the last point converges there: close, not exact
        assertThat((double) progress.get(progress.size() - 1).trialsExpected()).isBetween((double) actual, actual * 1.05);
    }
}
