package org.excitrack.storage.recording;

import java.nio.file.Path;

/**
 * A file that cannot be opened as asked, and was left untouched: it exists and {@code create} will not overwrite it,
 * it is not SQLite, it is SQLite but not an Excitrack recording, it was written by a newer schema, or it is finished
 * and was opened for writing. The message names the file, for example
 * {@code "s01.excitrack was written by a newer Excitrack (schema 2); this version reads schema 1"}.
 */
public final class RecordingFormatException extends RecordingException {
    private static final long serialVersionUID = 1L;

    public RecordingFormatException(Path file, String problem) {
        super(file, file + " " + problem);
    }
}
