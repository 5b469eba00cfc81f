package org.excitrack.sim.nerve.axon;

/**
 * The equations of the two-compartment axon (sim-model.md §1.3) for one parameter set, and one integration step.
 *
 * <p>State vector (mV, dimensionless gates): {@link #VN} nodal potential, {@link #VI} internodal axolemma
 * potential, nodal gates m, h, p (persistent Na), n (fast K), s (slow K), a (AHP K), internodal gates n, s, q
 * (HCN). The periaxonal space sits at {@code Vn − Vi}; it reaches the outside through the myelin capacitance and
 * the Barrett–Barrett conductance. Currents in pA, conductances in nS, capacitances in pF, time in ms.
 *
 * <p>One step: the gates move first by the exact exponential (Rush–Larsen) solution for the voltage at the start
 * of the step, then both voltages by backward Euler with the ionic currents linear in V at the new gates: a 2×2
 * linear solve. This is unconditionally stable for the voltages, so long subthreshold stretches can take 50 µs
 * steps while the fast Na kinetics around a pulse take 5 µs.
 *
 * <p>Constant pump currents, one per compartment, equal minus the net ionic current at rest, so that the resting
 * potential is a steady state for any conductances.
 */
final class AxonMembrane {
    static final int VN = 0;
    static final int VI = 1;
    static final int M = 2;
    static final int H = 3;
    static final int P = 4;
    static final int N = 5;
    static final int S = 6;
    static final int A = 7;
    static final int NI = 8;
    static final int SI = 9;
    static final int Q = 10;
    static final int AI = 11;
    static final int SIZE = 12;

    /** The AHP K gate uses the slow K rate functions with their slope factors × this (AAL's "i" gate: × 0.6). */
    private static final double AHP_SLOPE_FACTOR = 0.6;

    private final AxonParameters p;
    private final double phiNaAct;
    private final double phiNaInact;
    private final double phiK;
    private final double phiHcn;
    private final double gNaTransient;
    private final double gNaPersistent;
    private final double pumpNode_pA;
    private final double pumpInternode_pA;
    private final double[] rest;

    AxonMembrane(AxonParameters params) {
        this.p = params;
        double tempSteps = (params.temperature_C() - 20) / 10;
        phiNaAct = Math.pow(params.q10NaActivation(), tempSteps);
        phiNaInact = Math.pow(params.q10NaInactivation(), tempSteps);
        phiK = Math.pow(params.q10K(), tempSteps);
        phiHcn = Math.pow(params.q10Hcn(), tempSteps);
        gNaTransient = params.nodalNa_nS() * (1 - params.persistentNaFraction());
        gNaPersistent = params.nodalNa_nS() * params.persistentNaFraction();
        double v = params.restingPotential_mV();
        double[] y = new double[SIZE];
        y[VN] = v;
        y[VI] = v;
        for (int gate = M; gate < SIZE; gate++) {
            double[] ab = rates(gate, v);
            y[gate] = ab[0] / (ab[0] + ab[1]);
        }
        this.rest = y;
        this.pumpNode_pA = -nodeIonicCurrent(y);
        this.pumpInternode_pA = -internodeIonicCurrent(y);
    }

    /** A fresh copy of the resting state. */
    double[] restingState() {
        return rest.clone();
    }

    double restingPotential() {
        return p.restingPotential_mV();
    }

