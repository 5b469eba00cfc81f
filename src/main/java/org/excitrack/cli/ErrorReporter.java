package org.excitrack.cli;

import java.util.Set;
import org.excitrack.service.InvalidRequestException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns failures into one clear line for the user and an exit code: 2 for usage errors (including a
 * malformed port URI), 1 for everything that went wrong while running. Stack traces only with --verbose.
 */
public final class ErrorReporter implements IExecutionExceptionHandler {
    /** Failures that are about the world, not about our code: their message is the whole story. */
    private static final Set<String> EXPECTED_PACKAGES = Set.of("org.excitrack.device", "org.excitrack.transport",
            "org.excitrack.service", "org.excitrack.session", "org.excitrack.codec", "org.excitrack.framing",
            "org.excitrack.storage.mem");

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        var err = commandLine.getErr();
        if (e instanceof InvalidRequestException) {
            err.println("excitrack: " + e.getMessage());
            boolean takesPort = commandLine.getCommandSpec().findOption("--port") != null;
            err.println("Try " + (takesPort ? "'excitrack ports' to list the ports, or " : "") + "'"
                    + commandLine.getCommandSpec().qualifiedName() + " --help'.");
            return 2;
        }
        if (e instanceof InterruptedException) {
            err.println("excitrack: interrupted");
            return 1;
        }
        boolean expected = EXPECTED_PACKAGES.contains(e.getClass().getPackageName());
        err.println("excitrack: " + (expected ? "" : "internal error: ") + e.getMessage());
        if (Verbosity.isVerbose() || !expected) {
            e.printStackTrace(err);
        }
        err.flush();
        return 1;
    }
}
