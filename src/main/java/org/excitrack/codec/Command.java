package org.excitrack.codec;

import java.util.Objects;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialSpec;

/** Host → unit. */
public sealed interface Command extends Message {

    /** Opens a connection and negotiates the protocol version: the host speaks {@code min..max}. */
    record Hello(int minVersion, int maxVersion) implements Command {
        public Hello {
            if (minVersion < 1 || maxVersion < minVersion || maxVersion > 0xFF) {
                throw new IllegalArgumentException("version range " + minVersion + ".." + maxVersion
                        + " is not a range within 1..255");
            }
        }

        public MessageType type() {
            return MessageType.HELLO;
        }
    }

    record Configure(AmplifierSettings settings) implements Command {
        public Configure {
            Objects.requireNonNull(settings, "settings");
        }

        public MessageType type() {
            return MessageType.CONFIGURE;
        }
    }

    /** Asks the unit to enforce these limits; it applies the tighter of these and its own hard limits. */
    record SetLimits(SafetyLimits limits) implements Command {
        public SetLimits {
            Objects.requireNonNull(limits, "limits");
        }

        public MessageType type() {
            return MessageType.SET_LIMITS;
        }
    }

    /** Enables the outputs; from now on any command must arrive within {@code watchdogMillis} of the last. */
    record Arm(int watchdogMillis) implements Command {
        public Arm {
            if (watchdogMillis <= 0) {
                throw new IllegalArgumentException("watchdog " + watchdogMillis + " ms must be above zero");
            }
        }

        public MessageType type() {
            return MessageType.ARM;
        }
    }

    record Disarm() implements Command {
        public MessageType type() {
            return MessageType.DISARM;
        }
    }

    record RunTrial(TrialSpec trial) implements Command {
        public RunTrial {
            Objects.requireNonNull(trial, "trial");
        }

        public MessageType type() {
            return MessageType.TRIAL;
        }
    }

    record Heartbeat() implements Command {
        public MessageType type() {
            return MessageType.HEARTBEAT;
        }
    }

    record StatusRequest() implements Command {
        public MessageType type() {
            return MessageType.STATUS;
        }
    }

    /** Stops the trial in progress at once: outputs off; the trial is answered with ERROR ABORTED. */
    record Abort() implements Command {
        public MessageType type() {
            return MessageType.ABORT;
        }
    }

    /** Outputs off, unit disarmed and latched until {@link ClearEmergencyStop}. */
    record EmergencyStop() implements Command {
        public MessageType type() {
            return MessageType.EMERGENCY_STOP;
        }
    }

    record ClearEmergencyStop() implements Command {
        public MessageType type() {
            return MessageType.CLEAR_EMERGENCY_STOP;
        }
    }

    /** Fires one TTL pulse on a trigger output now (armed only), e.g. to fire a magnetic stimulator. */
    record FireTrigger(int line, long widthMicros) implements Command {
        public FireTrigger {
            if (line < 0 || line > 0xFF || widthMicros <= 0) {
                throw new IllegalArgumentException("trigger line " + line + " width " + widthMicros + " µs");
            }
        }

        public MessageType type() {
            return MessageType.TRIGGER_OUT;
        }
    }
}
