package org.excitrack.tracking;

/** One stimulus and the response it evoked: the unit of evidence every tracker and estimator works from. */
public record StimulusResponsePoint(long stimulusNanoamps, double responseMicrovolts) {
}
