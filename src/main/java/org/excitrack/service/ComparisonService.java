package org.excitrack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.analysis.comparison.ConfidenceInterval;
import org.excitrack.analysis.comparison.GroupComparison;
import org.excitrack.analysis.comparison.GroupDifference;
import org.excitrack.analysis.comparison.Longitudinal;
import org.excitrack.analysis.comparison.PairedChange;
import org.excitrack.analysis.comparison.PairedSummary;
import org.excitrack.analysis.comparison.VariableId;

/**
 * Compares the excitability variables (computed from the curves, as {@link AnalysisService} does) of MEM
 * recordings: two recordings of one subject (B − A), a series of before/after pairs (mean paired difference with a
 * 95 % t CI), or two groups (mean B − A with a 95 % Welch CI). The statistics are documented in
 * {@link Longitudinal} and {@link GroupComparison}.
 *
 * <p>Wherever a list of files is taken, a directory stands for the {@code *.MEM} files and {@code *.excitrack}
 * recordings directly in it, by name.
 */
public final class ComparisonService {

    /** A 95 % confidence interval with the degrees of freedom of its t quantile. */
    public record Interval(double low, double high, double degreesOfFreedom) {
        public boolean contains(double value) {
            return low <= value && value <= high;
        }
    }

    /** One variable in two recordings; {@code a} or {@code b} NaN when that recording lacks it. */
    public record VariableChange(OptionalInt number, String name, double a, double b) {
        /** b − a, NaN when either is missing. */
        public double difference() {
            return b - a;
        }
    }

    /** Two recordings, A (earlier) and B (later), by file name. */
    public record ChangeReport(String fileA, String fileB, List<VariableChange> variables) {
        public ChangeReport {
            variables = List.copyOf(variables);
        }
    }

    /** n, mean and sample SD of one variable in one group. */
    public record GroupStats(int n, double mean, double sd) {
    }

    /** One variable compared between groups: {@code difference} = mean B − mean A. */
    public record GroupRow(OptionalInt number, String name, GroupStats a, GroupStats b, double difference,
            Optional<Interval> interval) {
    }

    /** A named group of files, as given. */
    public record Group(String label, List<Path> files) {
        public Group {
            Objects.requireNonNull(label, "label");
            files = List.copyOf(files);
        }
    }

    /** The group comparison, with the files each group was read from (directories expanded). */
    public record GroupReport(String labelA, List<String> filesA, String labelB, List<String> filesB,
            List<GroupRow> variables) {
        public GroupReport {
            filesA = List.copyOf(filesA);
            filesB = List.copyOf(filesB);
            variables = List.copyOf(variables);
        }
    }

    /** One subject's earlier and later recording. */
    public record FilePair(Path earlier, Path later) {
    }

    /** One variable over the pairs: n pairs with both values, mean and SD of later − earlier, its 95 % CI. */
    public record PairedRow(OptionalInt number, String name, int n, double meanDifference, double sdDifference,
            Optional<Interval> interval) {
    }

    public record PairedReport(int pairs, List<PairedRow> variables) {
        public PairedReport {
            variables = List.copyOf(variables);
        }
    }


    /**
     * @throws InvalidRequestException when a path is missing or not a MEM file
     * @throws org.excitrack.storage.mem.MemFormatException when a MEM file is malformed
     */
    public ChangeReport compareTwo(Path a, Path b) {
        List<PairedChange> changes = Longitudinal.change(variables(a), variables(b));
        return new ChangeReport(a.getFileName().toString(), b.getFileName().toString(), changes.stream()
                .map(c -> new VariableChange(c.variable().number(), c.variable().name(), c.earlier(), c.later()))
                .toList());
    }

    /** @throws InvalidRequestException when no pairs are given, or a path is missing or not a MEM file */
    public PairedReport comparePaired(List<FilePair> pairs) {
        if (pairs.isEmpty()) {
            throw new InvalidRequestException("a paired comparison needs at least one pair of files", null);
        }
        List<Longitudinal.Pair> loaded = new ArrayList<>();
        for (FilePair p : pairs) {
            loaded.add(new Longitudinal.Pair(variables(p.earlier()), variables(p.later())));
        }
        List<PairedRow> rows = new ArrayList<>();
        for (PairedSummary s : Longitudinal.pairedSeries(loaded)) {
            rows.add(new PairedRow(s.variable().number(), s.variable().name(), s.n(), s.meanDifference(),
                    s.sdDifference(), s.interval().map(ComparisonService::interval)));
        }
        return new PairedReport(pairs.size(), rows);
    }

    /**
     * @throws InvalidRequestException when a group has no MEM files, or a path is missing or not a MEM file
     */
    public GroupReport compareGroups(Group a, Group b) {
        List<Path> filesA = expand(a);
        List<Path> filesB = expand(b);
        List<ComputedVariables> va = filesA.stream().map(this::variables).toList();
        List<ComputedVariables> vb = filesB.stream().map(this::variables).toList();
        List<GroupRow> rows = new ArrayList<>();
        for (GroupDifference d : GroupComparison.compare(va, vb)) {
            VariableId id = d.variable();
            rows.add(new GroupRow(id.number(), id.name(), new GroupStats(d.a().n(), d.a().mean(), d.a().sd()),
                    new GroupStats(d.b().n(), d.b().mean(), d.b().sd()), d.difference(),
                    d.interval().map(ComparisonService::interval)));
        }
        return new GroupReport(a.label(), names(filesA), b.label(), names(filesB), rows);
    }

    private static Interval interval(ConfidenceInterval ci) {
        return new Interval(ci.low(), ci.high(), ci.degreesOfFreedom());
    }

    private static List<String> names(List<Path> files) {
        return files.stream().map(f -> f.getFileName().toString()).toList();
    }

    /** The group's files, each directory replaced by the MEM files directly in it, sorted by name. */
    static List<Path> expand(Group group) {
        List<Path> out = new ArrayList<>();
        for (Path p : group.files()) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.list(p)) {
                    s.filter(f -> Files.isRegularFile(f) && ExcitabilityFiles.isReadable(f)).sorted().forEach(out::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list directory " + p, e);
                }
            } else {
                out.add(p);
            }
        }
        if (out.isEmpty()) {
            throw new InvalidRequestException("group " + group.label() + " has no MEM files or recordings", null);
        }
        return out;
    }

    private ComputedVariables variables(Path file) {
        return ExcitabilityVariables.compute(ExcitabilityFiles.read(file));
    }
}
