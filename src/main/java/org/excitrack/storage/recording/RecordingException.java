package org.excitrack.storage.recording;

import java.nio.file.Path;

/**
 * A recording file could not be read or written. The message always names the file. Subclass
 * {@link RecordingFormatException} means the file is not one we may open as asked; this class itself means an I/O or
 * SQLite failure while doing so, with the library's exception as the cause.
 */
public class RecordingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public RecordingException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    RecordingException(Path file, String message) {
        super(message);
        this.file = file;
    }

    /** The recording file concerned. */
    public Path file() {
        return file;
    }
}
