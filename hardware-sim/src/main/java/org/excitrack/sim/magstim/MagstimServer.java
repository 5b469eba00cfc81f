package org.excitrack.sim.magstim;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.excitrack.codec.magstim.MagstimCommandDecoder;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.sim.Scheduler;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link VirtualMagstim} on the device side of a link, as {@code UnitServer} serves the unit: a reader
 * thread splits the host's bytes into messages, and the stimulator handles each on the thread behind its
 * scheduler (the acquisition unit's), which also writes the replies.
 */
public final class MagstimServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MagstimServer.class);

    private final Link link;
    private final Executor stimulatorThread;
    private final VirtualMagstim magstim;
    private final Thread reader;
    private volatile boolean closed;

    private MagstimServer(Link link, VirtualMagstimConfig config, Scheduler scheduler, Executor stimulatorThread) {
        this.link = link;
        this.stimulatorThread = stimulatorThread;
        this.magstim = new VirtualMagstim(config, scheduler, this::write);
        this.reader = new Thread(() -> readLoop(config), "sim-magstim-reader");
        this.reader.setDaemon(true);
    }

    /**
     * Starts serving until the link closes or {@link #close()}.
     *
     * @param scheduler the time the stimulator lives in; its tasks run on {@code stimulatorThread}
     * @param stimulatorThread runs every call into the stimulator, one at a time
     */
    public static MagstimServer start(Link deviceSide, VirtualMagstimConfig config, Scheduler scheduler,
                                      Executor stimulatorThread) {
        MagstimServer server = new MagstimServer(deviceSide, config, scheduler, stimulatorThread);
        server.reader.start();
        return server;
    }

    /** The stimulator; call it only on the stimulator's thread, except {@link VirtualMagstim#counters()}. */
    public VirtualMagstim magstim() {
        return magstim;
    }

    /** Runs {@code task} on the stimulator's thread, e.g. {@code server.run(() -> magstim.inject(fault))}. */
    public void run(Runnable task) {
        try {
            stimulatorThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("simulated Magstim's thread has stopped; dropped a task");
        }
    }

    /** Blocks until the reader ends (the link closed), for a simulator process's main thread. */
    public void awaitTermination() throws InterruptedException {
        reader.join();
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        reader.interrupt();
    }

    private void readLoop(VirtualMagstimConfig config) {
        RapidParameterLayout layout = RapidParameterLayout.forSoftwareMajor(
                new MagstimReply.Version(config.rapidSoftwareVersion()).major().orElse(8));
        MagstimCommandDecoder decoder = new MagstimCommandDecoder(layout);
        byte[] buffer = new byte[256];
        try {
            while (!closed) {
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                decoder.feed(buffer, 0, n, message -> run(() -> magstim.onHostMessage(message)));
            }
        } catch (TransportException e) {
            if (!closed) {
                LOG.warn("simulated Magstim lost its link {}: {}", link.description(), e.getMessage());
            }
        }
    }

    private void write(byte[] reply) {
        try {
            link.write(reply);
        } catch (TransportException e) {
            if (!closed) {
                LOG.debug("reply lost, link {} failed: {}", link.description(), e.getMessage());
            }
        }
    }
}
