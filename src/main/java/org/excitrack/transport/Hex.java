package org.excitrack.transport;

/** Space-separated lower-case hex, the format of spy logs and of the golden vectors. */
public final class Hex {
    private Hex() {
    }

    public static String format(byte[] data, int offset, int length) {
        StringBuilder b = new StringBuilder(length * 3);
        for (int i = offset; i < offset + length; i++) {
            if (i > offset) {
                b.append(' ');
            }
            b.append(Character.forDigit((data[i] >> 4) & 0xF, 16)).append(Character.forDigit(data[i] & 0xF, 16));
        }
        return b.toString();
    }

    public static String format(byte[] data) {
        return format(data, 0, data.length);
    }

    /** Parses hex with any whitespace between bytes. */
    public static byte[] parse(String text) {
        String compact = text.replaceAll("\\s+", "");
        if (compact.length() % 2 != 0) {
            throw new IllegalArgumentException("odd number of hex digits (" + compact.length() + ")");
        }
        byte[] out = new byte[compact.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(compact.charAt(2 * i), 16);
            int lo = Character.digit(compact.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new IllegalArgumentException("'" + compact.substring(2 * i, 2 * i + 2) + "' at byte " + i
                        + " is not hex");
            }
            out[i] = (byte) (hi << 4 | lo);
        }
        return out;
    }
}
