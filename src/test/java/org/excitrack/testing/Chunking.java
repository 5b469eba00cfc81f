package org.excitrack.testing;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.excitrack.framing.CorruptedFrameException;
import org.excitrack.framing.FrameDecoder;
import org.excitrack.framing.FrameSink;
import org.excitrack.framing.FramingException;

/**
 * How a test hands a run of wire bytes to a receiver: every byte stream is assumed fragmented and hostile,
 * so every codec test runs over all of these (the style guide's lesson 5).
 *
 * <ul>
 *   <li>{@link #WHOLE}: one chunk.
 *   <li>{@link #ONE_BYTE_AT_A_TIME}: one chunk per byte.
 *   <li>{@link #randomSplits(long)}: chunks of 1 to 64 bytes, cut at points drawn from the seed.
 *   <li>{@link #withLeadingGarbage(long)}: the stream is preceded by 1 to 40 non-zero bytes drawn from the
 *       seed <em>and one 0x00</em>, then cut as {@code randomSplits(seed)}. The delimiter closes the garbage
 *       as a block of its own, so it never merges with the stream's first frame, and that block is checked to
 *       be rejected as corrupted. The receiver therefore sees <b>exactly one extra {@code CORRUPTED} error
 *       before</b> the stream's own outcomes, which are otherwise unchanged ({@link #expected}).
 * </ul>
 */
public sealed interface Chunking {
    Chunking WHOLE = new Whole();
    Chunking ONE_BYTE_AT_A_TIME = new OneByteAtATime();
    Chunking RANDOM_SPLITS = randomSplits(1);
    Chunking WITH_LEADING_GARBAGE = withLeadingGarbage(1);

    /** The chunks to feed, in order; together they are the stream, with garbage in front if this adds any. */
    List<byte[]> chunks(byte[] stream);

    /** How many {@code CORRUPTED} errors this chunking adds in front of the stream's own outcomes: 0 or 1. */
    int leadingCorruptedFrames();

    static Chunking randomSplits(long seed) {
        return new RandomSplits(seed);
    }

    static Chunking withLeadingGarbage(long seed) {
        return new WithLeadingGarbage(seed);
    }

    /** WHOLE, ONE_BYTE_AT_A_TIME, three random splittings and two garbage prefixes. */
    static List<Chunking> standard() {
        return List.of(WHOLE, ONE_BYTE_AT_A_TIME, randomSplits(1), randomSplits(2), randomSplits(3),
                withLeadingGarbage(1), withLeadingGarbage(2));
    }

    /** What a receiver must find when a stream with these expected outcomes is fed this way. */
    default List<GoldenVectors.Expected> expected(List<GoldenVectors.Expected> ofStream) {
        List<GoldenVectors.Expected> out = new ArrayList<>();
        for (int i = 0; i < leadingCorruptedFrames(); i++) {
            out.add(new GoldenVectors.Expected.Error(GoldenVectors.ErrorKind.CORRUPTED, ""));
        }
        out.addAll(ofStream);
        return out;
    }

    /** Feeds the stream to a decoder in this chunking. */
    default void feed(byte[] stream, FrameDecoder decoder, FrameSink sink) {
        for (byte[] chunk : chunks(stream)) {
            decoder.feed(chunk, sink);
        }
    }

    record Whole() implements Chunking {
        @Override
        public List<byte[]> chunks(byte[] stream) {
            return List.of(stream.clone());
        }

        @Override
        public int leadingCorruptedFrames() {
            return 0;
        }

        @Override
        public String toString() {
            return "WHOLE";
        }
    }

    record OneByteAtATime() implements Chunking {
        @Override
        public List<byte[]> chunks(byte[] stream) {
            List<byte[]> out = new ArrayList<>(stream.length);
            for (byte b : stream) {
                out.add(new byte[] {b});
            }
            return out;
        }

        @Override
        public int leadingCorruptedFrames() {
            return 0;
        }

        @Override
        public String toString() {
            return "ONE_BYTE_AT_A_TIME";
        }
    }

    record RandomSplits(long seed) implements Chunking {
        private static final int MAX_CHUNK = 64;

        @Override
        public List<byte[]> chunks(byte[] stream) {
            return split(stream, new Random(seed));
        }

        static List<byte[]> split(byte[] stream, Random random) {
            List<byte[]> out = new ArrayList<>();
            int at = 0;
            while (at < stream.length) {
                int n = Math.min(stream.length - at, 1 + random.nextInt(MAX_CHUNK));
                out.add(Arrays.copyOfRange(stream, at, at + n));
                at += n;
            }
            return out;
        }

        @Override
        public int leadingCorruptedFrames() {
            return 0;
        }

        @Override
        public String toString() {
            return "RANDOM_SPLITS(" + seed + ")";
        }
    }

    record WithLeadingGarbage(long seed) implements Chunking {
        private static final int MAX_GARBAGE = 40;

        @Override
        public List<byte[]> chunks(byte[] stream) {
            Random random = new Random(seed);
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(garbage(random));
            all.writeBytes(stream);
            return RandomSplits.split(all.toByteArray(), random);
        }

        /** 1..40 non-zero bytes and a 0x00, redrawn in the (2^-32) case that they are not a corrupted frame. */
        static byte[] garbage(Random random) {
            while (true) {
                byte[] g = new byte[1 + random.nextInt(MAX_GARBAGE) + 1];
                for (int i = 0; i < g.length - 1; i++) {
                    g[i] = (byte) (1 + random.nextInt(255));
                }
                g[g.length - 1] = 0;
                if (isOneCorruptedFrame(g)) {
                    return g;
                }
            }
        }

        private static boolean isOneCorruptedFrame(byte[] garbage) {
            List<Object> seen = new ArrayList<>();
            new FrameDecoder().feed(garbage, new FrameSink() {
                @Override
                public void onFrame(byte[] payload) {
                    seen.add(payload);
                }

                @Override
                public void onError(FramingException error) {
                    seen.add(error);
                }
            });
            return seen.size() == 1 && seen.get(0) instanceof CorruptedFrameException;
        }

        @Override
        public int leadingCorruptedFrames() {
            return 1;
        }

        @Override
        public String toString() {
            return "WITH_LEADING_GARBAGE(" + seed + ")";
        }
    }
}
