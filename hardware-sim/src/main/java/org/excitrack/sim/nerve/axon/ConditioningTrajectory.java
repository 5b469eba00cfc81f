package org.excitrack.sim.nerve.axon;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of an axon along one conditioning history (polarizing steps and earlier pulses), from rest at time 0,
 * computed lazily and checkpointed about every millisecond. Every test delay of a threshold-electrotonus curve
 * shares one trajectory, so the 100 ms conditioning is integrated once rather than once per delay.
 *
 * <p>{@link #stateAt} walks the integrator's grid from the latest checkpoint and finishes with one partial step,
 * so the state at a time does not depend on which times were asked before. Synchronized: threads asking for
 * states of the same history take turns; different histories run in parallel.
 */
final class ConditioningTrajectory {
    private static final double CHECKPOINT_EVERY_MILLIS = 1.0;
    private static final double EPS = 1e-9;

    private final AxonIntegrator integrator;
    private final CurrentSchedule schedule;
    private final List<Double> checkpointTimes = new ArrayList<>();
    private final List<double[]> checkpointStates = new ArrayList<>();
    private double lastThreshold_pA = Double.NaN;

    ConditioningTrajectory(AxonIntegrator integrator, CurrentSchedule schedule) {
        this.integrator = integrator;
        this.schedule = schedule;
        checkpointTimes.add(0.0);
        checkpointStates.add(integrator.membrane().restingState());
    }

    CurrentSchedule schedule() {
        return schedule;
    }

    /** A fresh copy of the state at time {@code t} (ms). */
    synchronized double[] stateAt(double t) {
        int i = lastCheckpointAtOrBefore(t);
        double time = checkpointTimes.get(i);
        double[] y = checkpointStates.get(i).clone();
        boolean extending = i == checkpointTimes.size() - 1;
        double lastSaved = time;
        while (true) {
            double next = integrator.nextGridTime(time, y, schedule);
            if (next > t + EPS) {
                break;
            }
            integrator.advance(y, time, next, schedule);
            time = next;
            if (extending) {
                if (time - lastSaved >= CHECKPOINT_EVERY_MILLIS - EPS) {
                    checkpointTimes.add(time);
                    checkpointStates.add(y.clone());
                    lastSaved = time;
                }
            }
        }
        if (time < t - EPS) {
            integrator.advance(y, time, t, schedule);
        }
        return y;
    }

    /** The last threshold found along this history: a good first guess for the next delay. */
    synchronized double lastThreshold_pA() {
        return lastThreshold_pA;
    }

    synchronized void rememberThreshold(double threshold_pA) {
        if (Double.isFinite(threshold_pA) && threshold_pA > 0) {
            lastThreshold_pA = threshold_pA;
        }
    }

    private int lastCheckpointAtOrBefore(double t) {
        int lo = 0;
        int hi = checkpointTimes.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (checkpointTimes.get(mid) <= t + EPS) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
