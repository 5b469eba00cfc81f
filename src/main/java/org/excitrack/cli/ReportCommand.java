package org.excitrack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.excitrack.service.ReportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Draws the classic excitability figure and a printable report of a recording.",
            "Stimulus-response, charge-duration, threshold electrotonus, I/V and recovery cycle over the",
            "healthy mean +/- 2 SD bands, and the variables with z-scores; writes NAME.png, NAME.svg and NAME.pdf (A4)."},
        footer = {"", "Examples:", "  excitrack report FESB70821A.MEM --out reports",
            "  excitrack report FESB70821A.MEM --out reports --force"})
public final class ReportCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A QTRAC MEM recording.")
    private Path file;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR",
            description = "Folder for the report files (created if missing).")
    private Path out;

    @Option(names = "--force", description = "Overwrite report files already in DIR.")
    private boolean force;

    @Override
    public Integer call() {
        PrintWriter w = spec.commandLine().getOut();
        for (Path p : new ReportService().write(file, out, force)) {
            w.println("wrote " + p);
        }
        w.flush();
        return 0;
    }
}
