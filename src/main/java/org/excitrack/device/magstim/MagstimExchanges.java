package org.excitrack.device.magstim;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.device.DeviceException;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checked exchanges with one Magstim, one at a time, and what its replies have said so far.
 *
 * <p>A command and its whole reply hold the exchange lock, so the keep-alive never lands in the middle of a
 * sequence that must not be interleaved (set, then read back). Every reply is checked: error replies, remote
 * control still held, still armed when it should be, error bits, coil presence, replace-coil, coil temperature;
 * a failed check is a fault ({@link MagstimFaults#raise}). Only {@link #disarm()} skips the lock: it writes
 * {@code EA} at once from any thread, and the line matches its reply in write order.
 */
final class MagstimExchanges {
    /** Logged under the driver's name, as before the driver was split, so log configurations still apply. */
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);
    private static final long ARMED_WATCHDOG_NANOS = 1_000_000_000L;
    private static final long STANDBY_WATCHDOG_NANOS = 10_000_000_000L;

    private final StimulatorModel model;
    private final MagstimTimings timings;
    private final DriverClock clock;
    private final MagstimLine line;
    private final MagstimFaults faults;
    private final ReentrantLock exchangeLock = new ReentrantLock();
    private volatile boolean remoteHeld;
    private volatile boolean armedExpected;
    private volatile boolean closed;
    /** Set once the handshake is done: before it, a failed check is a connect failure and nothing is armed. */
    private volatile boolean connected;
    private volatile InstrumentStatus lastStatus = new InstrumentStatus(InstrumentStatus.STANDBY);
    private volatile double coilCelsius = Double.NaN;
    /** What was wrong at the last reply, so a lasting condition is a fault once, when it appears. */
    private volatile String condition;
    private StimulatorPowers powers = new StimulatorPowers(0, 0);
    private int intervalSteps;
    /** A Rapid²'s parameter reply layout, which depends on its software version; read at connect. */
    private RapidParameterLayout rapidLayout;

    MagstimExchanges(StimulatorModel model, MagstimTimings timings, DriverClock clock, MagstimLine line,
                     MagstimFaults faults) {
        this.model = model;
        this.timings = timings;
        this.clock = clock;
        this.line = line;
        this.faults = faults;
    }

    // ---- what the replies said ---------------------------------------------------------------------------

    boolean remoteHeld() {
        return remoteHeld;
    }

    boolean armedExpected() {
        return armedExpected;
    }

    void expectArmed() {
        armedExpected = true;
    }

    boolean closed() {
        return closed;
    }

    void markClosed() {
        closed = true;
    }

    boolean connected() {
        return connected;
    }

    InstrumentStatus lastStatus() {
        return lastStatus;
    }

    double coilCelsius() {
        return coilCelsius;
    }

    StimulatorPowers powers() {
        return powers;
    }

    int intervalSteps() {
        return intervalSteps;
    }

    /** The handshake's Q@ gave remote control; from now on losing it is a fault. */
    void remoteTaken(InstrumentStatus status) {
        remoteHeld = true;
        lastStatus = status;
    }

    void useRapidLayout(RapidParameterLayout layout) {
        rapidLayout = layout;
    }

    /**
     * The handshake is done: from now on failed checks are faults. A condition present now (a warm coil, say) is
     * remembered, so it becomes a fault only if it changes or comes back after clearing.
     */
    void markConnected() {
        condition = MagstimConditions.conditionOf(lastStatus, coilCelsius);
        connected = true;
    }

    /** The link is gone: nothing is armed or held over it any more. */
    void linkLost() {
        armedExpected = false;
        remoteHeld = false;
    }

    // ---- exchanges ---------------------------------------------------------------------------------------

    MagstimReply exchange(MagstimCommand command) {
        lock();
        try {
            return exchangeHeld(command);
        } finally {
            exchangeLock.unlock();
        }
    }

    /** Takes the exchange lock for a sequence of {@link #exchangeHeld} calls; disarms if interrupted waiting. */
    void lock() {
        try {
            exchangeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disarm();
            throw new DeviceException("interrupted waiting for " + faults.describe() + "; disarmed");
        }
    }

    /** The keep-alive's way in: it never waits behind an exchange, which feeds the watchdog anyway. */
    boolean tryLock() {
        return exchangeLock.tryLock();
    }

    void unlock() {
        exchangeLock.unlock();
    }

    /** One command and its checked reply; the caller holds the exchange lock. */
    MagstimReply exchangeHeld(MagstimCommand command) {
        if (closed && connected) {
            throw new IllegalStateException(faults.describe() + " is closed");
        }
        checkWatchdogGap(command);
        MagstimReply reply;
        try {
            reply = line.exchange(command, timings.reply());
        } catch (LineFailure f) {
            throw fault(f.kind(), f.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disarm();
            throw new DeviceException("interrupted waiting for the reply to " + command.describe() + " from "
                    + faults.describe() + "; disarmed");
        }
        inspect(command, reply);
        return reply;
    }

    StimulatorPowers readPowersHeld() {
        if (model == StimulatorModel.MAGSTIM_RAPID) {
            MagstimReply.RapidParameters p = (MagstimReply.RapidParameters) exchangeHeld(
                    new MagstimCommand.GetRapidParameters(rapidLayout));
            if (!p.singlePulseMode()) {
                throw connected ? faults.raise(StimulatorFault.Kind.STIMULATOR_ERROR, "left single-pulse mode (Rapid "
                        + "status 0x" + Integer.toHexString(p.rapidStatus()) + "): a trigger would start a train")
                        : faults.connectFailure(StimulatorFault.Kind.REFUSED, "it is in repetitive (train) mode; "
                        + "this driver delivers single pulses only: set single-pulse mode on the Rapid² first");
            }
            powers = new StimulatorPowers(Math.min(p.powerPercent(), 100), 0);
            return powers;
        }
        exchangeHeld(new MagstimCommand.GetParameters());
        return powers;
    }

    void readTemperatureHeld() {
        exchangeHeld(new MagstimCommand.GetTemperature());
    }

    /**
     * Writes {@code EA} at once, without the exchange lock, so it never waits behind a queued exchange; the safety
     * path, so it never throws. True when the stimulator confirmed it.
     */
    boolean disarm() {
        armedExpected = false;
        try {
            MagstimLine.Pending p = line.send(new MagstimCommand.SetBaseMode(BaseMode.DISARM));
            MagstimReply reply = line.await(p, timings.reply());
            boolean confirmed = reply instanceof MagstimReply.Status && reply.command() == 'E';
            if (confirmed) {
                lastStatus = ((MagstimReply.Status) reply).status();
                LOG.info("{}: disarmed", faults.describe());
            } else {
                LOG.warn("{}: disarm answered with {}", faults.describe(), reply);
            }
            return confirmed;
        } catch (LineFailure e) {
            LOG.warn("{}: disarm not confirmed: {}", faults.describe(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{}: interrupted waiting for disarm to be confirmed", faults.describe());
            return false;
        } catch (RuntimeException e) {
            // disarm() is the safety path and must never throw; whatever failed is logged for the record.
            LOG.error("{}: disarm failed", faults.describe(), e);
            return false;
        }
    }

    /** Hands the stimulator back to its front panel, unchecked: it is only done when leaving. */
    void releaseRemote() {
        if (!remoteHeld) {
            return;
        }
        remoteHeld = false;
        try {
            line.exchange(new MagstimCommand.DisableRemote(), timings.reply());
        } catch (LineFailure e) {
            LOG.warn("{}: remote control not released: {}", faults.describe(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- checks ------------------------------------------------------------------------------------------

    /** A fault once connected; while connecting, a connect failure (nothing armed, no one listening yet). */
    private StimulatorException fault(StimulatorFault.Kind kind, String detail) {
        return connected ? faults.raise(kind, detail) : faults.connectFailure(kind, detail);
    }

    /** A gap longer than the watchdog allows means the stimulator has dropped us, whatever Q@ would now say. */
    private void checkWatchdogGap(MagstimCommand command) {
        if (!remoteHeld || !connected) {
            return;
        }
        long gap = clock.nowNanos() - line.lastSentNanos();
        long window = armedExpected ? ARMED_WATCHDOG_NANOS : STANDBY_WATCHDOG_NANOS;
        if (gap >= window) {
            throw faults.raise(StimulatorFault.Kind.REMOTE_CONTROL_LOST, "nothing was sent to it for "
                    + gap / 1_000_000 + " ms " + (armedExpected ? "while armed" : "in standby") + " (before "
                    + command.describe() + "); its watchdog allows " + window / 1_000_000 + " ms, then it disarms "
                    + "and leaves remote control. " + (clock.isVirtual()
                    ? "In virtual time, call keepAlive() as simulated time passes"
                    : "Was the computer suspended or overloaded?"));
        }
    }

    private void inspect(MagstimCommand command, MagstimReply reply) {
        if (reply.isError()) {
            throw fault(StimulatorFault.Kind.REFUSED, MagstimConditions.refusal(model, command, reply));
        }
        if (reply instanceof MagstimReply.Temperature t) {
            coilCelsius = t.hottestCelsius();
        }
        if (reply instanceof MagstimReply.Parameters p) {
            powers = new StimulatorPowers(Math.min(p.powerAPercent(), 100),
                    model.outputs() == 2 ? Math.min(p.powerBPercent(), 100) : 0);
            intervalSteps = p.intervalSteps();
        }
        Optional<InstrumentStatus> status = reply.instrumentStatus();
        if (status.isEmpty()) {
            return;
        }
        InstrumentStatus s = status.get();
        lastStatus = s;
        if (!remoteHeld || !connected) {
            return;
        }
        if (!s.remoteControl() && !(command instanceof MagstimCommand.DisableRemote)) {
            throw faults.raise(StimulatorFault.Kind.REMOTE_CONTROL_LOST, "left remote control (status "
                    + s.describe() + " in reply to " + command.describe() + "): its front panel took over, its "
                    + "watchdog expired, or it was reset");
        }
        String now = MagstimConditions.conditionOf(s, coilCelsius);
        String before = condition;
        condition = now;
        if (now != null && !now.equals(before)) {
            throw faults.raise(MagstimConditions.kindOf(s), now);
        }
        boolean arming = command instanceof MagstimCommand.SetBaseMode m && m.mode() == BaseMode.ARM;
        if (armedExpected && s.standby() && !arming) {
            throw faults.raise(StimulatorFault.Kind.STIMULATOR_ERROR, "disarmed itself (status " + s.describe()
                    + "): after a minute armed without a pulse, a hot coil, or at its front panel");
        }
    }
}
