package org.excitrack.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.excitrack.service.ExportService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Writes a recording in another format. Reads QTRAC MEM files.",
            "  mem   QtracP's MEM layout, as Excitrack writes it (lossless numbers).",
            "  csv   tidy UTF-8 CSV of the curves, one row per point, columns:",
            "          file      the input's file name",
            "          section   stimulus_response, charge_duration,",
            "                    threshold_electrotonus, recovery_cycle, current_threshold",
            "          curve     max_cmap, width_<w>ms (SR); threshold, charge (QT);",
            "                    TE1, TE2, ... and TE1_current, ... (TE); RC; IV",
            "          x,x_unit  width, delay or interval in ms; response in %% max;",
            "                    polarizing current in %% threshold",
            "          y,y_unit  stimulus or threshold in mA, CMAP in mV, charge in",
            "                    mA*ms, threshold reduction or RC threshold change in %%",
            "  json  header, each section's curves and points, and the derived",
            "        variables (computed here, beside the file's own value);",
            "        non-finite numbers as null.",
            "The output goes to a temporary file that is then moved into place, so a",
            "half-written file is never left. An existing output is kept unless --force."},
        footer = {"", "Examples:", "  excitrack export FESB70821A.MEM --to csv",
            "  excitrack export FESB70821A.MEM --to json --out cr21s.json --force"})
public final class ExportCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "A MEM file.")
    private Path file;

    @Option(names = "--to", required = true, paramLabel = "FORMAT", description = "mem, csv or json.")
    private ExportService.Target to;

    @Option(names = "--out", paramLabel = "PATH",
            description = "The output file (default: beside FILE, named FILE.csv, FILE.json or FILE-excitrack.MEM).")
    private Path out;

    @Option(names = "--force", description = "Replace the output file if it exists.")
    private boolean force;

    @Override
    public Integer call() {
        ExportService.ExportResult result = new ExportService().export(file, to, Optional.ofNullable(out), force);
        PrintWriter w = spec.commandLine().getOut();
        w.println("wrote " + result.output() + " (" + result.bytes() + " bytes)");
        w.flush();
        return 0;
    }
}
