package org.excitrack.device;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.excitrack.codec.Command;
import org.excitrack.codec.FrameLimits;
import org.excitrack.codec.MessageCodec;
import org.excitrack.codec.Reply;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitIdentity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link AcquisitionUnit} over any {@link org.excitrack.transport.Link}, speaking protocol version 1. */
public final class AcquisitionUnitClient implements AcquisitionUnit {
    private static final Logger LOG = LoggerFactory.getLogger(AcquisitionUnitClient.class);
    private static final int SUPPORTED_MIN_VERSION = MessageCodec.PROTOCOL_VERSION;
    private static final int SUPPORTED_MAX_VERSION = MessageCodec.PROTOCOL_VERSION;

    private final RequestChannel channel;
    private final ClientTimeouts timeouts;
    private final ScheduledExecutorService heartbeat;
    private UnitIdentity identity;
    private UnitCapabilities capabilities;
    private AmplifierSettings settings;
    private volatile long heartbeatPeriodNanos;
    private final java.util.concurrent.atomic.AtomicLong retries = new java.util.concurrent.atomic.AtomicLong();

    private AcquisitionUnitClient(RequestChannel channel, ClientTimeouts timeouts) {
        this.channel = channel;
        this.timeouts = timeouts;
        this.heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "unit-heartbeat");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Opens the protocol on {@code link}: HELLO, version check, identity.
     *
     * @throws NotAnAcquisitionUnitException when the port answers, but not as our unit
     * @throws VersionMismatchException when no protocol version is shared
     * @throws DeviceTimeoutException when nothing answers
     */
    public static AcquisitionUnitClient connect(org.excitrack.transport.Link link, ClientTimeouts timeouts) {
        RequestChannel channel = new RequestChannel(link);
        AcquisitionUnitClient client = new AcquisitionUnitClient(channel, timeouts);
        try {
            channel.start();
            client.handshake();
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    public static AcquisitionUnitClient connect(org.excitrack.transport.Link link) {
        return connect(link, ClientTimeouts.defaults());
    }

    private void handshake() {
        Reply reply;
        try {
            reply = exchange(new Command.Hello(SUPPORTED_MIN_VERSION, SUPPORTED_MAX_VERSION), timeouts.hello(),
                    timeouts.attempts(), "HELLO");
        } catch (DeviceTimeoutException e) {
            WireDiagnostics d = channel.diagnostics();
            if (d.echoedCommands() > 0) {
                throw new NotAnAcquisitionUnitException(channel.linkDescription() + " is not an Excitrack "
                        + "acquisition unit: it sends our own commands back (a loopback plug or a terminal?)");
            }
            if (d.bytesReceived() > 0) {
                throw new NotAnAcquisitionUnitException(channel.linkDescription() + " is not an Excitrack "
                        + "acquisition unit: no valid answer to HELLO after " + timeouts.attempts() + " attempts; "
                        + d.summary());
            }
            throw new DeviceTimeoutException("no answer from " + channel.linkDescription() + " after "
                    + timeouts.attempts() + " HELLO attempts of " + timeouts.hello().toMillis()
                    + " ms each: is the unit powered and connected to this port?");
        }
        if (!(reply instanceof Reply.Identity id)) {
            throw new NotAnAcquisitionUnitException(channel.linkDescription() + " answered HELLO with "
                    + reply.type() + " instead of IDENTITY");
        }
        if (id.negotiatedVersion() == 0 || id.capabilities().isEmpty()) {
            throw new VersionMismatchException(String.format("unit %s (%s, firmware %s) on %s speaks protocol "
                    + "version %s; this Excitrack speaks %s. %s", id.serialNumber(), id.model(), id.firmwareVersion(),
                    channel.linkDescription(), range(id.unitMinVersion(), id.unitMaxVersion()),
                    range(SUPPORTED_MIN_VERSION, SUPPORTED_MAX_VERSION),
                    id.unitMinVersion() > SUPPORTED_MAX_VERSION ? "Update Excitrack to use this unit."
                            : "Update the unit's firmware."));
        }
        identity = new UnitIdentity(id.model(), id.firmwareVersion(), id.serialNumber(), id.negotiatedVersion());
        capabilities = id.capabilities().get();
        LOG.info("connected to {} {} (firmware {}) on {}, protocol {}", identity.model(), identity.serialNumber(),
                identity.firmwareVersion(), channel.linkDescription(), identity.protocolVersion());
    }

    @Override
    public UnitIdentity identity() {
        return identity;
    }

    @Override
    public UnitCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public AmplifierSettings configure(AmplifierSettings requested) {
        Reply reply = command(new Command.Configure(requested), "CONFIGURE");
        settings = expect(reply, Reply.Configured.class, "CONFIGURE").settings();
        return settings;
    }

    @Override
    public SafetyLimits setLimits(SafetyLimits limits) {
        return expect(command(new Command.SetLimits(limits), "SET_LIMITS"), Reply.LimitsInForce.class,
                "SET_LIMITS").limits();
    }

    @Override
    public void arm(Duration watchdog) {
        int millis = (int) Math.min(Integer.MAX_VALUE, watchdog.toMillis());
        expect(command(new Command.Arm(millis), "ARM"), Reply.Ack.class, "ARM");
        startHeartbeat(watchdog.dividedBy(4));
    }

    @Override
    public void disarm() {
        heartbeatPeriodNanos = 0;
        expect(command(new Command.Disarm(), "DISARM"), Reply.Ack.class, "DISARM");
    }

    @Override
    public TrialResult runTrial(TrialSpec trial) {
        if (settings == null) {
            throw new IllegalStateException("configure the unit before running trials");
        }
        AmplifierSettings s = settings;
        long windowMicros = trial.effectiveWindow(s.defaultWindow()).durationMicros();
        long resultBytes = FrameLimits.trialResultBytes(trial,
                s.sampleRateHz() * windowMicros / 1_000_000L * capabilities.emgChannels());
        Duration deadline = timeouts.forTrial(trial.durationMicros(s.defaultWindow()), resultBytes);
        Reply reply = exchange(new Command.RunTrial(trial), deadline, timeouts.attempts(), "TRIAL #" + trial.trialId());
        TrialResult result = expect(reply, Reply.TrialCompleted.class, "TRIAL #" + trial.trialId()).result();
        if (result.trialId() != trial.trialId()) {
            throw new DeviceException(describeUnit() + " answered TRIAL #" + trial.trialId() + " with the result of #"
                    + result.trialId());
        }
        return result;
    }

    @Override
    public String linkReport() {
        return retries.get() + " requests repeated after no reply; " + channel.diagnostics().summary();
    }

    @Override
    public java.util.Optional<org.excitrack.model.VirtualClock> virtualClock() {
        return channel.virtualClock();
    }

    @Override
    public UnitStatus status() {
        Reply.Status s = expect(command(new Command.StatusRequest(), "STATUS"), Reply.Status.class, "STATUS");
        return new UnitStatus(s.state(), s.unitTimeMicros(), s.trialsDelivered(), s.lastTrialId(), s.lastErrorCode(),
                s.watchdogMillis());
    }

    @Override
    public boolean abort() {
        return urgent(new Command.Abort(), "ABORT");
    }

    @Override
    public boolean emergencyStop() {
        heartbeatPeriodNanos = 0;
        return urgent(new Command.EmergencyStop(), "EMERGENCY_STOP");
    }

    @Override
    public void clearEmergencyStop() {
        expect(command(new Command.ClearEmergencyStop(), "CLEAR_EMERGENCY_STOP"), Reply.Ack.class,
                "CLEAR_EMERGENCY_STOP");
    }

    @Override
    public void fireTrigger(int line, long widthMicros) {
        expect(command(new Command.FireTrigger(line, widthMicros), "TRIGGER_OUT"), Reply.Ack.class, "TRIGGER_OUT");
    }

    @Override
    public void onEvent(Consumer<UnitEvent> listener) {
        channel.onEvent(listener);
    }

    @Override
    public void close() {
        heartbeat.shutdownNow();
        channel.close();
    }

    /**
     * Sent straight from the calling thread, never queued behind the control thread; waits only briefly for
     * the acknowledgement, resending while the deadline allows.
     */
    private boolean urgent(Command command, String what) {
        try {
            Reply reply = exchange(command, timeouts.command(), timeouts.attempts(), what);
            return reply instanceof Reply.Ack;
        } catch (DeviceException e) {
            LOG.error("{} was not acknowledged by {}: {}", what, describeUnit(), e.getMessage());
            return false;
        }
    }

    private Reply command(Command command, String what) {
        return exchange(command, timeouts.command(), timeouts.attempts(), what);
    }

    private Reply exchange(Command command, Duration deadline, int attempts, String what) {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            RequestChannel.Outstanding out = channel.send(command);
            try {
                Reply reply = out.reply().get(deadline.toNanos(), TimeUnit.NANOSECONDS);
                if (reply instanceof Reply.Error error) {
                    throw refused(error, what);
                }
                return reply;
            } catch (TimeoutException e) {
                channel.forget(out.sequence());
                retries.incrementAndGet();
                LOG.warn("no reply to {} from {} within {} ms (attempt {} of {})", what, channel.linkDescription(),
                        deadline.toMillis(), attempt, attempts);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof DeviceException de) {
                    throw de;
                }
                throw new DeviceException("failed waiting for " + what + ": " + e.getCause(), e.getCause());
            } catch (InterruptedException e) {
                channel.forget(out.sequence());
                Thread.currentThread().interrupt();
                throw new DeviceException("interrupted waiting for " + what + " from " + describeUnit());
            }
        }
        throw new DeviceTimeoutException(describeUnit() + " stopped answering: no reply to " + what + " after "
                + attempts + " attempts of " + deadline.toMillis() + " ms; " + channel.diagnostics().summary());
    }

