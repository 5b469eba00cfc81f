package org.excitrack.session;

import java.time.Duration;
import org.excitrack.device.AcquisitionUnit;
import org.excitrack.device.DeviceException;
import org.excitrack.device.DeviceTimeoutException;
import org.excitrack.device.LinkLostException;
import org.excitrack.device.UnitRefusedException;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.SafetyLimits;
import org.excitrack.model.TrialResult;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.plan.AcquisitionPlan;
import org.excitrack.model.session.SessionEvent;
import org.excitrack.model.session.SessionState;

/**
 * The nerve session's link to its acquisition unit. It sets the unit up (amplifier, backstop limits, clock, armed
 * watchdog), sends every trial through the {@link TrialRunner} safety layer with pause and stop honoured just
 * before the trial leaves, and, given a {@link UnitConnector}, survives a lost link: it pauses, reconnects to the
 * same unit, sets it up again, and gives the trial in flight again under the same id (the unit answers a repeated
 * id from its cache, so no trial is lost or given twice).
 */
final class UnitLink {
    static final Duration WATCHDOG = Duration.ofSeconds(2);
    private static final int RECONNECT_ATTEMPTS = 5;
    private static final long RECONNECT_BACKOFF_NANOS = 1_000_000_000L;

    /** The unit the caller gave, which the caller closes; units reconnected during the run are the session's. */
    private final AcquisitionUnit given;
    private AcquisitionUnit unit;
    private final AcquisitionPlan acquisition;
    private final SafetyLimits configuredLimits;
    private final SessionControl control;
    private final SessionRecorder recorder;
    private final SessionReporter reporter;
    private final Ticker ticker;
    private UnitConnector connector;
    private AmplifierSettings amplifier;
    private SafetyLimits limitsInForce;
    private TrialRunner runner;
    private long resolutionNanoamps = 1;

    UnitLink(AcquisitionUnit unit, AcquisitionPlan acquisition, SafetyLimits configuredLimits, SessionControl control,
             SessionRecorder recorder, SessionReporter reporter, Ticker ticker) {
        this.given = unit;
        this.unit = unit;
        this.acquisition = acquisition;
        this.configuredLimits = configuredLimits;
        this.control = control;
        this.recorder = recorder;
        this.reporter = reporter;
        this.ticker = ticker;
    }

    void reconnectWith(UnitConnector unitConnector) {
        this.connector = unitConnector;
    }

    /** Sets the unit up for the plan and arms it; trial ids start at {@code firstTrialId}. */
    void open(long firstTrialId) {
        control.attach(unit);
        amplifier = AmplifierSettings.nerveDefaults().withSampleRateHz(acquisition.sampleRateHz())
                .withDefaultWindow(new RecordingWindow(0, acquisition.windowMicros()));
        unit.configure(amplifier);
        limitsInForce = unit.setLimits(UnitBackstop.limitsFor(configuredLimits)).tighterOf(configuredLimits);
        runner = new TrialRunner(unit, limitsInForce, acquisition.intervalMicros(), timeFor(unit));
        runner.continueFrom(firstTrialId);
        resolutionNanoamps = Math.max(1, unit.capabilities().currentResolutionNanoamps());
        unit.arm(WATCHDOG);
    }

    /** The unit in use now: the one given, or the one reconnected to after a lost link. */
    AcquisitionUnit unit() {
        return unit;
    }

    /** Closes a unit the session reconnected to; the unit the caller gave is the caller's to close. */
    void closeIfReconnected() {
        if (unit != given) {
            unit.close();
        }
    }

    long nextTrialId() {
        return runner.nextTrialId();
    }

    /** The unit's current step, read when the link opened. */
    long resolutionNanoamps() {
        return resolutionNanoamps;
    }

    /** {@code nanoamps} to the nearest current the unit can give, at least one step. */
    long round(long nanoamps) {
        return Math.max(resolutionNanoamps, Math.round((double) nanoamps / resolutionNanoamps) * resolutionNanoamps);
    }

    /** Runs one trial; a lost link is reconnected (when a connector was given) and the trial given again. */
    TrialResult run(TrialSpec spec) throws InterruptedException {
        try {
            return runner.run(spec, this::checkpoint);
        } catch (UnitRefusedException e) {
            throw control.whenStopped(e);
        } catch (LinkLostException | DeviceTimeoutException e) {
            if (connector == null) {
                throw e;
            }
            reconnect(spec, e);
            return runner.run(spec, this::checkpoint);
        }
    }

    /** Pause and stop are honoured just before each trial leaves, after the interval's wait, never during a trial. */
    private void checkpoint() throws InterruptedException {
        if (control.checkpoint()) {
            reporter.emit(new SessionEvent.StateChanged(SessionState.RUNNING, "resumed"));
            recorder.event("session", "resumed");
        }
    }

    private Ticker timeFor(AcquisitionUnit u) {
        return u.virtualClock().<Ticker>map(clock -> new VirtualTicker(clock, WATCHDOG.toNanos() / 2000,
                u::status)).orElse(ticker);
    }

    /** Pauses on a lost link, reconnects to the same unit, and makes {@code spec} the next trial again. */
    private void reconnect(TrialSpec spec, DeviceException cause) throws InterruptedException {
        String serial = unit.identity().serialNumber();
        String lost = "link lost during trial " + spec.trialId() + ": " + cause.getMessage();
        recorder.event("link", lost + "; " + unit.linkReport());
        reporter.emit(new SessionEvent.StateChanged(SessionState.PAUSED, lost));
        reporter.warn("link", lost + "; reconnecting");
        try {
            unit.close();
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
        }
        for (int attempt = 1; ; attempt++) {
            control.checkpoint();
            try {
                AcquisitionUnit fresh = connector.connect();
                if (!fresh.identity().serialNumber().equals(serial)) {
                    String other = fresh.identity().serialNumber();
                    fresh.close();
                    throw new IllegalStateException("after the link was lost a different unit answered (" + other
                            + ", not " + serial + "); the session stops rather than stimulate through another unit");
                }
                fresh.configure(amplifier);
                fresh.setLimits(UnitBackstop.limitsFor(configuredLimits));
                fresh.arm(WATCHDOG);
                unit = fresh;
                control.attach(fresh);
                // the limits in force stay those agreed with the first unit: the same unit, the same limits
                runner = new TrialRunner(fresh, limitsInForce, acquisition.intervalMicros(), timeFor(fresh));
                runner.continueFrom(spec.trialId());
                recorder.event("link", "reconnected to " + serial + " after " + attempt + " attempt(s); trial "
                        + spec.trialId() + " is given again under the same id");
                reporter.emit(new SessionEvent.StateChanged(SessionState.RUNNING, "reconnected"));
                return;
            } catch (DeviceException | IllegalArgumentException e) {
                if (attempt >= RECONNECT_ATTEMPTS) {
                    cause.addSuppressed(e);
                    throw cause;
                }
                ticker.sleepNanos(RECONNECT_BACKOFF_NANOS);
            }
        }
    }
}
