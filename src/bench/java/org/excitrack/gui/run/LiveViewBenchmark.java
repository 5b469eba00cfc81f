package org.excitrack.gui.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.excitrack.gui.GuiOptions;
import org.excitrack.gui.common.Background;
import org.excitrack.gui.common.Step;
import org.excitrack.gui.common.UiThread;
import org.excitrack.gui.common.Workstation;
import org.excitrack.model.Polarity;
import org.excitrack.model.Pulse;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.session.MeasuredSweep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.service.RunService;

/**
 * The Run screen's live view, headless (Monocle, software Prism), in two parts.
 *
 * <ol>
 *   <li><b>Frame time</b>: the real Run view at 1280×800, fed by a thread that sends a new 1 s sweep at 10 kHz
 *       (10,000 samples) and a new threshold point about every 4 ms, so every frame has both plots to redraw; the
 *       tracking plot holds 1,000 points. Reported: the FX thread's time per frame in {@code RunView.frame()}
 *       (median, p99) and the interval between pulses, which includes Prism's rendering (median, p99, fps).</li>
 *   <li><b>FX-thread stall during a run</b>: the whole TRONDNF against the in-process simulator in virtual time,
 *       started from the Run screen with the prompts answered; a probe posts to the FX thread every 2 ms and
 *       records how long each post waited. Reported: the longest wait and the p99, and the longest gap between
 *       pulses.</li>
 * </ol>
 *
 * <p>Run with {@code mvn -B -Pbench test-compile exec:exec@live-view}. It measures; it never passes or fails.
 */
public final class LiveViewBenchmark {
    private static final int WARMUP_FRAMES = 120;
    private static final int FRAMES = 600;
    private static final int TRACKING_POINTS = 1_000;

