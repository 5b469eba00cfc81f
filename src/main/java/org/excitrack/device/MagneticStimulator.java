package org.excitrack.device;

import java.util.function.Consumer;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;

/**
 * A magnetic stimulator (Magstim 200², BiStim², Rapid², MagVenture MagPro) under remote control.
 *
 * <p>Every blocking method is called from one control thread. {@link #disarm()} may be called from any thread
 * at any moment and never waits behind that thread's work. Any fault the driver detects (a bad or missing
 * reply, loss of remote control, a coil over temperature, a read-back that differs from what was sent)
 * disarms the stimulator, is reported to the fault listeners and makes the next blocking call throw a
 * {@link StimulatorException} saying what happened.
 *
 * <p>Keep-alive: the stimulator's watchdog needs a command at least every second while armed. In real time the
 * driver keeps it fed from its own thread, never in the middle of another command. Over a link with a virtual
 * clock no such thread runs: the session calls {@link #keepAlive()} as simulated time passes.
 */
public interface MagneticStimulator extends AutoCloseable {
    StimulatorIdentity identity();

    /** Reads the stimulator's state now. */
    StimulatorStatus status();

    /**
     * Sets both outputs and returns once the stimulator has settled at them (a drop in power takes the
     * capacitor's discharge time) and the values read back match.
     *
     * @throws StimulatorException when refused, not settled or not matching
     */
    void setPowers(StimulatorPowers powers);

    /**
     * Sets the stimulator's own A-to-B interval (BiStim² in BiStim mode, MagPro twin/dual), in µs.
     *
     * @throws UnsupportedOperationException when the model has no such interval
     */
    void setPairIntervalMicros(long micros);

    /** Arms and returns when the stimulator is charged and ready to discharge. */
    void arm();

    /** Disarms at once, from any thread; never throws, and returns whether the stimulator confirmed. */
    boolean disarm();

    /** Discharges now by a serial command (slower and less precise than the unit's trigger output). */
    void fire();

    /** Feeds the stimulator's watchdog; for the session's virtual clock. Cheap when nothing is due. */
    void keepAlive();

    /** Called on the driver's threads with every fault; must not block. */
    void onFault(Consumer<StimulatorFault> listener);

    /** Disarms and hands control back to the stimulator's front panel. */
    @Override
    void close();
}
