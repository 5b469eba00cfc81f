package org.excitrack.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import org.excitrack.codec.Command;
import org.excitrack.codec.Envelope;
import org.excitrack.codec.ErrorCode;
import org.excitrack.codec.Event;
import org.excitrack.codec.EventCode;
import org.excitrack.codec.Message;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.MessageType;
import org.excitrack.codec.ProtocolException;
import org.excitrack.codec.Reply;
import org.excitrack.codec.UnsupportedVersionException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.PolarizingStep;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.sim.cortex.MagneticPulse;
import org.excitrack.sim.subject.Stimulation;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitState;

/**
 * The device side of our wire protocol, byte for byte, as firmware-protocol/PROTOCOL.md specifies it: the
 * state machine, the unit's own limits, the watchdog, idempotent trial ids, abort and emergency stop.
 *
 * <p>Single-threaded by contract: every method, and every task it schedules, runs on the thread behind its
 * {@link Scheduler}. Replies leave through the outbox as envelopes in the order they are produced.
 */
public final class VirtualUnit {
    private static final int IDENTITY_SEQUENCE_UNKNOWN = 0;
    /** STATUS reports the last event as 0x8000 | event code, since error and event codes overlap. */
    private static final int EVENT_CODE_FLAG = 0x8000;

    private final SimulatorConfig config;
    private final Scheduler scheduler;
    private final Consumer<Envelope> outbox;
    private final MessageCodec codec = new MessageCodec();
    private final Random random;
    private final VirtualAmplifier amplifier;
    private final UnitCapabilities capabilities = ReferenceUnit.CAPABILITIES;

    private UnitState state = UnitState.DISARMED;
    private SafetyLimits limits = ReferenceUnit.HARD_LIMITS;
    private Optional<AmplifierSettings> settings = Optional.empty();
    private int watchdogMillis;
    private Scheduler.Cancellable watchdog;
    private RunningTrial running;
    private CompletedTrial lastCompleted;
    private long lastTrialStartMicros = Long.MIN_VALUE;
    private long trialsDelivered;
    private int lastErrorCode;
    private boolean hung;
    private final List<TriggeredStimulator> stimulators = new ArrayList<>();

    public VirtualUnit(SimulatorConfig config, Scheduler scheduler, Consumer<Envelope> outbox) {
        this.config = config;
        this.scheduler = scheduler;
        this.outbox = outbox;
        this.random = new Random(config.seed());
        this.amplifier = new VirtualAmplifier(config.noiseMicrovoltsRms(), capabilities.emgChannels());
    }

    public UnitState state() {
        return state;
    }

    public long trialsDelivered() {
        return trialsDelivered;
    }

    public SafetyLimits limitsInForce() {
        return limits;
    }

    /** A frame whose CRC matched. Frames that failed framing never get here: the unit drops them silently. */
    public void onFrame(byte[] payload) {
        if (hung) {
            return;
        }
        Envelope envelope;
        try {
            envelope = codec.decode(payload);
        } catch (UnsupportedVersionException e) {
            replyToUndecodable(payload, ErrorCode.UNSUPPORTED_VERSION, e.getMessage());
            return;
        } catch (ProtocolException e) {
            boolean knownType = payload.length >= 2 && isKnownType(payload[1] & 0xFF);
            replyToUndecodable(payload, knownType ? ErrorCode.MALFORMED : ErrorCode.UNKNOWN_COMMAND, e.getMessage());
            return;
        }
        int seq = envelope.sequence();
        Message message = envelope.message();
        if (!(message instanceof Command command)) {
            send(seq, Reply.Error.of(message.type().code(), ErrorCode.UNKNOWN_COMMAND,
                    message.type() + " is not a command a host may send"));
            return;
        }
        if (!(command instanceof Command.Hello) && !speaks(envelope.version())) {
            send(seq, Reply.Error.of(command.type().code(), ErrorCode.UNSUPPORTED_VERSION,
                    "this unit speaks protocol " + config.protocolMin() + ".." + config.protocolMax()));
            return;
        }
        restartWatchdog();
        handle(seq, command);
    }

    /** The front-panel emergency-stop button. */
    public void pressEmergencyStopButton() {
        emergencyStop("emergency-stop button pressed");
        lastErrorCode = EVENT_CODE_FLAG | EventCode.EMERGENCY_STOP_PRESSED.code();
        send(0, new Event(EventCode.EMERGENCY_STOP_PRESSED, scheduler.nowMicros(), "front-panel button"));
    }

