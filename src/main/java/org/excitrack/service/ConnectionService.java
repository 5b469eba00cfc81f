package org.excitrack.service;

import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.DeviceException;
import org.excitrack.device.MagneticStimulator;
import org.excitrack.device.MagneticStimulators;
import org.excitrack.device.UnitStatus;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.Pulse;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Response;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitIdentity;
import org.excitrack.model.UnitState;
import org.excitrack.model.tms.ChargeState;
import org.excitrack.model.tms.StimulatorIdentity;
import org.excitrack.model.tms.StimulatorStatus;
import org.excitrack.service.ConnectionException.Device;
import org.excitrack.session.FeedingClock;
import org.excitrack.session.UnitBackstop;
import org.excitrack.tracking.CmapMeasurer;
import org.excitrack.transport.Link;
import org.excitrack.transport.VirtualTimeLink;

/**
 * Checks the devices before a session: opens the acquisition unit (and the magnetic stimulator, if one is named),
 * reads who they are and how they are, and closes them again, so the session later opens them itself. Also gives
 * one low test stimulus so electrodes can be checked before a subject's protocol starts.
 */
public final class ConnectionService {
    /** The test stimulus: low enough to be comfortable, enough to show the artefact and the baseline noise. */
    public static final long DEFAULT_TEST_NANOAMPS = 1_000_000;
    public static final long DEFAULT_TEST_WIDTH_MICROS = 200;
    /** A test stimulus is an electrode check, never a measurement: nothing above this is given. */
    public static final long MAX_TEST_NANOAMPS = 10_000_000;
    static final long TEST_ONSET_MICROS = 2_000;
    static final RecordingWindow TEST_WINDOW = new RecordingWindow(0, 30_000);
    private static final Duration WATCHDOG = Duration.ofSeconds(1);
    private static final long FEED_EVERY_MICROS = 500_000;
    private static final String SIMULATED_UNIT = "sim:unit";

    /**
     * The unit as it answered.
     *
     * @param lastErrorCode the unit's last error (0 when none), as its STATUS reports it
     */
    public record UnitCheck(String port, UnitIdentity identity, UnitCapabilities capabilities, UnitState state,
                            long trialsDelivered, int lastErrorCode) {
        public UnitCheck {
            Objects.requireNonNull(identity, "identity");
            Objects.requireNonNull(capabilities, "capabilities");
            Objects.requireNonNull(state, "state");
        }

        static UnitCheck of(String port, AcquisitionUnit unit) {
            UnitStatus status = unit.status();
            return new UnitCheck(port, unit.identity(), unit.capabilities(), status.state(), status.trialsDelivered(),
                    status.lastErrorCode());
        }

        /** The line the workstation shows: "Excitrack unit SIM-00001, firmware sim-1.0.0". */
        public String description() {
            return "Excitrack unit " + identity.serialNumber() + ", firmware " + identity.firmwareVersion();
        }
    }

    /** The magnetic stimulator as it answered. */
    public record StimulatorCheck(String port, StimulatorIdentity identity, StimulatorStatus status) {
        public boolean armed() {
            return status.charge() != ChargeState.STANDBY;
        }

        public OptionalDouble coilTemperatureCelsius() {
            return status.coilTemperatureCelsius();
        }

        public Optional<String> fault() {
            return status.fault();
        }
    }

    /** Both devices after a successful check. */
    public record Connection(UnitCheck unit, Optional<StimulatorCheck> stimulator) {
        public Connection {
            Objects.requireNonNull(unit, "unit");
            Objects.requireNonNull(stimulator, "stimulator");
        }
    }

    /**
     * One test stimulus and what it evoked.
     *
     * @param traceMicrovolts channel 0 of the sweep, µV; sample i is at {@code traceStartMicros + i × sampleIntervalMicros}
     */
    public record TestTrial(long amplitudeNanoamps, long widthMicros, long onsetMicros, Response response,
                            double[] traceMicrovolts, double traceStartMicros, double sampleIntervalMicros) {
        public TestTrial {
            traceMicrovolts = traceMicrovolts.clone();
        }

        @Override
        public double[] traceMicrovolts() {
            return traceMicrovolts.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TestTrial t && t.amplitudeNanoamps == amplitudeNanoamps && t.widthMicros == widthMicros
                    && t.onsetMicros == onsetMicros && t.response.equals(response)
                    && Arrays.equals(t.traceMicrovolts, traceMicrovolts);
        }

        @Override
        public int hashCode() {
            return Objects.hash(amplitudeNanoamps, widthMicros, response) * 31 + Arrays.hashCode(traceMicrovolts);
        }

        @Override
        public String toString() {
            return "TestTrial[" + amplitudeNanoamps + " nA, " + widthMicros + " µs, " + response + "]";
        }
    }

    private final boolean virtualTime;

