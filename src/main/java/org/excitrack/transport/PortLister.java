package org.excitrack.transport;

import org.excitrack.model.PortInfo;

import java.util.List;

/**
 * Lists the ports one transport can offer. Found through {@link java.util.ServiceLoader}, like
 * {@link LinkProvider}, so the simulator can add its ports without the controller depending on it.
 */
public interface PortLister {
    /** The ports present now; empty when there are none. */
    List<PortInfo> list();
}
