package org.excitrack.device.magstim;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.BiStimMode;
import org.excitrack.codec.magstim.MagstimBytes;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.device.DeviceException;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.ChargeState;
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
 *
 * <ul>
 *   <li><b>One exchange at a time.</b> A command and its whole reply hold the line; each reply has its own
 *       deadline ({@link MagstimTimings#reply()}). Only {@link #disarm()} jumps the queue: it writes {@code EA}
 *       at once from any thread, and the reader matches its reply in write order.
 *   <li><b>Keep-alive.</b> The stimulator disarms and leaves remote control when no command arrives for 1 s armed
 *       (10 s in standby). With hardware a daemon thread sends {@code F@} (temperature, and a status that shows
 *       remote control truthfully) then {@code Q@} whenever nothing went out for 500 ms armed or 4 s in standby,
 *       never in the middle of another exchange. In virtual time no such thread runs: {@link #keepAlive()} does
 *       the same when due, and the driver's own waits advance the simulator's clock, feeding the watchdog as they
 *       go.
 *   <li><b>Checks on every reply:</b> check byte, echo, length; error replies; remote control still held; still
 *       armed when it should be; error bits, coil presence, replace-coil; coil temperature (above 40 °C the
 *       stimulator may not be used). Read-back after every power or interval change.
 *   <li><b>Faults</b> disarm at once (best effort, confirmed or not), go to the {@link #onFault} listeners, and
 *       make the current call, or the next blocking call when found in the background, throw a
 *       {@link StimulatorException} whose message names the stimulator and port and says what to do.
 * </ul>
 */
public final class MagstimStimulator implements MagneticStimulator {
    private static final Logger LOG = LoggerFactory.getLogger(MagstimStimulator.class);
    /** The coil temperature above which a Magstim disarms and cannot be armed (MagPy, tms.md §1.7). */
    public static final double MAX_COIL_CELSIUS = 40.0;
    /** About 1 s to charge after {@code EB}, with margin (MagPy waits 1.1 s). */
    private static final long CHARGE_NANOS = 1_100_000_000L;
    /** Added to every wait for Ready, for the line and the stimulator's own timing. */
    private static final long READY_MARGIN_NANOS = 500_000_000L;
    private static final long ARMED_WATCHDOG_NANOS = 1_000_000_000L;
    private static final long STANDBY_WATCHDOG_NANOS = 10_000_000_000L;
    private static final long KEEP_ALIVE_IDLE_CHECK_NANOS = 50_000_000L;

    private final StimulatorModel model;
    private final MagstimTimings timings;
    private final DriverClock clock;
    private final MagstimLine line;
    private final ReentrantLock exchangeLock = new ReentrantLock();
    private final List<Consumer<StimulatorFault>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicReference<StimulatorFault> pendingFault = new AtomicReference<>();
    /** The reader and the control thread may both find the link gone; the listeners hear it once. */
    private final AtomicBoolean linkLossReported = new AtomicBoolean();
    private final List<Runnable> waitCompanions = new CopyOnWriteArrayList<>();
    /** When the {@link #feedWhileWaiting} tasks last ran, on the virtual clock (the control thread's only). */
    private long lastCompanionNanos = Long.MIN_VALUE / 2;
    private volatile boolean remoteHeld;
    private volatile boolean armedExpected;
    private volatile boolean closed;
    private volatile InstrumentStatus lastStatus = new InstrumentStatus(InstrumentStatus.STANDBY);
    private volatile double coilCelsius = Double.NaN;
    private volatile String condition;
    private volatile boolean connected;
    private StimulatorIdentity identity;
    private StimulatorPowers powers;
    private RapidParameterLayout rapidLayout;
    private BiStimMode bistimMode;
    private Boolean highResolution;
    private int intervalSteps;
    private Thread keepAliveThread;

    private MagstimStimulator(Link link, StimulatorModel model, MagstimTimings timings) {
        this.model = model;
        this.timings = timings;
        this.clock = new DriverClock(link.virtualClock());
        this.line = new MagstimLine(link, clock, this::linkLost);
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
            s.handshake();
            s.startKeepAlive();
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
        lock();
        try {
            read = readPowersHeld();
            s = lastStatus;
            readTemperatureHeld();
        } finally {
            exchangeLock.unlock();
        }
        Optional<Long> interval = model == StimulatorModel.MAGSTIM_BISTIM && highResolution != null
                ? Optional.of(intervalSteps * (highResolution ? BiStimInterval.HIGH_RESOLUTION_STEP_MICROS
                : BiStimInterval.LOW_RESOLUTION_STEP_MICROS)) : Optional.empty();
        double celsius = coilCelsius;
        return new StimulatorStatus(s.remoteControl(), charge(s), s.coilPresent(),
                Double.isNaN(celsius) ? OptionalDouble.empty() : OptionalDouble.of(celsius), read, interval,
                Optional.ofNullable(conditionOf(s, celsius)));
    }

    @Override
    public void setPowers(StimulatorPowers requested) {
        beginBlockingCall();
        if (model.outputs() == 1 && requested.outputBPercent() != 0) {
            throw new IllegalArgumentException(describe() + " has one output: output B must be 0 %MSO, not "
                    + requested.outputBPercent());
        }
        StimulatorPowers from = powers;
        lock();
        try {
            if (requested.outputAPercent() != from.outputAPercent()) {
                exchangeHeld(new MagstimCommand.SetPowerA(requested.outputAPercent()));
            }
            if (model.outputs() == 2 && requested.outputBPercent() != from.outputBPercent()) {
                exchangeHeld(new MagstimCommand.SetPowerB(requested.outputBPercent()));
            }
        } finally {
            exchangeLock.unlock();
        }
        long settle = PowerSettling.micros(from, requested) * 1000L;
        pause(settle);
        StimulatorPowers back;
        lock();
        try {
            back = readPowersHeld();
        } finally {
            exchangeLock.unlock();
        }
        if (!back.equals(requested)) {
            throw fault(StimulatorFault.Kind.READ_BACK_MISMATCH, "powers were set to " + text(requested)
                    + " but read back as " + text(back), false);
        }
        if (armedExpected) {
            awaitReady(rechargeNanos() + settle + READY_MARGIN_NANOS, "the power change");
        }
        LOG.info("{}: powers {} (settled {} ms)", describe(), text(requested), settle / 1_000_000);
    }

    @Override
    public void setPairIntervalMicros(long micros) {
        if (model != StimulatorModel.MAGSTIM_BISTIM) {
            throw new UnsupportedOperationException(describe() + " has no A-to-B interval: only a BiStim² does");
        }
        beginBlockingCall();
        BiStimInterval wanted = BiStimInterval.forMicros(micros);
        if (wanted.steps() == 0 && armedExpected) {
            throw new IllegalStateException(describe() + ": simultaneous discharge (interval 0) can only be set "
                    + "while disarmed");
        }
        boolean switching = highResolution == null || highResolution != wanted.highResolution();
        if (switching && armedExpected) {
            throw new IllegalStateException(describe() + ": an interval of " + micros / 1000.0 + " ms needs "
                    + (wanted.highResolution() ? "0.1 ms" : "1 ms") + " steps, and the BiStim² only changes its "
                    + "interval resolution while disarmed (its resolution is "
                    + (highResolution == null ? "not known yet" : highResolution ? "0.1 ms" : "1 ms") + ")");
        }
        if (switching) {
            exchange(new MagstimCommand.SetHighResolutionInterval(wanted.highResolution()));
            highResolution = wanted.highResolution();
            pause(MagstimTimings.RESOLUTION_SWITCH.toNanos());
        }
        lock();
        try {
            exchangeHeld(new MagstimCommand.SetInterval(wanted.steps()));
            readPowersHeld();
        } finally {
            exchangeLock.unlock();
        }
        if (intervalSteps != wanted.steps()) {
            throw fault(StimulatorFault.Kind.READ_BACK_MISMATCH, "the interval was set to " + wanted.steps()
                    + " steps of " + (wanted.highResolution() ? "0.1 ms" : "1 ms") + " but reads back as "
                    + intervalSteps, false);
        }
        LOG.info("{}: A-to-B interval {} ms", describe(), wanted.micros() / 1000.0);
    }

    @Override
    public void arm() {
        beginBlockingCall();
        lock();
        try {
            readTemperatureHeld();
            String blocker = conditionOf(lastStatus, coilCelsius);
            if (blocker != null) {
                throw fault(kindOf(lastStatus), "cannot arm: " + blocker, false);
            }
            if (lastStatus.standby()) {
                exchangeHeld(new MagstimCommand.SetBaseMode(BaseMode.ARM));
            }
            armedExpected = true;
        } finally {
            exchangeLock.unlock();
        }
        awaitReady(CHARGE_NANOS + rechargeNanos() + READY_MARGIN_NANOS, "arming");
        LOG.info("{}: armed and ready", describe());
    }

    @Override
    public boolean disarm() {
        armedExpected = false;
        try {
            MagstimLine.Pending p = line.send(new MagstimCommand.SetBaseMode(BaseMode.DISARM));
            MagstimReply reply = line.await(p, timings.reply());
            boolean confirmed = reply instanceof MagstimReply.Status && reply.command() == 'E';
            if (confirmed) {
                lastStatus = ((MagstimReply.Status) reply).status();
                LOG.info("{}: disarmed", describe());
            } else {
                LOG.warn("{}: disarm answered with {}", describe(), reply);
            }
            return confirmed;
        } catch (LineFailure e) {
            LOG.warn("{}: disarm not confirmed: {}", describe(), e.getMessage());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("{}: interrupted waiting for disarm to be confirmed", describe());
            return false;
        } catch (RuntimeException e) {
            // disarm() is the safety path and must never throw; whatever failed is logged for the record.
            LOG.error("{}: disarm failed", describe(), e);
            return false;
        }
    }

    @Override
    public void fire() {
        beginBlockingCall();
        if (!armedExpected) {
            throw new IllegalStateException(describe() + " is not armed: arm() before fire()");
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            awaitReady(rechargeNanos() + READY_MARGIN_NANOS, "the last pulse");
            lock();
            try {
                InstrumentStatus poked = statusOf(exchangeHeld(new MagstimCommand.EnableRemote()));
                if (poked.ready()) {
                    exchangeHeld(new MagstimCommand.SetBaseMode(BaseMode.FIRE));
                    LOG.info("{}: fired by serial command", describe());
                    readTemperatureHeld();
                    return;
                }
            } finally {
                exchangeLock.unlock();
            }
        }
        throw fault(StimulatorFault.Kind.REFUSED, "was not ready to fire (status " + lastStatus.describe() + ")",
                false);
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
        if (closed || !connected) {
            return;
        }
        try {
            beatIfDue(externalKeepAliveNanos());
        } catch (StimulatorException e) {
            pendingFault.compareAndSet(null, e.fault());
        } catch (DeviceException e) {
            LOG.warn("{}: keep-alive failed: {}", describe(), e.getMessage());
        }
    }

    @Override
    public void onFault(Consumer<StimulatorFault> listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (keepAliveThread != null) {
            keepAliveThread.interrupt();
            try {
                keepAliveThread.join(timings.reply().toMillis() * 2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        disarm();
        releaseRemote();
        line.close();
        LOG.info("{}: closed", describe());
    }

    /** The stimulator and its port, as messages name it: {@code Magstim BiStim² on serial:/dev/ttyUSB0 (9600 baud)}.
     */
    public String describe() {
        return model.displayName() + " on " + line.port();
    }

    /**
     * In virtual time, runs {@code keepAlive} during the driver's own waits (settling, charging, recharging), every
     * 250 ms of simulated time. The driver's waits advance the clock that every
     * simulated device shares, so whoever wires the session passes the other devices' keep-alives here (the
     * acquisition unit's watchdog must not expire while the stimulator settles). Not used in real time, where each
     * device keeps itself alive on its own thread.
     */
    public void feedWhileWaiting(Runnable keepAlive) {
        waitCompanions.add(keepAlive);
    }

    /** The BiStim² system mode read at connect (independent triggering, BiStim mode…), if a BiStim². */
    public Optional<BiStimMode> bistimMode() {
        return Optional.ofNullable(bistimMode);
    }

    // ---- connecting --------------------------------------------------------------------------------------

    private void handshake() {
        MagstimReply reply = enableRemoteAtConnect();
        InstrumentStatus s = statusOf(reply);
        if (s.raw() == MagstimCommand.PADDING) {
            throw connectFailure(StimulatorFault.Kind.BAD_REPLY, "it sends our own command back (Q@n): a loopback "
                    + "plug or a terminal, not a " + model.displayName());
        }
        if (!s.remoteControl()) {
            throw connectFailure(StimulatorFault.Kind.REFUSED, "it answered Q@ (enable remote control) but did not "
                    + "take remote control (status " + s.describe() + ")" + rapidHint());
        }
        remoteHeld = true;
        lastStatus = s;
        identity = new StimulatorIdentity(model, "", "", line.port());
        lock();
        try {
            if (model == StimulatorModel.MAGSTIM_RAPID) {
                readRapidVersionHeld();
            }
            if (model == StimulatorModel.MAGSTIM_BISTIM) {
                readBiStimModeHeld();
            }
            powers = new StimulatorPowers(0, 0);
            powers = readPowersHeld();
            readTemperatureHeld();
        } finally {
            exchangeLock.unlock();
        }
        condition = conditionOf(lastStatus, coilCelsius);
        connected = true;
        LOG.info("connected to {} ({}): powers {}, coil {} °C, status {}", describe(),
                identity.softwareVersion().isEmpty() ? "no version query" : "software " + identity.softwareVersion(),
                text(powers), coilCelsius, lastStatus.describe());
    }

    private MagstimReply enableRemoteAtConnect() {
        LineFailure last = null;
        for (int attempt = 1; attempt <= timings.connectAttempts(); attempt++) {
            try {
                MagstimReply reply = line.exchange(new MagstimCommand.EnableRemote(), timings.reply());
                if (reply.isError()) {
                    throw connectFailure(StimulatorFault.Kind.BAD_REPLY, "it does not answer like a "
                            + model.displayName() + ": it answered Q@ (enable remote control) with "
                            + MagstimBytes.render(reply.encode()) + rapidHint());
                }
                return reply;
            } catch (LineFailure f) {
                last = f;
                if (f.kind() != StimulatorFault.Kind.NO_REPLY) {
                    break;
                }
                LOG.warn("{}: {} (attempt {} of {})", describe(), f.getMessage(), attempt, timings.connectAttempts());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException("interrupted while connecting to " + describe());
            }
        }
        if (last.kind() == StimulatorFault.Kind.NO_REPLY) {
            throw connectFailure(StimulatorFault.Kind.NO_REPLY, "no answer to Q@ (enable remote control) after "
                    + timings.connectAttempts() + " attempts of " + timings.reply().toMillis() + " ms: is the "
                    + "stimulator switched on, its serial cable on the remote port"
                    + (model == StimulatorModel.MAGSTIM_RAPID ? " of the main unit" : "") + ", and the rate "
                    + model.defaultBaud() + " baud?" + rapidHint());
        }
        throw connectFailure(last.kind(), "it does not answer like a " + model.displayName() + ": "
                + last.getMessage());
    }

    private String rapidHint() {
        return model == StimulatorModel.MAGSTIM_RAPID ? " (a Rapid² with software 9 or later needs Magstim's unlock "
                + "code for remote control, which this driver does not send yet)" : "";
    }

    private void readRapidVersionHeld() {
        MagstimReply.Version v = (MagstimReply.Version) exchangeHeld(new MagstimCommand.GetVersion());
        int major = v.major().orElseThrow(() -> connectFailure(StimulatorFault.Kind.BAD_REPLY,
                "it reports software version '" + v.text() + "', which has no major version number"));
        if (major >= 9) {
            throw connectFailure(StimulatorFault.Kind.REFUSED, "it runs software " + v.text() + "; from version 9 "
                    + "a Rapid² needs Magstim's unlock code and the x@ keep-alive, which this driver does not "
                    + "support yet");
        }
        rapidLayout = RapidParameterLayout.forSoftwareMajor(major);
        identity = new StimulatorIdentity(model, "", v.text(), line.port());
    }

    private void readBiStimModeHeld() {
        MagstimReply.SystemMode m = (MagstimReply.SystemMode) exchangeHeld(new MagstimCommand.GetSystemMode());
        bistimMode = m.mode().orElseThrow(() -> connectFailure(StimulatorFault.Kind.BAD_REPLY,
                "it reports an unknown BiStim² system mode '" + m.modeCode() + "'"));
        if (!bistimMode.master()) {
            throw connectFailure(StimulatorFault.Kind.REFUSED, "it is the BiStim²'s slave unit ("
                    + bistimMode.meaning()
                    + "): connect the serial cable to the master");
        }
        if (bistimMode == BiStimMode.BISTIM_HIGH_RESOLUTION) {
            highResolution = true;
        } else if (bistimMode == BiStimMode.BISTIM_LOW_RESOLUTION) {
            highResolution = false;
        }
        LOG.info("{}: system mode {} ({})", describe(), bistimMode.code(), bistimMode.meaning());
    }

    private void startKeepAlive() {
        if (clock.isVirtual()) {
            return;
        }
        keepAliveThread = new Thread(this::keepAliveLoop, "magstim-keep-alive");
        keepAliveThread.setDaemon(true);
        keepAliveThread.start();
    }

    private void abandonConnection() {
        closed = true;
        if (remoteHeld) {
            releaseRemote();
        }
        line.close();
    }

    /** e.g. {@code Could not connect to a Magstim 200² on serial:/dev/ttyS0 (9600 baud): no answer to Q@ …}. */
    private StimulatorException connectFailure(StimulatorFault.Kind kind, String detail) {
        return new StimulatorException(new StimulatorFault(kind, "Could not connect to a " + model.displayName()
                + " on " + line.port() + ": " + detail));
    }

    // ---- keep-alive --------------------------------------------------------------------------------------

    private void keepAliveLoop() {
        while (!closed && !Thread.currentThread().isInterrupted()) {
            long wait = line.lastSentNanos() + keepAlivePeriodNanos() - clock.nowNanos();
            if (wait > 0) {
                LockSupport.parkNanos(Math.min(wait, KEEP_ALIVE_IDLE_CHECK_NANOS));
                continue;
            }
            keepAlive();
            if (!remoteHeld) {
                return;
            }
            // An exchange in progress keeps the watchdog fed; look again shortly.
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private long keepAlivePeriodNanos() {
        return (armedExpected ? timings.armedKeepAlive() : timings.standbyKeepAlive()).toNanos();
    }

    /**
     * When {@link #keepAlive()} beats. The keep-alive thread calls it as soon as a beat is due; a session's virtual
     * ticker calls it between steps of its own length, the last step of a wait without a call. So in virtual time a
     * beat is due after half the period: with steps of up to a quarter of a second the stimulator then never goes
     * more than 750 ms without a command while armed (its watchdog allows 1 s).
     */
    private long externalKeepAliveNanos() {
        return clock.isVirtual() ? keepAlivePeriodNanos() / 2 : keepAlivePeriodNanos();
    }

    /** F@ (a status that shows remote control truthfully, and the coil's temperature), then Q@ to feed the watchdog. */
    private void beatIfDue(long quietNanos) {
        if (!remoteHeld || closed || clock.nowNanos() - line.lastSentNanos() < quietNanos) {
            return;
        }
        if (!exchangeLock.tryLock()) {
            return;
        }
        try {
            if (clock.nowNanos() - line.lastSentNanos() < quietNanos) {
                return;
            }
            readTemperatureHeld();
            exchangeHeld(new MagstimCommand.EnableRemote());
        } finally {
            exchangeLock.unlock();
        }
    }

    // ---- exchanges ---------------------------------------------------------------------------------------

    private MagstimReply exchange(MagstimCommand command) {
        lock();
        try {
            return exchangeHeld(command);
        } finally {
            exchangeLock.unlock();
        }
    }

    private void lock() {
        try {
            exchangeLock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disarm();
            throw new DeviceException("interrupted waiting for " + describe() + "; disarmed");
        }
    }

    /** One command and its checked reply; the caller holds the exchange lock. */
    private MagstimReply exchangeHeld(MagstimCommand command) {
        if (closed && connected) {
            throw new IllegalStateException(describe() + " is closed");
        }
        checkWatchdogGap(command);
        MagstimReply reply;
        try {
            reply = line.exchange(command, timings.reply());
        } catch (LineFailure f) {
            throw fault(f.kind(), f.getMessage(), !connected);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disarm();
            throw new DeviceException("interrupted waiting for the reply to " + command.describe() + " from "
                    + describe() + "; disarmed");
        }
        inspect(command, reply);
        return reply;
    }

    /** A gap longer than the watchdog allows means the stimulator has dropped us, whatever Q@ would now say. */
    private void checkWatchdogGap(MagstimCommand command) {
        if (!remoteHeld || !connected) {
            return;
        }
        long gap = clock.nowNanos() - line.lastSentNanos();
        long window = armedExpected ? ARMED_WATCHDOG_NANOS : STANDBY_WATCHDOG_NANOS;
        if (gap >= window) {
            throw fault(StimulatorFault.Kind.REMOTE_CONTROL_LOST, "nothing was sent to it for " + gap / 1_000_000
                    + " ms " + (armedExpected ? "while armed" : "in standby") + " (before " + command.describe()
                    + "); its watchdog allows " + window / 1_000_000 + " ms, then it disarms and leaves remote "
                    + "control. " + (clock.isVirtual() ? "In virtual time, call keepAlive() as simulated time passes"
                    : "Was the computer suspended or overloaded?"), false);
        }
    }

    private void inspect(MagstimCommand command, MagstimReply reply) {
        if (reply.isError()) {
            throw fault(StimulatorFault.Kind.REFUSED, refusal(command, reply), !connected);
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
            throw fault(StimulatorFault.Kind.REMOTE_CONTROL_LOST, "left remote control (status " + s.describe()
                    + " in reply to " + command.describe() + "): its front panel took over, its watchdog expired, "
                    + "or it was reset", false);
        }
        String now = conditionOf(s, coilCelsius);
        String before = condition;
        condition = now;
        if (now != null && !now.equals(before)) {
            throw fault(kindOf(s), now, false);
        }
        boolean arming = command instanceof MagstimCommand.SetBaseMode m && m.mode() == BaseMode.ARM;
        if (armedExpected && s.standby() && !arming) {
            throw fault(StimulatorFault.Kind.STIMULATOR_ERROR, "disarmed itself (status " + s.describe()
                    + "): after a minute armed without a pulse, a hot coil, or at its front panel", false);
        }
    }

    private String refusal(MagstimCommand command, MagstimReply reply) {
        if (reply instanceof MagstimReply.UnknownCommand) {
            return "did not recognise " + command.describe() + " (it answered ?): is it really a "
                    + model.displayName() + "?";
        }
        if (reply instanceof MagstimReply.BadData) {
            return "rejected the data of " + command.describe();
        }
        String why;
        switch (command.code()) {
            case 'E':
                why = ((MagstimCommand.SetBaseMode) command).mode() == BaseMode.ARM
                        ? "already armed, a hot or missing coil, an error, or no remote control"
                        : "not ready, or no remote control";
                break;
            case '@':
            case 'A':
            case 'C':
                why = "a value out of its range, or no remote control";
                break;
            case 'Y':
            case 'Z':
                why = "the resolution only changes while disarmed";
                break;
            default:
                why = "no remote control?";
        }
        return "refused " + command.describe() + " (it answered S: " + why + ")";
    }

    // ---- reads -------------------------------------------------------------------------------------------

    private StimulatorPowers readPowersHeld() {
        if (model == StimulatorModel.MAGSTIM_RAPID) {
            MagstimReply.RapidParameters p = (MagstimReply.RapidParameters) exchangeHeld(
                    new MagstimCommand.GetRapidParameters(rapidLayout));
            if (!p.singlePulseMode()) {
                throw connected ? fault(StimulatorFault.Kind.STIMULATOR_ERROR, "left single-pulse mode (Rapid "
                        + "status 0x" + Integer.toHexString(p.rapidStatus()) + "): a trigger would start a train",
                        false) : connectFailure(StimulatorFault.Kind.REFUSED, "it is in repetitive (train) mode; this "
                        + "driver delivers single pulses only: set single-pulse mode on the Rapid² first");
            }
            powers = new StimulatorPowers(Math.min(p.powerPercent(), 100), 0);
            return powers;
        }
        exchangeHeld(new MagstimCommand.GetParameters());
        return powers;
    }

    private void readTemperatureHeld() {
        exchangeHeld(new MagstimCommand.GetTemperature());
    }

    /** Polls (with Q@, which also feeds the watchdog) until Ready. */
    private void awaitReady(long allowanceNanos, String after) {
        long deadline = clock.nowNanos() + allowanceNanos;
        while (true) {
            InstrumentStatus s = statusOf(exchange(new MagstimCommand.EnableRemote()));
            if (s.ready()) {
                return;
            }
            if (clock.nowNanos() >= deadline) {
                throw fault(StimulatorFault.Kind.REFUSED, "did not become ready within "
                        + String.format(Locale.ROOT, "%.1f", allowanceNanos / 1e9) + " s of " + after + " (status "
                        + s.describe() + ")", false);
            }
            pause(timings.readyPoll().toNanos());
        }
    }

    /**
     * Lets {@code nanos} pass. In virtual time this advances the simulator's clock in steps of at most the armed
     * keep-alive period, feeding the stimulator's watchdog when due and running the {@link #feedWhileWaiting}
     * tasks between steps, so no watchdog on the shared clock goes hungry while the driver waits.
     */
    private void pause(long nanos) {
        try {
            long target = clock.nowNanos() + nanos;
            if (!clock.isVirtual()) {
                clock.runUntil(target);
                return;
            }
            long maxStep = timings.armedKeepAlive().toNanos();
            while (clock.nowNanos() < target) {
                long now = clock.nowNanos();
                long due = line.lastSentNanos() + keepAlivePeriodNanos();
                clock.runUntil(Math.min(Math.min(target, now + maxStep), Math.max(due, now + 1000)));
                beatIfDue(keepAlivePeriodNanos());
                if (clock.nowNanos() - lastCompanionNanos >= maxStep / 2) {
                    lastCompanionNanos = clock.nowNanos();
                    for (Runnable companion : waitCompanions) {
                        companion.run();
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            disarm();
            throw new DeviceException("interrupted while waiting on " + describe() + "; disarmed");
        }
    }

    // ---- faults ------------------------------------------------------------------------------------------

    /**
     * Disarms, tells the listeners and returns the exception to throw. A fault found in the background (keep-alive)
     * is kept for the next blocking call by the caller; while one is kept, later faults only disarm, so listeners
     * hear of a failing line once rather than at every keep-alive.
     */
    private StimulatorException fault(StimulatorFault.Kind kind, String detail, boolean duringConnect) {
        if (duringConnect) {
            return connectFailure(kind, detail);
        }
        boolean confirmed = kind != StimulatorFault.Kind.LINK_LOST && disarm();
        String message = describe() + ": " + detail + ". " + (confirmed ? "The stimulator is disarmed."
                : "Disarm was not confirmed: disarm it at its front panel.");
        StimulatorFault f = new StimulatorFault(kind, message);
        // A lost link is told by whoever finds it first (this thread or the reader); other faults are told unless
        // one found in the background still waits to be thrown.
        boolean tellNow = kind == StimulatorFault.Kind.LINK_LOST ? !linkLossReported.getAndSet(true)
                : pendingFault.get() == null;
        if (tellNow) {
            tell(f);
        }
        return new StimulatorException(f);
    }

    private void tell(StimulatorFault f) {
        LOG.error("{}", f.message());
        for (Consumer<StimulatorFault> listener : listeners) {
            try {
                listener.accept(f);
            } catch (RuntimeException e) {
                // A listener's bug must not stop fault handling or the other listeners.
                LOG.error("fault listener failed", e);
            }
        }
    }

    private void linkLost(String why) {
        armedExpected = false;
        remoteHeld = false;
        if (closed) {
            return;
        }
        StimulatorFault f = new StimulatorFault(StimulatorFault.Kind.LINK_LOST, describe() + ": " + why
                + ". Disarm it at its front panel and check the cable.");
        pendingFault.compareAndSet(null, f);
        if (!linkLossReported.getAndSet(true)) {
            tell(f);
        }
    }

    /** Throws the fault found in the background since the last call, if any; refuses calls after close. */
    private void beginBlockingCall() {
        StimulatorFault f = pendingFault.getAndSet(null);
        if (f != null) {
            throw new StimulatorException(f);
        }
        if (closed) {
            throw new IllegalStateException(describe() + " is closed");
        }
    }

    private void releaseRemote() {
        if (!remoteHeld) {
            return;
        }
        remoteHeld = false;
        try {
            line.exchange(new MagstimCommand.DisableRemote(), timings.reply());
        } catch (LineFailure e) {
            LOG.warn("{}: remote control not released: {}", describe(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    /** What the status (and last temperature) says is wrong now, or null. */
    private static String conditionOf(InstrumentStatus s, double celsius) {
        if (s.errorPresent()) {
            return "reports a " + (s.fatalError() ? "fatal" : "non-fatal") + " error (status " + s.describe() + ")";
        }
        if (!s.coilPresent()) {
            return "has no coil connected";
        }
        if (s.replaceCoil()) {
            return "asks for its coil to be replaced";
        }
        if (celsius > MAX_COIL_CELSIUS) {
            return String.format(Locale.ROOT, "coil at %.1f °C, above its %.0f °C limit: let it cool", celsius,
                    MAX_COIL_CELSIUS);
        }
        return null;
    }

    private static StimulatorFault.Kind kindOf(InstrumentStatus s) {
        return s.errorPresent() ? StimulatorFault.Kind.STIMULATOR_ERROR : StimulatorFault.Kind.COIL;
    }

    private static ChargeState charge(InstrumentStatus s) {
        return s.ready() ? ChargeState.READY : s.armed() ? ChargeState.CHARGING : ChargeState.STANDBY;
    }

    private static InstrumentStatus statusOf(MagstimReply reply) {
        return reply.instrumentStatus().orElseThrow(() -> new IllegalStateException("no status in " + reply));
    }

    /** The longest recharge after a pulse (tms.md §1.7: up to 4 s on a 200² at high power and on a BiStim²). */
    private long rechargeNanos() {
        return model == StimulatorModel.MAGSTIM_RAPID ? 1_000_000_000L : 4_000_000_000L;
    }

    private String text(StimulatorPowers p) {
        return model.outputs() == 2 ? "A " + p.outputAPercent() + " %, B " + p.outputBPercent() + " %"
                : p.outputAPercent() + " %";
    }

}
