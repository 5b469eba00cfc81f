package org.excitrack.codec.magventure;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a (simulated) stimulator makes of a host's payload: one of our commands, the short amplitude form
 * {@code [1, A]} that peers send, or an id it does not handle.
 */
public sealed interface MagProCommandFromHost {
    record Known(MagProCommand command) implements MagProCommandFromHost {
        public Known {
            Objects.requireNonNull(command, "command");
        }
    }

    /** {@code [1, A]}: sets amplitude A and leaves B as it is. */
    record AmplitudeA(int amplitudeAPercent) implements MagProCommandFromHost {
    }

    /** An id the stimulator model does not act on (e.g. trains, service commands). */
    record Unknown(byte[] payload) implements MagProCommandFromHost {
        public Unknown {
            payload = payload.clone();
        }

        public int id() {
            return payload[0] & 0xFF;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && Arrays.equals(payload, u.payload);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(payload);
        }

        @Override
        public String toString() {
            return "Unknown[id " + id() + ", " + payload.length + " bytes]";
        }
    }
}