    private void handle(int seq, Command command) {
        switch (command.type()) {
            case HELLO -> hello(seq, (Command.Hello) command);
            case CONFIGURE -> configure(seq, (Command.Configure) command);
            case SET_LIMITS -> setLimits(seq, (Command.SetLimits) command);
            case ARM -> arm(seq, (Command.Arm) command);
            case DISARM -> {
                abortRunning("disarmed");
                state = state == UnitState.EMERGENCY_STOPPED || state == UnitState.FAULT ? state : UnitState.DISARMED;
                stopWatchdog();
                send(seq, new Reply.Ack());
            }
            case TRIAL -> trial(seq, ((Command.RunTrial) command).trial());
            case HEARTBEAT -> send(seq, new Reply.HeartbeatReply(scheduler.nowMicros(), state));
            case STATUS -> send(seq, new Reply.Status(state, scheduler.nowMicros(), trialsDelivered,
                    lastCompleted == null ? 0 : lastCompleted.spec().trialId(), lastErrorCode,
                    isArmed() ? watchdogMillis : 0));
            case ABORT -> {
                send(seq, new Reply.Ack());
                abortRunning("aborted by the host");
            }
            case EMERGENCY_STOP -> {
                emergencyStop("emergency stop commanded by the host");
                send(seq, new Reply.Ack());
            }
            case CLEAR_EMERGENCY_STOP -> {
                if (state == UnitState.EMERGENCY_STOPPED || state == UnitState.FAULT) {
                    state = UnitState.DISARMED;
                }
                send(seq, new Reply.Ack());
            }
            case TRIGGER_OUT -> fireTrigger(seq, (Command.FireTrigger) command);
            default -> send(seq, Reply.Error.of(command.type().code(), ErrorCode.UNKNOWN_COMMAND,
                    command.type() + " is not handled"));
        }
    }

    private void hello(int seq, Command.Hello hello) {
        int high = Math.min(hello.maxVersion(), config.protocolMax());
        int low = Math.max(hello.minVersion(), config.protocolMin());
        int negotiated = high >= low ? high : 0;
        send(seq, new Reply.Identity(negotiated, config.protocolMin(), config.protocolMax(), ReferenceUnit.MODEL,
                ReferenceUnit.FIRMWARE, config.serialNumber(),
                negotiated == 0 ? Optional.empty() : Optional.of(capabilities)));
    }

    private void configure(int seq, Command.Configure configure) {
        if (state == UnitState.RUNNING_TRIAL) {
            refuse(seq, MessageType.CONFIGURE, ErrorCode.BUSY, "a trial is running");
            return;
        }
        AmplifierSettings s = configure.settings();
        if (!capabilities.sampleRatesHz().contains(s.sampleRateHz())) {
            refuse(seq, MessageType.CONFIGURE, ErrorCode.CAPABILITY_EXCEEDED, "sample rate " + s.sampleRateHz()
                    + " Hz is not one of " + capabilities.sampleRatesHz());
            return;
        }
        long samples = s.defaultWindow().durationMicros() * s.sampleRateHz() / 1_000_000L;
        if (samples > capabilities.maxSamplesPerChannel()) {
            refuse(seq, MessageType.CONFIGURE, ErrorCode.CAPABILITY_EXCEEDED, "default window needs " + samples
                    + " samples per channel; the unit records at most " + capabilities.maxSamplesPerChannel());
            return;
        }
        settings = Optional.of(s);
        send(seq, new Reply.Configured(s));
    }

    private void setLimits(int seq, Command.SetLimits command) {
        if (state == UnitState.RUNNING_TRIAL) {
            refuse(seq, MessageType.SET_LIMITS, ErrorCode.BUSY, "a trial is running");
            return;
        }
        limits = command.limits().tighterOf(ReferenceUnit.HARD_LIMITS);
        send(seq, new Reply.LimitsInForce(limits));
    }

    private void arm(int seq, Command.Arm arm) {
        if (state == UnitState.EMERGENCY_STOPPED || state == UnitState.FAULT) {
            refuse(seq, MessageType.ARM, ErrorCode.EMERGENCY_STOPPED, "clear the emergency stop before arming");
            return;
        }
        if (state == UnitState.RUNNING_TRIAL) {
            refuse(seq, MessageType.ARM, ErrorCode.BUSY, "a trial is running");
            return;
        }
        state = UnitState.ARMED;
        watchdogMillis = arm.watchdogMillis();
        restartWatchdog();
        send(seq, new Reply.Ack());
    }

