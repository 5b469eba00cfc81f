package org.excitrack.gui.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.excitrack.model.Pulse;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionListener;

/**
 * Where the session's events land: called on the session's thread, it only stores (the latest sweep, a bounded
 * series per channel, the status, a bounded list of warnings) and never calls into JavaFX, so the session never
 * waits on the screen. The FX thread reads it once per frame (architecture.md, Threading).
 */
final class LiveFeed implements SessionListener {
    /** Points per channel in the tracking plot: longer than any built-in protocol gives (TRONDNF ≈ 600 trials). */
    static final int TRACKING_CAPACITY = 4096;
    /** More channels than this share the last series: a legend beyond eight is not read at the bedside. */
    static final int MAX_CHANNELS = 8;
    static final int MAX_WARNINGS = 50;

    private final AtomicReference<SweepFrame> sweep = new AtomicReference<>();
    private final Map<String, RingBuffer> channels = new LinkedHashMap<>();
    private final ArrayDeque<LiveWarning> warnings = new ArrayDeque<>();
    private final AtomicLong trials = new AtomicLong();
    private final AtomicLong trackingVersion = new AtomicLong();
    private volatile LiveStatus status = LiveStatus.IDLE;
    private volatile String thresholdUnit = "mA";
    private final int trackingCapacity;

    LiveFeed() {
        this(TRACKING_CAPACITY);
    }

    /** @param trackingCapacity points kept per channel, at most {@link #TRACKING_CAPACITY} (a benchmark's fixed size) */
    LiveFeed(int trackingCapacity) {
        if (trackingCapacity < 1 || trackingCapacity > TRACKING_CAPACITY) {
            throw new IllegalArgumentException("tracking capacity " + trackingCapacity + " is outside 1.."
                    + TRACKING_CAPACITY);
        }
        this.trackingCapacity = trackingCapacity;
    }

    @Override
    public void on(SessionEvent event) {
        if (event instanceof SessionEvent.Trial t) {
            trial(t);
        } else if (event instanceof SessionEvent.MagneticTrial m) {
            magneticTrial(m);
        } else if (event instanceof SessionEvent.Progress p) {
            status = status.withProgress(p.trialsDone(), p.trialsExpected(), p.remaining());
        } else if (event instanceof SessionEvent.SectionStarted s) {
            status = status.withSection(s.index() + 1, s.sections(), s.name());
        } else if (event instanceof SessionEvent.StateChanged s) {
            status = status.withState(s.state(), s.reason());
        } else if (event instanceof SessionEvent.Threshold t) {
            status = status.withThreshold(String.format(Locale.ROOT, "%s %s: %.2f mA", t.section(), t.point(),
                    t.thresholdNanoamps() / 1e6));
        } else if (event instanceof SessionEvent.MagneticThresholdFound f) {
            status = status.withThreshold(String.format(Locale.ROOT, "%s %s: %.1f %%MSO", f.section(), f.point(),
                    f.threshold().percentMso()));
        } else if (event instanceof SessionEvent.Warning w) {
            warn(w.kind(), w.message());
        }
    }

    private void trial(SessionEvent.Trial t) {
        trials.incrementAndGet();
        sweep.set(SweepFrame.of(t.measured(), label(t.trialId(), t.section(), t.point(), t.channel())));
        status = status.withStimulus(nerveStimulus(t));
        if (t.thresholdNanoamps().isPresent()) {
            track(t.channel(), t.trialId(), t.thresholdNanoamps().getAsDouble() / 1e6);
        }
    }

    private void magneticTrial(SessionEvent.MagneticTrial m) {
        trials.incrementAndGet();
        thresholdUnit = "%MSO";
        sweep.set(SweepFrame.of(m.measured(), label(m.trialId(), m.section(), m.point(), m.channel())
                + (m.rejected() ? " · rejected" : "")));
        status = status.withStimulus(m.testPercentMso() + " %MSO" + (m.pulses().size() > 1 ? " (" + m.pulses().size()
                + " pulses)" : ""));
        if (!m.rejected()) {
            track(m.channel(), m.trialId(), m.testPercentMso());
        }
    }

    private static String nerveStimulus(SessionEvent.Trial t) {
        long width = t.result().deliveredPulses().stream().filter(p -> p.amplitudeNanoamps() == t.testNanoamps())
                .mapToLong(Pulse::widthMicros).reduce((a, b) -> b).orElse(0);
        return width == 0 ? String.format(Locale.ROOT, "%.2f mA", t.testNanoamps() / 1e6)
                : String.format(Locale.ROOT, "%.2f mA × %.1f ms", t.testNanoamps() / 1e6, width / 1000.0);
    }

    private static String label(long trialId, String section, String point, String channel) {
        StringBuilder b = new StringBuilder("Trial ").append(trialId);
        for (String part : new String[] {section, point, channel}) {
            if (part != null && !part.isBlank()) {
                b.append("  ·  ").append(part);
            }
        }
        return b.toString();
    }

    private void track(String channel, double trial, double threshold) {
        series(channel).add(trial, threshold);
        trackingVersion.incrementAndGet();
    }

    private RingBuffer series(String channel) {
        synchronized (channels) {
            RingBuffer b = channels.get(channel);
            if (b == null) {
                if (channels.size() >= MAX_CHANNELS) {
                    return channels.values().stream().reduce((x, y) -> y).orElseThrow();
                }
                b = new RingBuffer(trackingCapacity);
                channels.put(channel, b);
            }
            return b;
        }
    }

    private void warn(String kind, String message) {
        synchronized (warnings) {
            if (warnings.size() == MAX_WARNINGS) {
                warnings.removeFirst();
            }
            warnings.addLast(new LiveWarning(trials.get(), kind, message));
        }
    }

    /** The latest sweep, null before the first trial. */
    SweepFrame sweep() {
        return sweep.get();
    }

    LiveStatus status() {
        return status;
    }

    long trials() {
        return trials.get();
    }

    /** mA for a nerve run, %MSO for a TMS run. */
    String thresholdUnit() {
        return thresholdUnit;
    }

    /** The channels' series in the order they first appeared. */
    Map<String, RingBuffer> channels() {
        synchronized (channels) {
            return new LinkedHashMap<>(channels);
        }
    }

    /** Changes with every point added to any channel: the tracking plot redraws only then. */
    long trackingVersion() {
        return trackingVersion.get();
    }

    /** Takes the warnings that came since the last call. */
    List<LiveWarning> drainWarnings() {
        synchronized (warnings) {
            List<LiveWarning> out = new ArrayList<>(warnings);
            warnings.clear();
            return out;
        }
    }
}
