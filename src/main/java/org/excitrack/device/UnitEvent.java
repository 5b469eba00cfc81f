package org.excitrack.device;

/**
 * Something the unit (or the link to it) reported on its own.
 *
 * @param unitTimeMicros the unit's clock when it happened; 0 for events raised on this side
 */
public record UnitEvent(Kind kind, long unitTimeMicros, String detail) {
    public enum Kind {
        WATCHDOG_EXPIRED,
        EMERGENCY_STOP_PRESSED,
        OUTPUT_FAULT,
        LIMIT_TRIPPED,
        /** The link failed; raised by the client, not the unit. */
        LINK_LOST
    }
}
