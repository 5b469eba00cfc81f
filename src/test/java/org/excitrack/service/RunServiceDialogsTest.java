package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run whose prompts a person answers: answers reach the session, and a stop closes an open prompt at once. */
class RunServiceDialogsTest {
    private static final String PORT = "sim:unit?subject=healthy&seed=1";

    @TempDir
    Path folder;

    /** Answers at once, as a technician clicking through would; records what it was asked. */
    static class Answering implements OperatorDialogs {
        final List<String> asked = new CopyOnWriteArrayList<>();
        final double value;

        Answering(double value) {
            this.value = value;
        }

        @Override
        public CompletableFuture<Void> acknowledge(String text) {
            asked.add("acknowledge " + text);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Boolean> confirm(String text) {
            asked.add("confirm " + text);
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public CompletableFuture<List<Boolean>> checklist(String title, List<String> items) {
            asked.add("checklist " + title);
            return CompletableFuture.completedFuture(Collections.nCopies(items.size(), true));
        }

        @Override
        public CompletableFuture<Double> input(InputQuestion question) {
            asked.add("input " + question.name() + " suggested " + question.suggested());
            return CompletableFuture.completedFuture(value);
        }
    }

    private RunService.RunRequest request(Path out, Double temperature) {
        return new RunService.RunRequest("TRONDNF-SD", Map.of(), PORT, out,
                new RunService.Subject("S1", 40, "F", temperature, "Median Wr-APB", "NC"), "test", Map.of(), true);
    }

    @Test
    void thePersonsAnswersReachTheSessionAndNoInputNeedsGivingBeforehand() throws Exception {
        Answering person = new Answering(33.5);
        List<SessionEvent> events = new CopyOnWriteArrayList<>();
        Path out = folder.resolve("answered.excitrack");

        RunService.RunReport report = new RunService(new RunControl()).run(request(out, null).withDialogs(person),
                events::add);

        assertThat(report.state()).isEqualTo(SessionState.FINISHED);
        assertThat(person.asked).contains("checklist Before recording", "input temperature suggested OptionalDouble.empty");
        assertThat(events).contains(new SessionEvent.Prompt("Skin temperature", "33.5 °C"));
        assertThat(events).filteredOn(e -> e instanceof SessionEvent.Trial).isNotEmpty()
                .allSatisfy(e -> assertThat(((SessionEvent.Trial) e).measured().sweep().samplesPerChannel())
                        .isPositive());
    }

    @Test
    void theSubjectsTemperatureIsOfferedNotAssumed() throws Exception {
        Answering person = new Answering(34.0);
        new RunService(new RunControl()).run(request(folder.resolve("offered.excitrack"), 32.5).withDialogs(person),
                e -> { });
        assertThat(person.asked).contains("input temperature suggested OptionalDouble[32.5]");
    }

    @Test
    void abortWhileAPromptIsOpenEndsTheRunWithoutAnAnswer() throws Exception {
        RunControl control = new RunControl();
        CompletableFuture<List<Boolean>> open = new CompletableFuture<>();
        OperatorDialogs neverAnswers = new Answering(33) {
            @Override
            public CompletableFuture<List<Boolean>> checklist(String title, List<String> items) {
                // the stop comes from another thread while the session waits, as the GUI's stop line sends it
                CompletableFuture.runAsync(control::abort);
                return open;
            }
        };
        Path out = folder.resolve("aborted.excitrack");

        CompletableFuture<RunService.RunReport> run = CompletableFuture.supplyAsync(() -> {
            try {
                return new RunService(control).run(request(out, 33.0).withDialogs(neverAnswers), e -> { });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        RunService.RunReport report = run.get(60, TimeUnit.SECONDS);
        assertThat(report.state()).isEqualTo(SessionState.ABORTED);
        assertThat(report.trials()).isZero();
        assertThat(open).isCancelled();
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void emergencyStopWhileAPromptIsOpenIsReportedAsSuch() throws Exception {
        RunControl control = new RunControl();
        OperatorDialogs neverAnswers = new Answering(33) {
            @Override
            public CompletableFuture<Void> acknowledge(String text) {
                return new CompletableFuture<>();
            }

            @Override
            public CompletableFuture<List<Boolean>> checklist(String title, List<String> items) {
                CompletableFuture.runAsync(control::emergencyStop);
                return new CompletableFuture<>();
            }
        };
        RunService.RunReport report = CompletableFuture.supplyAsync(() -> {
            try {
                return new RunService(control).run(request(folder.resolve("estop.excitrack"), 33.0)
                        .withDialogs(neverAnswers), e -> { });
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertThat(report.state()).isEqualTo(SessionState.EMERGENCY_STOPPED);
        assertThat(Optional.ofNullable(report.reason())).contains("emergency stop");
    }
}
