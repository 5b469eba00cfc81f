package org.excitrack.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the real command line, as a user would type it, with what it printed and its exit code. */
public record CliRun(int code, String out, String err) {
    public static CliRun excitrack(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.create().setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** {@code excitrack COMMAND args…} */
    public static CliRun command(String command, String... args) {
        String[] all = new String[args.length + 1];
        all[0] = command;
        System.arraycopy(args, 0, all, 1, args.length);
        return excitrack(all);
    }
}