    private void trial(int seq, TrialSpec spec) {
        if (lastCompleted != null && lastCompleted.spec().trialId() == spec.trialId()) {
            if (lastCompleted.spec().equals(spec)) {
                send(seq, new Reply.TrialCompleted(lastCompleted.result()));
            } else {
                refuse(seq, MessageType.TRIAL, ErrorCode.DUPLICATE_TRIAL_ID, "trial id " + spec.trialId()
                        + " was already used for a different trial");
            }
            return;
        }
        Optional<Reply.Error> refusal = stateRefusal();
        if (refusal.isEmpty()) {
            AmplifierSettings s = settings.orElseThrow();
            refusal = TrialChecks.capabilityError(spec, capabilities, s)
                    .or(() -> TrialChecks.limitError(spec, limits))
                    .or(() -> lastTrialStartMicros == Long.MIN_VALUE ? Optional.empty()
                            : TrialChecks.intervalError(scheduler.nowMicros() - lastTrialStartMicros, limits));
        }
        if (refusal.isPresent()) {
            lastErrorCode = refusal.get().code().code();
            send(seq, refusal.get());
            return;
        }
        start(seq, spec);
    }

    private Optional<Reply.Error> stateRefusal() {
        int trial = MessageType.TRIAL.code();
        return switch (state) {
            case EMERGENCY_STOPPED, FAULT -> Optional.of(Reply.Error.of(trial, ErrorCode.EMERGENCY_STOPPED,
                    "outputs are latched off"));
            case DISARMED -> Optional.of(Reply.Error.of(trial, ErrorCode.NOT_ARMED, "arm the unit first"));
            case RUNNING_TRIAL -> Optional.of(Reply.Error.of(trial, ErrorCode.BUSY, "trial "
                    + running.spec().trialId() + " is running"));
            case ARMED -> settings.isEmpty() ? Optional.of(Reply.Error.of(trial, ErrorCode.NOT_CONFIGURED,
                    "send CONFIGURE first")) : Optional.empty();
        };
    }

    private void start(int seq, TrialSpec spec) {
        AmplifierSettings s = settings.orElseThrow();
        long startMicros = scheduler.nowMicros();
        lastTrialStartMicros = startMicros;
        state = UnitState.RUNNING_TRIAL;
        TrialSpec delivered = asDelivered(spec);
        long duration = spec.durationMicros(s.defaultWindow());
        Scheduler.Cancellable completion = scheduler.schedule(duration, () -> complete(startMicros));
        running = new RunningTrial(seq, spec, delivered, completion);
    }

    private void complete(long startMicros) {
        RunningTrial trial = running;
        running = null;
        state = UnitState.ARMED;
        trialsDelivered++;
        Stimulation stimulation = new Stimulation(trial.delivered(), magneticPulses(trial.delivered()),
                trial.delivered().durationMicros(settings.orElseThrow().defaultWindow()));
        Sweep sweep = amplifier.record(trial.delivered(), config.subject().respond(stimulation, random),
                settings.orElseThrow(), random);
        TrialResult result = new TrialResult(trial.spec().trialId(), startMicros, trial.delivered().pulses(),
                trial.delivered().polarizing(), trial.delivered().triggers(), sweep);
        lastCompleted = new CompletedTrial(trial.spec(), result);
        send(trial.sequence(), new Reply.TrialCompleted(result));
        if (config.hangAfterTrials().isPresent() && trialsDelivered >= config.hangAfterTrials().getAsLong()) {
            hung = true;
            stopWatchdog();
            state = UnitState.FAULT;
        }
    }

    /** Connects a magnetic stimulator to the trigger outputs; it fires on the trials that trigger its line. */
    public void connect(TriggeredStimulator stimulator) {
        stimulators.add(stimulator);
    }

    private List<MagneticPulse> magneticPulses(TrialSpec delivered) {
        List<MagneticPulse> pulses = new ArrayList<>();
        for (TriggerOut trigger : delivered.triggers()) {
            for (TriggeredStimulator s : stimulators) {
                pulses.addAll(s.pulsesFor(trigger));
            }
        }
        return pulses;
    }

