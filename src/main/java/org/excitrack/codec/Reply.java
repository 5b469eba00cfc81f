package org.excitrack.codec;

import java.util.Objects;
import java.util.Optional;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitState;

/** Unit → host, answering the command with the same sequence number. */
public sealed interface Reply extends Message {

    record Ack() implements Reply {
        public MessageType type() {
            return MessageType.ACK;
        }
    }

    /**
     * Who the unit is and which protocol version it chose. The fields up to {@code serialNumber} keep this
     * layout in every protocol version; capabilities follow only when a version was agreed.
     *
     * @param negotiatedVersion the highest version both sides speak, or 0 when there is none
     */
    record Identity(
            int negotiatedVersion, int unitMinVersion, int unitMaxVersion,
            String model, String firmwareVersion, String serialNumber,
            Optional<UnitCapabilities> capabilities) implements Reply {
        public Identity {
            Objects.requireNonNull(model, "model");
            Objects.requireNonNull(firmwareVersion, "firmwareVersion");
            Objects.requireNonNull(serialNumber, "serialNumber");
            Objects.requireNonNull(capabilities, "capabilities");
            if (negotiatedVersion != 0 && capabilities.isEmpty()) {
                throw new IllegalArgumentException("an agreed version " + negotiatedVersion
                        + " needs capabilities");
            }
        }

        public MessageType type() {
            return MessageType.IDENTITY;
        }
    }

    /** The settings in force after CONFIGURE (the unit may round to what it supports). */
    record Configured(AmplifierSettings settings) implements Reply {
        public MessageType type() {
            return MessageType.CONFIGURED;
        }
    }

    /** The limits in force after SET_LIMITS: the tighter of the host's and the unit's hard limits. */
    record LimitsInForce(SafetyLimits limits) implements Reply {
        public MessageType type() {
            return MessageType.LIMITS;
        }
    }

    record TrialCompleted(TrialResult result) implements Reply {
        public TrialCompleted {
            Objects.requireNonNull(result, "result");
        }

        public MessageType type() {
            return MessageType.TRIAL_RESULT;
        }
    }

    record HeartbeatReply(long unitTimeMicros, UnitState state) implements Reply {
        public MessageType type() {
            return MessageType.HEARTBEAT_REPLY;
        }
    }

    /**
     * @param watchdogMillis the armed watchdog timeout, 0 when disarmed
     * @param lastErrorCode the last ERROR code the unit sent, or {@code 0x8000 | event code} when the last thing
     *     it raised was an EVENT (the two code spaces overlap); 0 for none (PROTOCOL.md, STATUS_REPLY)
     */
    record Status(UnitState state, long unitTimeMicros, long trialsDelivered, long lastTrialId,
                  int lastErrorCode, int watchdogMillis) implements Reply {
        public MessageType type() {
            return MessageType.STATUS_REPLY;
        }
    }

    /**
     * The unit refused or could not complete a command.
     *
     * @param commandType wire code of the command refused
     * @param value for LIMIT_EXCEEDED the requested value, for TRIAL_TOO_SOON the actual interval in µs, for
     *     ABORTED and HARDWARE_FAULT the trial id, else 0
     * @param allowed for LIMIT_EXCEEDED the limit in the same unit, for TRIAL_TOO_SOON the minimum interval in
     *     µs, else 0
     * @param limit which limit, for LIMIT_EXCEEDED and TRIAL_TOO_SOON
     */
    record Error(int commandType, ErrorCode code, long value, long allowed,
                 Optional<SafetyLimits.Limit> limit, String detail) implements Reply {
        public Error {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(limit, "limit");
            Objects.requireNonNull(detail, "detail");
        }

        public static Error of(int commandType, ErrorCode code, String detail) {
            return new Error(commandType, code, 0, 0, Optional.empty(), detail);
        }

        public MessageType type() {
            return MessageType.ERROR;
        }
    }
}
