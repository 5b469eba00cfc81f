package org.excitrack.storage.export;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * One point of one curve of a recording, in tidy form: the unit of one row of the CSV export and of the JSON
 * export's curves.
 *
 * <p>Sections, curves and axes ({@link #of} lists them in this order):
 * <pre>
 *   section                  curve                 x                          y
 *   stimulus_response        max_cmap              test width [ms]            maximal CMAP [mV]
 *   stimulus_response        width_&lt;w&gt;ms           response [% max]           stimulus [mA]
 *   charge_duration          threshold             test width [ms]            threshold [mA]
 *   charge_duration          charge                test width [ms]            charge [mA*ms]
 *   threshold_electrotonus   TE1, TE2, …           delay [ms]                 threshold reduction [%]
 *   threshold_electrotonus   TE1_current, …        delay [ms]                 polarizing current [% threshold]
 *   recovery_cycle           RC                    interval [ms]              threshold change [%]
 *   current_threshold        IV                    current [% threshold]      threshold reduction [%]
 * </pre>
 * Signs as in the MEM file: threshold reduction positive when more excitable, RC threshold change positive when
 * refractory, current positive when depolarizing. Stimulus-response cells the source lacks are left out.
 *
 * @param section one of the section names above
 * @param curve the curve within the section
 */
public record CurvePoint(String section, String curve, double x, String xUnit, double y, String yUnit) {
    public static final String SR = "stimulus_response";
    public static final String CD = "charge_duration";
    public static final String TE = "threshold_electrotonus";
    public static final String RC = "recovery_cycle";
    public static final String IV = "current_threshold";

    /** Every point of the recording, section by section in the order of the table above, rows in source order. */
    public static List<CurvePoint> of(ExcitabilityRecording recording) {
        List<CurvePoint> out = new ArrayList<>();
        StimulusResponseCurve sr = recording.stimulusResponse();
        for (StimulusResponseCurve.MaximalResponse m : sr.maximalResponses()) {
            out.add(new CurvePoint(SR, "max_cmap", m.widthMillis(), "ms", m.millivolts(), "mV"));
        }
        for (int col = 0; col < sr.maximalResponses().size(); col++) {
            String curve = "width_" + plain(sr.maximalResponses().get(col).widthMillis()) + "ms";
            for (StimulusResponseCurve.Point p : sr.points()) {
                double stimulus = col < p.stimulusMilliamps().size() ? p.stimulusMilliamps().get(col) : Double.NaN;
                if (!Double.isNaN(stimulus)) {
                    out.add(new CurvePoint(SR, curve, p.percentOfMaximum(), "% max", stimulus, "mA"));
                }
            }
        }
        for (ChargeDurationPoint p : recording.chargeDuration()) {
            out.add(new CurvePoint(CD, "threshold", p.widthMillis(), "ms", p.thresholdMilliamps(), "mA"));
        }
        for (ChargeDurationPoint p : recording.chargeDuration()) {
            out.add(new CurvePoint(CD, "charge", p.widthMillis(), "ms", p.chargeMilliampMillis(), "mA*ms"));
        }
        for (ElectrotonusCurve c : recording.electrotonus()) {
            for (ElectrotonusCurve.Point p : c.points()) {
                out.add(new CurvePoint(TE, c.label(), p.delayMillis(), "ms", p.thresholdReductionPercent(), "%"));
            }
            for (ElectrotonusCurve.Point p : c.points()) {
                out.add(new CurvePoint(TE, c.label() + "_current", p.delayMillis(), "ms", p.currentPercent(),
                        "% threshold"));
            }
        }
        for (RecoveryPoint p : recording.recoveryCycle()) {
            out.add(new CurvePoint(RC, "RC", p.intervalMillis(), "ms", p.thresholdChangePercent(), "%"));
        }
        for (CurrentThresholdPoint p : recording.currentThreshold()) {
            out.add(new CurvePoint(IV, "IV", p.currentPercent(), "% threshold", p.thresholdReductionPercent(), "%"));
        }
        return out;
    }

    /** The shortest text that reads back as the same double ("1", "0.2"); empty for NaN. */
    static String plain(double v) {
        if (Double.isNaN(v)) {
            return "";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%d", (long) v);
        }
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
