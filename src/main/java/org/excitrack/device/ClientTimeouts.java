package org.excitrack.device;

import java.time.Duration;

/**
 * Deadlines the client keeps itself (serial-port timeouts are only decisecond-precise).
 *
 * @param hello how long to wait for IDENTITY after each HELLO
 * @param command how long to wait for the reply to a short command
 * @param trialMargin added to a trial's own duration and the wire time of its result
 * @param attempts how many times a command is sent before giving up (at least 1)
 * @param bytesPerSecond the link's throughput assumed when estimating wire time (921600 baud 8N1)
 */
public record ClientTimeouts(Duration hello, Duration command, Duration trialMargin, int attempts,
                             long bytesPerSecond) {
    public ClientTimeouts {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts " + attempts + " must be at least 1");
        }
    }

    public static ClientTimeouts defaults() {
        return new ClientTimeouts(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofMillis(300), 3, 92_160);
    }

    /** Deadline for one attempt at a trial lasting {@code trialMicros} with a result of about {@code bytes}. */
    Duration forTrial(long trialMicros, long resultBytes) {
        long wireMicros = resultBytes * 1_000_000L / bytesPerSecond;
        return Duration.ofNanos((trialMicros + 2 * wireMicros) * 1000L).plus(trialMargin);
    }
}