    private LiveViewBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CountDownLatch up = new CountDownLatch(1);
        Platform.startup(up::countDown);
        up.await();
        String frames = args.length > 0 && args[0].equals("stall-only") ? "" : frameTime();
        String stall = stallDuringRun(Files.createTempDirectory("excitrack-bench-live"));
        System.out.println();
        System.out.println("==================== Excitrack live view (headless Monocle, software Prism) ====================");
        System.out.println(frames);
        System.out.println(stall);
        System.exit(0);
    }

    private static Workstation workstation(String port, Path folder) {
        Workstation w = new Workstation(new GuiOptions(Optional.of(port), Optional.empty(), folder, true),
                new Background(UiThread.fx()));
        w.unitPortProperty().set(port);
        w.subjectProperty().set(new RunService.Subject("BENCH", 50, "F", 33.0, "Median Wr-APB", "NC"));
        w.protocolProperty().set("TRONDNF");
        w.stepProperty().set(Step.RUN);
        return w;
    }

    private static RunView show(RunViewModel model) throws Exception {
        return onFx(() -> {
            RunView view = new RunView(model);
            Scene scene = new Scene((javafx.scene.Parent) view.node(), 1090, 710);
            scene.getStylesheets().add(RunView.class.getResource("/org/excitrack/gui/excitrack.css").toExternalForm());
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            return view;
        });
    }

    private static String frameTime() throws Exception {
        Workstation w = workstation("sim:unit", Files.createTempDirectory("excitrack-bench-frames"));
        RunViewModel model = new RunViewModel(w);
        LiveFeed feed = new LiveFeed(TRACKING_POINTS);
        for (int i = 0; i < TRACKING_POINTS; i++) {
            feed.on(trial(i, i, 4.0 + 0.5 * Math.sin(i / 40.0)));
        }
        RunView view = show(model);
        onFx(() -> {
            model.watch(feed);
            return null;
        });
        AtomicBoolean feeding = new AtomicBoolean(true);
        Thread feeder = new Thread(() -> {
            for (int i = TRACKING_POINTS; feeding.get(); i++) {
                feed.on(trial(i, i % 16, 4.0 + 0.5 * Math.sin(i / 40.0)));
                try {
                    Thread.sleep(4);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-session");
        feeder.setDaemon(true);
        feeder.start();
        long[] work = new long[FRAMES];
        long[] intervals = new long[FRAMES];
        CountDownLatch done = new CountDownLatch(1);
        AnimationTimer timer = new AnimationTimer() {
            private int frame = -WARMUP_FRAMES;
            private long last;

            @Override
            public void handle(long now) {
                long t0 = System.nanoTime();
                view.frame();
                long t1 = System.nanoTime();
                if (frame >= 0 && frame < FRAMES) {
                    work[frame] = t1 - t0;
                    intervals[frame] = now - last;
                }
                last = now;
                if (++frame == FRAMES) {
                    stop();
                    done.countDown();
                }
            }
        };
        long start = System.nanoTime();
        Platform.runLater(timer::start);
        done.await(300, TimeUnit.SECONDS);
        double seconds = (System.nanoTime() - start) / 1e9;
        feeding.set(false);
        w.close();
        return String.format(Locale.ROOT, "Frame time, 10 kHz sweep (10,000 samples) + %,d-point tracking plot, "
                        + "both redrawn every frame, %d frames after %d warm-up:%n"
                        + "  FX-thread work per frame  median %.2f ms  p99 %.2f ms  max %.2f ms%n"
                        + "  pulse-to-pulse interval   median %.2f ms  p99 %.2f ms  → %.1f fps (median), "
                        + "%.1f fps overall%n",
                TRACKING_POINTS, FRAMES, WARMUP_FRAMES, ms(percentile(work, 50)), ms(percentile(work, 99)),
                ms(percentile(work, 100)), ms(percentile(intervals, 50)), ms(percentile(intervals, 99)),
                1e9 / percentile(intervals, 50), (FRAMES + WARMUP_FRAMES) / seconds);
    }

    private static String stallDuringRun(Path folder) throws Exception {
        Workstation w = workstation("sim:unit?subject=healthy&seed=1", folder);
        RunViewModel model = new RunViewModel(w);
        show(model);
        List<Long> waits = Collections.synchronizedList(new ArrayList<>());
        long[] longestGap = {0};
        long[] longestWait = {0};
        long[] longestWhileTrialsRun = {0};
        long[] longestAtTrial = {0};
        double[] longestAtSeconds = {0};
        long[] started = {System.nanoTime()};
        AnimationTimer pulses = new AnimationTimer() {
            private long last;

            @Override
            public void handle(long now) {
                if (last != 0) {
                    longestGap[0] = Math.max(longestGap[0], now - last);
                }
                last = now;
            }
        };
        onFx(() -> {
            pulses.start();
            model.start();
            return null;
        });
        AtomicBoolean probing = new AtomicBoolean(true);
        Thread probe = new Thread(() -> {
            while (probing.get()) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                Platform.runLater(() -> {
                    long waited = System.nanoTime() - posted;
                    waits.add(waited);
                    if (model.trialsSoFar() > 0) {
                        longestWhileTrialsRun[0] = Math.max(longestWhileTrialsRun[0], waited);
                    }
                    if (waited > longestWait[0]) {
                        longestWait[0] = waited;
                        longestAtTrial[0] = model.trialsSoFar();
                        longestAtSeconds[0] = (posted - started[0]) / 1e9;
                    }
                    answer(model);
                    ran.countDown();
                });
                try {
                    ran.await();
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "bench-probe");
        probe.setDaemon(true);
        long start = System.nanoTime();
        probe.start();
        while (model.endedOffFxThread() == null && System.nanoTime() - start < TimeUnit.MINUTES.toNanos(10)) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        probing.set(false);
        probe.join();
        RunSummary end = model.endedOffFxThread();
        long[] all = waits.stream().mapToLong(Long::longValue).toArray();
        w.close();
        return String.format(Locale.ROOT, "FX-thread stall during a run: TRONDNF in virtual time from the Run screen, "
                        + "%s after %,d trials in %.1f s (%.0f trials/s), %,d probes every 2 ms:%n"
                        + "  runLater wait  median %.2f ms  p99 %.2f ms  longest %.2f ms (%.1f s in, after trial %d)%n"
                        + "  longest wait once trials were running (after the prompts) %.2f ms%n"
                        + "  longest gap between pulses %.2f ms%n",
                end == null ? "not ended" : end.outcome(), end == null ? 0 : end.trials(), seconds,
                end == null ? 0 : end.trials() / seconds, all.length, ms(percentile(all, 50)),
                ms(percentile(all, 99)), ms(percentile(all, 100)), longestAtSeconds[0], longestAtTrial[0],
                ms(longestWhileTrialsRun[0]), ms(longestGap[0]));
    }

    /** The bench's operator: ticks every checklist, takes every suggested value, reads every message. */
    private static void answer(RunViewModel model) {
        OperatorPrompt p = model.promptProperty().get();
        if (p == null || !p.isOpen()) {
            return;
        }
        switch (p.kind()) {
            case CHECKLIST:
                p.tick(Collections.nCopies(p.items().size(), true));
                break;
            case INPUT:
                p.enter(p.suggestedText().isEmpty() ? "33" : p.suggestedText());
                break;
            case CONFIRM:
                p.confirm(true);
                break;
            default:
                p.acknowledge();
        }
    }

    private static final Sweep[] SWEEPS = new Sweep[16];

    static {
        java.util.Random random = new java.util.Random(1);
        for (int k = 0; k < SWEEPS.length; k++) {
            short[] s = new short[10_000];
            for (int i = 0; i < s.length; i++) {
                double t = (i - 600) / 10.0; // ms after the stimulus
                double cmap = t < 3 ? 0 : -3000 * Math.exp(-Math.pow((t - 6) / 1.2, 2))
                        + 1800 * Math.exp(-Math.pow((t - 8.5) / 1.5, 2));
                s[i] = (short) Math.round(cmap * (0.8 + 0.02 * k) + random.nextGaussian() * 8);
            }
            SWEEPS[k] = new Sweep(10_000, -60_000, 1, 1_000, s);
        }
    }

    private static SessionEvent.Trial trial(long id, int variant, double thresholdMilliamps) {
        Sweep sweep = SWEEPS[variant % SWEEPS.length];
        TrialResult result = new TrialResult(id, 0, List.of(new Pulse(0, 1_000, 4_000_000, Polarity.CATHODAL)),
                List.of(), List.of(), sweep);
        return new SessionEvent.Trial(id, "Threshold electrotonus", "TEd40", "conditioned", 4_000_000,
                new Response(1_000, 2_000, 6_000, 8), result, OptionalDouble.of(thresholdMilliamps * 1e6),
                new MeasuredSweep(sweep, 2_000, 25_000));
    }

    private static long percentile(long[] values, int p) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(work);
        Platform.runLater(task);
        return task.get(60, TimeUnit.SECONDS);
    }
}
