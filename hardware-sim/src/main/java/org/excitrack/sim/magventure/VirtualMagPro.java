package org.excitrack.sim.magventure;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Consumer;
import org.excitrack.codec.magventure.MagProCodec;
import org.excitrack.codec.magventure.MagProCommand;
import org.excitrack.codec.magventure.MagProCommandFromHost;
import org.excitrack.codec.magventure.MagProCurrentDirection;
import org.excitrack.codec.magventure.MagProMessage;
import org.excitrack.codec.magventure.MagProMode;
import org.excitrack.codec.magventure.MagProModel;
import org.excitrack.codec.magventure.MagProPage;
import org.excitrack.codec.magventure.MagProProtocolException;
import org.excitrack.codec.magventure.MagProStatusByte;
import org.excitrack.codec.magventure.MagProWaveform;
import org.excitrack.framing.MagProFrameEncoder;
import org.excitrack.model.TriggerOut;
import org.excitrack.sim.Scheduler;
import org.excitrack.sim.TriggeredStimulator;
import org.excitrack.sim.cortex.MagneticPulse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MagVenture MagPro as its serial port and trigger input show it (tms.md §1.10): the settings, enabling,
 * discharges with a recharge time and a rate limit, a coil that warms with every pulse and cools, and the
 * messages a MagPro sends on its own. Modelling choices are ours and listed in magpro.md ("The simulator").
 *
 * <p>Entry points for the port registry ({@code sim:magpro?…}): {@link #create(Scheduler, Map)} builds one
 * from URI parameters ({@link MagProSimConfig#fromParameters}), and {@link MagProServer} serves it on a
 * {@link org.excitrack.transport.Link}: {@link MagProServer#open} does both and returns the host's end.
 *
 * <p>As a {@link TriggeredStimulator} wired to the acquisition unit's trigger output (line
 * {@link MagProSimConfig#triggerLine()}), a trigger fires output A, or in Twin and Dual mode A then B after the
 * inter-pulse interval, and the virtual subject's cortex answers in that trial's sweep. A trigger while disabled,
 * recharging or faster than the rate limit is missed: no pulse, counted in {@link #missedTriggers()}.
 *
 * <p>Single-threaded by contract: every method, and every task it schedules, runs on the thread behind its
 * {@link Scheduler}. Sharing the acquisition unit's scheduler puts both on one clock and one thread, which is
 * what {@link TriggeredStimulator} requires.
 */
public final class VirtualMagPro implements TriggeredStimulator {
    private static final Logger LOG = LoggerFactory.getLogger(VirtualMagPro.class);
    /** Ours: how often a warm coil's cooling is checked for a change of the whole degree it reports. */
    private static final long TEMPERATURE_CHECK_MICROS = 5_000_000;
    /** Ours: a pair closer than this is reported in one pulse message, a wider one in two (peer observation). */
    private static final long ONE_REPORT_MAX_IPI_MICROS = 20_000;
    /** Ours: realised di/dt per percent of amplitude, A/µs, for a figure-of-eight coil. */
    private static final double DIDT_PER_PERCENT = 1.5;
    private static final int GARBAGE_MAX_BYTES = 6;

    private final MagProSimConfig config;
    private final Scheduler scheduler;
    private final Random random;
    private final CoilThermalModel coil;
    private final Set<MagProFault> activeFaults = EnumSet.noneOf(MagProFault.class);
    private Consumer<byte[]> wire = bytes -> { };

    private MagProMode mode = MagProMode.STANDARD;
    private MagProWaveform waveform = MagProWaveform.BIPHASIC;
    private MagProCurrentDirection direction = MagProCurrentDirection.NORMAL;
    private int burstPulses = 2;
    private int ipiTenthsMillis = 30;
    private int baRatioHundredths = 100;
    private int amplitudeAPercent;
    private int amplitudeBPercent;
    private boolean enabled;
    private MagProPage page = MagProPage.MAIN;
    private MagProMessage.Delays delays = new MagProMessage.Delays(0, 0, 0);

    private long readyAtMicros;
    private long lastDischargeMicros = Long.MIN_VALUE;
    private int reportedCelsius;
    private boolean coolingWatched;
    private long commandsReceived;
    private long ignoredCommands;
    private long discharges;
    private long missedTriggers;
    private long framesSent;

    private VirtualMagPro(MagProSimConfig config, Scheduler scheduler) {
        this.config = config;
        this.scheduler = scheduler;
        this.random = new Random(config.seed());
        this.coil = new CoilThermalModel(config.startTemperatureCelsius(), config.heatPerFullPulseCelsius(),
                config.coolingTimeConstantSeconds(), scheduler.nowMicros());
        this.reportedCelsius = (int) Math.round(config.startTemperatureCelsius());
    }

    /**
     * A virtual MagPro from port-URI parameters, running on {@code scheduler}'s thread.
     *
     * @throws IllegalArgumentException naming a parameter that is unknown or out of range
     */
    public static VirtualMagPro create(Scheduler scheduler, Map<String, String> parameters) {
        return create(scheduler, MagProSimConfig.fromParameters(parameters));
    }

    public static VirtualMagPro create(Scheduler scheduler, MagProSimConfig config) {
        VirtualMagPro magPro = new VirtualMagPro(config, scheduler);
        if (config.fault().isPresent() && config.faultAfterCommands() == 0) {
            magPro.injectFault(config.fault().get());
        }
        return magPro;
    }

    /** Where the frames it sends go, e.g. the device end of a link. */
    public void connectOutput(Consumer<byte[]> frames) {
        this.wire = frames;
    }

    public MagProSimConfig config() {
        return config;
    }

    /** A frame from the host whose checksum matched; frames that failed framing never arrive (ignored, ours). */
    public void onFrame(byte[] payload) {
        commandsReceived++;
        if (config.fault().isPresent() && config.faultAfterCommands() > 0
                && commandsReceived == config.faultAfterCommands() + 1) {
            injectFault(config.fault().get());
        }
        MagProCommandFromHost command;
        try {
            command = MagProCodec.decodeCommand(payload);
        } catch (MagProProtocolException e) {
            ignoredCommands++;
            LOG.debug("virtual MagPro ignored a command: {}", e.getMessage());
            return;
        }
        if (command instanceof MagProCommandFromHost.Known known) {
            handle(known.command());
        } else if (command instanceof MagProCommandFromHost.AmplitudeA a) {
            setAmplitudes(a.amplitudeAPercent(), amplitudeBPercent);
            reply(amplitudeMessage());
        } else {
            ignoredCommands++;
        }
    }

    @Override
    public Optional<MagneticPulse> onTrigger(TriggerOut trigger) {
        return pulsesFor(trigger).stream().findFirst();
    }

    /** Output A, or A then B after the inter-pulse interval, delayed by the trigger input delay; or nothing. */
    @Override
    public List<MagneticPulse> pulsesFor(TriggerOut trigger) {
        if (trigger.line() != config.triggerLine()) {
            return List.of();
        }
        return discharge(trigger.onsetMicros() + delays.inputDelayTenthsMillis() * 100L);
    }

    /** The front panel's amplitude knobs: the MagPro reports the change with message 1. */
    public void turnAmplitudeKnobs(int aPercent, int bPercent) {
        setAmplitudes(aPercent, bPercent);
        send(amplitudeMessage());
    }

    /** Makes a fault happen now; {@link MagProFault#BAD_CRC}, GARBAGE and SILENT last until {@link #clearFaults()}. */
    public void injectFault(MagProFault fault) {
        LOG.info("virtual MagPro: fault {} injected", fault.uriName());
        switch (fault) {
            case HOT_COIL:
                coil.set(scheduler.nowMicros(), config.ownCutoffCelsius() + 2);
                checkTemperature();
                break;
            case FRONT_PANEL:
                turnAmplitudeKnobs(Math.min(100, amplitudeAPercent + 10), amplitudeBPercent);
                break;
            default:
                activeFaults.add(fault);
        }
    }

    public void clearFaults() {
        activeFaults.clear();
    }

    public int amplitudeAPercent() {
        return amplitudeAPercent;
    }

    public int amplitudeBPercent() {
        return amplitudeBPercent;
    }

    public boolean enabled() {
        return enabled;
    }

    public MagProMode mode() {
        return mode;
    }

    public int ipiTenthsMillis() {
        return ipiTenthsMillis;
    }

    public int baRatioHundredths() {
        return baRatioHundredths;
    }

    public double coilTemperatureCelsius() {
        return coil.celsiusAt(scheduler.nowMicros());
    }

    /** Discharges so far (a Twin or Dual pair counts once). */
    public long discharges() {
        return discharges;
    }

    /** Triggers (serial or trigger input) that found it disabled, recharging or over its rate. */
    public long missedTriggers() {
        return missedTriggers;
    }

    public long commandsReceived() {
        return commandsReceived;
    }

    /** Commands that did not decode or that it does not act on. */
    public long ignoredCommands() {
        return ignoredCommands;
    }

    public long framesSent() {
        return framesSent;
    }

    private void handle(MagProCommand command) {
        if (command instanceof MagProCommand.GetStatus) {
            reply(statusMessage());
        } else if (command instanceof MagProCommand.GetLongStatus) {
            reply(new MagProMessage.LongStatus(statusMessage(), amplitudeAPercent, amplitudeBPercent, 100, 100,
                    page.code(), false));
        } else if (command instanceof MagProCommand.SetAmplitudes s) {
            setAmplitudes(s.amplitudeAPercent(), s.amplitudeBPercent());
            reply(amplitudeMessage());
        } else if (command instanceof MagProCommand.SetEnabled s) {
            setEnabled(s.enabled());
            reply(amplitudeMessage());
        } else if (command instanceof MagProCommand.Trigger) {
            discharge(0);
        } else if (command instanceof MagProCommand.SetPage s) {
            page = s.page();
            reply(new MagProMessage.Page(page.code(), false, statusByte()));
        } else if (command instanceof MagProCommand.SetDelays s) {
            delays = new MagProMessage.Delays(s.inputDelayTenthsMillis(), s.outputDelayTenthsMillis(),
                    s.chargeDelayMillis());
            reply(delays);
        } else if (command instanceof MagProCommand.GetWaveform) {
            reply(waveformMessage());
        } else if (command instanceof MagProCommand.SetWaveform s) {
            setWaveform(s);
        }
    }

    private void setAmplitudes(int a, int b) {
        amplitudeAPercent = a;
        amplitudeBPercent = b;
    }

    private void setEnabled(boolean on) {
        if (on && coil.celsiusAt(scheduler.nowMicros()) > config.ownCutoffCelsius()) {
            LOG.info("virtual MagPro refuses to enable: coil at {} °C", reportedCelsius);
            return;
        }
        if (on && !enabled) {
            readyAtMicros = scheduler.nowMicros() + config.rechargeMicros();
        }
        enabled = on;
    }

    /** A set command carries the model byte; a MagPro would not take settings meant for another model (ours). */
    private void setWaveform(MagProCommand.SetWaveform s) {
        if (s.model() != config.model()) {
            ignoredCommands++;
            LOG.debug("virtual MagPro ignored settings for {}: it is {}", s.model(), config.model());
            return;
        }
        mode = s.mode();
        direction = s.currentDirection();
        waveform = s.waveform();
        burstPulses = s.burstPulses();
        ipiTenthsMillis = s.ipiTenthsMillis();
        baRatioHundredths = s.baRatioHundredths();
    }

    private List<MagneticPulse> discharge(long onsetMicros) {
        long now = scheduler.nowMicros();
        if (!enabled || now < readyAtMicros
                || lastDischargeMicros != Long.MIN_VALUE && now - lastDischargeMicros < minimumPeriodMicros()) {
            missedTriggers++;
            LOG.debug("virtual MagPro missed a trigger: {}", !enabled ? "disabled" : "recharging");
            return List.of();
        }
        discharges++;
        lastDischargeMicros = now;
        readyAtMicros = now + config.rechargeMicros();
        List<MagneticPulse> pulses = new ArrayList<>();
        if (mode.paired()) {
            int b = amplitudeB();
            pulses.add(new MagneticPulse(onsetMicros, amplitudeAPercent));
            pulses.add(new MagneticPulse(onsetMicros + ipiTenthsMillis * 100L, b));
            coil.pulse(now, amplitudeAPercent);
            coil.pulse(now, b);
            reportPair(didt(amplitudeAPercent), didt(b));
        } else {
            int count = waveform == MagProWaveform.BIPHASIC_BURST ? burstPulses : 1;
            for (int i = 0; i < count; i++) {
                pulses.add(new MagneticPulse(onsetMicros + i * ipiTenthsMillis * 100L, amplitudeAPercent));
                coil.pulse(now, amplitudeAPercent);
            }
            send(new MagProMessage.PulseFired(didt(amplitudeAPercent), 0, statusByte()));
        }
        checkTemperature();
        return pulses;
    }

    /** Twin: B follows A through the ratio, and cannot exceed the stimulator's maximum (ours). */
    private int amplitudeB() {
        if (mode == MagProMode.TWIN) {
            return (int) Math.min(100, Math.round(amplitudeAPercent * baRatioHundredths / 100.0));
        }
        return amplitudeBPercent;
    }

    private void reportPair(int didtA, int didtB) {
        long ipiMicros = ipiTenthsMillis * 100L;
        if (ipiMicros <= ONE_REPORT_MAX_IPI_MICROS) {
            send(new MagProMessage.PulseFired(didtA, didtB, statusByte()));
        } else {
            send(new MagProMessage.PulseFired(didtA, 0, statusByte()));
            scheduler.schedule(ipiMicros, () -> send(new MagProMessage.PulseFired(0, didtB, statusByte())));
        }
    }

    /** The fastest repetition over the serial trigger or the trigger input, from the models' train limits (ours). */
    private long minimumPeriodMicros() {
        boolean r30 = config.model() == MagProModel.R30 || config.model() == MagProModel.R30_OPTION
                || config.model() == MagProModel.R30_OPTION_MONO;
        double hz = mode.paired() ? (r30 ? 5 : 20) : (r30 ? 30 : 100);
        return Math.round(1e6 / hz);
    }

    private static int didt(int amplitudePercent) {
        return (int) Math.min(255, Math.round(amplitudePercent * DIDT_PER_PERCENT));
    }

    /** Reports a change of the whole degree shown; past the own cutoff, disables itself (ours). */
    private void checkTemperature() {
        long now = scheduler.nowMicros();
        double celsius = coil.celsiusAt(now);
        int shown = (int) Math.round(celsius);
        if (shown != reportedCelsius) {
            reportedCelsius = shown;
            send(new MagProMessage.Temperature(Math.min(255, shown), config.coilTypeCode(), statusByte()));
        }
        if (enabled && celsius > config.ownCutoffCelsius()) {
            enabled = false;
            LOG.info("virtual MagPro disabled itself: coil at {} °C", shown);
            send(amplitudeMessage());
        }
        if (!coolingWatched && coil.aboveRoom(now)) {
            coolingWatched = true;
            scheduler.schedule(TEMPERATURE_CHECK_MICROS, () -> {
                coolingWatched = false;
                checkTemperature();
            });
        }
    }

    private MagProStatusByte statusByte() {
        return MagProStatusByte.of(config.model(), mode, waveform, enabled);
    }

    private MagProMessage.Status statusMessage() {
        return new MagProMessage.Status(statusByte(), config.serialNumber(), Math.min(255, reportedCelsius),
                config.coilTypeCode(), amplitudeAPercent, amplitudeBPercent);
    }

    private MagProMessage.AmplitudeChanged amplitudeMessage() {
        return new MagProMessage.AmplitudeChanged(amplitudeAPercent, amplitudeBPercent, statusByte());
    }

    private MagProMessage.Waveform waveformMessage() {
        return MagProMessage.Waveform.of(config.model().code(), mode, direction, waveform, burstPulses,
                ipiTenthsMillis, baRatioHundredths, amplitudeBPercent);
    }

    /** An answer to a command, after the stimulator's response time. */
    private void reply(MagProMessage message) {
        scheduler.schedule(config.replyDelayMicros(), () -> send(message));
    }

    private void send(MagProMessage message) {
        if (activeFaults.contains(MagProFault.SILENT)) {
            return;
        }
        byte[] frame = MagProFrameEncoder.encode(message.toPayload());
        if (activeFaults.contains(MagProFault.BAD_CRC)) {
            frame[frame.length - 2] ^= 0x5A;
        }
        if (activeFaults.contains(MagProFault.GARBAGE)) {
            wire.accept(garbage());
        }
        framesSent++;
        wire.accept(frame);
    }

    /** Line noise: never a start byte, so it costs the host a report but no frame. */
    private byte[] garbage() {
        byte[] g = new byte[1 + random.nextInt(GARBAGE_MAX_BYTES)];
        for (int i = 0; i < g.length; i++) {
            g[i] = (byte) random.nextInt(MagProFrameEncoder.START_BYTE);
        }
        return g;
    }
}
