package org.excitrack.sim.magstim;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.excitrack.codec.magstim.BaseMode;
import org.excitrack.codec.magstim.InstrumentStatus;
import org.excitrack.codec.magstim.MagstimCommand;
import org.excitrack.codec.magstim.MagstimCommandDecoder.HostMessage;
import org.excitrack.codec.magstim.MagstimReply;
import org.excitrack.codec.magstim.RapidParameterLayout;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.sim.Scheduler;
import org.excitrack.sim.TriggeredStimulator;
import org.excitrack.sim.cortex.MagneticPulse;

/**
 * A Magstim 200², BiStim² or Rapid² as the host and the acquisition unit's trigger lines see it: the state machine
 * of tms.md §1.9. Every modelling choice that no Magstim document states is marked <b>ours</b> here and in
 * {@code magnetic-stimulators.md}.
 *
 * <ul>
 *   <li>Replies report the state <em>before</em> the command, except those to {@code Q@} and {@code R@}
 *       (MagPy's simulator, which calls this Magstim behaviour).
 *   <li>{@code EB} arms; about 1 s later, and once the recharge time since the last pulse has passed, the status
 *       shows Ready. Recharge: 2/3/4 s by power on a 200² (0–49, 50–79, 80–100 %), 4 s on a BiStim², 1 s on a
 *       Rapid² in single-pulse mode (MagPy's simulator; TDb087's 1 Hz single-pulse limit).
 *   <li>A power change while armed holds Ready off for the capacitor's settling time: 100 ms per 1 % drop,
 *       10 ms per 1 % rise (<b>ours</b>, from the host-side waits in MagPy's docstrings).
 *   <li>Watchdog: with remote control on, no accepted command for 10 s in standby or 1 s armed → disarm and drop
 *       remote control (<b>ours</b>, after MagPy's simulator; the documents do not say what a unit does).
 *   <li>Armed for 60 s without a pulse → disarm (MagPy's docstring).
 *   <li>Coil above 40 °C → disarm; {@code EB} answers {@code S} (<b>inferred</b> from MagPy's docstring).
 *       Heating: {@link CoilThermalModel}.
 *   <li>Errors: a byte that starts no command → {@code ?}; a bad check byte from the host → {@code ?}
 *       (MagPy's simulator); bad digits → {@code cmd ?}; a command that needs remote control without it, a
 *       state conflict, or a value out of range → {@code cmd S} (out of range as {@code S} is MagPy's choice;
 *       a real unit may answer {@code ?}).
 *   <li>Triggers: judged when the unit hands over the trial (within one trial length of the trigger,
 *       <b>ours</b>). A trigger that finds the stimulator not Ready delivers nothing and is counted as missed.
 *       Outputs fired in the same trial count as one discharge, so a BiStim² in independent mode fires A and B
 *       in one trial. Pulses are delivered at the set power without BiStim output derating (<b>ours</b>: the
 *       virtual subject's thresholds are in this stimulator's %MSO).
 * </ul>
 *
 * <p>Single-threaded by contract: every method, and every task it schedules, runs on the thread behind its
 * {@link Scheduler} (the acquisition unit's, so both live in the same time). The counters may be read from
 * any thread.
 */
public final class VirtualMagstim implements TriggeredStimulator {
    static final long CHARGE_MICROS = 1_000_000;
    static final long STANDBY_WATCHDOG_MICROS = 10_000_000;
    static final long ARMED_WATCHDOG_MICROS = 1_000_000;
    static final long IDLE_DISARM_MICROS = 60_000_000;
    static final double MAX_COIL_CELSIUS = 40.0;
    static final double HOT_COIL_CELSIUS = 41.0;
    static final long SETTLE_MICROS_PER_PERCENT_DROP = 100_000;
    static final long SETTLE_MICROS_PER_PERCENT_RISE = 10_000;
    /** Rapid² status: single-pulse mode, HV supply connected, coil ready. */
    private static final int RAPID_STATUS = (1 << 3) | (1 << 4) | (1 << 5);

