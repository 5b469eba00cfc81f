package org.excitrack.tracking.tms;

/**
 * The motor-threshold methods, with the ids the command line and recordings use. Each estimates the same
 * quantity: the output at which half the MEPs reach the target.
 */
public enum MotorThresholdMethodKind {
    /** {@link IfcnRelativeFrequencyMethod}: 5 of 10 MEPs, 1 %MSO steps down (Rossini–Rothwell). */
    IFCN("ifcn") {
        @Override
        public MotorThresholdMethod create(MotorThresholdSettings settings) {
            return new IfcnRelativeFrequencyMethod(settings);
        }
    },
    /** {@link MlPestMethod}: maximum-likelihood hunting on hits and misses (Awiszus 2003). */
    ML_PEST("ml-pest") {
        @Override
        public MotorThresholdMethod create(MotorThresholdSettings settings) {
            return new MlPestMethod(settings);
        }
    },
    /** {@link BayesianAmplitudeMethod}: Excitrack's posterior over threshold, reading MEP amplitudes. */
    EXCITRACK("excitrack") {
        @Override
        public MotorThresholdMethod create(MotorThresholdSettings settings) {
            return new BayesianAmplitudeMethod(settings);
        }
    };

    private final String id;

    MotorThresholdMethodKind(String id) {
        this.id = id;
    }

    /** The id on the command line and in recordings: {@code ifcn}, {@code ml-pest}, {@code excitrack}. */
    public String id() {
        return id;
    }

    /** A method of this kind with its standard tuning. */
    public abstract MotorThresholdMethod create(MotorThresholdSettings settings);

    public static MotorThresholdMethodKind fromId(String id) {
        for (MotorThresholdMethodKind kind : values()) {
            if (kind.id.equals(id)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown motor-threshold method \"" + id + "\"; known: ifcn, ml-pest, "
                + "excitrack");
    }
}
