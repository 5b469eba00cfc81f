package org.excitrack.device.magventure;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.excitrack.codec.magventure.MagProCommand;
import org.excitrack.codec.magventure.MagProGrids;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.codec.magventure.MagProMode;
import org.excitrack.codec.magventure.MagProModel;
import org.excitrack.codec.magventure.MagProStatusByte;
import org.excitrack.codec.magventure.MagProWaveform;
import org.excitrack.device.DeviceException;
import org.excitrack.device.LinkLostException;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.StimulatorException;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorFault;
import org.excitrack.model.tms.StimulatorFault.Kind;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorModel;
import org.excitrack.model.tms.StimulatorPowers;
import org.excitrack.model.tms.StimulatorStatus;
import org.excitrack.transport.Link;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MagVenture MagPro (R30, X100, MST, with or without MagOption) on its COM2 port: 38 400 baud 8N1, frames
 * {@code 0xFE, N, payload, CRC-8/MAXIM, 0xFF} (tms.md §1.10; what is sent and when: magpro.md).
 *
 * <p>A reader thread decodes everything the MagPro sends. Answers go to the question waiting for their message
 * id (status 0, long status 5, waveform 9), with a deadline of {@link MagProTimeouts#reply()}; the MagPro's own
 * messages go to the checks that keep it safe: an amplitude changed on its front panel, the outputs disabled
 * or enabled behind our back, the coil above {@value #COIL_LIMIT_CELSIUS} °C, a corrupted frame. Each of those is
 * a fault: the driver disables the outputs ({@code [2, 0]}), tells the {@link #onFault} listeners and the next
 * blocking call throws a {@link StimulatorException} naming the stimulator, the port and what happened. Pulse
 * messages are counted ({@link #pulsesFired()}), so a session can check that a trigger really discharged.
 *
 * <p>Settings are verified by reading them back: amplitudes with a status request, the Dual mode and its
 * interval with the waveform request; a difference is a {@link Kind#READ_BACK_MISMATCH} fault.
 *
 * <p>Keep-alive: a MagPro has no watchdog (no peer feeds one; MAGIC issue #17), so there is nothing to feed and
 * no keep-alive thread. {@link #keepAlive()} is a liveness check: a status poll, only when the link has been
 * quiet for {@link MagProTimeouts#quietBeforePoll()}, otherwise nothing.
 *
 * <p>Virtual time: when {@link Link#virtualClock()} is present every wait advances that clock instead of
 * sleeping. Thread use as {@link MagneticStimulator} says: one control thread; {@link #disarm()} from any.
 */
public final class MagProStimulator implements MagneticStimulator {
    /**
     * The hottest coil we stimulate with, °C. tms.md §5 gives 40 °C for Magstim coils; MagVenture's own limit was
     * not found, so the same limit applies (ours). The MagPro's own protection is assumed to sit above it.
     */
    public static final int COIL_LIMIT_CELSIUS = 40;
    private static final Logger LOG = LoggerFactory.getLogger(MagProStimulator.class);
    /** Ours: the B/A ratio sent with a Dual-mode setting, which Dual ignores. */
    private static final int NEUTRAL_RATIO_HUNDREDTHS = 100;
    /** Ours: the interval sent when leaving a paired mode without a known interval. */
    private static final int DEFAULT_IPI_TENTHS_MS = 30;

    private final MagProChannel channel;
    private final DeviceTime time;
    private final MagProTimeouts timeouts;
    private final String port;
    private final FaultLatch faults = new FaultLatch();
    private final PulseCounter pulses = new PulseCounter();
    private final AtomicReference<CompletableFuture<Boolean>> disableSeen = new AtomicReference<>();
    private volatile boolean established;
    private volatile boolean armed;
    private volatile boolean arming;
    private volatile boolean closed;
    private volatile long chargedAtNanos;
    /** The order number of the last {@code [2, 0]} sent; answers to questions sent before it predate it. */
    private volatile long lastDisableSent;
    private volatile Amplitudes commanded;
    private volatile Amplitudes previouslyCommanded;
    private volatile int lastCelsius = -1;
    private volatile MagProModel variant;
    private volatile StimulatorIdentity identity;
    private volatile MagProMessage.Waveform settings;

    private MagProStimulator(Link link, String port, MagProTimeouts timeouts) {
        this.time = link.virtualClock().map(DeviceTime::virtual).orElseGet(DeviceTime::real);
        this.timeouts = timeouts;
        this.port = port;
        this.channel = new MagProChannel(link, time, new Reader());
    }

    /**
     * Opens the MagPro on {@code link}: reads its identity, leaves it disabled and in Standard mode (pairs only when
     * {@link #setPairIntervalMicros} asks for them), and starts watching what it sends.
     *
     * @param port how the operator named the port, for messages, e.g. {@code serial:/dev/ttyUSB0?device=magpro}
     * @throws StimulatorException when nothing answers, something other than a MagPro answers, or the MagPro
     *     cannot be put in a safe, known state
     */
    public static MagProStimulator connect(Link link, String port) {
        return connect(link, port, MagProTimeouts.defaults());
    }

    public static MagProStimulator connect(Link link, String port, MagProTimeouts timeouts) {
        MagProStimulator stimulator = new MagProStimulator(link, port, timeouts);
        try {
            stimulator.channel.start();
            stimulator.open();
            return stimulator;
        } catch (RuntimeException e) {
            stimulator.channel.close();
            throw e;
        }
    }

    @Override
    public StimulatorIdentity identity() {
        return identity;
    }

    /** Which MagPro this is, from its status byte. */
    public MagProModel variant() {
        return variant;
    }

    @Override
    public StimulatorStatus status() {
        throwPendingFault();
        MagProMessage.Status s = readStatus("status request");
        throwPendingFault();
        return toStatus(s);
    }

    /** Sends {@code [1, A, B]} and reads the amplitudes back with a status request. */
    @Override
    public void setPowers(StimulatorPowers powers) {
        throwPendingFault();
        Amplitudes wanted = new Amplitudes(powers.outputAPercent(), powers.outputBPercent());
        previouslyCommanded = commanded;
        commanded = wanted;
        send(new MagProCommand.SetAmplitudes(wanted.aPercent(), wanted.bPercent()));
        MagProMessage.Status s = readStatus("status request after setting amplitudes");
        // the MagPro answers in order: every acknowledgement of the earlier setting has arrived by now, so from
        // here on only the new values are ours, and a return to the old ones is the front panel's doing
        previouslyCommanded = null;
        Amplitudes reported = new Amplitudes(s.amplitudeAPercent(), s.amplitudeBPercent());
        if (!reported.equals(wanted)) {
            throw fail(Kind.READ_BACK_MISMATCH, "amplitudes set to " + wanted + " but read back as " + reported);
        }
        throwPendingFault();
    }

    /**
     * Puts the MagPro in Dual mode with this interval between pulse A and pulse B (A and B amplitudes independent,
     * {@link #setPowers}), and reads the setting back.
     *
     * @throws IllegalArgumentException when the interval is not on the MagPro's grid (tms.md §1.10): it is refused,
     *     not rounded
     * @throws UnsupportedOperationException when this MagPro has no MagOption
     */
    @Override
    public void setPairIntervalMicros(long micros) {
        throwPendingFault();
        if (!variant.hasPairedPulseModes()) {
            throw new UnsupportedOperationException(describe() + " has no Twin or Dual mode (that needs the "
                    + "MagOption), so it cannot give paired pulses");
        }
        if (micros % 100 != 0 || micros > Integer.MAX_VALUE
                || !MagProGrids.PAIRED_IPI_TENTHS_MS.contains((int) (micros / 100))) {
            throw new IllegalArgumentException("inter-pulse interval " + micros + " µs is not one a MagPro can set: "
                    + MagProGrids.PAIRED_IPI_TENTHS_MS.description());
        }
        applyMode(MagProMode.DUAL, (int) (micros / 100));
    }

    /** Back to Standard mode: one pulse (output A) per trigger. */
    public void useSinglePulses() {
        throwPendingFault();
        applyMode(MagProMode.STANDARD, settings.ipiTenthsMillis().orElse(DEFAULT_IPI_TENTHS_MS));
    }

    /** Enables the outputs ({@code [2, 1]}), confirms it in the status, and allows the capacitors time to charge. */
    @Override
    public void arm() {
        throwPendingFault();
        MagProMessage.Status before = readStatus("status request before enabling");
        if (before.coilTemperatureCelsius() > COIL_LIMIT_CELSIUS) {
            throw fail(Kind.COIL, coilTooHot(before.coilTemperatureCelsius()));
        }
        arming = true;
        try {
            send(new MagProCommand.SetEnabled(true));
            MagProMessage.Status after = readStatus("status request after enabling");
            if (!after.status().enabled()) {
                throw fail(Kind.REFUSED, "did not enable its outputs (coil at " + after.coilTemperatureCelsius()
                        + " °C)");
            }
            armed = true;
        } finally {
            arming = false;
        }
        chargedAtNanos = time.nanoTime() + timeouts.chargeSettle().toNanos();
        waitUntilCharged();
        throwPendingFault();
    }

    /**
     * Sends {@code [2, 0]} at once from the calling thread, whatever the control thread is waiting for, then waits
     * at most {@link MagProTimeouts#reply()} for a message whose status byte shows the outputs disabled.
     */
    @Override
    public boolean disarm() {
        armed = false;
        CompletableFuture<Boolean> confirmation = new CompletableFuture<>();
        disableSeen.set(confirmation);
        try {
            lastDisableSent = channel.send(new MagProCommand.SetEnabled(false));
            return time.await(confirmation, timeouts.reply().toNanos());
        } catch (DeviceException e) {
            LOG.error("could not disable {}: {}", describe(), e.getMessage());
            return false;
        } catch (TimeoutException e) {
            LOG.warn("{} did not confirm it disabled its outputs within {} ms", describe(),
                    timeouts.reply().toMillis());
            return false;
        } catch (ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            disableSeen.compareAndSet(confirmation, null);
        }
    }

    /**
     * Once charged, checks the status (still enabled, coil within its limit, amplitudes as set), sends {@code [3]}
     * and waits for the MagPro's pulse message: no message, no pulse (a fault).
     */
    @Override
    public void fire() {
        throwPendingFault();
        requireArmed("is not enabled: arm it before firing");
        waitUntilCharged();
        MagProMessage.Status s = readStatus("status request before firing");
        Amplitudes reported = new Amplitudes(s.amplitudeAPercent(), s.amplitudeBPercent());
        if (!reported.equals(commanded)) {
            throw fail(Kind.READ_BACK_MISMATCH, "reports amplitudes " + reported + " instead of " + commanded
                    + " just before firing");
        }
        throwPendingFault();
        requireArmed("was disarmed before the trigger was sent");
        CompletableFuture<MagProMessage.PulseFired> discharged = pulses.next();
        try {
            send(new MagProCommand.Trigger());
            time.await(discharged, timeouts.pulseConfirmation().toNanos());
        } catch (TimeoutException e) {
            requireArmed("was disarmed while firing; no pulse reported");
            throw fail(Kind.NO_REPLY, "was triggered but reported no pulse within "
                    + timeouts.pulseConfirmation().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw fail(Kind.LINK_LOST, "lost while waiting for the pulse: " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted waiting for the pulse of " + describe());
        } finally {
            pulses.stopWaiting(discharged);
        }
        chargedAtNanos = time.nanoTime() + timeouts.chargeSettle().toNanos();
        throwPendingFault();
    }

    /**
     * Nothing to feed: the MagPro has no watchdog. When the link has been quiet for
     * {@link MagProTimeouts#quietBeforePoll()}, polls the status once to check the stimulator is still there and
     * as we left it; otherwise returns at once.
     */
    @Override
    public void keepAlive() {
        throwPendingFault();
        if (channel.nanosSinceTraffic() < timeouts.quietBeforePoll().toNanos()) {
            return;
        }
        readStatus("liveness status request");
        throwPendingFault();
    }

    @Override
    public void onFault(Consumer<StimulatorFault> listener) {
        faults.onFault(listener);
    }

    /** Called on the reader thread with every pulse message the MagPro sends; must not block. */
    public void onPulseFired(Consumer<MagProMessage.PulseFired> listener) {
        pulses.onPulse(listener);
    }

    /**
     * Pulse messages received since connecting: one per discharge, or two for a Twin/Dual pair reported in two
     * messages. A session compares the count before and after a trigger to know it discharged.
     */
    public long pulsesFired() {
        return pulses.count();
    }

    /** The coil temperature the MagPro last reported, in a status answer or a temperature message, °C. */
    public int lastKnownCoilTemperatureCelsius() {
        return lastCelsius;
    }

    public Optional<MagProMessage.PulseFired> lastPulse() {
        return pulses.last();
    }

    /** What crossed the wire, for a failure report. */
    public String linkReport() {
        return channel.report();
    }

    /** Disables the outputs, stops the reader and closes the link; the front panel is the MagPro's again. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (established) {
            disarm();
        }
        channel.close();
    }

    private void open() {
        MagProMessage.Status status = firstStatus();
        variant = status.status().model().orElseThrow(() -> new StimulatorException(new StimulatorFault(
                Kind.BAD_REPLY, "the stimulator on " + port + " reports MagPro model code "
                + status.status().modelCode() + ", unknown to this Excitrack")));
        identity = new StimulatorIdentity(StimulatorModel.MAGPRO, String.valueOf(status.serialNumber()), "", port);
        commanded = new Amplitudes(status.amplitudeAPercent(), status.amplitudeBPercent());
        lastCelsius = status.coilTemperatureCelsius();
        if (status.status().enabled()) {
            LOG.warn("{} was enabled when Excitrack connected; disabling it", describe());
            lastDisableSent = send(new MagProCommand.SetEnabled(false));
            if (readStatus("status request after disabling").status().enabled()) {
                throw fail(Kind.REFUSED, "was enabled when Excitrack connected and did not disable");
            }
        }
        settings = readWaveform();
        if (settings.waveform() == MagProWaveform.BIPHASIC_BURST) {
            throw fail(Kind.REFUSED, "is set to the biphasic burst waveform, which gives several pulses per "
                    + "trigger; choose monophasic, biphasic or half sine on its front panel");
        }
        if (settings.mode() != MagProMode.STANDARD) {
            LOG.info("{} was in {} mode; Excitrack starts in Standard mode", describe(), settings.mode());
            applyMode(MagProMode.STANDARD, settings.ipiTenthsMillis().orElse(DEFAULT_IPI_TENTHS_MS));
        }
        established = true;
        LOG.info("connected to {}: {}, {} waveform, coil type {} at {} °C", describe(), settings.mode(),
                settings.waveform(), status.coilTypeCode(), status.coilTemperatureCelsius());
    }

    /** The first answer may take a few tries: an earlier program may have left half a frame in the line. */
    private MagProMessage.Status firstStatus() {
        for (int attempt = 1; attempt <= timeouts.connectAttempts(); attempt++) {
            MagProCommand question = new MagProCommand.GetStatus();
            CompletableFuture<MagProMessage> answer = channel.request(question).answer();
            try {
                return (MagProMessage.Status) time.await(answer, timeouts.reply().toNanos());
            } catch (TimeoutException e) {
                channel.forget(question, answer);
                LOG.debug("no status from {} (attempt {} of {})", port, attempt, timeouts.connectAttempts());
            } catch (ExecutionException e) {
                throw new StimulatorException(new StimulatorFault(Kind.LINK_LOST, "the link to the MagPro on " + port
                        + " failed: " + e.getCause().getMessage()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException("interrupted connecting to the MagPro on " + port);
            }
        }
        if (channel.bytesReceived() > 0) {
            throw new StimulatorException(new StimulatorFault(Kind.BAD_REPLY, "the device on " + port
                    + " answers, but not as a MagPro: no valid status after " + timeouts.connectAttempts()
                    + " requests (" + channel.report() + "); check 38400 baud 8N1 and the cable to its COM2 port"));
        }
        throw new StimulatorException(new StimulatorFault(Kind.NO_REPLY, "no answer from a MagPro on " + port
                + " after " + timeouts.connectAttempts() + " status requests of " + timeouts.reply().toMillis()
                + " ms: is it switched on, and the null-modem cable on its COM2 port?"));
    }

    private void applyMode(MagProMode mode, int ipiTenthsMillis) {
        int ratio = settings.baRatioHundredths().orElse(NEUTRAL_RATIO_HUNDREDTHS);
        send(new MagProCommand.SetWaveform(variant, mode, settings.currentDirection(), settings.waveform(),
                settings.burstPulses(), ipiTenthsMillis, ratio));
        MagProMessage.Waveform reported = readWaveform();
        if (reported.mode() != mode || mode.paired() && reported.ipiTenthsMillis().orElse(-1) != ipiTenthsMillis) {
            throw fail(Kind.READ_BACK_MISMATCH, "was set to " + mode + " mode" + (mode.paired()
                    ? " with " + tenths(ipiTenthsMillis) + " between pulses" : "") + " but reports " + reported.mode()
                    + " mode" + (reported.mode().paired() ? " with " + reported.ipiTenthsMillis().stream()
                    .mapToObj(MagProStimulator::tenths).findFirst().orElse("an interval off its grid") : ""));
        }
        settings = reported;
    }

    private MagProMessage.Waveform readWaveform() {
        return (MagProMessage.Waveform) ask(new MagProCommand.GetWaveform(), "waveform request");
    }

    /** A status answer, checked against what the driver believes: enabled state, coil temperature. */
    private MagProMessage.Status readStatus(String what) {
        Answer answer = askInOrder(new MagProCommand.GetStatus(), what);
        MagProMessage.Status s = (MagProMessage.Status) answer.message();
        boolean predatesLastDisable = answer.sequence() < lastDisableSent;
        lastCelsius = s.coilTemperatureCelsius();
        if (!identity.serialNumber().equals(String.valueOf(s.serialNumber()))) {
            throw fail(Kind.BAD_REPLY, "was replaced by a stimulator with serial number " + s.serialNumber());
        }
        if (armed && !s.status().enabled()) {
            throw fail(Kind.REMOTE_CONTROL_LOST, "disabled its outputs itself or on its front panel");
        }
        if (!armed && !arming && s.status().enabled() && !predatesLastDisable) {
            throw fail(Kind.REMOTE_CONTROL_LOST, "was enabled on its front panel while Excitrack controls it");
        }
        if (armed && s.coilTemperatureCelsius() > COIL_LIMIT_CELSIUS) {
            throw fail(Kind.COIL, coilTooHot(s.coilTemperatureCelsius()));
        }
        return s;
    }

    private MagProMessage ask(MagProCommand question, String what) {
        return askInOrder(question, what).message();
    }

    private Answer askInOrder(MagProCommand question, String what) {
        MagProChannel.Asked asked;
        try {
            asked = channel.request(question);
        } catch (LinkLostException e) {
            throw fail(Kind.LINK_LOST, "cannot be reached: " + e.getMessage());
        }
        try {
            return new Answer(time.await(asked.answer(), timeouts.reply().toNanos()), asked.sequence());
        } catch (TimeoutException e) {
            channel.forget(question, asked.answer());
            throw fail(Kind.NO_REPLY, "did not answer the " + what + " within " + timeouts.reply().toMillis()
                    + " ms (" + channel.report() + ")");
        } catch (ExecutionException e) {
            throw fail(Kind.LINK_LOST, "link failed during the " + what + ": " + e.getCause().getMessage());
        } catch (InterruptedException e) {
            channel.forget(question, asked.answer());
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted waiting for the " + what + " of " + describe());
        }
    }

    private long send(MagProCommand command) {
        try {
            return channel.send(command);
        } catch (LinkLostException e) {
            throw fail(Kind.LINK_LOST, "cannot be reached: " + e.getMessage());
        }
    }

    private void waitUntilCharged() {
        long wait = chargedAtNanos - time.nanoTime();
        try {
            time.pause(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException("interrupted waiting for " + describe() + " to charge");
        }
    }

    private StimulatorStatus toStatus(MagProMessage.Status s) {
        ChargeState charge = !s.status().enabled() ? ChargeState.STANDBY
                : time.nanoTime() < chargedAtNanos ? ChargeState.CHARGING : ChargeState.READY;
        Optional<Long> interval = s.status().mode().paired()
                ? settings.ipiTenthsMillis().stream().mapToObj(t -> t * 100L).findFirst() : Optional.empty();
        Optional<String> problem = s.coilTemperatureCelsius() > COIL_LIMIT_CELSIUS
                ? Optional.of(coilTooHot(s.coilTemperatureCelsius())) : Optional.empty();
        // coil type 0 is "unknown" in the peers' lists: taken to mean no coil recognised (inferred)
        return new StimulatorStatus(true, charge, s.coilTypeCode() != 0, OptionalDouble.of(s.coilTemperatureCelsius()),
                new StimulatorPowers(Math.min(100, s.amplitudeAPercent()), Math.min(100, s.amplitudeBPercent())),
                interval, problem);
    }

    /** Puts the stimulator in its safe state and tells the listeners; returns the exception for the caller to throw. */
    private StimulatorException fail(Kind kind, String what) {
        StimulatorFault fault = fault(kind, what);
        raise(fault);
        return new StimulatorException(faults.take().orElse(fault));
    }

    private void throwPendingFault() {
        Optional<StimulatorFault> f = faults.take();
        if (f.isPresent()) {
            throw new StimulatorException(f.get());
        }
    }

    /** From any thread: hold the fault, disable at once (never waiting), then announce it. */
    private void raise(StimulatorFault fault) {
        faults.hold(fault);
        armed = false;
        try {
            lastDisableSent = channel.send(new MagProCommand.SetEnabled(false));
        } catch (DeviceException e) {
            LOG.debug("could not send disable after a fault: {}", e.getMessage());
        }
        faults.announce(fault);
    }

    /** A fault that disarmed the stimulator explains its disarmed state better than "not enabled" does. */
    private void requireArmed(String otherwise) {
        if (!armed) {
            throwPendingFault();
            throw new StimulatorException(fault(Kind.REFUSED, otherwise));
        }
    }

    private StimulatorFault fault(Kind kind, String what) {
        return new StimulatorFault(kind, describe() + " " + what + (kind == Kind.REFUSED && !armed ? ""
                : "; its outputs have been disabled"));
    }

    private String describe() {
        String model = variant == null ? "MagVenture MagPro" : "MagVenture " + variant.displayName();
        String serial = identity == null ? "" : " (serial " + identity.serialNumber() + ")";
        return model + serial + " on " + port;
    }

    private static String coilTooHot(int celsius) {
        return "reports its coil at " + celsius + " °C, above the " + COIL_LIMIT_CELSIUS
                + " °C Excitrack allows; let the coil cool before stimulating again";
    }

    private static String tenths(int tenths) {
        return tenths / 10 + "." + tenths % 10 + " ms";
    }

    /** What the MagPro's own messages mean for safety, on the reader thread. */
    private final class Reader implements MagProChannel.Listener {
        @Override
        public void onMessage(MagProMessage message) {
            statusByteOf(message).ifPresent(this::watchEnabled);
            if (message instanceof MagProMessage.AmplitudeChanged a) {
                amplitudeChanged(a);
            } else if (message instanceof MagProMessage.PulseFired p) {
                pulses.received(p);
            } else if (message instanceof MagProMessage.Temperature t) {
                lastCelsius = t.coilTemperatureCelsius();
                if (established && t.coilTemperatureCelsius() > COIL_LIMIT_CELSIUS) {
                    raise(fault(Kind.COIL, coilTooHot(t.coilTemperatureCelsius())));
                }
            } else {
                LOG.debug("{}: {}", port, message);
            }
        }

        @Override
        public void onBadInput(String what) {
            if (established && !closed) {
                raise(fault(Kind.BAD_REPLY, "sent bytes that are not a valid MagPro frame or message (" + what
                        + "); the link cannot be trusted"));
            } else {
                LOG.debug("{} before the MagPro was identified: {}", port, what);
            }
        }

        @Override
        public void onLinkLost(String why) {
            if (!closed) {
                raise(fault(Kind.LINK_LOST, "is no longer reachable: " + why));
            }
        }

        private void amplitudeChanged(MagProMessage.AmplitudeChanged a) {
            Amplitudes reported = new Amplitudes(a.amplitudeAPercent(), a.amplitudeBPercent());
            if (established && !reported.equals(commanded) && !reported.equals(previouslyCommanded)) {
                raise(fault(Kind.REMOTE_CONTROL_LOST, "reports its amplitudes changed to " + reported
                        + " on its front panel while Excitrack set " + commanded));
            }
        }

        private void watchEnabled(MagProStatusByte status) {
            if (!status.enabled()) {
                CompletableFuture<Boolean> waiting = disableSeen.get();
                if (waiting != null) {
                    waiting.complete(true);
                }
                if (armed && established) {
                    raise(fault(Kind.REMOTE_CONTROL_LOST, "disabled its outputs itself or on its front panel"));
                }
            }
        }

        private Optional<MagProStatusByte> statusByteOf(MagProMessage m) {
            if (m instanceof MagProMessage.AmplitudeChanged a) {
                return Optional.of(a.status());
            } else if (m instanceof MagProMessage.PulseFired p) {
                return Optional.of(p.status());
            } else if (m instanceof MagProMessage.Temperature t) {
                return Optional.of(t.status());
            } else if (m instanceof MagProMessage.Page p) {
                return Optional.of(p.status());
            } else if (m instanceof MagProMessage.Status s) {
                return Optional.of(s.status());
            }
            return Optional.empty();
        }
    }

    private record Answer(MagProMessage message, long sequence) {
    }

    private record Amplitudes(int aPercent, int bPercent) {
        @Override
        public String toString() {
            return "A " + aPercent + " %, B " + bPercent + " %";
        }
    }
}