    /** @param virtualTime run the in-process simulator ({@code sim:unit}) in simulated time */
    public ConnectionService(boolean virtualTime) {
        this.virtualTime = virtualTime;
    }

    /**
     * Opens the unit, then the stimulator (a simulated stimulator wires itself to the simulated unit opened last,
     * so the unit must be open first), reads both and closes both.
     *
     * @throws ConnectionException saying which device failed and how
     */
    public Connection connect(String unitPort, Optional<String> stimulatorPort) {
        return withUnit(unitPort, unit -> {
            UnitCheck unitCheck = guarded(Device.UNIT, () -> UnitCheck.of(unitPort, unit));
            Optional<StimulatorCheck> stimulator = stimulatorPort.filter(p -> !p.isBlank())
                    .map(p -> checkStimulator(p.trim(), unit));
            return new Connection(unitCheck, stimulator);
        });
    }

    /**
     * Gives one single-pulse trial and measures its response (channel 0) as the threshold tracking would.
     *
     * @throws IllegalArgumentException when the stimulus is above {@link #MAX_TEST_NANOAMPS} or not a valid pulse
     * @throws ConnectionException when the unit cannot be reached or refuses
     */
    public TestTrial testTrial(String unitPort, long amplitudeNanoamps, long widthMicros) {
        if (amplitudeNanoamps <= 0 || amplitudeNanoamps > MAX_TEST_NANOAMPS) {
            throw new IllegalArgumentException("a test stimulus is between 0 and " + MAX_TEST_NANOAMPS / 1e6
                    + " mA, not " + amplitudeNanoamps / 1e6 + " mA");
        }
        Pulse pulse = Pulse.cathodal(TEST_ONSET_MICROS, widthMicros, amplitudeNanoamps);
        return withUnit(unitPort, unit -> guarded(Device.UNIT, () -> {
            TrialResult result = stimulateOnce(unit, pulse);
            Sweep sweep = result.sweep();
            Response response = CmapMeasurer.nerveDefaults().measure(sweep, TEST_ONSET_MICROS);
            return new TestTrial(amplitudeNanoamps, widthMicros, TEST_ONSET_MICROS, response, sweep.microvolts(0),
                    sweep.startMicros(), sweep.sampleIntervalMicros());
        }));
    }

    /** Armed for this one trial only; disarmed again whatever happens (the unit's watchdog is the backstop). */
    private static TrialResult stimulateOnce(AcquisitionUnit unit, Pulse pulse) {
        unit.configure(AmplifierSettings.nerveDefaults().withDefaultWindow(TEST_WINDOW));
        unit.setLimits(UnitBackstop.limitsFor(SafetyLimits.nerveDefaults()));
        unit.arm(WATCHDOG);
        try {
            return unit.runTrial(TrialSpec.singlePulse(1, pulse, TEST_WINDOW));
        } finally {
            unit.disarm();
        }
    }

    private StimulatorCheck checkStimulator(String port, AcquisitionUnit unit) {
        try (MagneticStimulator stimulator = guarded(Device.STIMULATOR, () -> openStimulator(port, unit))) {
            return guarded(Device.STIMULATOR, () -> new StimulatorCheck(port, stimulator.identity(),
                    stimulator.status()));
        }
    }

    /**
     * In virtual time the stimulator's driver advances the unit's clock while it waits; the unit's watchdog is
     * fed meanwhile, as the session does.
     */
    private static MagneticStimulator openStimulator(String port, AcquisitionUnit unit) {
        return MagneticStimulators.open(port, MagstimTimings.defaults(), link -> link.virtualClock()
                .<Link>map(clock -> new VirtualTimeLink(link, new FeedingClock(clock, FEED_EVERY_MICROS,
                        unit::status))).orElse(link));
    }

    private <T> T withUnit(String port, Function<AcquisitionUnit, T> work) {
        String opened = guarded(Device.UNIT, () -> portFor(port.trim()));
        try (AcquisitionUnit unit = guarded(Device.UNIT, () -> AcquisitionUnits.open(opened))) {
            return work.apply(unit);
        }
    }

    /**
     * Virtual time applies to the in-process simulator only (as {@link RunService} runs it): a real port given
     * while the workstation demonstrates in virtual time is opened as it is, not refused.
     */
    String portFor(String port) {
        return virtualTime && port.startsWith(SIMULATED_UNIT) ? RunService.portFor(port, true) : port;
    }

    private static <T> T guarded(Device device, java.util.function.Supplier<T> action) {
        try {
            return action.get();
        } catch (InvalidRequestException e) {
            throw new ConnectionException(device, ConnectionException.Problem.BAD_ADDRESS, e.getMessage(), e);
        } catch (DeviceException | IllegalArgumentException | org.excitrack.transport.TransportException e) {
            throw ConnectionException.classify(device, e);
        }
    }
}
