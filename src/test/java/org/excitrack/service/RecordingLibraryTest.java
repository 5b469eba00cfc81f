package org.excitrack.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordingLibraryTest {
    @TempDir
    Path folder;

    @Test
    void anAbsentFolderHoldsNoRecordings() {
        assertThat(new RecordingLibrary(folder.resolve("none")).all()).isEmpty();
    }

    @Test
    void anUnreadableFileIsListedWithItsReason() throws Exception {
        Files.writeString(folder.resolve("broken.excitrack"), "not a recording");
        Files.writeString(folder.resolve("notes.txt"), "ignored");
        var entries = new RecordingLibrary(folder).all();
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.readable()).isFalse();
            assertThat(e.problem().orElseThrow()).isNotBlank();
        });
        assertThat(new RecordingLibrary(folder).forSubject("")).isEmpty();
    }

    @Test
    void newPathsAreSafeAndNeverReused() throws Exception {
        RecordingLibrary library = new RecordingLibrary(folder);
        Instant now = Instant.parse("2026-11-22T10:15:30Z");
        Path first = library.newRecordingPath("P/01 x", "T-SICI", now);
        assertThat(first.getFileName().toString()).isEqualTo("P-01-x_T-SICI_20261122-101530.excitrack");
        Files.writeString(first, "");
        assertThat(library.newRecordingPath("P/01 x", "T-SICI", now).getFileName().toString())
                .isEqualTo("P-01-x_T-SICI_20261122-101530-2.excitrack");
    }
}
