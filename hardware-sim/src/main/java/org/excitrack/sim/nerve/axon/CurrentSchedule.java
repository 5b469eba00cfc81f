package org.excitrack.sim.nerve.axon;

import java.util.List;

/**
 * Piecewise-constant stimulus current into the axon: rectangular pulses and polarizing steps, superimposed
 * (sim-model.md §1.6). Times in ms, currents in pA. Integration steps never straddle an edge, so within a step the
 * current is constant.
 */
final class CurrentSchedule {
    /** How long after a polarizing edge the integrator keeps the fine step (the node settles in ≈ 0.1 ms). */
    static final double FINE_AFTER_STEP_EDGE_MILLIS = 1.0;
    /** How long after a pulse the fine step is kept: the action potential and its fast after-potential. */
    static final double FINE_AFTER_PULSE_MILLIS = 5.0;
    private static final double EPS = 1e-9;

    private final double[] onset;
    private final double[] end;
    private final double[] amplitude;
    private final boolean[] pulse;

    /** One current piece. */
    record Piece(double onsetMillis, double endMillis, double amplitude_pA, boolean pulse) {
    }

    CurrentSchedule(List<Piece> pieces) {
        int n = pieces.size();
        onset = new double[n];
        end = new double[n];
        amplitude = new double[n];
        pulse = new boolean[n];
        for (int i = 0; i < n; i++) {
            Piece p = pieces.get(i);
            onset[i] = p.onsetMillis();
            end[i] = p.endMillis();
            amplitude[i] = p.amplitude_pA();
            pulse[i] = p.pulse();
        }
    }

    /** The current flowing during a step that starts at {@code t} (no edge lies inside a step). */
    double currentDuringStepFrom(double t) {
        double probe = t + 2 * EPS;
        double sum = 0;
        for (int i = 0; i < onset.length; i++) {
            if (probe >= onset[i] && probe < end[i]) {
                sum += amplitude[i];
            }
        }
        return sum;
    }

    /** The first edge strictly after {@code t}, or +∞. */
    double nextEdgeAfter(double t) {
        double next = Double.POSITIVE_INFINITY;
        for (int i = 0; i < onset.length; i++) {
            if (onset[i] > t + EPS && onset[i] < next) {
                next = onset[i];
            }
            if (end[i] > t + EPS && end[i] < next) {
                next = end[i];
            }
        }
        return next;
    }

    /**
     * Whether fast dynamics are expected at {@code t}: during a pulse, shortly after a pulse, or shortly after a
     * polarizing edge.
     */
    boolean needsFineStep(double t) {
        for (int i = 0; i < onset.length; i++) {
            if (pulse[i]) {
                if (t >= onset[i] - EPS && t < end[i] + FINE_AFTER_PULSE_MILLIS - EPS) {
                    return true;
                }
            } else {
                if ((t >= onset[i] - EPS && t < onset[i] + FINE_AFTER_STEP_EDGE_MILLIS - EPS)
                        || (t >= end[i] - EPS && t < end[i] + FINE_AFTER_STEP_EDGE_MILLIS - EPS)) {
                    return true;
                }
            }
        }
        return false;
    }
}
