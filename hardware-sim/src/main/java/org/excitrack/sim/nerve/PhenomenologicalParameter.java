package org.excitrack.sim.nerve;

/**
 * The parameters of the phenomenological axon, by the names preset files use. Each is a true value of the
 * virtual subject: SDTC is exactly the SDTC a perfect measurement finds, and the electrotonus, I/V and
 * recovery curves are closed-form functions of the rest. Healthy defaults come from the fit in sim-model.md
 * §3, moved where needed onto the means of 193 healthy recordings (trondnf.md §4.2).
 */
public enum PhenomenologicalParameter {
    SDTC_MS("sdtc_ms", 0.435, "strength-duration time constant of Weiss's law"),
    /** Depolarizing electrotonus: S1 (internodal charging) and S2 (slow-K accommodation) as first-order filters. */
    TED_S1_GAIN("teS1Gain", 1.55, "depolarizing S1 component, gain relative to the applied fraction"),
    TED_S1_ON_MS("teS1On_ms", 7.0, "depolarizing S1 onset time constant"),
    TED_S1_OFF_MS("teS1Off_ms", 10.66, "depolarizing S1 offset time constant"),
    TED_S2_GAIN("teS2Gain", -1.50, "depolarizing S2 (accommodation) gain, negative"),
    TED_S2_ON_MS("teS2On_ms", 26.0, "depolarizing S2 onset time constant"),
    TED_S2_OFF_MS("teS2Off_ms", 30.0, "depolarizing S2 offset time constant"),
    /** Hyperpolarizing electrotonus: fast charging, slow passive spread and inward rectification (Ih). */
    TEH_S1_GAIN("teS1hGain", 0.583, "hyperpolarizing fast component gain"),
    TEH_S1_ON_MS("teS1hOn_ms", 8.93, "hyperpolarizing fast component onset time constant"),
    TEH_S1_OFF_MS("teS1hOff_ms", 21.4, "hyperpolarizing fast component offset time constant"),
    TEH_SLOW_GAIN("teSlowhGain", 5.0, "hyperpolarizing slow passive component gain"),
    TEH_SLOW_ON_MS("teSlowhOn_ms", 52.8, "hyperpolarizing slow component onset time constant"),
    TEH_SLOW_OFF_MS("teSlowhOff_ms", 21.4, "hyperpolarizing slow component offset time constant"),
    TEH_IR_GAIN("teIrGain", -3.231, "inward rectification (Ih) gain, negative"),
    TEH_IR_ON_MS("teIrOn_ms", 50.0, "inward rectification onset time constant"),
    TEH_IR_OFF_MS("teIrOff_ms", 40.6, "inward rectification offset time constant"),
    /** I/V: threshold reduction at the end of a 200 ms current is a table; these scale its two limbs. */
    IV_DEPOLARIZING_SCALE("ivDepolarizingScale", 1.0, "multiplies the depolarizing limb of the I/V table"),
    IV_HYPERPOLARIZING_SCALE("ivHyperpolarizingScale", 1.0, "multiplies the hyperpolarizing limb of the I/V table"),
    /** Recovery cycle: refractoriness, superexcitability and subexcitability terms. */
    RC_REFRACTORY_PERCENT("rcRefractory_percent", 302.7, "refractoriness amplitude at 1 ms"),
    RC_REFRACTORY_TAU_MS("rcRefractoryTau_ms", 0.68, "refractoriness decay time constant"),
    RC_SUPER_PERCENT("rcSuper_percent", 222.0, "superexcitability term amplitude"),
    RC_SUPER_RISE_MS("rcSuperRise_ms", 6.89, "superexcitability rise time constant"),
    RC_SUPER_DECAY_MS("rcSuperDecay_ms", 11.88, "superexcitability decay time constant"),
    RC_SUB_PERCENT("rcSub_percent", 78.0, "subexcitability term amplitude"),
    RC_SUB_RISE_MS("rcSubRise_ms", 13.6, "subexcitability rise time constant"),
    RC_SUB_DECAY_MS("rcSubDecay_ms", 40.3, "subexcitability decay time constant"),
    RC_ABSOLUTE_REFRACTORY_MS("rcAbsoluteRefractory_ms", 1.3, "no response at all to a test within this interval");

    private final String key;
    private final double healthy;
    private final String meaning;

    PhenomenologicalParameter(String key, double healthy, String meaning) {
        this.key = key;
        this.healthy = healthy;
        this.meaning = meaning;
    }

    /** The name in preset files ({@code phenomenological.<key>}); the unit is its suffix. */
    public String key() {
        return key;
    }

    public double healthyValue() {
        return healthy;
    }

    public String meaning() {
        return meaning;
    }

    public static PhenomenologicalParameter byKey(String key) {
        for (PhenomenologicalParameter p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        StringBuilder names = new StringBuilder();
        for (PhenomenologicalParameter p : values()) {
            names.append(names.length() == 0 ? "" : ", ").append(p.key);
        }
        throw new IllegalArgumentException("unknown phenomenological parameter '" + key + "'; known: " + names);
    }
}
