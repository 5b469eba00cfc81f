package org.excitrack.device;

import java.util.concurrent.atomic.AtomicLong;

/** What the reader saw on the wire, so that a timeout can say whether anything arrived and what was wrong. */
final class WireDiagnostics {
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong validFrames = new AtomicLong();
    private final AtomicLong framingErrors = new AtomicLong();
    private final AtomicLong protocolErrors = new AtomicLong();
    private final AtomicLong echoedCommands = new AtomicLong();
    private volatile String lastProblem = "";

    void received(int n) {
        bytesReceived.addAndGet(n);
    }

    void frameReceived() {
        validFrames.incrementAndGet();
    }

    void framingError(String message) {
        framingErrors.incrementAndGet();
        lastProblem = message;
    }

    void protocolError(String message) {
        protocolErrors.incrementAndGet();
        lastProblem = message;
    }

    void echoed(String commandName) {
        echoedCommands.incrementAndGet();
        lastProblem = "received our own " + commandName + " command back";
    }

    long bytesReceived() {
        return bytesReceived.get();
    }

    long validFrames() {
        return validFrames.get();
    }

    long echoedCommands() {
        return echoedCommands.get();
    }

    /** A clause for error messages, e.g. "received 37 bytes: 2 corrupted frames (CRC-32C mismatch …)". */
    String summary() {
        long bytes = bytesReceived.get();
        if (bytes == 0) {
            return "received nothing at all";
        }
        StringBuilder b = new StringBuilder("received ").append(bytes).append(" bytes");
        if (validFrames.get() > 0) {
            b.append(", ").append(validFrames.get()).append(" valid frames");
        }
        if (framingErrors.get() > 0) {
            b.append(", ").append(framingErrors.get()).append(" corrupted frames");
        }
        if (protocolErrors.get() > 0) {
            b.append(", ").append(protocolErrors.get()).append(" undecodable messages");
        }
        if (echoedCommands.get() > 0) {
            b.append(", ").append(echoedCommands.get()).append(" echoes of our own commands");
        }
        if (!lastProblem.isEmpty()) {
            b.append("; last problem: ").append(lastProblem);
        }
        return b.toString();
    }
}
