package org.excitrack.model;

/**
 * Direction of current at the active (stimulating) electrode. Cathodal current depolarizes the axons under
 * the active electrode (test and conditioning pulses, depolarizing polarizing currents); anodal current
 * hyperpolarizes them (hyperpolarizing threshold electrotonus, the negative half of the I/V relation).
 */
public enum Polarity {
    CATHODAL(1),
    ANODAL(2);

    private final int wireCode;

    Polarity(int wireCode) {
        this.wireCode = wireCode;
    }

    public int wireCode() {
        return wireCode;
    }

    public static Polarity fromWireCode(int code) {
        for (Polarity p : values()) {
            if (p.wireCode == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("polarity code " + code + " is not 1 (cathodal) or 2 (anodal)");
    }
}
