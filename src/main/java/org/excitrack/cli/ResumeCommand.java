package org.excitrack.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.RunService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code excitrack resume}: continues an interrupted recording where it stopped, in the same file. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues an interrupted recording (aborted, or its process killed) where it stopped:",
            "finished sections and measured points are kept, the rest of the protocol runs, into the same file."},
        footer = {"", "Example:", "  excitrack resume S01.excitrack --port serial:/dev/ttyUSB0"})
public final class ResumeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The interrupted recording (.excitrack).")
    private Path file;

    @Option(names = "--port", required = true, paramLabel = "URI", description = "The acquisition unit to continue on.")
    private String port;

    @Option(names = "--virtual-time", description = "Run the in-process simulator in simulated time.")
    private boolean virtualTime;

    @Override
    public Integer call() throws InterruptedException {
        RunOutput.ProgressLine progress = new RunOutput.ProgressLine(spec.commandLine().getErr(),
                System.console() != null);
        RunService.RunReport report = RunOutput.abortableOnCtrlC(control -> new RunService(control).resume(file,
                port, virtualTime, progress::on), progress);
        RunOutput.print(report, spec.commandLine().getOut());
        return report.state() == SessionState.FINISHED ? 0 : 1;
    }
}
