package org.excitrack.sim;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.sim.cortex.CortexTruth;
import org.excitrack.sim.nerve.NerveTruth;
import org.excitrack.sim.subject.VirtualSubject;

/**
 * A virtual subject's own excitability, noise-free and computed inside the model rather than measured through
 * a controller: the TRONDNF curves at the points a recording samples and the QtracP variables of those curves;
 * the resting motor threshold and threshold-tracking SICI of its cortex.
 * The variables' definitions belong to the analysis layer; the composition root hands them in, so the simulator
 * stays independent of the controller while truth and measurement share one definition of every variable.
 *
 * @param subject the subject
 * @param targetPercent the tracking target, % of the maximal CMAP
 * @param curves the true curves
 * @param variables the QtracP variables of the true curves, by number
 * @param restingMotorThresholdPercent stimulator output for a 0.2 mV MEP at rest, % of maximum
 * @param siciPercentByIsi threshold-tracking SICI by interstimulus interval (ms), conditioning at 70 % RMT
 * @param averagedSiciPercent mean T-SICI over ISIs 1–7 ms
 */
public record SubjectTruth(VirtualSubject subject, double targetPercent, ExcitabilityRecording curves,
        List<DerivedVariable> variables, double restingMotorThresholdPercent, Map<Double, Double> siciPercentByIsi,
        double averagedSiciPercent) {

    public SubjectTruth {
        variables = List.copyOf(variables);
        siciPercentByIsi = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(siciPercentByIsi));
    }

    public static SubjectTruth of(VirtualSubject subject, double targetPercent,
            Function<ExcitabilityRecording, List<DerivedVariable>> variableDefinitions) {
        NerveTruth nerve = subject.nerveTruth();
        Map<String, String> header = Map.of(
                "Name", subject.preset().name(),
                "Protocol", "TRONDNF",
                "Age", format(subject.preset().ageYears()),
                "Sex", subject.preset().sex(),
                "Temperature", format(subject.preset().skinTemperatureCelsius()),
                "Latency", Double.toString(subject.nerve().maximalPeakLatencyMillis()));
        ExcitabilityRecording curves = nerve.recording(targetPercent, header);
        CortexTruth cortex = new CortexTruth(subject.cortex());
        return new SubjectTruth(subject, targetPercent, curves, variableDefinitions.apply(curves),
                cortex.restingMotorThresholdPercent(), cortex.siciByIsi(), cortex.averagedSici());
    }

    /** The value of QtracP variable {@code number}; NaN if the definitions give none. */
    public double value(int number) {
        return variables.stream().filter(v -> v.number() == number).mapToDouble(DerivedVariable::value).findFirst()
                .orElse(Double.NaN);
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
