package org.excitrack.model;

/**
 * Who the unit is.
 *
 * @param model product name
 * @param firmwareVersion firmware version string
 * @param serialNumber serial number, used to recognise the same unit after a reconnection
 * @param protocolVersion the wire protocol version negotiated for this connection
 */
public record UnitIdentity(String model, String firmwareVersion, String serialNumber, int protocolVersion) {
}
