package org.excitrack.model.tms;

import java.util.Objects;

/**
 * Which stimulator answered on which port.
 *
 * @param serialNumber as the stimulator reports it, or empty when its protocol has no such query
 * @param softwareVersion as reported, or empty
 */
public record StimulatorIdentity(StimulatorModel model, String serialNumber, String softwareVersion, String port) {
    public StimulatorIdentity {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(serialNumber, "serialNumber");
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(port, "port");
    }

    public String describe() {
        return model.displayName() + (serialNumber.isEmpty() ? "" : " " + serialNumber) + " on " + port;
    }
}
