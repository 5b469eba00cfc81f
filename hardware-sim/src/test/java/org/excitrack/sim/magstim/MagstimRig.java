package org.excitrack.sim.magstim;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.excitrack.device.AcquisitionUnitClient;
import org.excitrack.device.AcquisitionUnits;
import org.excitrack.device.MagneticStimulators;
import org.excitrack.device.magstim.MagstimStimulator;
import org.excitrack.device.magstim.MagstimTimings;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.model.RecordingWindow;
import org.excitrack.model.Sweep;
import org.excitrack.model.TrialSpec;
import org.excitrack.model.TriggerOut;
import org.excitrack.model.VirtualClock;
import org.excitrack.session.VirtualTicker;
import org.excitrack.sim.SimulatedDevices;

/**
 * A virtual unit and a Magstim wired to it, both opened by URI as a user would, with the driver on top: what the
 * driver tests and the keep-alive test run against. In virtual time unless the unit URI says otherwise.
 */
final class MagstimRig implements AutoCloseable {
    static final String UNIT = "sim:unit?subject=healthy&seed=1&clock=virtual";
    /** Long enough that a loaded build machine never misses a reply of the in-process simulator. */
    static final MagstimTimings TIMINGS = MagstimTimings.defaults().withReply(Duration.ofSeconds(2));
    static final RecordingWindow WINDOW = new RecordingWindow(0, 60_000);

    final AcquisitionUnitClient unit;
    final MagstimStimulator stimulator;
    final MagstimServer sim;
    final VirtualClock clock;

    private MagstimRig(AcquisitionUnitClient unit, MagstimStimulator stimulator, MagstimServer sim) {
        this.unit = unit;
        this.stimulator = stimulator;
        this.sim = sim;
        this.clock = unit.virtualClock().orElse(null);
        // As the session wires it: the stimulator's own waits move the shared clock, so they feed the unit too.
        stimulator.feedWhileWaiting(unit::status);
    }

    static MagstimRig open(String stimulatorUri) {
        return open(UNIT, stimulatorUri, TIMINGS);
    }

    static MagstimRig open(String unitUri, String stimulatorUri, MagstimTimings timings) {
        AcquisitionUnitClient unit = AcquisitionUnits.open(unitUri);
        try {
            unit.configure(AmplifierSettings.nerveDefaults().withDefaultWindow(WINDOW));
            MagstimStimulator stimulator = (MagstimStimulator) MagneticStimulators.open(stimulatorUri, timings);
            return new MagstimRig(unit, stimulator, SimulatedDevices.latestMagstim().orElseThrow());
        } catch (RuntimeException e) {
            unit.close();
            throw e;
        }
    }

    /** Runs {@code query} on the simulator's thread (the unit's) and returns its answer. */
    <T> T onSim(Function<VirtualMagstim, T> query) {
        CompletableFuture<T> answer = new CompletableFuture<>();
        sim.run(() -> {
            try {
                answer.complete(query.apply(sim.magstim()));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            throw new AssertionError("the simulator did not answer: " + e, e);
        }
    }

    /** The virtual Magstim's status byte now. */
    org.excitrack.codec.magstim.InstrumentStatus simStatus() {
        return onSim(VirtualMagstim::status);
    }

    List<Integer> simPowers() {
        return onSim(m -> List.of(m.powerAPercent(), m.powerBPercent()));
    }

    void inject(MagstimSimFault fault) {
        onSim(m -> {
            m.inject(fault);
            return null;
        });
    }

    MagstimCounters counters() {
        return sim.magstim().counters();
    }

    /**
     * Session time as the session's virtual ticker keeps it, feeding the unit's and the stimulator's watchdogs,
     * in steps of 250 ms: the longest that keeps an armed Magstim's 1 s watchdog fed (see
     * {@link MagstimStimulator#keepAlive()}).
     */
    VirtualTicker ticker() {
        return new VirtualTicker(clock, 250_000, () -> {
            unit.status();
            stimulator.keepAlive();
        });
    }

    /** One trial of {@code duration} with TTLs on these lines at these onsets: the unit fires the stimulator. */
    Sweep trial(long id, List<TriggerOut> triggers) {
        return unit.runTrial(new TrialSpec(id, List.of(), List.of(), triggers, WINDOW)).sweep();
    }


    @Override
    public void close() {
        try {
            stimulator.close();
        } finally {
            unit.close();
        }
    }
}
