package org.excitrack.sim;

import java.util.List;
import java.util.Optional;
import org.excitrack.model.PortInfo;
import org.excitrack.transport.PortLister;

/**
 * Lists the in-process simulators among the ports, so a new user sees something to connect to: the acquisition unit,
 * then each simulated magnetic stimulator (for {@code --tms}), which wires itself to the simulated unit opened
 * before it and so shares that unit's virtual subject.
 */
public final class SimPortLister implements PortLister {
    private static final String STIMULATOR_PARAMETERS = "subject and seed, which must be the unit's";

    @Override
    public List<PortInfo> list() {
        List<PortInfo> ports = new java.util.ArrayList<>();
        ports.add(new PortInfo("sim:unit", "Excitrack acquisition unit, simulated in-process "
                + "(parameters: " + String.join(", ", SimulatorConfig.PARAMETERS) + ", " + SimLinkProvider.CLOCK
                + "=virtual)", Optional.empty(), true));
        for (org.excitrack.model.tms.StimulatorModel model : org.excitrack.model.tms.StimulatorModel.values()) {
            ports.add(new PortInfo("sim:" + model.uriName(), model.displayName() + " magnetic stimulator, simulated "
                    + "in-process and wired to the trigger outputs of the simulated unit (for --tms; parameters: "
                    + STIMULATOR_PARAMETERS + (model == org.excitrack.model.tms.StimulatorModel.MAGPRO ? ", fault"
                    : ", mode, fault, faultAfter") + ")", Optional.empty(), true));
        }
        return List.copyOf(ports);
    }
}
