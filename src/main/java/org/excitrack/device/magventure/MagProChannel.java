package org.excitrack.device.magventure;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.excitrack.codec.magventure.MagProCodec;
import org.excitrack.codec.magventure.MagProCommand;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.codec.magventure.MagProProtocolException;
import org.excitrack.device.LinkLostException;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;
import org.excitrack.framing.MagProFrameDecoder;
import org.excitrack.framing.MagProFrameEncoder;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MagPro's serial port: one reader thread decodes frames and hands an answer to the request waiting for its
 * message id, and everything else to the listener; any thread may write. MagPro messages carry no sequence
 * number, so at most one question per message id is outstanding; the driver's control thread asks one at a time.
 */
final class MagProChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MagProChannel.class);
    /** Messages the driver relies on: one it cannot decode is a fault, not a curiosity. */
    private static final Set<Integer> ESSENTIAL = Set.of(MagProMessage.STATUS, MagProMessage.LONG_STATUS,
            MagProMessage.WAVEFORM, MagProMessage.AMPLITUDE_CHANGED, MagProMessage.PULSE_FIRED,
            MagProMessage.TEMPERATURE);

    /** Called on the reader thread; must not block. */
    interface Listener {
        void onMessage(MagProMessage message);

        /** Bytes that did not form a valid frame, or an essential message that did not decode. */
        void onBadInput(String what);

        void onLinkLost(String why);
    }

    private final Link link;
    private final DeviceTime time;
    private final Listener listener;
    private final Map<Integer, CompletableFuture<MagProMessage>> pending = new ConcurrentHashMap<>();
    private final Thread reader;
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong badFrames = new AtomicLong();
    private final AtomicLong undecodable = new AtomicLong();
    private final AtomicLong sendOrder = new AtomicLong();
    private volatile long lastTrafficNanos;
    private volatile boolean closed;
    private volatile String lostBecause;

    MagProChannel(Link link, DeviceTime time, Listener listener) {
        this.link = link;
        this.time = time;
        this.listener = listener;
        this.lastTrafficNanos = time.nanoTime();
        this.reader = new Thread(this::readLoop, "magpro-reader");
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    String linkDescription() {
        return link.description();
    }

    /** A question on its way: its place in the order of everything sent, and its answer to come. */
    record Asked(long sequence, CompletableFuture<MagProMessage> answer) {
    }

    /** Registers for the answer, then sends the question. */
    Asked request(MagProCommand question) {
        int replyId = question.replyId().orElseThrow(() -> new IllegalArgumentException(question
                + " is not a question"));
        CompletableFuture<MagProMessage> answer = new CompletableFuture<>();
        CompletableFuture<MagProMessage> previous = pending.put(replyId, answer);
        if (previous != null) {
            previous.cancel(false);
        }
        try {
            return new Asked(send(question), answer);
        } catch (LinkLostException e) {
            pending.remove(replyId, answer);
            throw e;
        }
    }

    /** Stops waiting; an answer that still comes goes to the listener as if unsolicited. */
    void forget(MagProCommand question, CompletableFuture<MagProMessage> answer) {
        pending.remove(question.replyId().orElseThrow(), answer);
    }

    /**
     * Writes at once from the calling thread, whatever else is waiting, and returns the command's place in the
     * order of everything sent: the MagPro handles commands in that order, so an answer to an earlier question
     * may predate a later command's effect.
     */
    long send(MagProCommand command) {
        String lost = lostBecause;
        if (lost != null) {
            throw new LinkLostException(lost, null);
        }
        byte[] frame = MagProFrameEncoder.encode(command.toPayload());
        try {
            synchronized (sendOrder) {
                link.write(frame);
                lastTrafficNanos = time.nanoTime();
                return sendOrder.incrementAndGet();
            }
        } catch (TransportException e) {
            throw new LinkLostException("lost the link " + link.description() + ": " + e.getMessage(), e);
        }
    }

    long nanosSinceTraffic() {
        return time.nanoTime() - lastTrafficNanos;
    }

    String report() {
        return bytesReceived.get() + " bytes and " + framesReceived.get() + " frames received, " + badFrames.get()
                + " bad frames or garbage, " + undecodable.get() + " undecodable messages";
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        reader.interrupt();
        failPending(new LinkLostException(link.description() + " was closed", null));
    }

    private void readLoop() {
        MagProFrameDecoder decoder = new MagProFrameDecoder();
        FrameSink sink = new FrameSink() {
            @Override
            public void onFrame(byte[] payload) {
                framesReceived.incrementAndGet();
                dispatch(payload);
            }

            @Override
            public void onError(FramingException error) {
                badFrames.incrementAndGet();
                listener.onBadInput(error.getMessage());
            }
        };
        byte[] buffer = new byte[512];
        try {
            while (!closed) {
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                if (n > 0) {
                    bytesReceived.addAndGet(n);
                    lastTrafficNanos = time.nanoTime();
                    decoder.feed(buffer, 0, n, sink);
                }
            }
            if (!closed) {
                lose(link.description() + " closed by the other side");
            }
        } catch (TransportException e) {
            if (!closed) {
                lose("lost the link " + link.description() + ": " + e.getMessage());
            }
        }
    }

    private void dispatch(byte[] payload) {
        MagProMessage message;
        try {
            message = MagProCodec.decodeMessage(payload);
        } catch (MagProProtocolException e) {
            undecodable.incrementAndGet();
            if (ESSENTIAL.contains(payload[0] & 0xFF)) {
                listener.onBadInput(e.getMessage());
            } else {
                LOG.debug("{}: ignored an undecodable message: {}", link.description(), e.getMessage());
            }
            return;
        }
        LOG.trace("{} <- {}", link.description(), message);
        CompletableFuture<MagProMessage> waiting = pending.remove(message.id());
        if (waiting != null && waiting.complete(message)) {
            return;
        }
        listener.onMessage(message);
    }

    private void lose(String why) {
        lostBecause = why;
        failPending(new LinkLostException(why, null));
        listener.onLinkLost(why);
    }

    private void failPending(LinkLostException cause) {
        for (Integer id : List.copyOf(pending.keySet())) {
            CompletableFuture<MagProMessage> f = pending.remove(id);
            if (f != null) {
                f.completeExceptionally(cause);
            }
        }
    }
}
