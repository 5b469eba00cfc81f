package org.excitrack.model.excitability;

import java.util.List;
import java.util.Objects;

/**
 * The curves of one nerve excitability recording, as QtracP's MEM files and our own recordings hold them,
 * in the units and sign conventions of the MEM file (mA, ms, % threshold reduction positive when the axon is
 * more excitable), plus any derived variables the source already carried.
 *
 * @param header who, when, where, as written in the source
 * @param stimulusResponse the stimulus-response curve
 * @param chargeDuration thresholds for several test widths (strength-duration), in row order
 * @param electrotonus threshold electrotonus, one curve per conditioning current, in source order (TE1, TE2…)
 * @param currentThreshold the current-threshold (I/V) relation, in row order
 * @param recoveryCycle the recovery cycle, in row order
 * @param derived derived variables as the source computed them (QtracP's, for an imported MEM file)
 * @param extraVariables {@code name = value} lines of the EXTRA VARIABLES section, in order
 * @param sections the sections present, with their time tags where the source gives them
 */
public record ExcitabilityRecording(
        RecordingHeader header,
        StimulusResponseCurve stimulusResponse,
        List<ChargeDurationPoint> chargeDuration,
        List<ElectrotonusCurve> electrotonus,
        List<CurrentThresholdPoint> currentThreshold,
        List<RecoveryPoint> recoveryCycle,
        List<DerivedVariable> derived,
        List<ExtraVariable> extraVariables,
        List<SectionTime> sections) {

    public ExcitabilityRecording {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(stimulusResponse, "stimulusResponse");
        chargeDuration = List.copyOf(chargeDuration);
        electrotonus = List.copyOf(electrotonus);
        currentThreshold = List.copyOf(currentThreshold);
        recoveryCycle = List.copyOf(recoveryCycle);
        derived = List.copyOf(derived);
        extraVariables = List.copyOf(extraVariables);
        sections = List.copyOf(sections);
    }
}
