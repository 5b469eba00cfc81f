package org.excitrack.report;

/** The report's calm colour set: white page, grey normal bands, one dark ink for the subject, one accent for flags. */
final class Palette {
    static final int PAGE = 0xFFFFFF;
    static final int INK = 0x1F2933;
    static final int SUBJECT = 0x243B53;
    static final int AXIS = 0x6B7280;
    static final int GRID = 0xECEFF3;
    static final int ZERO = 0xB8BEC7;
    static final int BAND = 0xD9DEE5;
    static final int BAND_EDGE = 0xC3CAD4;
    static final int CURRENT_ON = 0xEEF4FA;
    static final int MUTED = 0x6B7280;
    static final int FLAG = 0xB42318;
    static final int ROW_SHADE = 0xF6F7F9;
    /** Earlier recordings overlaid on the figure: muted, distinct from the subject's ink and from each other. */
    private static final int[] OVERLAY = {0xD9822B, 0x2F9C8F, 0x8E6BBF};
    static final int OVERLAYS = OVERLAY.length;

    static int overlay(int i) {
        return OVERLAY[i % OVERLAY.length];
    }

    private Palette() {
    }
}
