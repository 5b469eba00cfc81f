package org.excitrack.transport;

/**
 * Opens links for one URI scheme. Found through {@link java.util.ServiceLoader}, so the simulator can offer
 * {@code sim:} without the controller depending on it.
 */
public interface LinkProvider {
    /** The URI scheme this provider opens, e.g. {@code serial}. */
    String scheme();

    /**
     * @throws TransportException naming the port when it cannot be opened
     * @throws PortUriException when the URI's path or parameters are not valid for this scheme
     */
    Link open(PortUri uri);
}
