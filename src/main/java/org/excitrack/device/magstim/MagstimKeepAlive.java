package org.excitrack.device.magstim;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.device.DeviceException;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.StimulatorFault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the Magstim's watchdog fed, and lets time pass without starving it.
 *
 * <p>The stimulator disarms and leaves remote control when no command arrives for 1 s armed (10 s in standby).
 * With hardware a daemon thread sends {@code F@} (temperature, and a status that shows remote control truthfully)
 * then {@code Q@} whenever nothing went out for 500 ms armed or 4 s in standby, never in the middle of another
 * exchange. In virtual time no such thread runs: {@link #keepAlive()} does the same when due, and the driver's own
 * waits ({@link #pause}, {@link #awaitReady}) advance the simulator's clock, feeding the watchdog as they go.
 */
final class MagstimKeepAlive {
    /** Logged under the driver's name, as before the driver was split, so log configurations still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);
    /** Added to every wait for Ready, for the line and the stimulator's own timing. */
    static final long READY_MARGIN_NANOS = 500_000_000L;
    private static final long KEEP_ALIVE_IDLE_CHECK_NANOS = 50_000_000L;

    private final MagstimTimings timings;
    private final DriverClock clock;
    private final MagstimLine line;
    private final MagstimExchanges exchanges;
    private final MagstimFaults faults;
    private final List<Runnable> waitCompanions = new CopyOnWriteArrayList<>();
    /** When the {@link #feedWhileWaiting} tasks last ran, on the virtual clock (the control thread's only). */
    private long lastCompanionNanos = Long.MIN_VALUE / 2;
    private Thread thread;

    MagstimKeepAlive(MagstimTimings timings, DriverClock clock, MagstimLine line, MagstimExchanges exchanges,
                     MagstimFaults faults) {
        this.timings = timings;
        this.clock = clock;
        this.line = line;
        this.exchanges = exchanges;
        this.faults = faults;
    }

    /** Starts the keep-alive thread with hardware; in virtual time time only moves when someone advances it. */
    void start() {
        if (clock.isVirtual()) {
            return;
        }
        thread = new Thread(this::loop, "magstim-keep-alive");
        thread.setDaemon(true);
        thread.start();
    }

    /** Stops the keep-alive thread, waiting at most two reply deadlines for a beat in progress to finish. */
    void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(timings.reply().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** See {@link MagstimStimulator#keepAlive()}: never throws; a fault is kept for the next blocking call. */
    void keepAlive() {
        if (exchanges.closed() || !exchanges.connected()) {
            return;
        }
        try {
            beatIfDue(externalKeepAliveNanos());
        } catch (StimulatorException e) {
            faults.keepForNextCall(e.fault());
        } catch (DeviceException e) {
            LOG.warn("{}: keep-alive failed: {}", faults.describe(), e.getMessage());
        }
    }

    /** See {@link MagstimStimulator#feedWhileWaiting}. */
    void feedWhileWaiting(Runnable companion) {
        waitCompanions.add(companion);
    }

    /** Polls (with Q@, which also feeds the watchdog) until Ready. */
    void awaitReady(long allowanceNanos, String after) {
        long deadline = clock.nowNanos() + allowanceNanos;
        while (true) {
            InstrumentStatus s = MagstimConditions.statusOf(exchanges.exchange(new MagstimCommand.EnableRemote()));
            if (s.ready()) {
                return;
            }
            if (clock.nowNanos() >= deadline) {
                throw faults.raise(StimulatorFault.Kind.REFUSED, "did not become ready within "
                        + String.format(Locale.ROOT, "%.1f", allowanceNanos / 1e9) + " s of " + after + " (status "
                        + s.describe() + ")");
            }
            pause(timings.readyPoll().toNanos());
        }
    }

    /**
     * Lets {@code nanos} pass. In virtual time this advances the simulator's clock in steps of at most the armed
     * keep-alive period, feeding the stimulator's watchdog when due and running the {@link #feedWhileWaiting}
     * tasks between steps, so no watchdog on the shared clock goes hungry while the driver waits.
     */
    void pause(long nanos) {
        try {
            long target = clock.nowNanos() + nanos;
            if (!clock.isVirtual()) {
                clock.runUntil(target);
                return;
            }
            long maxStep = timings.armedKeepAlive().toNanos();
            while (clock.nowNanos() < target) {
                long now = clock.nowNanos();
                long due = line.lastSentNanos() + periodNanos();
                clock.runUntil(Math.min(Math.min(target, now + maxStep), Math.max(due, now + 1000)));
                beatIfDue(periodNanos());
                if (clock.nowNanos() - lastCompanionNanos >= maxStep / 2) {
                    lastCompanionNanos = clock.nowNanos();
                    for (Runnable companion : waitCompanions) {
                        companion.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchanges.disarm();
            throw new DeviceException("interrupted while waiting on " + faults.describe() + "; disarmed");
        }
    }

    private void loop() {
        while (!exchanges.closed() && !Thread.currentThread().isInterrupted()) {
            long wait = line.lastSentNanos() + periodNanos() - clock.nowNanos();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, KEEP_ALIVE_IDLE_CHECK_NANOS));
                continue;
            }
            keepAlive();
            if (!exchanges.remoteHeld()) {
                return;
            }
            // An exchange in progress keeps the watchdog fed; look again shortly.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private long periodNanos() {
        return (exchanges.armedExpected() ? timings.armedKeepAlive() : timings.standbyKeepAlive()).toNanos();
    }

    /**
     * When {@link #keepAlive()} beats. The keep-alive thread calls it as soon as a beat is due; a session's virtual
     * ticker calls it between steps of its own length, the last step of a wait without a call. So in virtual time a
     * beat is due after half the period: with steps of up to a quarter of a second the stimulator then never goes
     * more than 750 ms without a command while armed (its watchdog allows 1 s).
     */
    private long externalKeepAliveNanos() {
        return clock.isVirtual() ? periodNanos() / 2 : periodNanos();
    }

    /** F@ (a status that shows remote control truthfully, and the coil's temperature), then Q@ to feed the watchdog. */
    private void beatIfDue(long quietNanos) {
        if (!exchanges.remoteHeld() || exchanges.closed() || clock.nowNanos() - line.lastSentNanos() < quietNanos) {
            return;
        }
        // Never wait behind an exchange: it is feeding the watchdog itself, and may be time-critical.
        if (!exchanges.tryLock()) {
            return;
        }
        try {
            if (clock.nowNanos() - line.lastSentNanos() < quietNanos) {
                return;
            }
            exchanges.readTemperatureHeld();
            exchanges.exchangeHeld(new MagstimCommand.EnableRemote());
        } finally {
            exchanges.unlock();
        }
    }
}
