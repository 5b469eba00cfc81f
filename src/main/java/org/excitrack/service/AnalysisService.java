package org.excitrack.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.analysis.NormativeComparison;
import org.excitrack.analysis.NormativeModel;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingFile;

/**
 * Excitability variables for recordings: QtracP's numbered variables and the named extras, computed from the
 * raw curves, beside the values the file already carried (QtracP's, for a MEM file), and each numbered variable's
 * age-adjusted z-score against healthy median-nerve recordings ({@link NormativeData}, age from the file's header).
 */
public final class AnalysisService {

    /**
     * One variable of one file.
     *
     * @param number QtracP's number, or empty for a named extra variable
     * @param value computed here from the curves
     * @param fileValue what the file itself says (QtracP's value), when it says anything
     * @param zScore {@code value} against healthy subjects of the recording's age ({@link NormativeData}); empty
     *        when the variable has no normative model
     * @param normalRange the healthy 2.5–97.5 % range at that age, when there is a z-score
     */
    public record Variable(OptionalDouble number, String name, double value, OptionalDouble fileValue,
            OptionalDouble zScore, Optional<Range> normalRange) {
        /** Whether the z-score puts the value outside the normal range (|z| > 1.96). */
        public boolean outsideNormalRange() {
            return zScore.isPresent() && Math.abs(zScore.getAsDouble()) > NormativeComparison.LIMIT;
        }

        public String numberText() {
            return number.isPresent() ? String.valueOf((int) number.getAsDouble()) : "";
        }
    }

    /** A healthy 2.5–97.5 % range, in the variable's units (the service's copy of the analysis type, for callers). */
    public record Range(double low, double high) {
    }

    /**
     * How a recording's thresholds came out when computed again from its stored trials.
     *
     * @param thresholds how many were recomputed (all the recording has)
     * @param largestRelativeDifference the largest |recomputed − stored| ÷ stored over the thresholds and their
     *     standard errors
     */
    public record Recomputed(int thresholds, double largestRelativeDifference) {
    }

    /**
     * @param file the input's file name, as the CSV and JSON outputs name it
     * @param recomputed for a recording analysed from thresholds recomputed from its trials, how they compared
     */
    public record FileVariables(String file, String subject, List<Variable> variables,
                                Optional<Recomputed> recomputed) {
        public FileVariables {
            variables = List.copyOf(variables);
        }

        public FileVariables(String file, String subject, List<Variable> variables) {
            this(file, subject, variables, Optional.empty());
        }
    }

    /**
     * @throws InvalidRequestException when a path is missing or is not a file Excitrack can read
     * @throws org.excitrack.storage.mem.MemFormatException when a MEM file is malformed (names the line)
     */
    public List<FileVariables> analyze(List<Path> files) {
        return analyze(files, false);
    }

    /**
     * @param recompute take each recording's thresholds as computed again from its stored trials (with the
     *        estimator, target and curve prior it names; {@link RecomputedThresholds}) rather than as stored, and
     *        say how they compare; only Excitrack recordings of schema 2 or later can be
     * @throws InvalidRequestException as {@link #analyze(List)}, and with {@code recompute} for a MEM file or a
     *        recording whose thresholds cannot be recomputed
     */
    public List<FileVariables> analyze(List<Path> files, boolean recompute) {
        List<FileVariables> out = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (!recompute) {
                out.add(analyze(name, ExcitabilityFiles.read(file)));
            } else if (ExcitabilityFiles.isMem(file)) {
                throw new InvalidRequestException(file + " is a QTRAC MEM file: it holds QtracP's thresholds, not the "
                        + "trials they came from, so they cannot be recomputed", null);
            } else {
                Recording recording = RecordingFile.open(file);
                List<RecomputedThresholds.Threshold> thresholds = RecomputedThresholds.of(recording);
                FileVariables v = analyze(name, ExcitabilityFiles.fromRecording(recording,
                        RecomputedThresholds.measured(thresholds)));
                double largest = thresholds.stream().mapToDouble(RecomputedThresholds.Threshold::relativeDifference)
                        .max().orElse(0);
                out.add(new FileVariables(v.file(), v.subject(), v.variables(),
                        Optional.of(new Recomputed(thresholds.size(), largest))));
            }
        }
        return out;
    }

    static FileVariables analyze(String fileName, ExcitabilityRecording recording) {
        ComputedVariables computed = ExcitabilityVariables.compute(recording);
        List<Variable> variables = new ArrayList<>();
        NormativeModel norms = NormativeData.model();
        OptionalDouble age = recording.header().ageYears();
        for (DerivedVariable v : computed.numbered()) {
            OptionalDouble fromFile = recording.derived().stream().filter(d -> d.number() == v.number())
                    .mapToDouble(DerivedVariable::value).findFirst();
            Optional<NormativeComparison> z = Double.isFinite(v.value())
                    ? norms.compare(v.number(), v.value(), age) : Optional.empty();
            variables.add(new Variable(OptionalDouble.of(v.number()), v.label(), v.value(), fromFile,
                    z.map(c -> OptionalDouble.of(c.z())).orElse(OptionalDouble.empty()),
                    z.map(c -> new Range(c.range().low(), c.range().high()))));
        }
        for (Map.Entry<String, Double> e : computed.extras().entrySet()) {
            OptionalDouble fromFile = recording.extraVariables().stream().filter(x -> x.name().equals(e.getKey()))
                    .map(x -> parse(x.value())).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
                    .findFirst();
            variables.add(new Variable(OptionalDouble.empty(), e.getKey(), e.getValue(), fromFile,
                    OptionalDouble.empty(), Optional.empty()));
        }
        return new FileVariables(fileName, recording.header().name().orElse(""), variables);
    }

    private static OptionalDouble parse(String text) {
        try {
            return OptionalDouble.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
