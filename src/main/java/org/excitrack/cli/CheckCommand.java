package org.excitrack.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.excitrack.service.ProtocolService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks a protocol before anything runs, and prints its plan or every problem.",
            "Checks syntax, names, units, the unit's capabilities and every worst case against the limits.",
            "A valid protocol's compiled plan shows its sections, channels, tracked points, and the estimated",
            "stimuli and duration."},
        footer = {"", "Exit codes: 0 valid, 2 invalid.", "", "Examples:", "  excitrack check TRONDNF",
            "  excitrack check my-protocol.exc --set target=30%%"})
public final class CheckCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE|NAME", description = "A .exc file, or a built-in protocol (see 'excitrack protocols').")
    private String protocol;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a parameter for this run, e.g. target=30%%.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--port", paramLabel = "URI",
            description = "Check against this unit's capabilities and hard limits (default: the reference unit).")
    private String port;

    @Override
    public Integer call() {
        ProtocolService service = port == null ? new ProtocolService() : ProtocolService.forUnit(port);
        ProtocolService.Checked checked = service.check(protocol, overrides);
        if (!checked.diagnostics().isEmpty()) {
            spec.commandLine().getErr().print(checked.diagnostics());
            spec.commandLine().getErr().flush();
        }
        if (!checked.isValid()) {
            return 2;
        }
        spec.commandLine().getOut().print(checked.summary());
        spec.commandLine().getOut().flush();
        return 0;
    }
}