    private enum Output { A, B }

    private final VirtualMagstimConfig config;
    private final Scheduler scheduler;
    private final Consumer<byte[]> out;
    private final Random noise;
    private final CoilThermalModel coil = new CoilThermalModel();
    private final Set<MagstimSimFault> lastingFaults = EnumSet.noneOf(MagstimSimFault.class);

    private boolean remote;
    private boolean armed;
    private long readyAtMicros;
    private long lastDischargeMicros = Long.MIN_VALUE / 2;
    private long armedAtMicros;
    private boolean coilPresent = true;
    private boolean fatalError;
    private int powerA = 30;
    private int powerB = 30;
    private int intervalSteps = 10;
    private boolean highResolution;
    private Scheduler.Cancellable watchdog;
    private Scheduler.Cancellable idle;
    private long dischargeInstantMicros = Long.MIN_VALUE;
    private final Set<Output> firedThisInstant = EnumSet.noneOf(Output.class);
    private boolean faultsStarted;

    private volatile long hostMessages;
    private volatile long errorReplies;
    private volatile long pulsesDelivered;
    private volatile long missedTriggers;
    private volatile long watchdogDisarms;
    private volatile long watchdogRemoteDrops;
    private volatile long idleDisarms;
    private volatile long overTemperatureDisarms;

    /** @param out where replies go, one complete reply per call */
    public VirtualMagstim(VirtualMagstimConfig config, Scheduler scheduler, Consumer<byte[]> out) {
        this.config = config;
        this.scheduler = scheduler;
        this.out = out;
        this.noise = new Random(config.seed());
        if (config.faultAfterCommands() == 0) {
            startFaults();
        }
    }

    public StimulatorModel model() {
        return config.model();
    }

    public MagstimCounters counters() {
        return new MagstimCounters(hostMessages, errorReplies, pulsesDelivered, missedTriggers, watchdogDisarms,
                watchdogRemoteDrops, idleDisarms, overTemperatureDisarms);
    }

    /** The status byte as a reply sent now would carry it. */
    public InstrumentStatus status() {
        refresh(scheduler.nowMicros());
        return statusNow();
    }

    public double coilCelsius() {
        return coil.celsiusAt(scheduler.nowMicros());
    }

    public int powerAPercent() {
        return powerA;
    }

    public int powerBPercent() {
        return powerB;
    }

    /** Makes a fault happen now, whatever the configuration said. */
    public void inject(MagstimSimFault fault) {
        long now = scheduler.nowMicros();
        switch (fault) {
            case BAD_CHECKSUM:
            case GARBAGE:
            case NO_REPLY:
                lastingFaults.add(fault);
                break;
            case DROP_REMOTE:
                dropRemote();
                break;
            case COIL_HOT:
                coil.set(now, HOT_COIL_CELSIUS);
                refresh(now);
                break;
            case COIL_REMOVED:
                coilPresent = false;
                disarm();
                break;
            default:
                fatalError = true;
                disarm();
                break;
        }
    }

    /** Stops the lasting faults (bad check bytes, garbage, silence). */
    public void clearReplyFaults() {
        lastingFaults.clear();
    }

    /** One message from the host; the reply, if any, goes out at once. */
    public void onHostMessage(HostMessage message) {
        hostMessages++;
        if (!faultsStarted && hostMessages > config.faultAfterCommands()) {
            startFaults();
        }
        MagstimReply reply = answer(message);
        if (reply.isError()) {
            errorReplies++;
        }
        send(reply);
    }

    @Override
    public Optional<MagneticPulse> onTrigger(TriggerOut trigger) {
        List<MagneticPulse> pulses = pulsesFor(trigger);
        return pulses.isEmpty() ? Optional.empty() : Optional.of(pulses.get(0));
    }

