package org.excitrack.codec.magstim;

/** Renders Magstim bytes for messages and logs: printable ASCII as itself, anything else as hex. */
public final class MagstimBytes {
    private MagstimBytes() {
    }

    /** e.g. {@code J<89>030030010u}: the reply {@code J}, status 0x89, nine digits, check byte {@code u}. */
    public static String render(byte[] bytes, int offset, int length) {
        StringBuilder b = new StringBuilder(length * 2);
        for (int i = offset; i < offset + length; i++) {
            int v = bytes[i] & 0xFF;
            if (v >= 0x21 && v <= 0x7E && v != '<' && v != '>') {
                b.append((char) v);
            } else {
                b.append('<').append(hex(v)).append('>');
            }
        }
        return b.toString();
    }

    public static String render(byte[] bytes) {
        return render(bytes, 0, bytes.length);
    }

    /** One byte as {@code 0x75}. */
    public static String hexByte(int value) {
        return "0x" + hex(value & 0xFF);
    }

    /** One byte as {@code 'J'} when printable, else as {@code 0x8c}. */
    public static String describeByte(int value) {
        int v = value & 0xFF;
        return v >= 0x20 && v <= 0x7E ? "'" + (char) v + "'" : hexByte(v);
    }

    private static String hex(int v) {
        return String.valueOf(Character.forDigit(v >> 4, 16)) + Character.forDigit(v & 0xF, 16);
    }
}
