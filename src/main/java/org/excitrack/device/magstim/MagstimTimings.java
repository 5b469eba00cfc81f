package org.excitrack.device.magstim;

import java.time.Duration;
import java.util.Objects;

/**
 * The deadlines and periods the Magstim driver keeps itself (serial-port timeouts are only decisecond-precise).
 *
 * @param reply how long to wait for a whole reply to one command (MAGIC and MagPy use 300 ms)
 * @param connectAttempts how many times {@code Q@} is sent when connecting, before concluding nothing answers
 * @param armedKeepAlive the longest quiet time while armed; the stimulator's watchdog allows 1 s
 *     (TDb086 recommends 500 ms)
 * @param standbyKeepAlive the longest quiet time while disarmed; the watchdog allows 10 s
 * @param readyPoll how often the status is polled while waiting for Ready
 */
public record MagstimTimings(Duration reply, int connectAttempts, Duration armedKeepAlive, Duration standbyKeepAlive,
                             Duration readyPoll) {
    /** After switching the BiStim² interval resolution, the time cboulay's driver leaves it to settle. */
    static final Duration RESOLUTION_SWITCH = Duration.ofMillis(100);

    public MagstimTimings {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(armedKeepAlive, "armedKeepAlive");
        Objects.requireNonNull(standbyKeepAlive, "standbyKeepAlive");
        Objects.requireNonNull(readyPoll, "readyPoll");
        if (connectAttempts < 1) {
            throw new IllegalArgumentException("connectAttempts " + connectAttempts + " must be at least 1");
        }
        if (armedKeepAlive.isNegative() || armedKeepAlive.isZero() || armedKeepAlive.toMillis() > 800) {
            throw new IllegalArgumentException("armed keep-alive " + armedKeepAlive.toMillis()
                    + " ms must lie in (0, 800] ms: the stimulator disarms after 1 s without a command");
        }
        if (standbyKeepAlive.isNegative() || standbyKeepAlive.isZero() || standbyKeepAlive.toMillis() > 8_000) {
            throw new IllegalArgumentException("standby keep-alive " + standbyKeepAlive.toMillis()
                    + " ms must lie in (0, 8000] ms: the stimulator drops remote control after 10 s");
        }
    }

    /** 300 ms per reply, 2 connect attempts, keep-alive 500 ms armed and 4 s in standby, Ready polled every 100 ms. */
    public static MagstimTimings defaults() {
        return new MagstimTimings(Duration.ofMillis(300), 2, Duration.ofMillis(500), Duration.ofSeconds(4),
                Duration.ofMillis(100));
    }

    public MagstimTimings withReply(Duration newReply) {
        return new MagstimTimings(newReply, connectAttempts, armedKeepAlive, standbyKeepAlive, readyPoll);
    }
}