    @Override
    public List<MagneticPulse> pulsesFor(TriggerOut trigger) {
        List<Output> outputs = outputsOn(trigger.line());
        if (outputs.isEmpty()) {
            return List.of();
        }
        long now = scheduler.nowMicros();
        refresh(now);
        boolean sameDischarge = now == dischargeInstantMicros && outputs.stream().noneMatch(firedThisInstant::contains);
        if (!sameDischarge && !readyNow(now)) {
            missedTriggers++;
            return List.of();
        }
        discharge(now, outputs);
        List<MagneticPulse> pulses = new ArrayList<>();
        for (Output o : outputs) {
            long onset = trigger.onsetMicros() + (o == Output.B && bistimMode() ? intervalMicros() : 0);
            pulses.add(new MagneticPulse(onset, o == Output.A ? powerA : powerB));
        }
        return pulses;
    }

    private List<Output> outputsOn(int line) {
        List<Output> outputs = new ArrayList<>();
        if (line == config.wiring().outputALine()) {
            outputs.add(Output.A);
            if (bistimMode()) {
                outputs.add(Output.B);
            }
        } else if (line == config.wiring().outputBLine() && config.model() == StimulatorModel.MAGSTIM_BISTIM
                && !bistimMode()) {
            outputs.add(Output.B);
        }
        return outputs;
    }

    private boolean bistimMode() {
        return config.model() == StimulatorModel.MAGSTIM_BISTIM && config.triggering() == BiStimTriggering.BISTIM;
    }

    private long intervalMicros() {
        return intervalSteps * (highResolution ? 100L : 1000L);
    }

    // ---- host messages -----------------------------------------------------------------------------------

    private MagstimReply answer(HostMessage message) {
        if (message instanceof HostMessage.UnknownCommand || message instanceof HostMessage.BadChecksum) {
            return new MagstimReply.UnknownCommand();
        }
        if (message instanceof HostMessage.BadData bad) {
            if (!knows(bad.command())) {
                return new MagstimReply.UnknownCommand();
            }
            return remote || bad.command() == 'E' ? new MagstimReply.BadData(bad.command())
                    : new MagstimReply.Conflict(bad.command());
        }
        MagstimCommand command = ((HostMessage.Valid) message).command();
        if (!knows(command.code())) {
            return new MagstimReply.UnknownCommand();
        }
        long now = scheduler.nowMicros();
        refresh(now);
        if (!remote && !worksWithoutRemote(command)) {
            return new MagstimReply.Conflict(command.code());
        }
        MagstimReply reply = apply(command, statusNow(), now);
        if (!reply.isError() && remote) {
            restartWatchdog();
        }
        return reply;
    }

    private boolean knows(char code) {
        StimulatorModel m = config.model();
        switch (code) {
            case '@':
            case 'E':
            case 'Q':
            case 'R':
            case 'F':
                return true;
            case 'J':
                return m != StimulatorModel.MAGSTIM_RAPID;
            case 'A':
            case 'C':
            case 'X':
            case 'Y':
            case 'Z':
                return m == StimulatorModel.MAGSTIM_BISTIM;
            case 'N':
            case '\\':
                return m == StimulatorModel.MAGSTIM_RAPID;
            default:
                return false;
        }
    }

    /** Stop, the remote-control switches and the queries; the Rapid² version needs remote control (MagPy). */
    private static boolean worksWithoutRemote(MagstimCommand command) {
        return command.worksWithoutRemoteControl();
    }