    /** Advance {@code y} by {@code dt} ms with {@code stimulus_pA} injected into the axoplasm (at the node). */
    void step(double[] y, double dt, double stimulus_pA) {
        double vn = y[VN];
        double vi = y[VI];
        y[M] = relax(y[M], alphaM(vn - p.naActivationShift_mV()) * phiNaAct,
                betaM(vn - p.naActivationShift_mV()) * phiNaAct, dt);
        y[H] = relax(y[H], alphaH(vn - p.naInactivationShift_mV()) * phiNaInact,
                betaH(vn - p.naInactivationShift_mV()) * phiNaInact, dt);
        y[P] = relax(y[P], alphaP(vn - p.persistentNaShift_mV()) * phiNaAct,
                betaP(vn - p.persistentNaShift_mV()) * phiNaAct, dt);
        y[N] = relax(y[N], alphaN(vn - p.fastKShift_mV()) * phiK, betaN(vn - p.fastKShift_mV()) * phiK, dt);
        y[S] = relax(y[S], alphaS(vn - p.slowKShift_mV()) * phiK * p.slowKAlphaScale(),
                betaS(vn - p.slowKShift_mV()) * phiK * p.slowKBetaScale(), dt);
        if (p.nodalAhpK_nS() > 0) {
            double va = vn - p.ahpKShift_mV();
            double k = phiK * p.ahpKRateScale();
            y[A] = relax(y[A], alphaAhp(va) * k, betaAhp(va) * k, dt);
        }
        y[NI] = relax(y[NI], alphaN(vi - p.fastKShift_mV()) * phiK, betaN(vi - p.fastKShift_mV()) * phiK, dt);
        y[SI] = relax(y[SI], alphaS(vi - p.slowKShift_mV()) * phiK * p.slowKAlphaScale(),
                betaS(vi - p.slowKShift_mV()) * phiK * p.slowKBetaScale(), dt);
        if (p.internodalAhpK_nS() > 0) {
            double va = vi - p.ahpKShift_mV();
            double k = phiK * p.ahpKRateScale();
            y[AI] = relax(y[AI], alphaAhp(va) * k, betaAhp(va) * k, dt);
        }
        if (p.hcn_nS() > 0) {
            double k = phiHcn * p.hcnRateScale();
            y[Q] = relax(y[Q], alphaQ(vi - p.hcnShift_mV()) * k, betaQ(vi - p.hcnShift_mV()) * k, dt);
        }

        // Ionic currents as G·V − J at the new gates (outward positive, pumps included in J).
        double m = y[M];
        double pp = y[P];
        double n = y[N];
        double n2 = n * n;
        double gNaT = gNaTransient * m * m * m * y[H];
        double gNaP = gNaPersistent * pp * pp * pp;
        double gK = p.nodalFastK_nS() * n2 * n2 + p.nodalSlowK_nS() * y[S] + p.nodalAhpK_nS() * y[A];
        double gn = gNaT + gNaP + gK + p.nodalLeak_nS();
        double jn = (gNaT + gNaP) * p.naReversal_mV() + gK * p.kReversal_mV()
                + p.nodalLeak_nS() * p.leakReversal_mV() - pumpNode_pA;
        double ni = y[NI];
        double ni2 = ni * ni;
        double gKi = p.internodalFastK_nS() * ni2 * ni2 + p.internodalSlowK_nS() * y[SI]
                + p.internodalAhpK_nS() * y[AI];
        double gH = p.hcn_nS() * y[Q];
        double gi = gKi + gH + p.internodalLeak_nS();
        double ji = gKi * p.kReversal_mV() + gH * p.hcnReversal_mV() + p.internodalLeak_nS() * p.leakReversal_mV()
                - pumpInternode_pA;

        // Backward Euler on
        //   Cn dVn/dt + In + Ci dVi/dt + Ii = Istim                  (axoplasm)
        //   Ci dVi/dt + Ii = Cmy d(Vn − Vi)/dt + Gbb (Vn − Vi)       (periaxonal space)
        double a = p.nodeCapacitance_pF() / dt;
        double b = p.internodeCapacitance_pF() / dt;
        double c = p.myelinCapacitance_pF() / dt;
        double gbb = p.barrettBarrett_nS();
        double a11 = a + gn;
        double a12 = b + gi;
        double r1 = stimulus_pA + jn + ji + a * vn + b * vi;
        double a21 = -(c + gbb);
        double a22 = b + gi + c + gbb;
        double r2 = ji + b * vi - c * (vn - vi);
        double det = a11 * a22 - a12 * a21;
        y[VN] = (r1 * a22 - a12 * r2) / det;
        y[VI] = (a11 * r2 - a21 * r1) / det;
    }

    private double nodeIonicCurrent(double[] y) {
        double vn = y[VN];
        double n2 = y[N] * y[N];
        return gNaTransient * y[M] * y[M] * y[M] * y[H] * (vn - p.naReversal_mV())
                + gNaPersistent * y[P] * y[P] * y[P] * (vn - p.naReversal_mV())
                + (p.nodalFastK_nS() * n2 * n2 + p.nodalSlowK_nS() * y[S] + p.nodalAhpK_nS() * y[A])
                        * (vn - p.kReversal_mV())
                + p.nodalLeak_nS() * (vn - p.leakReversal_mV());
    }

    private double internodeIonicCurrent(double[] y) {
        double vi = y[VI];
        double n2 = y[NI] * y[NI];
        return (p.internodalFastK_nS() * n2 * n2 + p.internodalSlowK_nS() * y[SI] + p.internodalAhpK_nS() * y[AI])
                * (vi - p.kReversal_mV())
                + p.hcn_nS() * y[Q] * (vi - p.hcnReversal_mV())
                + p.internodalLeak_nS() * (vi - p.leakReversal_mV());
    }

