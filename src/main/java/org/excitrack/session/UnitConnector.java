package org.excitrack.session;

import org.excitrack.device.AcquisitionUnit;

/** Opens the unit again after its link was lost: the same port, a fresh connection. */
@FunctionalInterface
public interface UnitConnector {
    AcquisitionUnit connect();
}