    private MagstimReply apply(MagstimCommand command, InstrumentStatus before, long now) {
        char code = command.code();
        if (command instanceof MagstimCommand.EnableRemote) {
            remote = true;
            return new MagstimReply.Status(code, statusNow());
        }
        if (command instanceof MagstimCommand.DisableRemote) {
            dropRemote();
            return new MagstimReply.Status(code, statusNow());
        }
        if (command instanceof MagstimCommand.GetParameters) {
            boolean bistim = config.model() == StimulatorModel.MAGSTIM_BISTIM;
            return new MagstimReply.Parameters(before, powerA, bistim ? powerB : 0, bistim ? intervalSteps : 0);
        }
        if (command instanceof MagstimCommand.GetTemperature) {
            int tenths = (int) Math.min(999, Math.round(coil.celsiusAt(now) * 10));
            return new MagstimReply.Temperature(before, tenths, tenths);
        }
        if (command instanceof MagstimCommand.GetSystemMode) {
            char mode = config.triggering() == BiStimTriggering.INDEPENDENT ? '3' : highResolution ? '4' : '2';
            return new MagstimReply.SystemMode(before, mode);
        }
        if (command instanceof MagstimCommand.GetVersion) {
            return new MagstimReply.Version(config.rapidSoftwareVersion());
        }
        if (command instanceof MagstimCommand.GetRapidParameters) {
            RapidParameterLayout layout = RapidParameterLayout.forSoftwareMajor(
                    new MagstimReply.Version(config.rapidSoftwareVersion()).major().orElse(8));
            return new MagstimReply.RapidParameters(before, RAPID_STATUS, layout, powerA, 10, 1, 0, 10);
        }
        if (command instanceof MagstimCommand.SetBaseMode mode) {
            return setBaseMode(mode.mode(), before, now);
        }
        if (command instanceof MagstimCommand.SetPowerA set) {
            if (set.percent() > 100) {
                return new MagstimReply.Conflict(code);
            }
            holdReadyForSettling(powerA, set.percent(), now);
            powerA = set.percent();
            return new MagstimReply.Status(code, before);
        }
        if (command instanceof MagstimCommand.SetPowerB set) {
            if (set.percent() > 100) {
                return new MagstimReply.Conflict(code);
            }
            holdReadyForSettling(powerB, set.percent(), now);
            powerB = set.percent();
            return new MagstimReply.Status(code, before);
        }
        if (command instanceof MagstimCommand.SetInterval set) {
            if (set.steps() == 0 && armed) {
                return new MagstimReply.Conflict(code);
            }
            intervalSteps = set.steps();
            return new MagstimReply.Status(code, before);
        }
        if (command instanceof MagstimCommand.SetHighResolutionInterval set) {
            if (armed) {
                return new MagstimReply.Conflict(code);
            }
            highResolution = set.on();
            intervalSteps = 10;
            return new MagstimReply.Status(code, before);
        }
        return new MagstimReply.UnknownCommand();
    }

    private MagstimReply setBaseMode(BaseMode mode, InstrumentStatus before, long now) {
        switch (mode) {
            case DISARM:
                disarm();
                return new MagstimReply.Status('E', before);
            case ARM:
                if (armed || !coilPresent || fatalError || coil.celsiusAt(now) > MAX_COIL_CELSIUS) {
                    return new MagstimReply.Conflict('E');
                }
                armed = true;
                armedAtMicros = now;
                readyAtMicros = Math.max(now + CHARGE_MICROS, lastDischargeMicros + rechargeMicros());
                restartIdle();
                return new MagstimReply.Status('E', before);
            default:
                if (!readyNow(now)) {
                    return new MagstimReply.Conflict('E');
                }
                List<Output> outputs = new ArrayList<>(List.of(Output.A));
                if (config.model() == StimulatorModel.MAGSTIM_BISTIM) {
                    outputs.add(Output.B);
                }
                discharge(now, outputs);
                return new MagstimReply.Status('E', before);
        }
    }

    // ---- state -------------------------------------------------------------------------------------------

    private InstrumentStatus statusNow() {
        long now = scheduler.nowMicros();
        int s = 0;
        if (!armed) {
            s |= InstrumentStatus.STANDBY;
        } else if (readyNow(now)) {
            s |= InstrumentStatus.READY;
        } else {
            s |= InstrumentStatus.ARMED;
        }
        if (coilPresent) {
            s |= InstrumentStatus.COIL_PRESENT;
        }
        if (fatalError) {
            s |= InstrumentStatus.ERROR_PRESENT | InstrumentStatus.ERROR_FATAL;
        }
        if (remote) {
            s |= InstrumentStatus.REMOTE_CONTROL;
        }
        return new InstrumentStatus(s);
    }

