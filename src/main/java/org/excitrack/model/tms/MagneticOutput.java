package org.excitrack.model.tms;

/** The two roles of a stimulator's outputs in a paired-pulse trial. */
public enum MagneticOutput {
    /** Output A: the conditioning pulse of a pair. */
    CONDITIONING,
    /** Output B on a two-output stimulator, A on a single one: the test pulse whose MEP is measured. */
    TEST
}
