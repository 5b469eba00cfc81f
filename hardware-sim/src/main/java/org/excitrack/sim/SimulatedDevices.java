package org.excitrack.sim;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.excitrack.sim.magstim.MagstimServer;

/**
 * The simulated devices open in this process, so that {@code sim:magstim-bistim} can wire itself to the virtual
 * unit opened before it (a stimulator's pulses must reach the unit that records the MEP), and so that tests can
 * reach the virtual stimulator behind a port they opened by URI.
 */
public final class SimulatedDevices {
    private static final Deque<UnitAttachment> UNITS = new ArrayDeque<>();
    private static MagstimServer latestMagstim;

    private SimulatedDevices() {
    }

    /** The open unit opened most recently. */
    public static synchronized Optional<UnitAttachment> latestUnit() {
        UNITS.removeIf(UnitAttachment::isClosed);
        return Optional.ofNullable(UNITS.peekLast());
    }

    /** The simulated Magstim opened most recently by port URI, for tests to inspect and to inject faults. */
    public static synchronized Optional<MagstimServer> latestMagstim() {
        return Optional.ofNullable(latestMagstim);
    }

    static synchronized void unitOpened(UnitAttachment unit) {
        UNITS.addLast(unit);
    }

    static synchronized void unitClosed(UnitAttachment unit) {
        UNITS.remove(unit);
    }

    static synchronized void magstimOpened(MagstimServer server) {
        latestMagstim = server;
    }
}