    /** Temperature-scaled opening and closing rates (1/ms) of {@code gate} at potential {@code v}. */
    private double[] rates(int gate, double v) {
        switch (gate) {
            case M:
                return new double[] {alphaM(v - p.naActivationShift_mV()) * phiNaAct,
                    betaM(v - p.naActivationShift_mV()) * phiNaAct};
            case H:
                return new double[] {alphaH(v - p.naInactivationShift_mV()) * phiNaInact,
                    betaH(v - p.naInactivationShift_mV()) * phiNaInact};
            case P:
                return new double[] {alphaP(v - p.persistentNaShift_mV()) * phiNaAct,
                    betaP(v - p.persistentNaShift_mV()) * phiNaAct};
            case N:
            case NI:
                return new double[] {alphaN(v - p.fastKShift_mV()) * phiK, betaN(v - p.fastKShift_mV()) * phiK};
            case S:
            case SI:
                return new double[] {alphaS(v - p.slowKShift_mV()) * phiK * p.slowKAlphaScale(),
                    betaS(v - p.slowKShift_mV()) * phiK * p.slowKBetaScale()};
            case A:
            case AI:
                return new double[] {alphaAhp(v - p.ahpKShift_mV()) * phiK * p.ahpKRateScale(),
                    betaAhp(v - p.ahpKShift_mV()) * phiK * p.ahpKRateScale()};
            case Q:
                return new double[] {alphaQ(v - p.hcnShift_mV()) * phiHcn * p.hcnRateScale(),
                    betaQ(v - p.hcnShift_mV()) * phiHcn * p.hcnRateScale()};
            default:
                throw new IllegalArgumentException("not a gate: " + gate);
        }
    }

    /** Exact solution of dx/dt = α(1 − x) − βx over dt with α, β frozen. */
    private static double relax(double x, double alpha, double beta, double dt) {
        double sum = alpha + beta;
        double inf = alpha / sum;
        return inf + (x - inf) * Math.exp(-sum * dt);
    }

    // Schwarz–Reid–Bostock human nodal rate functions at 20 °C (sim-model.md §1.4), V in mV, rates in 1/ms.

    static double alphaM(double v) {
        return linUp(v, 1.86, -18.4, 10.3);
    }

    static double betaM(double v) {
        return linDown(v, 0.086, -22.7, 9.16);
    }

    static double alphaH(double v) {
        return linDown(v, 0.0336, -111, 11);
    }

    static double betaH(double v) {
        return 2.3 / (1 + Math.exp((-28.8 - v) / 13.4));
    }

    static double alphaP(double v) {
        return linUp(v, 0.93, -38.4, 10.3);
    }

    static double betaP(double v) {
        return linDown(v, 0.043, -42.7, 9.16);
    }

    static double alphaN(double v) {
        return linUp(v, 0.00798, -93.2, 1.1);
    }

    static double betaN(double v) {
        return linDown(v, 0.0142, -76, 10.5);
    }

    static double alphaS(double v) {
        return linUp(v, 0.00122, -12.5, 23.6);
    }

    static double betaS(double v) {
        return linDown(v, 0.000739, -80.1, 21.8);
    }

    static double alphaAhp(double v) {
        return linUp(v, 0.00122, -12.5, 23.6 * AHP_SLOPE_FACTOR);
    }

    static double betaAhp(double v) {
        return linDown(v, 0.000739, -80.1, 21.8 * AHP_SLOPE_FACTOR);
    }

    static double alphaQ(double v) {
        return 0.00125 * Math.exp((-107.3 - v) / 12.2);
    }

    static double betaQ(double v) {
        return 0.00125 * Math.exp((v + 107.3) / 12.2);
    }

    /** A·(V − B)/(1 − exp((B − V)/C)), with its limit A·C at V = B. */
    static double linUp(double v, double a, double b, double c) {
        double x = (v - b) / c;
        if (Math.abs(x) < 1e-6) {
            return a * c * (1 + x / 2);
        }
        return a * (v - b) / (1 - Math.exp(-x));
    }

    /** A·(B − V)/(1 − exp((V − B)/C)), with its limit A·C at V = B. */
    static double linDown(double v, double a, double b, double c) {
        double x = (b - v) / c;
        if (Math.abs(x) < 1e-6) {
            return a * c * (1 + x / 2);
        }
        return a * (b - v) / (1 - Math.exp(-x));
    }
}
