package org.excitrack.sim.magventure;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Function;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.framing.MagProFrameDecoder;
import org.excitrack.model.VirtualClock;
import org.excitrack.sim.Scheduler;
import org.excitrack.sim.VirtualTimeScheduler;
import org.excitrack.transport.Link;
import org.excitrack.transport.PipeLink;
import org.excitrack.transport.TransportException;
import org.excitrack.transport.VirtualTimeLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link VirtualMagPro} on the device end of a {@link Link}: a reader thread turns bytes into frames
 * and hands each to the device's thread, which answers through the link.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link #open(String, Map)}: for {@code sim:magpro?…} in the port registry. Builds the MagPro from the
 *       URI parameters ({@link MagProSimConfig#PARAMETERS}, plus {@code clock=virtual|real}) and returns the
 *       host's end of an in-memory pipe; closing that end stops the MagPro. With {@code clock=virtual} the end
 *       is a {@link VirtualTimeLink} whose clock the driver advances while it waits.
 *   <li>{@link #start(Link, MagProSimConfig)} and {@link #startInVirtualTime(Link, MagProSimConfig)}: a MagPro
 *       on a thread and clock of its own.
 *   <li>{@link #serveOn(Link, Scheduler, Executor, Map)} and {@link #serve(Link, VirtualMagPro, Executor)}: a
 *       MagPro on someone else's scheduler, such as the acquisition unit's, so that its trigger input and its
 *       serial port share one thread and one clock.
 * </ul>
 */
public final class MagProServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MagProServer.class);
    /** {@code clock=virtual}: the MagPro runs in simulated time that the host advances. */
    public static final String CLOCK = "clock";

    private final Link link;
    private final VirtualMagPro magPro;
    private final Executor deviceThread;
    private final ExecutorService ownThread;
    private final VirtualClock clock;
    private final Thread reader;
    private volatile boolean closed;

    private MagProServer(Link link, VirtualMagPro magPro, Executor deviceThread, ExecutorService ownThread,
                         VirtualClock clock) {
        this.link = link;
        this.magPro = magPro;
        this.deviceThread = deviceThread;
        this.ownThread = ownThread;
        this.clock = clock;
        this.reader = new Thread(this::readLoop, "sim-magpro-reader");
        this.reader.setDaemon(true);
    }

    /**
     * The host's end of a link to a new virtual MagPro, for the port registry.
     *
     * @param description names the link in messages, e.g. the URI
     * @param parameters the URI's parameters: {@link MagProSimConfig#PARAMETERS} and {@value #CLOCK}
     * @throws IllegalArgumentException naming a parameter that is unknown or out of range
     */
    public static Link open(String description, Map<String, String> parameters) {
        Map<String, String> rest = new LinkedHashMap<>(parameters);
        String clockName = rest.remove(CLOCK);
        if (clockName != null && !clockName.equals("virtual") && !clockName.equals("real")) {
            throw new IllegalArgumentException("virtual MagPro parameter clock=" + clockName
                    + ": expected real or virtual");
        }
        MagProSimConfig config = MagProSimConfig.fromParameters(rest);
        PipeLink[] ends = PipeLink.pair(description);
        if ("virtual".equals(clockName)) {
            MagProServer server = startInVirtualTime(ends[1], config);
            return new VirtualTimeLink(ends[0], server.clock().orElseThrow());
        }
        start(ends[1], config);
        return ends[0];
    }

    /** Serves a new MagPro in real time on a thread of its own until the link closes or {@link #close()}. */
    public static MagProServer start(Link deviceEnd, MagProSimConfig config) {
        ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "sim-magpro"));
        VirtualMagPro magPro = VirtualMagPro.create(new ExecutorScheduler(thread), config);
        return begin(new MagProServer(deviceEnd, magPro, thread, thread, null));
    }

    /** Serves a new MagPro in virtual time on a thread of its own; {@link #clock()} is what the host advances. */
    public static MagProServer startInVirtualTime(Link deviceEnd, MagProSimConfig config) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> daemon(r, "sim-magpro"));
        VirtualTimeScheduler time = new VirtualTimeScheduler(thread);
        VirtualMagPro magPro = callOn(thread, () -> VirtualMagPro.create(time, config));
        return begin(new MagProServer(deviceEnd, magPro, thread, thread, time));
    }

    /**
     * Builds a MagPro from port-URI parameters on another device's clock and thread, the acquisition unit's, and
     * serves it; wire {@link #device()} to that unit's trigger outputs ({@code VirtualUnit.connect}, on the unit's
     * thread). The host's end needs the unit's virtual clock, if it has one, to be a
     * {@link VirtualTimeLink}.
     *
     * @param scheduler the unit's time; the MagPro is created on {@code deviceThread}, as its contract requires
     * @throws IllegalArgumentException naming a parameter that is unknown or out of range
     */
    public static MagProServer serveOn(Link deviceEnd, Scheduler scheduler, Executor deviceThread,
                                       Map<String, String> parameters) {
        MagProSimConfig config = MagProSimConfig.fromParameters(parameters);
        VirtualMagPro magPro = callOn(deviceThread, () -> VirtualMagPro.create(scheduler, config));
        return serve(deviceEnd, magPro, deviceThread);
    }

    /**
     * Serves a MagPro that runs on another device's thread, e.g. one built with the acquisition unit's scheduler
     * and connected to the unit's trigger output.
     *
     * @param deviceThread runs tasks on the thread behind the MagPro's scheduler
     */
    public static MagProServer serve(Link deviceEnd, VirtualMagPro magPro, Executor deviceThread) {
        return begin(new MagProServer(deviceEnd, magPro, deviceThread, null, null));
    }

    /** The virtual clock, when this server made its own and runs in virtual time. */
    public Optional<VirtualClock> clock() {
        return Optional.ofNullable(clock);
    }

    /** Runs {@code action} on the MagPro's thread and waits for it: front-panel pokes and faults in tests. */
    public void onDevice(Consumer<VirtualMagPro> action) {
        ask(m -> {
            action.accept(m);
            return null;
        });
    }

    /** Reads something from the MagPro on its thread. */
    public <T> T ask(Function<VirtualMagPro, T> question) {
        return callOn(deviceThread, () -> question.apply(magPro));
    }

    /**
     * Blocks until the link has closed and the frames that arrived before have been handled, for a simulator
     * process's main thread, or for a test to read {@link #device()} afterwards.
     */
    public void awaitTermination() throws InterruptedException {
        reader.join();
        if (ownThread != null) {
            ownThread.awaitTermination(1, java.util.concurrent.TimeUnit.MINUTES);
        }
    }

    /**
     * The MagPro itself. It is single-threaded: use {@link #onDevice} and {@link #ask} while the server runs, and
     * read it directly only after {@link #awaitTermination()}.
     */
    public VirtualMagPro device() {
        return magPro;
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        reader.interrupt();
        if (ownThread != null) {
            ownThread.shutdownNow();
        }
    }

    private static MagProServer begin(MagProServer server) {
        server.onDevice(m -> m.connectOutput(server::write));
        server.reader.start();
        return server;
    }

    private void readLoop() {
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                runOnDevice(() -> magPro.onFrame(payload));
            }

            @Override
            public void onError(FramingException error) {
                LOG.debug("virtual MagPro dropped bytes from {}: {}", link.description(), error.getMessage());
            }
        };
        try {
            org.excitrack.sim.LinkReader.readUntilEnd(link, () -> closed, (buffer, n) -> decoder.feed(buffer, 0, n, sink),
                    "virtual MagPro", LOG);
        } finally {
            if (ownThread != null) {
                // frames already handed over are still handled, as a real MagPro would after the cable is pulled
                ownThread.shutdown();
            }
        }
    }

    private void runOnDevice(Runnable task) {
        try {
            deviceThread.execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("virtual MagPro stopped; dropped a frame");
        }
    }

    private void write(byte[] frame) {
        try {
            link.write(frame);
        } catch (TransportException e) {
            if (!closed) {
                LOG.debug("virtual MagPro's frame lost, link {} failed: {}", link.description(), e.getMessage());
            }
        }
    }

    private static <T> T callOn(Executor thread, Callable<T> call) {
        FutureTask<T> task = new FutureTask<>(call);
        thread.execute(task);
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for the virtual MagPro", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the virtual MagPro failed: " + e.getCause(), e.getCause());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
