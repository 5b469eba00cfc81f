package org.excitrack.framing;

/** Receives what a {@link FrameDecoder} finds in the byte stream, in order. */
public interface FrameSink {
    /** A complete frame whose CRC matched; the payload excludes the CRC. */
    void onFrame(byte[] payload);

    /** Bytes that did not form a valid frame; decoding continues at the next delimiter. */
    void onError(FramingException error);
}
