package org.excitrack.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;
import org.excitrack.model.Polarity;
import org.excitrack.model.Pulse;
import org.excitrack.model.Response;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.session.MeasuredSweep;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;
import org.excitrack.model.tms.DeliveredMagneticPulse;
import org.excitrack.model.tms.MagneticOutput;
import org.junit.jupiter.api.Test;

/** What the session's thread leaves for the screen: the latest sweep, bounded series, status and warnings. */
class LiveFeedTest {
    static Sweep sweep(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) (i % 50);
        }
        return new Sweep(10_000, -5_000, 1, 1_000, s);
    }

    static SessionEvent.Trial trial(long id, String channel, OptionalDouble threshold) {
        Sweep sw = sweep(300);
        TrialResult result = new TrialResult(id, 0, List.of(new Pulse(0, 1_000, 4_200_000, Polarity.CATHODAL)),
                List.of(), List.of(), sw);
        return new SessionEvent.Trial(id, "Charge-duration", "width = 1 ms", channel, 4_200_000,
                new Response(800, 1_500, 6_000, 8), result, threshold, new MeasuredSweep(sw, 2_000, 25_000));
    }

    @Test
    void aNerveTrialGivesTheTraceWithItsWindowAndTheStimulusGiven() {
        LiveFeed feed = new LiveFeed();
        feed.on(trial(7, "test", OptionalDouble.of(4_150_000)));

        SweepFrame f = feed.sweep();
        assertThat(f.microvolts()).hasSize(300);
        assertThat(f.microvolts()[10]).isEqualTo(10.0);
        assertThat(f.startMicros()).isEqualTo(-5_000);
        assertThat(f.windowStartMicros()).isEqualTo(2_000);
        assertThat(f.windowEndMicros()).isEqualTo(25_000);
        assertThat(f.label()).isEqualTo("Trial 7  ·  Charge-duration  ·  width = 1 ms  ·  test");
        assertThat(feed.status().stimulus()).isEqualTo("4.20 mA × 1.0 ms");
        assertThat(feed.thresholdUnit()).isEqualTo("mA");
        double[] x = new double[LiveFeed.TRACKING_CAPACITY];
        double[] y = new double[LiveFeed.TRACKING_CAPACITY];
        assertThat(feed.channels().get("test").copyTo(x, y)).isEqualTo(1);
        assertThat(y[0]).isEqualTo(4.15);
    }

    @Test
    void untrackedTrialsMoveTheTraceButNotTheThresholdPlot() {
        LiveFeed feed = new LiveFeed();
        long before = feed.trackingVersion();
        feed.on(trial(1, "test", OptionalDouble.empty()));
        assertThat(feed.sweep()).isNotNull();
        assertThat(feed.trackingVersion()).isEqualTo(before);
        assertThat(feed.channels()).isEmpty();
        assertThat(feed.trials()).isEqualTo(1);
    }

    @Test
    void aMagneticRunPlotsTheTestOutputInPercentMsoAndSkipsRejectedTrials() {
        LiveFeed feed = new LiveFeed();
        Sweep sw = sweep(1_000);
        List<DeliveredMagneticPulse> pulses = List.of(new DeliveredMagneticPulse(MagneticOutput.values()[0], 1,
                100_000, 45));
        feed.on(new SessionEvent.MagneticTrial(3, "RMT", "", "test alone", pulses, 250, 20, false, 45,
                new MeasuredSweep(sw, 115_000, 150_000)));
        feed.on(new SessionEvent.MagneticTrial(4, "RMT", "", "test alone", pulses, 250, 300, true, 47,
                new MeasuredSweep(sw, 115_000, 150_000)));

        assertThat(feed.thresholdUnit()).isEqualTo("%MSO");
        assertThat(feed.channels().get("test alone").size()).isEqualTo(1);
        assertThat(feed.sweep().label()).endsWith("rejected");
        assertThat(feed.status().stimulus()).isEqualTo("47 %MSO");
    }

    @Test
    void statusFollowsSectionsProgressAndState() {
        LiveFeed feed = new LiveFeed();
        feed.on(new SessionEvent.StateChanged(SessionState.RUNNING, "started TRONDNF"));
        feed.on(new SessionEvent.SectionStarted(2, 6, "Charge-duration"));
        feed.on(new SessionEvent.Progress(30, 120, Duration.ofSeconds(90), "Charge-duration", OptionalDouble.empty()));
        feed.on(new SessionEvent.Threshold("Charge-duration", "width = 1 ms", "test", 4_123_000, 40_000, 6, true));

        LiveStatus s = feed.status();
        assertThat(s.state()).isEqualTo(SessionState.RUNNING);
        assertThat(s.sectionNumber()).isEqualTo(3);
        assertThat(s.sections()).isEqualTo(6);
        assertThat(s.fraction()).isEqualTo(0.25);
        assertThat(s.lastThreshold()).isEqualTo("Charge-duration width = 1 ms: 4.12 mA");
    }

    @Test
    void warningsAreBoundedAndTakenOnce() {
        LiveFeed feed = new LiveFeed();
        for (int i = 0; i < LiveFeed.MAX_WARNINGS + 7; i++) {
            feed.on(new SessionEvent.Warning("noise", "warning " + i));
        }
        List<LiveWarning> taken = feed.drainWarnings();
        assertThat(taken).hasSize(LiveFeed.MAX_WARNINGS);
        assertThat(taken.get(0).message()).isEqualTo("warning 7");
        assertThat(feed.drainWarnings()).isEmpty();
    }

    @Test
    void channelsBeyondTheLegendsLimitShareTheLastSeries() {
        LiveFeed feed = new LiveFeed();
        for (int c = 0; c < LiveFeed.MAX_CHANNELS + 3; c++) {
            feed.on(trial(c + 1, "ch" + c, OptionalDouble.of(1_000_000)));
        }
        assertThat(feed.channels()).hasSize(LiveFeed.MAX_CHANNELS);
        assertThat(feed.channels().get("ch" + (LiveFeed.MAX_CHANNELS - 1)).size()).isEqualTo(4);
    }
}
