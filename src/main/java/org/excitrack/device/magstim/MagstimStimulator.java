package org.excitrack.device.magstim;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.BiStimMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;
import org.excitrack.transport.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MagneticStimulator} for a Magstim 200², BiStim² or Rapid² (software before 9) on its serial remote port.
 * This class wires the parts together and holds the contract's order of operations:
 *
 * <ul>
 *   <li><b>One exchange at a time</b> ({@link MagstimExchanges}). A command and its whole reply hold the line; each
 *       reply has its own deadline ({@link MagstimTimings#reply()}). Only {@link #disarm()} jumps the queue: it
 *       writes {@code EA} at once from any thread, and the reader ({@link MagstimLine}) matches its reply in write
 *       order.
 *   <li><b>Keep-alive</b> ({@link MagstimKeepAlive}). The stimulator disarms and leaves remote control when no
 *       command arrives for 1 s armed (10 s in standby); the driver sends {@code F@} then {@code Q@} when quiet for
 *       half that or less, never in the middle of another exchange, from a thread with hardware and from
 *       {@link #keepAlive()} and the driver's own waits in virtual time.
 *   <li><b>Checks on every reply:</b> check byte, echo, length; error replies; remote control still held; still
 *       armed when it should be; error bits, coil presence, replace-coil; coil temperature (above 40 °C the
 *       stimulator may not be used). Read-back after every power or interval change ({@link MagstimSettings}).
 *   <li><b>Faults</b> ({@link MagstimFaults}) disarm at once (best effort, confirmed or not), go to the
 *       {@link #onFault} listeners, and make the current call, or the next blocking call when found in the
 *       background, throw a {@link StimulatorException} whose message names the stimulator and port and says what
 *       to do.
 * </ul>
 */
public final class MagstimStimulator implements MagneticStimulator {
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);
    /** The coil temperature above which a Magstim disarms and cannot be armed (MagPy, tms.md §1.7). */
    public static final double MAX_COIL_CELSIUS = MagstimConditions.MAX_COIL_CELSIUS;
    /** About 1 s to charge after {@code EB}, with margin (MagPy waits 1.1 s). */
    private static final long CHARGE_NANOS = 1_100_000_000L;

    private final StimulatorModel model;
    private final MagstimLine line;
    private final MagstimFaults faults;
    private final MagstimExchanges exchanges;
    private final MagstimKeepAlive keepAlive;
    private final MagstimSettings settings;
    private StimulatorIdentity identity;
    private BiStimMode bistimMode;

    private MagstimStimulator(Link link, StimulatorModel model, MagstimTimings timings) {
        this.model = model;
        DriverClock clock = new DriverClock(link.virtualClock());
        this.line = new MagstimLine(link, clock, this::linkLost);
        this.faults = new MagstimFaults(model, line, this::disarm);
        this.exchanges = new MagstimExchanges(model, timings, clock, line, faults);
        this.keepAlive = new MagstimKeepAlive(timings, clock, line, exchanges, faults);
        this.settings = new MagstimSettings(model, exchanges, keepAlive, faults);
    }

    /**
     * Takes remote control of the Magstim on {@code link}, reads its settings and state, and starts the keep-alive.
     *
     * @throws StimulatorException when nothing answers, or the device does not answer like this Magstim model
     */
    public static MagstimStimulator connect(Link link, StimulatorModel model, MagstimTimings timings) {
        if (model == StimulatorModel.MAGPRO) {
            throw new IllegalArgumentException(model.displayName() + " is not a Magstim");
        }
        MagstimStimulator s = new MagstimStimulator(link, model, timings);
        try {
            s.line.start();
            MagstimHandshake.Result connected = new MagstimHandshake(model, timings, s.line, s.exchanges, s.faults)
                    .run();
            s.identity = connected.identity();
            s.bistimMode = connected.bistimMode();
            s.settings.connectedIn(connected.bistimMode());
            s.keepAlive.start();
            return s;
        } catch (RuntimeException e) {
            s.abandonConnection();
            throw e;
        }
    }

    public static MagstimStimulator connect(Link link, StimulatorModel model) {
        return connect(link, model, MagstimTimings.defaults());
    }

    // ---- the contract ------------------------------------------------------------------------------------

    @Override
    public StimulatorIdentity identity() {
        return identity;
    }

    @Override
    public StimulatorStatus status() {
        beginBlockingCall();
        InstrumentStatus s;
        StimulatorPowers read;
        exchanges.lock();
        try {
            read = exchanges.readPowersHeld();
            s = exchanges.lastStatus();
            exchanges.readTemperatureHeld();
        } finally {
            exchanges.unlock();
        }
        Optional<Long> interval = settings.intervalMicros();
        double celsius = exchanges.coilCelsius();
        return new StimulatorStatus(s.remoteControl(), MagstimConditions.charge(s), s.coilPresent(),
                Double.isNaN(celsius) ? OptionalDouble.empty() : OptionalDouble.of(celsius), read, interval,
                Optional.ofNullable(MagstimConditions.conditionOf(s, celsius)));
    }

    @Override
    public void setPowers(StimulatorPowers requested) {
        beginBlockingCall();
        settings.setPowers(requested);
    }

    @Override
    public void setPairIntervalMicros(long micros) {
        if (model != StimulatorModel.MAGSTIM_BISTIM) {
            throw new UnsupportedOperationException(describe() + " has no A-to-B interval: only a BiStim² does");
        }
        beginBlockingCall();
        settings.setPairIntervalMicros(micros);
    }

    @Override
    public void arm() {
        beginBlockingCall();
        exchanges.lock();
        try {
            exchanges.readTemperatureHeld();
            String blocker = MagstimConditions.conditionOf(exchanges.lastStatus(), exchanges.coilCelsius());
            if (blocker != null) {
                throw faults.raise(MagstimConditions.kindOf(exchanges.lastStatus()), "cannot arm: " + blocker);
            }
            if (exchanges.lastStatus().standby()) {
                exchanges.exchangeHeld(new MagstimCommand.SetBaseMode(BaseMode.ARM));
            }
            exchanges.expectArmed();
        } finally {
            exchanges.unlock();
        }
        keepAlive.awaitReady(CHARGE_NANOS + MagstimConditions.rechargeNanos(model)
                + MagstimKeepAlive.READY_MARGIN_NANOS, "arming");
        LOG.info("{}: armed and ready", describe());
    }

    /** Never waits behind a queued exchange and never throws: see {@link MagstimExchanges#disarm()}. */
    @Override
    public boolean disarm() {
        return exchanges.disarm();
    }

    @Override
    public void fire() {
        beginBlockingCall();
        if (!exchanges.armedExpected()) {
            throw new IllegalStateException(describe() + " is not armed: arm() before fire()");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            keepAlive.awaitReady(MagstimConditions.rechargeNanos(model) + MagstimKeepAlive.READY_MARGIN_NANOS,
                    "the last pulse");
            exchanges.lock();
            try {
                // Ready is checked again in the same held sequence as EH, so nothing goes out between the two.
                InstrumentStatus poked = MagstimConditions.statusOf(
                        exchanges.exchangeHeld(new MagstimCommand.EnableRemote()));
                if (poked.ready()) {
                    exchanges.exchangeHeld(new MagstimCommand.SetBaseMode(BaseMode.FIRE));
                    LOG.info("{}: fired by serial command", describe());
                    exchanges.readTemperatureHeld();
                    return;
                }
            } finally {
                exchanges.unlock();
            }
        }
        throw faults.raise(StimulatorFault.Kind.REFUSED, "was not ready to fire (status "
                + exchanges.lastStatus().describe() + ")");
    }

    /**
     * Sends F@ and Q@ if nothing went out for half the keep-alive period (250 ms armed, 2 s in standby); does
     * nothing otherwise. A caller in virtual time must call it at least every 250 ms of simulated time while the
     * stimulator is armed: with the last step of a wait going uncalled, that keeps every gap under 750 ms, within
     * the stimulator's 1 s watchdog. Never throws: a fault found here is reported to the listeners and thrown by
     * the next blocking call.
     */
    @Override
    public void keepAlive() {
        keepAlive.keepAlive();
    }

    @Override
    public void onFault(Consumer<StimulatorFault> listener) {
        faults.onFault(listener);
    }

    @Override
    public void close() {
        if (exchanges.closed()) {
            return;
        }
        exchanges.markClosed();
        keepAlive.stop();
        disarm();
        exchanges.releaseRemote();
        line.close();
        LOG.info("{}: closed", describe());
    }

    /** The stimulator and its port, as messages name it: {@code Magstim BiStim² on serial:/dev/ttyUSB0 (9600 baud)}.
     */
    public String describe() {
        return faults.describe();
    }

    /**
     * In virtual time, runs {@code keepAlive} during the driver's own waits (settling, charging, recharging), every
     * 250 ms of simulated time. The driver's waits advance the clock that every
     * simulated device shares, so whoever wires the session passes the other devices' keep-alives here (the
     * acquisition unit's watchdog must not expire while the stimulator settles). Not used in real time, where each
     * device keeps itself alive on its own thread.
     */
    public void feedWhileWaiting(Runnable keepAlive) {
        this.keepAlive.feedWhileWaiting(keepAlive);
    }

    /** The BiStim² system mode read at connect (independent triggering, BiStim mode…), if a BiStim². */
    public Optional<BiStimMode> bistimMode() {
        return Optional.ofNullable(bistimMode);
    }

    // ---- life cycle --------------------------------------------------------------------------------------

    /** Throws the fault found in the background since the last call, if any; refuses calls after close. */
    private void beginBlockingCall() {
        faults.throwIfKept();
        if (exchanges.closed()) {
            throw new IllegalStateException(describe() + " is closed");
        }
    }

    /** The reader found the link gone (told once, on its thread). */
    private void linkLost(String why) {
        exchanges.linkLost();
        if (exchanges.closed()) {
            return;
        }
        faults.linkLost(why);
    }

    private void abandonConnection() {
        exchanges.markClosed();
        if (exchanges.remoteHeld()) {
            exchanges.releaseRemote();
        }
        line.close();
    }
}
