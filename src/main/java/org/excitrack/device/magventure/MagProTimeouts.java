package org.excitrack.device.magventure;

import java.time.Duration;
import java.util.Objects;

/**
 * Deadlines the MagPro driver keeps itself, in device time (virtual when the link has a virtual clock).
 *
 * @param reply for an answer to a question (status, waveform); a MagPro answers in 20–80 ms
 * @param connectAttempts status requests sent before concluding nothing (or no MagPro) is on the port
 * @param chargeSettle after enabling or a pulse, before the next discharge is counted on: the MagPro reports no
 *     charged state, so this is our allowance for its recharge
 * @param pulseConfirmation for the pulse-fired message after a serial trigger
 * @param quietBeforePoll how long the link may be silent before {@code keepAlive()} checks the stimulator is
 *     still there
 */
public record MagProTimeouts(Duration reply, int connectAttempts, Duration chargeSettle, Duration pulseConfirmation,
                             Duration quietBeforePoll) {
    public MagProTimeouts {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(chargeSettle, "chargeSettle");
        Objects.requireNonNull(pulseConfirmation, "pulseConfirmation");
        Objects.requireNonNull(quietBeforePoll, "quietBeforePoll");
        if (connectAttempts < 1) {
            throw new IllegalArgumentException("connect attempts " + connectAttempts + " must be at least 1");
        }
        if (reply.isNegative() || reply.isZero() || pulseConfirmation.isNegative() || pulseConfirmation.isZero()) {
            throw new IllegalArgumentException("MagPro reply and pulse deadlines must be positive");
        }
    }

    public static MagProTimeouts defaults() {
        return new MagProTimeouts(Duration.ofMillis(300), 3, Duration.ofMillis(200), Duration.ofMillis(300),
                Duration.ofSeconds(2));
    }
}
