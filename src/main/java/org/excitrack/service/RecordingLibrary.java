package org.excitrack.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.excitrack.storage.recording.Recording;
import org.excitrack.storage.recording.RecordingException;
import org.excitrack.storage.recording.RecordingFile;

/**
 * The recordings kept in one folder: what the GUI lists as a subject's previous recordings and offers for
 * comparison, and where a new recording's file goes. A file that cannot be read is listed with the reason, never
 * skipped silently.
 */
public final class RecordingLibrary {
    /** The file extension of every recording. */
    public static final String EXTENSION = ".excitrack";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    /**
     * One recording as a list shows it.
     *
     * @param status finished, interrupted or recording (a writer died); empty with {@code problem} when unreadable
     * @param trials how many trials it holds
     * @param problem why the file could not be read, if it could not
     */
    public record Entry(Path file, String subjectId, String protocol, Optional<Instant> created, String status,
                        int trials, Optional<String> problem) {
        public boolean readable() {
            return problem.isEmpty();
        }
    }

    private final Path folder;

    public RecordingLibrary(Path folder) {
        this.folder = folder;
    }

    public Path folder() {
        return folder;
    }

    /** Every recording in the folder, newest first; an absent folder holds none. */
    public List<Entry> all() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(f -> f.getFileName().toString().endsWith(EXTENSION)).sorted().forEach(f -> entries.add(read(f)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + folder, e);
        }
        entries.sort(Comparator.comparing((Entry e) -> e.created().orElse(Instant.MIN)).reversed());
        return entries;
    }

    /** The readable recordings of one subject (pseudonymous id, compared exactly), newest first. */
    public List<Entry> forSubject(String pseudonymousId) {
        return all().stream().filter(Entry::readable).filter(e -> e.subjectId().equals(pseudonymousId)).toList();
    }

    /**
     * A new file name for a recording, never one that exists: {@code SUBJECT_PROTOCOL_yyyyMMdd-HHmmss.excitrack}
     * with a counter when two start in the same second. Characters unsafe in file names become '-'.
     */
    public Path newRecordingPath(String subjectId, String protocol, Instant now) {
        String base = safe(subjectId) + "_" + safe(protocol) + "_" + STAMP.format(now);
        Path candidate = folder.resolve(base + EXTENSION);
        for (int n = 2; Files.exists(candidate); n++) {
            candidate = folder.resolve(base + "-" + n + EXTENSION);
        }
        return candidate;
    }

    private static String safe(String text) {
        String cleaned = text.replaceAll("[^A-Za-z0-9._-]", "-");
        return cleaned.isEmpty() ? "-" : cleaned;
    }

    private static Entry read(Path file) {
        try {
            Recording r = RecordingFile.open(file);
            return new Entry(file, r.metadata().subject().pseudonymousId(), r.metadata().protocol().name(),
                    Optional.of(r.created()), r.status().sql(), r.trials().size(), Optional.empty());
        } catch (RecordingException e) {
            return new Entry(file, "", "", Optional.empty(), "", 0, Optional.of(e.getMessage()));
        }
    }
}
