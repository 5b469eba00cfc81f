package org.excitrack.session;

import org.excitrack.model.tms.MagneticThreshold;

/**
 * Finds one magnetic threshold from MEPs: which output to give next, and what the MEPs so far say. Motor-threshold
 * methods (IFCN, ML-PEST, Excitrack's) and the %MSO threshold trackers of T-SICI are both estimators.
 */
public interface MagneticEstimator {
    /** The next output to give, whole %MSO. */
    int nextPercentMso();

    void record(int percentMso, double mepMicrovolts);

    /** Whether the estimator has met its stopping rule (or run out of stimuli). */
    boolean finished();

    /** The estimate so far; NaN before any information. */
    MagneticThreshold estimate();
}
