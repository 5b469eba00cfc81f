package org.excitrack.sim.nerve.axon;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The parameters of the lumped node + internode ("Bostock-type") human motor axon model (sim-model.md §1.3–1.5),
 * with units in the names: mV, nS, pF, °C. One node and one internode are lumped, so conductances and
 * capacitances are whole-compartment values, not per area.
 *
 * <p>Gate kinetics are Schwarz–Reid–Bostock's 20 °C human nodal rate constants (sim-model.md §1.4); every rate is
 * multiplied by {@code Q10^((temperature_C − 20)/10)}. A <em>shift</em> of X mV moves a gate's whole voltage
 * dependence X mV to more depolarized potentials (its rates are evaluated at V − X); a <em>scale</em> multiplies
 * its rates.
 *
 * @param temperature_C axon temperature; all gating rates scale with it through the Q10s
 * @param restingPotential_mV resting potential of node and internode; constant pump currents make it a steady state
 * @param naReversal_mV sodium reversal potential
 * @param kReversal_mV potassium reversal potential
 * @param hcnReversal_mV HCN (Ih) reversal potential (a mixed Na/K current)
 * @param leakReversal_mV leak reversal potential
 * @param nodeCapacitance_pF nodal membrane capacitance
 * @param internodeCapacitance_pF internodal axolemma capacitance; with the Barrett–Barrett conductance it sets the
 *     slow "S1" charging of threshold electrotonus
 * @param myelinCapacitance_pF myelin capacitance between periaxonal space and the outside
 * @param barrettBarrett_nS paranodal/periaxonal (Barrett–Barrett) conductance coupling the internode to the node
 * @param nodalNa_nS total nodal sodium conductance (transient + persistent)
 * @param persistentNaFraction fraction of the nodal Na channels that are persistent (non-inactivating, p³ gating)
 * @param nodalFastK_nS nodal fast K (n⁴)
 * @param nodalSlowK_nS nodal slow K (s)
 * @param nodalAhpK_nS a second nodal slow K with steeper, more hyperpolarized activation (AAL's "i" gate); it is
 *     opened by the action potential and closes over tens of ms, giving the late subexcitability of the recovery
 *     cycle
 * @param nodalLeak_nS nodal leak
 * @param internodalFastK_nS internodal fast K (n⁴)
 * @param internodalSlowK_nS internodal slow K (s); accommodation to depolarization (S2)
 * @param internodalAhpK_nS the AHP K gate in the internode, driven by the internodal potential
 * @param hcn_nS internodal HCN (Ih), inward rectification under hyperpolarization
 * @param internodalLeak_nS internodal leak
 * @param naActivationShift_mV shift of transient Na activation (m)
 * @param naInactivationShift_mV shift of Na inactivation (h)
 * @param persistentNaShift_mV shift of persistent Na activation (p)
 * @param fastKShift_mV shift of fast K activation (n), node and internode
 * @param slowKShift_mV shift of slow K activation (s), node and internode
 * @param slowKAlphaScale scale of the slow K opening rate
 * @param slowKBetaScale scale of the slow K closing rate
 * @param ahpKShift_mV shift of the AHP K gate, relative to the slow K rate functions
 * @param ahpKRateScale scale of both AHP K rates
 * @param hcnShift_mV shift of HCN activation (half-activation −107.3 mV at shift 0)
 * @param hcnRateScale scale of both HCN rates
 * @param q10NaActivation Q10 of m and p
 * @param q10NaInactivation Q10 of h
 * @param q10K Q10 of n, s and the AHP K gate
 * @param q10Hcn Q10 of the HCN gate
 */
public record AxonParameters(
        double temperature_C,
        double restingPotential_mV,
        double naReversal_mV,
        double kReversal_mV,
        double hcnReversal_mV,
        double leakReversal_mV,
        double nodeCapacitance_pF,
        double internodeCapacitance_pF,
        double myelinCapacitance_pF,
        double barrettBarrett_nS,
        double nodalNa_nS,
        double persistentNaFraction,
        double nodalFastK_nS,
        double nodalSlowK_nS,
        double nodalAhpK_nS,
        double nodalLeak_nS,
        double internodalFastK_nS,
        double internodalSlowK_nS,
        double internodalAhpK_nS,
        double hcn_nS,
        double internodalLeak_nS,
        double naActivationShift_mV,
        double naInactivationShift_mV,
        double persistentNaShift_mV,
        double fastKShift_mV,
        double slowKShift_mV,
        double slowKAlphaScale,
        double slowKBetaScale,
        double ahpKShift_mV,
        double ahpKRateScale,
        double hcnShift_mV,
        double hcnRateScale,
        double q10NaActivation,
        double q10NaInactivation,
        double q10K,
        double q10Hcn) {

    private static final RecordComponent[] COMPONENTS = AxonParameters.class.getRecordComponents();
    private static final List<String> NAMES = names(COMPONENTS);

    public AxonParameters {
        double[] all = {temperature_C, restingPotential_mV, naReversal_mV, kReversal_mV, hcnReversal_mV,
            leakReversal_mV, nodeCapacitance_pF, internodeCapacitance_pF, myelinCapacitance_pF, barrettBarrett_nS,
            nodalNa_nS, persistentNaFraction, nodalFastK_nS, nodalSlowK_nS, nodalAhpK_nS, nodalLeak_nS,
            internodalFastK_nS, internodalSlowK_nS, internodalAhpK_nS, hcn_nS, internodalLeak_nS, naActivationShift_mV,
            naInactivationShift_mV, persistentNaShift_mV, fastKShift_mV, slowKShift_mV, slowKAlphaScale,
            slowKBetaScale, ahpKShift_mV, ahpKRateScale, hcnShift_mV, hcnRateScale, q10NaActivation,
            q10NaInactivation, q10K, q10Hcn};
        for (double x : all) {
            if (!Double.isFinite(x)) {
                throw new IllegalArgumentException("axon parameters must be finite: " + java.util.Arrays.toString(all));
            }
        }
        requirePositive("nodeCapacitance_pF", nodeCapacitance_pF);
        requirePositive("internodeCapacitance_pF", internodeCapacitance_pF);
        requirePositive("myelinCapacitance_pF", myelinCapacitance_pF);
        requirePositive("barrettBarrett_nS", barrettBarrett_nS);
        requirePositive("slowKAlphaScale", slowKAlphaScale);
        requirePositive("slowKBetaScale", slowKBetaScale);
        requirePositive("ahpKRateScale", ahpKRateScale);
        requirePositive("hcnRateScale", hcnRateScale);
        requirePositive("q10NaActivation", q10NaActivation);
        requirePositive("q10NaInactivation", q10NaInactivation);
        requirePositive("q10K", q10K);
        requirePositive("q10Hcn", q10Hcn);
        double[] conductances = {nodalNa_nS, nodalFastK_nS, nodalSlowK_nS, nodalAhpK_nS, nodalLeak_nS,
            internodalFastK_nS, internodalSlowK_nS, internodalAhpK_nS, hcn_nS, internodalLeak_nS};
        for (double g : conductances) {
            if (g < 0) {
                throw new IllegalArgumentException("conductances must not be negative: " + g);
            }
        }
        if (persistentNaFraction < 0 || persistentNaFraction > 1) {
            throw new IllegalArgumentException("persistentNaFraction must be in [0, 1]: " + persistentNaFraction);
        }
    }

    /**
     * The calibrated healthy human median motor axon at 32.8 °C skin temperature: HEALTHY-v1 of sim-model.md §2.4
     * plus the AHP K conductance, refitted by {@link AxonCalibration} to the normative means of trondnf.md §4.2
     * (ADR 0007 gives the fit and the result per variable).
     */
    public static AxonParameters healthy() {
        return HEALTHY;
    }

    /** HEALTHY-v1 of sim-model.md §2.4, without the AHP K conductance: the calibration's starting point. */
    public static AxonParameters healthyV1() {
        return new AxonParameters(32.8, -85, 55, -90, -54.9, -85,
                1.20, 87.7, 2.80, 41.5,
                300, 0.010, 4.0, 27.95, 0.0, 1.0,
                4.0, 50.6, 0.0, 6.0, 1.0,
                0, 4.22, 0, 0, -4.0, 0.328, 0.345,
                -10, 1.1, 0, 1.0,
                2.2, 2.9, 3.0, 3.0);
    }

    /** The result of {@code AxonCalibrationRun} (2800 evaluations, seed 20261122), rounded to 6 digits. */
    private static final AxonParameters HEALTHY = new AxonParameters(32.8, -86.4734, 50.0204, -91.6434, -54.9, -85,
            1.20, 74.3603, 0.986023, 17.3001,
            300, 0.00828853, 4.0, 30.6650, 287.745, 1.0,
            4.0, 16.3793, 0.0, 2.16083, 1.0,
            0, 0.267699, 0, 0, -4.0, 0.177677, 0.345,
            26.4897, 0.101784, -13.1472, 1.0,
            2.2, 2.9, 3.0, 3.0);

    /** Every parameter name, in record order: the names preset files use ({@code biophysical.<name>}). */
    public static List<String> names() {
        return NAMES;
    }

    /** The value of the parameter called {@code name}. */
    public double value(String name) {
        try {
            return (double) COMPONENTS[indexOf(name)].getAccessor().invoke(this);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A copy with parameter {@code name} set to {@code newValue}. */
    public AxonParameters with(String name, double newValue) {
        double[] values = toArray();
        values[indexOf(name)] = newValue;
        return fromArray(values);
    }

    /** A copy with parameter {@code name} multiplied by {@code factor}. */
    public AxonParameters scaled(String name, double factor) {
        return with(name, value(name) * factor);
    }

    /** All values in {@link #names()} order. */
    public double[] toArray() {
        double[] values = new double[COMPONENTS.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = value(NAMES.get(i));
        }
        return values;
    }

    /** The parameters whose values, in {@link #names()} order, are {@code values}. */
    public static AxonParameters fromArray(double[] values) {
        if (values.length != COMPONENTS.length) {
            throw new IllegalArgumentException("expected " + COMPONENTS.length + " values, got " + values.length);
        }
        Object[] boxed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        try {
            return canonicalConstructor().newInstance(boxed);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw new IllegalStateException(e);
        } catch (InstantiationException | IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Constructor<AxonParameters> canonicalConstructor() {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        java.util.Arrays.fill(types, double.class);
        try {
            return AxonParameters.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int indexOf(String name) {
        int i = NAMES.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("unknown axon parameter '" + name + "'; valid names: " + NAMES);
        }
        return i;
    }

    private static List<String> names(RecordComponent[] components) {
        List<String> names = new ArrayList<>();
        for (RecordComponent c : components) {
            names.add(c.getName());
        }
        return Collections.unmodifiableList(names);
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
