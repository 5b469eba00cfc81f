package org.excitrack.codec.magstim;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Fixed-width ASCII decimal fields, the only number format the Magstim protocol uses. */
final class AsciiDigits {
    private AsciiDigits() {
    }

    static void check(int value, int width, String what) {
        int max = max(width);
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(what + " " + value + " does not fit in " + width + " digits (0.."
                    + max + ")");
        }
    }

    static byte[] encode(int value, int width) {
        check(value, width, "value");
        return String.format(Locale.ROOT, "%0" + width + "d", value).getBytes(StandardCharsets.US_ASCII);
    }

    /** The value of {@code width} digits at {@code offset}, or -1 if any byte there is not a digit. */
    static int decode(byte[] bytes, int offset, int width) {
        int value = 0;
        for (int i = offset; i < offset + width; i++) {
            int d = bytes[i] - '0';
            if (d < 0 || d > 9) {
                return -1;
            }
            value = value * 10 + d;
        }
        return value;
    }

    static int max(int width) {
        int max = 1;
        for (int i = 0; i < width; i++) {
            max *= 10;
        }
        return max - 1;
    }
}
