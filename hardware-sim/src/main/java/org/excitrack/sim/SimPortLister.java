package org.excitrack.sim;

import java.util.List;
import java.util.Optional;
import org.excitrack.model.PortInfo;
import org.excitrack.transport.PortLister;

/** Lists the in-process simulator among the ports, so a new user sees something to connect to. */
public final class SimPortLister implements PortLister {
    @Override
    public List<PortInfo> list() {
        return List.of(new PortInfo("sim:unit", "Excitrack acquisition unit, simulated in-process "
                + "(parameters: " + String.join(", ", SimulatorConfig.PARAMETERS) + ", " + SimLinkProvider.CLOCK
                + "=virtual)", Optional.empty(), true));
    }
}
