package org.excitrack.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.DeviceException;
import org.excitrack.device.UnitEvent;
import org.excitrack.device.UnitStatus;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.UnitCapabilities;
import org.excitrack.model.UnitIdentity;
import org.excitrack.model.UnitState;

/**
 * A unit that does nothing but remember what it was sent, in public fields (after MMCore's StubDevices).
 * Trials "take" {@link #trialDurationNanos} of the {@link #ticker}'s virtual time when one is attached.
 */
public final class StubAcquisitionUnit implements AcquisitionUnit {
    public final List<TrialSpec> trials = new ArrayList<>();
    /** The ticker's time at the moment each trial reached the unit. */
    public final List<Long> trialStartNanos = new ArrayList<>();
    public final List<SafetyLimits> limitsSet = new ArrayList<>();
    public final List<AmplifierSettings> configured = new ArrayList<>();
    public final List<String> calls = new ArrayList<>();
    public FakeTicker ticker;
    public long trialDurationNanos;
    /** When set, runTrial records the trial and then throws this. */
    public DeviceException failNextTrial;
    public UnitIdentity identity = new UnitIdentity("Stub", "0.0", "STUB-1", 1);
    public UnitCapabilities capabilities = new UnitCapabilities(50_000_000L, 1_000L, 50, 1_000, List.of(10_000), 1, 1,
            1_000, SafetyLimits.nerveDefaults());

    @Override
    public UnitIdentity identity() {
        calls.add("identity");
        return identity;
    }

    @Override
    public UnitCapabilities capabilities() {
        calls.add("capabilities");
        return capabilities;
    }

    @Override
    public AmplifierSettings configure(AmplifierSettings settings) {
        calls.add("configure");
        configured.add(settings);
        return settings;
    }

    @Override
    public SafetyLimits setLimits(SafetyLimits limits) {
        calls.add("setLimits");
        limitsSet.add(limits);
        return limits.tighterOf(capabilities.hardLimits());
    }

    @Override
    public void arm(Duration watchdog) {
        calls.add("arm");
    }

    @Override
    public void disarm() {
        calls.add("disarm");
    }

    @Override
    public TrialResult runTrial(TrialSpec trial) {
        calls.add("runTrial");
        trials.add(trial);
        trialStartNanos.add(ticker == null ? 0 : ticker.now);
        if (failNextTrial != null) {
            DeviceException e = failNextTrial;
            failNextTrial = null;
            throw e;
        }
        if (ticker != null) {
            ticker.now += trialDurationNanos;
        }
        return new TrialResult(trial.trialId(), trial.trialId() * 1_000_000L, trial.pulses(), trial.polarizing(),
                trial.triggers(), new Sweep(10_000, 0, 1, 1_000, new short[300]));
    }

    @Override
    public UnitStatus status() {
        calls.add("status");
        return new UnitStatus(UnitState.ARMED, 0, trials.size(), trials.isEmpty() ? 0 : trials.get(trials.size() - 1)
                .trialId(), 0, 1_000);
    }

    @Override
    public boolean abort() {
        calls.add("abort");
        return true;
    }

    @Override
    public boolean emergencyStop() {
        calls.add("emergencyStop");
        return true;
    }

    @Override
    public void clearEmergencyStop() {
        calls.add("clearEmergencyStop");
    }

    @Override
    public void fireTrigger(int line, long widthMicros) {
        calls.add("fireTrigger " + line + " " + widthMicros);
    }

    @Override
    public void onEvent(Consumer<UnitEvent> listener) {
        calls.add("onEvent");
    }

    @Override
    public void close() {
        calls.add("close");
    }
}
