package org.excitrack.device.magstim;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.excitrack.codec.magstim.MagstimBytes;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimProtocolException;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.MagstimReplyDecoder;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.transport.Link;
import org.excitrack.transport.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The serial line to one Magstim: commands out, replies matched back in the order the commands were written.
 * Any thread may send (writes are serialised together with registering the reply they await), so a priority
 * disarm can go out while another command waits for its reply; one reader thread turns bytes into replies and
 * completes each command's future. Every command and reply is logged at DEBUG with the driver's clock.
 *
 * <p>The reader thread only reacts to bytes; it keeps no time of its own, so it runs in virtual time too.
 */
final class MagstimLine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MagstimLine.class);
    /** How many ignored bytes a failure message quotes. */
    private static final int QUOTED_BYTES = 16;

    private final Link link;
    private final DriverClock clock;
    private final long originNanos;
    private final Object writeLock = new Object();
    private final MagstimReplyDecoder decoder = new MagstimReplyDecoder();
    private final Deque<Pending> pending = new ArrayDeque<>();
    private final Thread reader;
    private final Consumer<String> onLost;
    private volatile long lastSentNanos;
    private volatile boolean closed;
    private volatile String lost;

    /** @param onLost told once, on the reader thread, when the link closes or fails under us */
    MagstimLine(Link link, DriverClock clock, Consumer<String> onLost) {
        this.link = link;
        this.clock = clock;
        this.onLost = onLost;
        this.originNanos = clock.nowNanos();
        this.lastSentNanos = originNanos;
        this.reader = new Thread(this::readLoop, "magstim-reader");
        this.reader.setDaemon(true);
    }

    void start() {
        reader.start();
    }

    String port() {
        return link.description();
    }

    /** When the last command went out, on the driver's clock. */
    long lastSentNanos() {
        return lastSentNanos;
    }

    /** A command written and awaiting its reply. */
    static final class Pending {
        final MagstimCommand command;
        final CompletableFuture<MagstimReply> reply = new CompletableFuture<>();
        final StringBuilder ignored = new StringBuilder();
        int ignoredCount;
        boolean abandoned;

        Pending(MagstimCommand command) {
            this.command = command;
        }
    }

    /** Writes {@code command} now, from any thread, and returns what awaits its reply. */
    Pending send(MagstimCommand command) throws LineFailure {
        byte[] bytes = command.encode();
        Pending p = new Pending(command);
        synchronized (writeLock) {
            synchronized (this) {
                if (lost != null) {
                    throw new LineFailure(StimulatorFault.Kind.LINK_LOST, lost);
                }
                decoder.expect(command);
                pending.addLast(p);
            }
            long now = clock.nowNanos();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} t={} µs -> {} {}", link.description(), (now - originNanos) / 1000,
                        MagstimBytes.render(bytes), command.meaning());
            }
            try {
                link.write(bytes);
            } catch (TransportException e) {
                linkLost("the link closed or failed when writing " + command.describe() + ": " + e.getMessage());
                throw new LineFailure(StimulatorFault.Kind.LINK_LOST, lost);
            }
            lastSentNanos = now;
        }
        return p;
    }

    /** Waits up to {@code deadline} (real time: the reply costs no simulated time) for the reply to {@code p}. */
    MagstimReply await(Pending p, Duration deadline) throws LineFailure, InterruptedException {
        try {
            return p.reply.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LineFailure failure = abandon(p, deadline);
            if (failure == null) {
                return await(p, Duration.ZERO);
            }
            throw failure;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof LineFailure f) {
                throw f;
            }
            throw new IllegalStateException("reply future failed", e.getCause());
        } catch (InterruptedException e) {
            abandon(p, deadline);
            throw e;
        }
    }

    MagstimReply exchange(MagstimCommand command, Duration deadline) throws LineFailure, InterruptedException {
        return await(send(command), deadline);
    }

    @Override
    public void close() {
        closed = true;
        link.close();
        reader.interrupt();
    }

    /** Stops awaiting {@code p} and says what arrived instead, if anything; null if its reply has just come. */
    private synchronized LineFailure abandon(Pending p, Duration deadline) {
        if (p.reply.isDone()) {
            return null;
        }
        String what = p.command.describe();
        String failure;
        StimulatorFault.Kind kind;
        int partial = pending.peekFirst() == p ? decoder.partialReplyBytes() : 0;
        if (partial > 0) {
            kind = StimulatorFault.Kind.BAD_REPLY;
            failure = "the reply to " + what + " was cut short: " + partial + " of "
                    + (p.command.replyLength() > 0 ? String.valueOf(p.command.replyLength()) : "at least 3")
                    + " bytes within " + deadline.toMillis() + " ms (" + MagstimBytes.render(decoder.partialReply())
                    + ")";
        } else if (p.ignoredCount > 0) {
            kind = StimulatorFault.Kind.BAD_REPLY;
            failure = "no valid reply to " + what + " within " + deadline.toMillis() + " ms; instead "
                    + p.ignoredCount + " byte" + (p.ignoredCount == 1 ? "" : "s") + " that are not a Magstim reply ("
                    + p.ignored + (p.ignoredCount > QUOTED_BYTES ? "…" : "") + "): wrong baud rate or a noisy line?";
        } else {
            kind = StimulatorFault.Kind.NO_REPLY;
            failure = "no reply to " + what + " within " + deadline.toMillis() + " ms";
        }
        p.abandoned = true;
        p.reply.completeExceptionally(new LineFailure(kind, failure));
        while (!pending.isEmpty() && pending.peekFirst().abandoned) {
            pending.pollFirst();
            decoder.abandonOldest();
        }
        return new LineFailure(kind, failure);
    }

    private void readLoop() {
        byte[] buffer = new byte[256];
        MagstimReplyDecoder.Sink sink = new Sink();
        try {
            while (!closed) {
                int n = link.read(buffer, 0, buffer.length);
                if (n < 0) {
                    if (!closed) {
                        linkLost("the link closed");
                    }
                    return;
                }
                if (n == 0) {
                    continue;
                }
                if (LOG.isDebugEnabled()) {
                    LOG.debug("{} t={} µs <- {}", link.description(), (clock.nowNanos() - originNanos) / 1000,
                            MagstimBytes.render(buffer, 0, n));
                }
                synchronized (this) {
                    decoder.feed(buffer, 0, n, sink);
                }
            }
        } catch (TransportException e) {
            if (!closed) {
                linkLost("the link failed: " + e.getMessage());
            }
        }
    }

    private void linkLost(String why) {
        synchronized (this) {
            if (lost != null) {
                return;
            }
            lost = link.description() + ": " + why;
            for (Pending p : pending) {
                p.reply.completeExceptionally(new LineFailure(StimulatorFault.Kind.LINK_LOST, lost));
            }
            pending.clear();
            decoder.reset();
        }
        if (!closed) {
            onLost.accept(lost);
        }
    }

    /** Runs on the reader thread, inside the line's monitor. */
    private final class Sink implements MagstimReplyDecoder.Sink {
        @Override
        public void onReply(MagstimCommand command, MagstimReply reply) {
            Pending p = pending.pollFirst();
            if (p != null && !p.abandoned) {
                p.reply.complete(reply);
            } else {
                LOG.debug("{}: late reply to {} dropped: {}", link.description(), command.describe(), reply);
            }
        }

        @Override
        public void onError(MagstimCommand command, MagstimProtocolException error) {
            Pending p = pending.pollFirst();
            if (p != null) {
                p.reply.completeExceptionally(new LineFailure(StimulatorFault.Kind.BAD_REPLY, error.getMessage()));
            }
        }

        @Override
        public void onIgnoredByte(int value) {
            Pending head = pending.peekFirst();
            if (head == null) {
                LOG.debug("{}: byte {} with no command awaiting a reply, ignored", link.description(),
                        MagstimBytes.hexByte(value));
                return;
            }
            if (head.ignoredCount++ < QUOTED_BYTES) {
                head.ignored.append(head.ignored.length() == 0 ? "" : " ")
                        .append(MagstimBytes.hexByte(value).substring(2));
            }
        }
    }

}
