package org.excitrack.sim;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.MessageCodec;
import org.excitrack.model.UnitState;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link VirtualUnit} on the device side of a link: one reader thread turns bytes into frames, one
 * unit thread runs the state machine and its timers in real time and writes the replies.
 */
public final class UnitServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(UnitServer.class);

    private final Link link;
    private final ScheduledExecutorService unitThread;
    private final Thread reader;
    private final VirtualUnit unit;
    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder encoder = new FrameEncoder();
    private final long originNanos = System.nanoTime();
    private final VirtualTimeScheduler virtualTime;
    private final UnitAttachment attachment;
    private volatile boolean closed;

    private UnitServer(Link link, SimulatorConfig config, boolean inVirtualTime) {
        this.link = link;
        this.unitThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-unit"));
        this.virtualTime = inVirtualTime ? new VirtualTimeScheduler(unitThread) : null;
        Scheduler scheduler = inVirtualTime ? virtualTime : new RealTimeScheduler();
        this.unit = new VirtualUnit(config, scheduler, this::write);
        this.reader = daemon(this::readLoop, "sim-reader");
        this.attachment = new UnitAttachment(scheduler, unitThread, unit::connect, virtualTime,
                config.subject(), config.seed());
    }

    /** Starts serving on {@code deviceSide} in real time until {@link #close()} or until the link closes. */
    public static UnitServer start(Link deviceSide, SimulatorConfig config) {
        return started(new UnitServer(deviceSide, config, false));
    }

    /** Starts serving in virtual time; {@link #clock()} is the time the controller must advance. */
    public static UnitServer startInVirtualTime(Link deviceSide, SimulatorConfig config) {
        return started(new UnitServer(deviceSide, config, true));
    }

    private static UnitServer started(UnitServer server) {
        SimulatedDevices.unitOpened(server.attachment);
        server.reader.start();
        return server;
    }

    /** What a simulated stimulator needs to be wired to this unit. */
    public UnitAttachment attachment() {
        return attachment;
    }

    /** The virtual clock, when serving in virtual time. */
    public java.util.Optional<org.excitrack.model.VirtualClock> clock() {
        return java.util.Optional.ofNullable(virtualTime);
    }

    /** Presses the virtual front-panel emergency-stop button. */
    public void pressEmergencyStopButton() {
        runOnUnit(unit::pressEmergencyStopButton);
    }

    /** Blocks until the reader thread ends (the link closed), for a simulator process's main thread. */
    public void awaitTermination() throws InterruptedException {
        reader.join();
    }

    @Override
    public void close() {
        closed = true;
        // no longer offered to a stimulator before its threads stop
        stopped();
        link.close();
        unitThread.shutdownNow();
        reader.interrupt();
    }

    private void stopped() {
        SimulatedDevices.unitClosed(attachment);
        attachment.markClosed();
    }

    private void readLoop() {
        FrameDecoder decoder = new FrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                runOnUnit(() -> {
                    unit.onFrame(payload);
                    if (virtualTime != null) {
                        virtualTime.settle(() -> unit.state() == UnitState.RUNNING_TRIAL);
                    }
                });
            }

            @Override
            public void onError(FramingException error) {
                LOG.debug("dropped bytes from {}: {}", link.description(), error.getMessage());
            }
        };
        try {
            LinkReader.readUntilEnd(link, () -> closed, (buffer, n) -> decoder.feed(buffer, 0, n, sink),
                    "simulated unit", LOG);
        } finally {
            stopped();
            unitThread.shutdownNow();
        }
    }

    private void runOnUnit(Runnable task) {
        try {
            unitThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("unit thread stopped; dropped a task");
        }
    }

    private void write(Envelope envelope) {
        try {
            link.write(encoder.encode(codec.encode(envelope)));
        } catch (TransportException e) {
            if (!closed) {
                LOG.debug("reply lost, link {} failed: {}", link.description(), e.getMessage());
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private final class RealTimeScheduler implements Scheduler {
        @Override
        public long nowMicros() {
            return (System.nanoTime() - originNanos) / 1000;
        }

        @Override
        public Cancellable schedule(long delayMicros, Runnable task) {
            try {
                ScheduledFuture<?> future = unitThread.schedule(task, delayMicros, TimeUnit.MICROSECONDS);
                return () -> future.cancel(false);
            } catch (RejectedExecutionException e) {
                return () -> { };
            }
        }
    }
}
