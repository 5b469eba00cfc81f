package org.excitrack.device;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.Event;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.ProtocolException;
import org.excitrack.codec.Reply;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameEncoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands out, replies matched back by sequence number, events to listeners. One reader thread owns the
 * decoder; any thread may send. Keeps counts of what went wrong on the wire, so a failure can say why.
 */
final class RequestChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestChannel.class);
    private static final byte[] FLUSH = {0};

    private final Link link;
    private final MessageCodec codec = new MessageCodec();
    private final FrameEncoder encoder = new FrameEncoder();
    private final Map<Integer, CompletableFuture<Reply>> pending = new ConcurrentHashMap<>();
    private final List<Consumer<UnitEvent>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextSequence = new AtomicInteger(1);
    private final AtomicLong lastSentNanos = new AtomicLong(System.nanoTime());
    private final WireDiagnostics diagnostics = new WireDiagnostics();
    private final Thread reader;
    private volatile boolean closed;
    private volatile DeviceException failure;

    RequestChannel(Link link) {
        this.link = link;
        this.reader = new Thread(this::readLoop, "unit-reader");
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
        // A lone delimiter makes the unit drop any partial frame left by an earlier program.
        write(FLUSH);
    }

    java.util.Optional<org.excitrack.model.VirtualClock> virtualClock() {
        return link.virtualClock();
    }

    String linkDescription() {
        return link.description();
    }

    WireDiagnostics diagnostics() {
        return diagnostics;
    }

    long nanosSinceLastSend() {
        return System.nanoTime() - lastSentNanos.get();
    }

    void onEvent(Consumer<UnitEvent> listener) {
        listeners.add(listener);
    }

    /** Sends one command and returns its sequence number and the future of its reply. */
    Outstanding send(Command command) {
        DeviceException failed = failure;
        if (failed != null) {
            throw failed;
        }
        int seq = allocateSequence();
        CompletableFuture<Reply> reply = new CompletableFuture<>();
        pending.put(seq, reply);
        try {
            write(encoder.encode(codec.encode(Envelope.of(seq, command))));
        } catch (TransportException e) {
            pending.remove(seq);
            throw lost(e);
        }
        return new Outstanding(seq, reply);
    }

    /** Stops waiting for a reply; one that still arrives is logged and dropped. */
    void forget(int sequence) {
        pending.remove(sequence);
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        failAll(new LinkLostException(link.description() + " was closed", null));
    }

    private int allocateSequence() {
        return nextSequence.getAndUpdate(s -> s >= 0xFFFF ? 1 : s + 1);
    }

    private void write(byte[] bytes) {
        link.write(bytes);
        lastSentNanos.set(System.nanoTime());
    }

    private void readLoop() {
        FrameDecoder decoder = new FrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                dispatch(payload);
            }

            @Override
            public void onError(FramingException error) {
                diagnostics.framingError(error.getMessage());
                LOG.debug("{}: {}", link.description(), error.getMessage());
            }
        };
        byte[] buffer = new byte[8192];
        try {
            while (!closed) {
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                diagnostics.received(n);
                decoder.feed(buffer, 0, n, sink);
            }
            if (!closed) {
                failAll(new LinkLostException(link.description() + " closed by the other side", null));
            }
        } catch (TransportException e) {
            if (!closed) {
                failAll(lost(e));
            }
        }
    }

    private void dispatch(byte[] payload) {
        Envelope envelope;
        try {
            envelope = codec.decode(payload);
        } catch (ProtocolException e) {
            diagnostics.protocolError(e.getMessage());
            LOG.debug("{}: undecodable frame: {}", link.description(), e.getMessage());
            return;
        }
        diagnostics.frameReceived();
        if (envelope.message() instanceof Reply reply) {
            complete(envelope.sequence(), reply);
        } else if (envelope.message() instanceof Event event) {
            publish(new UnitEvent(UnitEvent.Kind.valueOf(event.code().name()), event.unitTimeMicros(),
                    event.detail()));
        } else {
            diagnostics.echoed(envelope.message().type().name());
        }
    }

    private void complete(int sequence, Reply reply) {
        CompletableFuture<Reply> future = pending.remove(sequence);
        if (future == null) {
            LOG.debug("{}: late or unexpected {} for sequence {}", link.description(), reply.type(), sequence);
            return;
        }
        future.complete(reply);
    }

    private void publish(UnitEvent event) {
        for (Consumer<UnitEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.error("event listener failed on {}", event, e);
            }
        }
    }

    private LinkLostException lost(TransportException e) {
        return new LinkLostException("lost the link to " + link.description() + ": " + e.getMessage(), e);
    }

    private void failAll(DeviceException cause) {
        failure = cause;
        for (Integer seq : List.copyOf(pending.keySet())) {
            CompletableFuture<Reply> future = pending.remove(seq);
            if (future != null) {
                future.completeExceptionally(cause);
            }
        }
        if (!(cause.getCause() == null && closed)) {
            publish(new UnitEvent(UnitEvent.Kind.LINK_LOST, 0, cause.getMessage()));
        }
    }

    record Outstanding(int sequence, CompletableFuture<Reply> reply) {
    }
}