    private boolean readyNow(long now) {
        return armed && now >= readyAtMicros;
    }

    /** Applies what time alone changes: a coil that has become too hot while armed. */
    private void refresh(long now) {
        if (armed && coil.celsiusAt(now) > MAX_COIL_CELSIUS) {
            overTemperatureDisarms++;
            disarm();
        }
    }

    private long rechargeMicros() {
        switch (config.model()) {
            case MAGSTIM_200: {
                int p = powerA;
                return p < 50 ? 2_000_000 : p < 80 ? 3_000_000 : 4_000_000;
            }
            case MAGSTIM_BISTIM:
                return 4_000_000;
            default:
                return 1_000_000;
        }
    }

    private void holdReadyForSettling(int fromPercent, int toPercent, long now) {
        if (!armed) {
            return;
        }
        long settle = toPercent < fromPercent ? (fromPercent - toPercent) * SETTLE_MICROS_PER_PERCENT_DROP
                : (toPercent - fromPercent) * SETTLE_MICROS_PER_PERCENT_RISE;
        readyAtMicros = Math.max(readyAtMicros, now + settle);
    }

    private void discharge(long now, List<Output> outputs) {
        if (now != dischargeInstantMicros) {
            dischargeInstantMicros = now;
            firedThisInstant.clear();
        }
        firedThisInstant.addAll(outputs);
        lastDischargeMicros = now;
        readyAtMicros = now + rechargeMicros();
        for (Output o : outputs) {
            pulsesDelivered++;
            coil.pulse(now, o == Output.A ? powerA : powerB);
        }
        restartIdle();
        if (remote) {
            restartWatchdog();
        }
        refresh(now);
    }

    private void disarm() {
        armed = false;
        stop(idle);
        idle = null;
        if (remote) {
            restartWatchdog();
        }
    }

    private void restartWatchdog() {
        stop(watchdog);
        long window = armed ? ARMED_WATCHDOG_MICROS : STANDBY_WATCHDOG_MICROS;
        watchdog = scheduler.schedule(window, this::watchdogExpired);
    }

    private void watchdogExpired() {
        watchdog = null;
        boolean wasArmed = armed;
        dropRemote();
        if (wasArmed) {
            watchdogDisarms++;
        } else {
            watchdogRemoteDrops++;
        }
    }

    /** Back to the front panel: disarmed, remote control off, no watchdog running. */
    private void dropRemote() {
        remote = false;
        stop(watchdog);
        watchdog = null;
        disarm();
    }

    private void restartIdle() {
        stop(idle);
        idle = scheduler.schedule(IDLE_DISARM_MICROS, () -> {
            idle = null;
            if (armed) {
                idleDisarms++;
                disarm();
            }
        });
    }

    private static void stop(Scheduler.Cancellable task) {
        if (task != null) {
            task.cancel();
        }
    }

    private void startFaults() {
        faultsStarted = true;
        for (MagstimSimFault f : config.faults()) {
            inject(f);
        }
    }

    private void send(MagstimReply reply) {
        if (lastingFaults.contains(MagstimSimFault.NO_REPLY)) {
            return;
        }
        byte[] bytes = reply.encode();
        if (lastingFaults.contains(MagstimSimFault.GARBAGE)) {
            for (int i = 0; i < bytes.length; i++) {
                int v;
                do {
                    v = noise.nextInt(256);
                } while (v == (reply.command() & 0xFF) || v == '?');
                bytes[i] = (byte) v;
            }
        } else if (lastingFaults.contains(MagstimSimFault.BAD_CHECKSUM) && bytes.length > 1) {
            bytes[bytes.length - 1] ^= 0x5A;
        }
        out.accept(bytes);
    }
}
