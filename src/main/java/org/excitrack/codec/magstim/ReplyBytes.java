package org.excitrack.codec.magstim;

/** Building replies: echo, body, check byte. */
final class ReplyBytes {
    private ReplyBytes() {
    }

    static byte[] message(char command, byte[] body) {
        byte[] m = new byte[1 + body.length];
        m[0] = (byte) command;
        System.arraycopy(body, 0, m, 1, body.length);
        return MagstimChecksum.append(m);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
