package org.excitrack.sim.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.service.RunControl;
import org.excitrack.service.RunService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trials a run reports it expects, and so the time left the technician sees, learn from the sections done: a
 * whole TRONDNF takes about twice the dry-run model's count, and by the last quarter of the run the expectation is
 * close to what the run really takes instead of having run out.
 */
class TimeLeftTest {
    @TempDir
    Path folder;

    @Test
    void theExpectedTrialsConvergeOnTheRunsOwnCount() throws Exception {
        List<SessionEvent.Progress> progress = new ArrayList<>();
        RunService.RunReport report = new RunService(new RunControl()).run(new RunService.RunRequest("TRONDNF",
                Map.of(), "sim:unit?seed=4", folder.resolve("r.excitrack"),
                new RunService.Subject("S04", 40, "F", 33.0, "Median Wr-APB", "NC"), "tester", Map.of(), true), e -> {
                    if (e instanceof SessionEvent.Progress p) {
                        progress.add(p);
                    }
                });
        long actual = report.trials();
        long firstExpected = progress.get(0).trialsExpected();
        SessionEvent.Progress lastQuarter = progress.stream().filter(p -> p.trialsDone() >= actual * 3 / 4)
                .findFirst().orElseThrow();

        assertThat(firstExpected).as("the dry-run model undercounts TRONDNF").isLessThan(actual * 3 / 4);
        assertThat((double) lastQuarter.trialsExpected()).as("expected at 75 %% of %d trials", actual)
                .isBetween(actual * 0.85, actual * 1.15);
        // at the last trial the run cannot know the last point converges there: close, not exact
        assertThat((double) progress.get(progress.size() - 1).trialsExpected()).isBetween((double) actual, actual * 1.05);
    }
}
