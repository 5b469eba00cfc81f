package org.excitrack.codec.magstim;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How a test hands Magstim bytes to a decoder: whole, byte by byte, cut at random points, or after line noise.
 * The Magstim protocol has no frame delimiter, so the noise here is bytes a decoder must skip: none of them is
 * the echo of the first awaited command or a {@code ?}.
 */
record MagstimChunking(String name, long seed, boolean garbage, boolean byteByByte, boolean random) {
    static final MagstimChunking WHOLE = new MagstimChunking("WHOLE", 0, false, false, false);
    static final MagstimChunking ONE_BYTE_AT_A_TIME = new MagstimChunking("ONE_BYTE_AT_A_TIME", 0, false, true, false);

    static MagstimChunking randomSplits(long seed) {
        return new MagstimChunking("RANDOM_SPLITS(" + seed + ")", seed, false, false, true);
    }

    static MagstimChunking withLeadingGarbage(long seed) {
        return new MagstimChunking("WITH_LEADING_GARBAGE(" + seed + ")", seed, true, false, true);
    }

    static List<MagstimChunking> standard() {
        return List.of(WHOLE, ONE_BYTE_AT_A_TIME, randomSplits(1), randomSplits(2), randomSplits(3),
                withLeadingGarbage(1), withLeadingGarbage(2), withLeadingGarbage(3));
    }

    /** The chunks to feed; {@code firstEcho} is the byte the first reply starts with, which noise must avoid. */
    List<byte[]> chunks(byte[] stream, int firstEcho) {
        Random r = new Random(seed);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        if (garbage) {
            all.writeBytes(noise(r, firstEcho));
        }
        all.writeBytes(stream);
        byte[] bytes = all.toByteArray();
        List<byte[]> out = new ArrayList<>();
        if (!byteByByte && !random) {
            out.add(bytes);
            return out;
        }
        int at = 0;
        while (at < bytes.length) {
            int n = byteByByte ? 1 : Math.min(bytes.length - at, 1 + r.nextInt(7));
            out.add(Arrays.copyOfRange(bytes, at, at + n));
            at += n;
        }
        return out;
    }

    /** How many noise bytes {@link #chunks} puts in front (for checking the ignored-byte count). */
    int noiseLength(int firstEcho) {
        return garbage ? noise(new Random(seed), firstEcho).length : 0;
    }

    private static byte[] noise(Random r, int firstEcho) {
        byte[] g = new byte[1 + r.nextInt(20)];
        for (int i = 0; i < g.length; i++) {
            int v;
            do {
                v = r.nextInt(256);
            } while (v == firstEcho || v == '?');
            g[i] = (byte) v;
        }
        return g;
    }

    @Override
    public String toString() {
        return name;
    }
}
