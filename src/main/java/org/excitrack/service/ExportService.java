package org.excitrack.service;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.excitrack.analysis.ComputedVariables;
import org.excitrack.analysis.ExcitabilityVariables;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.storage.export.AtomicFileWriter;
import org.excitrack.storage.export.CsvCurveWriter;
import org.excitrack.storage.export.JsonRecordingWriter;
import org.excitrack.storage.mem.MemReader;
import org.excitrack.storage.mem.MemWriter;

/**
 * Converts a recording file to another format: MEM (QtracP's layout, {@link MemWriter}), tidy CSV of the curves
 * ({@link CsvCurveWriter}) or JSON with header, curves and the variables computed from them
 * ({@link JsonRecordingWriter}). Reads QTRAC MEM files for now (Excitrack recordings come with their file format).
 *
 * <p>Never overwrites an existing file unless asked to, and never leaves a half-written one: the output is written
 * to a temporary file and moved into place ({@link AtomicFileWriter}).
 */
public final class ExportService {

    /** The output formats. */
    public enum Target {
        MEM, CSV, JSON;

        /** The default output's file-name ending. */
        String suffix() {
            return switch (this) {
                case MEM -> "-excitrack.MEM";
                case CSV -> ".csv";
                case JSON -> ".json";
            };
        }
    }

    /** Writing the output failed (disk full, no permission, …); nothing was left behind. */
    public static final class ExportFailedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public ExportFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param input the file read
     * @param output the file written
     * @param bytes its size
     */
    public record ExportResult(Path input, Path output, long bytes) {
    }

    private final AtomicFileWriter files;

    public ExportService() {
        this(new AtomicFileWriter());
    }

    ExportService(AtomicFileWriter files) {
        this.files = Objects.requireNonNull(files, "files");
    }

    /**
     * @param out the output file; empty for the input's name with the target's ending ({@code X.csv},
     *     {@code X.json}, {@code X-excitrack.MEM}) in the input's directory
     * @param force replace an existing output file
     * @throws InvalidRequestException when the input is missing or not a MEM file, the output exists and
     *     {@code force} is false, the output is the input, or the output's directory does not exist
     * @throws org.excitrack.storage.mem.MemFormatException when the MEM file is malformed
     * @throws ExportFailedException when writing fails
     */
    public ExportResult export(Path input, Target to, Optional<Path> out, boolean force) {
        ExcitabilityRecording recording = ExcitabilityFiles.read(input);
        String name = input.getFileName().toString();
        Path output = out.orElseGet(() -> input.resolveSibling(name.substring(0, name.lastIndexOf('.')) + to.suffix()));
        checkOutput(input, output, force);
        AtomicFileWriter.Content content = switch (to) {
            case MEM -> stream -> stream.write(new MemWriter().write(recording).getBytes(MemReader.CHARSET));
            case CSV -> stream -> {
                Writer w = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
                new CsvCurveWriter().write(name, recording, w);
                w.flush();
            };
            case JSON -> {
                ComputedVariables computed = ExcitabilityVariables.compute(recording);
                yield stream -> new JsonRecordingWriter().write(name, recording, computed.numbered(),
                        computed.extras(), stream);
            }
        };
        try {
            files.write(output, force, content);
            return new ExportResult(input, output, Files.size(output));
        } catch (FileAlreadyExistsException e) {
            throw new InvalidRequestException(output + " already exists; use --force to replace it", e);
        } catch (IOException e) {
            throw new ExportFailedException("cannot write " + output + ": " + e.getMessage(), e);
        }
    }

    private static void checkOutput(Path input, Path output, boolean force) {
        Path dir = output.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new InvalidRequestException("the output's directory does not exist: " + dir, null);
        }
        if (Files.isDirectory(output)) {
            throw new InvalidRequestException(output + " is a directory; give a file name", null);
        }
        if (Files.exists(output)) {
            if (sameFile(input, output)) {
                throw new InvalidRequestException(output + " is the input file; give another --out", null);
            }
            if (!force) {
                throw new InvalidRequestException(output + " already exists; use --force to replace it", null);
            }
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }
}
