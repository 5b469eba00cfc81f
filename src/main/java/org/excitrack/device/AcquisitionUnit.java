package org.excitrack.device;

import java.time.Duration;
import java.util.function.Consumer;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitIdentity;

/**
 * Our acquisition unit as callers see it: a stimulator that executes whole trials on its own clock and
 * returns what it delivered with the sweep it recorded.
 *
 * <p>One control thread calls the blocking methods. {@link #abort()} and {@link #emergencyStop()} may be
 * called from any thread at any moment and never wait behind the control thread's work.
 */
public interface AcquisitionUnit extends AutoCloseable {
    UnitIdentity identity();

    UnitCapabilities capabilities();

    /** @return the settings in force, which the unit may have rounded */
    AmplifierSettings configure(AmplifierSettings settings);

    /** @return the limits in force: the tighter of these and the unit's hard limits */
    SafetyLimits setLimits(SafetyLimits limits);

    /** Enables the outputs and starts the watchdog; the client keeps it fed with heartbeats. */
    void arm(Duration watchdog);

    void disarm();

    /**
     * Runs one trial and waits for its result. Retries after a lost reply are safe: the unit recognises the
     * trial id and resends the result without stimulating again.
     *
     * @throws UnitRefusedException when the unit refuses (limits, state) or the trial is aborted
     * @throws DeviceTimeoutException when no result arrives after every attempt
     */
    TrialResult runTrial(TrialSpec trial);

    UnitStatus status();

    /** Stops the trial in progress at once. Returns whether the unit acknowledged. */
    boolean abort();

    /** Outputs off and latched until cleared. Returns whether the unit acknowledged. */
    boolean emergencyStop();

    void clearEmergencyStop();

    /** Fires one TTL pulse on a trigger output now. */
    void fireTrigger(int line, long widthMicros);

    /** Listener for unsolicited events; it runs on the link's reader thread and must not block. */
    void onEvent(Consumer<UnitEvent> listener);

    /** What the link has been through (repeats, framing errors), for the recording; empty if not known. */
    default String linkReport() {
        return "";
    }

    /** The simulated clock, when this unit is the in-process simulator running in virtual time. */
    default java.util.Optional<org.excitrack.model.VirtualClock> virtualClock() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
