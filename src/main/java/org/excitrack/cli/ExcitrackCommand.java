package org.excitrack.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "excitrack", mixinStandardHelpOptions = true, versionProvider = ExcitrackCommand.Version.class,
        description = "Nerve and cortical excitability testing by threshold tracking.",
        subcommands = {RunCommand.class, ResumeCommand.class, ThresholdCommand.class, CheckCommand.class, ProtocolsCommand.class, AnalyzeCommand.class,
            ReportCommand.class, CompareCommand.class, ExportCommand.class,
            PortsCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 success, 1 runtime failure, 2 usage error."})
public final class ExcitrackCommand implements Runnable {
    @Option(names = {"-v", "--verbose"}, description = "Log details and stack traces to standard error.",
            scope = CommandLine.ScopeType.INHERIT)
    void verbose(boolean on) {
        Verbosity.set(on);
    }

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"Excitrack " + org.excitrack.service.Versions.application(),
                "Wire protocol version " + org.excitrack.service.Versions.PROTOCOL_VERSION,
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
