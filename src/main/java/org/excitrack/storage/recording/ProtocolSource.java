package org.excitrack.storage.recording;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * The protocol a recording ran, kept verbatim so the recording can be re-analysed without the original file.
 *
 * @param name protocol name, e.g. "TRONDNF"
 * @param sourceText the full source text
 */
public record ProtocolSource(String name, String sourceText) {
    public ProtocolSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sourceText, "sourceText");
    }

    /** SHA-256 of the UTF-8 source text, lower-case hex (64 characters). */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(sourceText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
