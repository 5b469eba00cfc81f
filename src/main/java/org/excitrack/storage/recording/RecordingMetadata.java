package org.excitrack.storage.recording;

import java.util.Objects;

/**
 * What a recording is about, written once by {@link RecordingFile#create}.
 *
 * @param applicationVersion the Excitrack version writing the file, e.g. "0.1.0"
 * @param subject the subject, pseudonymised
 * @param operator who ran the recording (name or initials)
 * @param protocol the protocol source
 * @param device the unit used
 */
public record RecordingMetadata(String applicationVersion, SubjectInfo subject, String operator,
                                ProtocolSource protocol, DeviceInfo device) {
    public RecordingMetadata {
        Objects.requireNonNull(applicationVersion, "applicationVersion");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(device, "device");
    }
}
