package org.excitrack.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.report.NormalBands;
import org.excitrack.report.ReportContent;
import org.excitrack.report.ReportFiles;
import org.excitrack.report.VariableRow;
import org.excitrack.storage.export.AtomicFileWriter;
import org.excitrack.storage.mem.MemReader;

/**
 * Printable excitability reports: reads a MEM recording, computes its variables ({@link AnalysisService}), draws
 * the classic figure over normal bands from the 20 healthy curves shipped in
 * {@value #CURVES} and writes {@code NAME.png}, {@code NAME.svg} and {@code NAME.pdf}.
 */
public final class ReportService {
    public static final String CURVES = "/org/excitrack/norms/curves/";

    /** A report file is already there and overwriting was not asked for. */
    public static final class OutputExistsException extends RuntimeException {
        public OutputExistsException(Path file) {
            super(file + " already exists; use --force to overwrite it");
        }
    }

    /** A report could not be written (disk full, permissions…): names the file. */
    public static final class ReportWriteException extends RuntimeException {
        public ReportWriteException(Path file, IOException cause) {
            super("cannot write " + file + ": " + cause.getMessage(), cause);
        }
    }

    /** The report's file formats. */
    public enum Format {
        PDF, PNG, SVG;

        /** The file-name ending, e.g. {@code .pdf}. */
        public String suffix() {
            return "." + name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final ReportFiles files = new ReportFiles();

    /**
     * @param force overwrite report files already in {@code outDir}
     * @return the files written: PNG, SVG, PDF
     * @throws InvalidRequestException when the input is missing or not a MEM file, or {@code outDir} is a file
     * @throws OutputExistsException when a report file exists and {@code force} is false (nothing is written)
     */
    public List<Path> write(Path input, Path outDir, boolean force) {
        ExcitabilityRecording recording = ExcitabilityFiles.read(input);
        String fileName = input.getFileName().toString();
        if (Files.exists(outDir) && !Files.isDirectory(outDir)) {
            throw new InvalidRequestException("output " + outDir + " exists and is not a directory", null);
        }
        String name = fileName.substring(0, fileName.lastIndexOf('.'));
        List<Path> targets = List.of(outDir.resolve(name + ".png"), outDir.resolve(name + ".svg"),
                outDir.resolve(name + ".pdf"));
        if (!force) {
            for (Path t : targets) {
                if (Files.exists(t)) {
                    throw new OutputExistsException(t);
                }
            }
        }
        ReportContent content = content(fileName, recording);
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new ReportWriteException(outDir, e);
        }
        write(targets.get(0), force, out -> files.writePng(content, ReportFiles.DEFAULT_DPI, out));
        write(targets.get(1), force, out -> files.writeSvg(content, out));
        write(targets.get(2), force, out -> files.writePdf(content, out));
        return targets;
    }

    /**
     * Writes one report file, e.g. where the workstation's user chose to save it.
     *
     * @param force replace {@code output} if it exists (a save dialog has already asked)
     * @return {@code output}
     * @throws InvalidRequestException when the input is missing or of neither kind, or the output's folder does not
     *     exist
     * @throws OutputExistsException when {@code output} exists and {@code force} is false (nothing is written)
     * @throws ReportWriteException when writing fails; nothing is left behind
     */
    public Path writeOne(Path input, Format format, Path output, boolean force) {
        ExcitabilityRecording recording = ExcitabilityFiles.read(input);
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidRequestException("the report's folder does not exist: " + dir, null);
        }
        ReportContent content = content(input.getFileName().toString(), recording);
        switch (format) {
            case PDF -> write(output, force, out -> files.writePdf(content, out));
            case PNG -> write(output, force, out -> files.writePng(content, ReportFiles.DEFAULT_DPI, out));
            case SVG -> write(output, force, out -> files.writeSvg(content, out));
            default -> throw new IllegalArgumentException("format " + format);
        }
        return output;
    }

    /** The report's content for one recording: its curves, variables with z-scores, and the healthy bands. */
    public static ReportContent content(String fileName, ExcitabilityRecording recording) {
        List<VariableRow> rows = new ArrayList<>();
        for (AnalysisService.Variable v : AnalysisService.analyze(fileName, recording).variables()) {
            rows.add(new VariableRow(v.numberText(), v.name(), v.value(), v.zScore(),
                    v.normalRange().map(AnalysisService.Range::low).orElse(Double.NaN),
                    v.normalRange().map(AnalysisService.Range::high).orElse(Double.NaN), v.outsideNormalRange()));
        }
        return new ReportContent(fileName, recording, healthyBands(), rows,
                "Normal ranges: healthy 2.5\u201397.5 % for age, 192 median-nerve recordings; bands: "
                        + healthyBands().curves() + " healthy recordings (nerve-norms, MIT, J. Bell 2019).");
    }

    /** Normal bands of the healthy curves shipped with Excitrack (read once). */
    public static NormalBands healthyBands() {
        return Healthy.BANDS;
    }

    /** The healthy recordings shipped with Excitrack, in index order. */
    public static List<ExcitabilityRecording> healthyRecordings() {
        MemReader reader = new MemReader();
        List<ExcitabilityRecording> out = new ArrayList<>();
        for (String name : resource("index.txt", StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(s -> !s.isEmpty()).toList()) {
            out.add(reader.read(name, resource(name, MemReader.CHARSET)));
        }
        return out;
    }

    private static String resource(String name, java.nio.charset.Charset charset) {
        try (InputStream in = ReportService.class.getResourceAsStream(CURVES + name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + CURVES + name + " is missing from the build");
            }
            return new String(in.readAllBytes(), charset);
        } catch (IOException e) {
            throw new UncheckedIOException("reading resource " + CURVES + name, e);
        }
    }

    /**
     * Through a temporary file moved into place, so a failure half-way (disk full, a PDF library error) never leaves
     * a truncated report that looks like a real one.
     */
    private static void write(Path target, boolean force, AtomicFileWriter.Content writing) {
        try {
            new AtomicFileWriter().write(target, force, writing);
        } catch (FileAlreadyExistsException e) {
            throw new OutputExistsException(target);
        } catch (IOException e) {
            throw new ReportWriteException(target, e);
        }
    }

    private static final class Healthy {
        static final NormalBands BANDS = NormalBands.from(healthyRecordings());
    }
}
