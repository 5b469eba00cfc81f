package org.excitrack.storage.recording;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The victim of {@link RecordingCrashTest}: creates a recording and appends trials 0, 1, 2, … until killed, printing
 * each trial id on its own line once {@link RecordingWriter#appendTrial} has returned (committed). Never finishes.
 *
 * <p>Usage: {@code java -cp <test classpath> org.excitrack.storage.recording.RecordingCrashWriter <file>}
 */
public final class RecordingCrashWriter {
    private RecordingCrashWriter() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        RecordingWriter writer = RecordingFile.create(Path.of(args[0]), RecordingSamples.metadata());
        for (long id = 0; ; id++) {
            writer.appendTrial(RecordingSamples.trial(id));
            out.println(id);
            out.flush();
        }
    }
}