    /** The stimulator delivers currents rounded to its resolution; that is what it reports. */
    private TrialSpec asDelivered(TrialSpec spec) {
        long step = capabilities.currentResolutionNanoamps();
        List<Pulse> pulses = new ArrayList<>();
        for (Pulse p : spec.pulses()) {
            pulses.add(p.withAmplitudeNanoamps(Math.round((double) p.amplitudeNanoamps() / step) * step));
        }
        List<PolarizingStep> steps = new ArrayList<>();
        for (PolarizingStep p : spec.polarizing()) {
            steps.add(new PolarizingStep(p.onsetMicros(), p.durationMicros(),
                    Math.round((double) p.amplitudeNanoamps() / step) * step, p.polarity()));
        }
        return new TrialSpec(spec.trialId(), pulses, steps, spec.triggers(), spec.window());
    }

    private void fireTrigger(int seq, Command.FireTrigger fire) {
        if (!isArmed()) {
            refuse(seq, MessageType.TRIGGER_OUT, ErrorCode.NOT_ARMED, "arm the unit first");
        } else if (fire.line() >= capabilities.triggerOutLines()) {
            refuse(seq, MessageType.TRIGGER_OUT, ErrorCode.CAPABILITY_EXCEEDED, "trigger line " + fire.line()
                    + " does not exist; the unit has " + capabilities.triggerOutLines());
        } else {
            send(seq, new Reply.Ack());
        }
    }

    private void emergencyStop(String why) {
        abortRunning(why);
        stopWatchdog();
        state = UnitState.EMERGENCY_STOPPED;
        lastErrorCode = ErrorCode.EMERGENCY_STOPPED.code();
    }

    private void abortRunning(String why) {
        if (running == null) {
            return;
        }
        RunningTrial trial = running;
        running = null;
        trial.completion().cancel();
        state = UnitState.ARMED;
        lastErrorCode = ErrorCode.ABORTED.code();
        send(trial.sequence(), new Reply.Error(MessageType.TRIAL.code(), ErrorCode.ABORTED, trial.spec().trialId(),
                0, Optional.empty(), "trial " + trial.spec().trialId() + " " + why + "; outputs off"));
    }

    private void restartWatchdog() {
        stopWatchdog();
        if (isArmed()) {
            watchdog = scheduler.schedule(watchdogMillis * 1000L, this::watchdogExpired);
        }
    }

    private void stopWatchdog() {
        if (watchdog != null) {
            watchdog.cancel();
            watchdog = null;
        }
    }

    private void watchdogExpired() {
        watchdog = null;
        abortRunning("stopped by the watchdog");
        state = UnitState.DISARMED;
        lastErrorCode = EVENT_CODE_FLAG | EventCode.WATCHDOG_EXPIRED.code();
        send(0, new Event(EventCode.WATCHDOG_EXPIRED, scheduler.nowMicros(),
                "no command for " + watchdogMillis + " ms while armed"));
    }

    private boolean isArmed() {
        return state == UnitState.ARMED || state == UnitState.RUNNING_TRIAL;
    }

    private boolean speaks(int version) {
        return version >= config.protocolMin() && version <= config.protocolMax()
                && version == MessageCodec.PROTOCOL_VERSION;
    }

    private void refuse(int seq, MessageType command, ErrorCode code, String detail) {
        lastErrorCode = code.code();
        send(seq, Reply.Error.of(command.code(), code, detail));
    }

    private void replyToUndecodable(byte[] payload, ErrorCode code, String detail) {
        int seq = payload.length >= 4 ? (payload[2] & 0xFF) | (payload[3] & 0xFF) << 8 : IDENTITY_SEQUENCE_UNKNOWN;
        int type = payload.length >= 2 ? payload[1] & 0xFF : 0;
        lastErrorCode = code.code();
        send(seq, Reply.Error.of(type, code, detail));
    }

    private static boolean isKnownType(int code) {
        for (MessageType t : MessageType.values()) {
            if (t.code() == code) {
                return true;
            }
        }
        return false;
    }

    private void send(int seq, Message message) {
        outbox.accept(Envelope.of(seq, message));
    }

    private record RunningTrial(int sequence, TrialSpec spec, TrialSpec delivered, Scheduler.Cancellable completion) {
    }

    private record CompletedTrial(TrialSpec spec, TrialResult result) {
    }
}
