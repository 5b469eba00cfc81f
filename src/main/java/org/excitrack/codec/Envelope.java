package org.excitrack.codec;

/**
 * A message with its frame header.
 *
 * @param version protocol version stamped on the frame
 * @param sequence 16-bit sequence number; a reply carries its command's, events carry 0
 * @param message the typed message
 */
public record Envelope(int version, int sequence, Message message) {
    public Envelope {
        if (sequence < 0 || sequence > 0xFFFF) {
            throw new IllegalArgumentException("sequence " + sequence + " is outside 0..65535");
        }
        if (version < 0 || version > 0xFF) {
            throw new IllegalArgumentException("version " + version + " is outside 0..255");
        }
    }

    public static Envelope of(int sequence, Message message) {
        return new Envelope(MessageCodec.PROTOCOL_VERSION, sequence, message);
    }
}
