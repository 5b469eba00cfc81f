package org.excitrack.tracking.tms;

/** One magnetic stimulus as given and the MEP it evoked. */
public record MsoPoint(int intensityPercentMso, double mepMicrovolts) {
    public MsoPoint {
        if (intensityPercentMso < 0 || intensityPercentMso > 100) {
            throw new IllegalArgumentException("intensity " + intensityPercentMso + " %MSO must lie in 0..100");
        }
        if (!(mepMicrovolts >= 0) || Double.isInfinite(mepMicrovolts)) {
            throw new IllegalArgumentException("MEP " + mepMicrovolts + " µV must be finite and not negative");
        }
    }
}
