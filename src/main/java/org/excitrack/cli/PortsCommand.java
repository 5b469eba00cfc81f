package org.excitrack.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.excitrack.service.PortsService;
import org.excitrack.model.PortInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ports", mixinStandardHelpOptions = true,
        description = "Lists the ports an acquisition unit (--port) or a magnetic stimulator (--tms) can be reached on, "
                + "real and simulated.")
public final class PortsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<PortInfo> ports = new PortsService().list();
        int width = ports.stream().mapToInt(p -> p.uri().length()).max().orElse(0);
        for (PortInfo p : ports) {
            out.printf("%-" + width + "s  %s%s%s%n", p.uri(), p.description(),
                    p.usbVendorProduct().map(id -> "  [USB " + id + "]").orElse(""), p.simulated() ? "  (simulated)" : "");
        }
        if (ports.stream().noneMatch(p -> !p.simulated())) {
            out.println("No serial ports found. Is the unit plugged in? On Linux, is your user in the 'dialout' group?");
        }
        out.flush();
        return 0;
    }
}
