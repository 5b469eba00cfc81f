package org.excitrack.cli;

import picocli.CommandLine;

/** Builds the command line; the composition root may add subcommands that live outside the controller. */
public final class Cli {
    private Cli() {
    }

    public static CommandLine create(Object... extraSubcommands) {
        CommandLine cl = new CommandLine(new ExcitrackCommand());
        for (Object sub : extraSubcommands) {
            cl.addSubcommand(sub);
        }
        cl.setExecutionExceptionHandler(new ErrorReporter());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
