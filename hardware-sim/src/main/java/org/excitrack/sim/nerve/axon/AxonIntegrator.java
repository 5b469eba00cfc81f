package org.excitrack.sim.nerve.axon;

/**
 * Walks an axon's state through time on a step grid that is fine (5 µs) where the dynamics are fast and coarse
 * (50 µs) during long subthreshold conditioning. The grid from a given time and state is a pure function of the
 * schedule, so re-walking from a stored grid point gives bit-identical states: that is what lets conditioning
 * trajectories be shared and checkpointed without making results depend on the order of queries.
 */
final class AxonIntegrator {
    static final double FINE_DT_MILLIS = 0.005;
    static final double COARSE_DT_MILLIS = 0.05;
    /** Nodal potential above which an action potential is counted (upward crossing). */
    static final double AP_DETECTION_mV = -20;
    /** Depolarization above rest beyond which the fine step is used whatever the schedule (e.g. spontaneous APs). */
    private static final double FINE_ABOVE_REST_mV = 20;
    private static final double EPS = 1e-9;

    private final AxonMembrane membrane;
    private final double fineAbove_mV;

    AxonIntegrator(AxonMembrane membrane) {
        this.membrane = membrane;
        this.fineAbove_mV = membrane.restingPotential() + FINE_ABOVE_REST_mV;
    }

    AxonMembrane membrane() {
        return membrane;
    }

    /** The next grid time after {@code t} for state {@code y}: never beyond the next edge of the schedule. */
    double nextGridTime(double t, double[] y, CurrentSchedule schedule) {
        boolean fine = y[AxonMembrane.VN] > fineAbove_mV || schedule.needsFineStep(t);
        double next = t + (fine ? FINE_DT_MILLIS : COARSE_DT_MILLIS);
        double edge = schedule.nextEdgeAfter(t);
        return next >= edge - EPS ? edge : next;
    }

    /** One step of {@code y} from {@code t} to {@code next} (no edge in between). */
    void advance(double[] y, double t, double next, CurrentSchedule schedule) {
        membrane.step(y, next - t, schedule.currentDuringStepFrom(t));
    }

    /**
     * Walks {@code y} from {@code from} to {@code to} on the grid, ending with a partial step to land on {@code to}.
     * Returns the number of action potentials (upward crossings of {@link #AP_DETECTION_mV} at the node).
     */
    int walk(double[] y, double from, double to, CurrentSchedule schedule) {
        int spikes = 0;
        double t = from;
        while (t < to - EPS) {
            double next = Math.min(nextGridTime(t, y, schedule), to);
            double before = y[AxonMembrane.VN];
            advance(y, t, next, schedule);
            if (before <= AP_DETECTION_mV && y[AxonMembrane.VN] > AP_DETECTION_mV) {
                spikes++;
            }
            t = next;
        }
        return spikes;
    }

    /**
     * Whether a test pulse of {@code testAmplitude_pA} from {@code testOnset} for {@code testWidth} ms, on top of
     * {@code conditioning}, fires the axon starting from state {@code start} at the test onset: an upward crossing
     * of {@link #AP_DETECTION_mV} between test onset and 1 ms after its end. Always on the fine step. Stops early
     * once the answer is certain: at the crossing, or once the node has fallen back to its pre-test potential
     * after the pulse (it cannot regenerate from there without a new stimulus).
     */
    boolean testFires(double[] start, CurrentSchedule conditioning, double testOnset, double testWidth,
            double testAmplitude_pA) {
        double[] y = start.clone();
        double testEnd = testOnset + testWidth;
        double windowEnd = testEnd + 1.0;
        double baseline = start[AxonMembrane.VN];
        double t = testOnset;
        while (t < windowEnd - EPS) {
            double next = t + FINE_DT_MILLIS;
            double edge = Math.min(conditioning.nextEdgeAfter(t), t < testEnd - EPS ? testEnd : windowEnd);
            if (next >= edge - EPS) {
                next = edge;
            }
            next = Math.min(next, windowEnd);
            double current = conditioning.currentDuringStepFrom(t) + (t < testEnd - EPS ? testAmplitude_pA : 0);
            double before = y[AxonMembrane.VN];
            membrane.step(y, next - t, current);
            double after = y[AxonMembrane.VN];
            if (before <= AP_DETECTION_mV && after > AP_DETECTION_mV) {
                return true;
            }
            if (next > testEnd + 0.1 && after < before && after < baseline + 1.0) {
                return false;
            }
            t = next;
        }
        return false;
    }
}
