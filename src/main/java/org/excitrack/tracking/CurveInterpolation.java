package org.excitrack.tracking;

import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

/** Reads a stimulus off a recorded stimulus-response curve. */
public final class CurveInterpolation {
    private CurveInterpolation() {
    }

    /**
     * The stimulus at which the curve first crosses {@code responseMicrovolts} going up, interpolated
     * linearly on log-log scales between the two points that bracket it; empty if no pair brackets it.
     */
    public static OptionalLong stimulusFor(List<StimulusResponsePoint> curve, double responseMicrovolts) {
        List<StimulusResponsePoint> sorted = curve.stream()
                .sorted(Comparator.comparingLong(StimulusResponsePoint::stimulusNanoamps)).toList();
        for (int i = 1; i < sorted.size(); i++) {
            StimulusResponsePoint a = sorted.get(i - 1);
            StimulusResponsePoint b = sorted.get(i);
            if (a.responseMicrovolts() < responseMicrovolts && b.responseMicrovolts() >= responseMicrovolts) {
                if (a.responseMicrovolts() <= 0) {
                    return OptionalLong.of(b.stimulusNanoamps());
                }
                double f = Math.log(responseMicrovolts / a.responseMicrovolts())
                        / Math.log(b.responseMicrovolts() / a.responseMicrovolts());
                double logI = Math.log(a.stimulusNanoamps())
                        + f * (Math.log(b.stimulusNanoamps()) - Math.log(a.stimulusNanoamps()));
                return OptionalLong.of(Math.round(Math.exp(logI)));
            }
        }
        return OptionalLong.empty();
    }
}
