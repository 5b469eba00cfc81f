package org.excitrack.gui;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How the workstation starts: an acquisition unit and a magnetic stimulator to connect to at once (either may be
 * chosen later on the Connect screen), the folder where recordings are kept, and whether the in-process simulator
 * runs in virtual time (demonstrations and tests).
 */
public record GuiOptions(Optional<String> port, Optional<String> stimulator, Path recordingsFolder,
                         boolean virtualTime) {
    public GuiOptions {
        Objects.requireNonNull(port, "port");
        Objects.requireNonNull(stimulator, "stimulator");
        Objects.requireNonNull(recordingsFolder, "recordingsFolder");
    }

    /** Recordings go to {@code ~/Excitrack/recordings} unless told otherwise. */
    public static Path defaultRecordingsFolder() {
        return Path.of(System.getProperty("user.home"), "Excitrack", "recordings");
    }
}
