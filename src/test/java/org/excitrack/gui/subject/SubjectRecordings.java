package org.excitrack.gui.subject;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.excitrack.model.UnitIdentity;
import org.excitrack.model.AmplifierSettings;
import org.excitrack.storage.recording.DeviceInfo;
import org.excitrack.storage.recording.ProtocolSource;
import org.excitrack.storage.recording.RecordingFile;
import org.excitrack.storage.recording.RecordingMetadata;
import org.excitrack.storage.recording.RecordingWriter;
import org.excitrack.storage.recording.SubjectInfo;

/** Small recordings (no trials) made directly with the storage layer, for the Subject step's history. */
final class SubjectRecordings {
    private SubjectRecordings() {
    }

    static Path create(Path folder, String subjectId, String protocol, Instant created, boolean finished) {
        Path file = folder.resolve(subjectId + "_" + protocol + "_" + created.getEpochSecond() + ".excitrack");
        RecordingMetadata metadata = new RecordingMetadata("0.1.0-test", new SubjectInfo(subjectId, 58, "F", 33.0,
                "median wrist / APB", "control"), "test", new ProtocolSource(protocol, "# test\n"),
                DeviceInfo.of(new UnitIdentity("Excitrack AU-1 (simulated)", "sim-1.0.0", "SIM-00001", 1),
                        AmplifierSettings.nerveDefaults()));
        RecordingWriter writer = RecordingFile.create(file, metadata, Clock.fixed(created, ZoneOffset.UTC));
        if (finished) {
            writer.finish();
        } else {
            writer.close();
        }
        return file;
    }
}
