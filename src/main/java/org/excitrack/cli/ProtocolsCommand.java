package org.excitrack.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.excitrack.service.ProtocolService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "protocols", mixinStandardHelpOptions = true,
        description = "Lists the built-in protocols with their expected length.")
public final class ProtocolsCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        for (ProtocolService.BuiltIn p : new ProtocolService().builtIns()) {
            out.printf(Locale.ROOT, "%-11s ≈%4d stimuli, ≈%4.1f min  %s%n", p.name(), p.estimatedStimuli(),
                    p.estimatedMinutes(), p.description());
        }
        out.println();
        out.println("'excitrack check NAME' shows a protocol's plan; protocol-language.md explains how to write your own.");
        out.flush();
        return 0;
    }
}
