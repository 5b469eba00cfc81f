package org.excitrack.service;

import java.util.List;
import org.excitrack.transport.Links;
import org.excitrack.model.PortInfo;

/** The ports a user can pick from, real first, then simulated. */
public final class PortsService {
    public List<PortInfo> list() {
        return Links.listPorts().stream()
                .sorted(java.util.Comparator.comparing(PortInfo::simulated).thenComparing(PortInfo::uri))
                .toList();
    }
}