    private UnitRefusedException refused(Reply.Error error, String what) {
        String message = String.format("%s refused %s: %s (0x%04x): %s", describeUnit(), what, error.code().name(),
                error.code().code(), error.detail().isEmpty() ? error.code().meaning() : error.detail());
        return new UnitRefusedException(message, error.code().name(), error.limit());
    }

    private <T extends Reply> T expect(Reply reply, Class<T> type, String what) {
        if (!type.isInstance(reply)) {
            throw new DeviceException(describeUnit() + " answered " + what + " with " + reply.type() + " instead of "
                    + type.getSimpleName());
        }
        return type.cast(reply);
    }

    private void startHeartbeat(Duration period) {
        long nanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), period.toNanos());
        boolean first = heartbeatPeriodNanos == 0;
        heartbeatPeriodNanos = nanos;
        if (first) {
            heartbeat.scheduleWithFixedDelay(this::beatIfQuiet, nanos / 2, nanos / 2, TimeUnit.NANOSECONDS);
        }
    }

    /** Any command restarts the unit's watchdog, so a heartbeat is only needed when the link has been quiet. */
    private void beatIfQuiet() {
        long period = heartbeatPeriodNanos;
        if (period == 0 || channel.nanosSinceLastSend() < period) {
            return;
        }
        try {
            RequestChannel.Outstanding out = channel.send(new Command.Heartbeat());
            out.reply().orTimeout(timeouts.command().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((reply, error) -> {
                        if (error != null) {
                            channel.forget(out.sequence());
                            LOG.warn("heartbeat to {} not answered: {}", describeUnit(), error.toString());
                        }
                    });
        } catch (DeviceException e) {
            LOG.debug("heartbeat not sent: {}", e.getMessage());
        }
    }

    private String describeUnit() {
        return identity == null ? "the device on " + channel.linkDescription()
                : "unit " + identity.serialNumber() + " on " + channel.linkDescription();
    }

    private static String range(int min, int max) {
        return min == max ? String.valueOf(min) : min + ".." + max;
    }
}
