package org.excitrack.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.excitrack.model.session.SessionState;
import org.excitrack.service.ReportService;
import org.excitrack.service.RunService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code excitrack run}: a whole protocol, recorded to a new file, with a live progress line and the variables
 * at the end. Ctrl-C aborts: the unit stops the trial in flight at once and the recording keeps every trial.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a protocol against a unit, records every trial to a new recording file, and ends",
            "with the excitability variables and their z-scores against healthy subjects of the same age."},
        footer = {"", "Example (built-in simulator, simulated time: a whole TRONDNF in seconds):",
            "  excitrack run TRONDNF --port sim:unit?subject=als-early --virtual-time --out als.excitrack \\",
            "      --subject-id S01 --age 58 --sex M --temperature 33",
            "", "A TMS protocol adds the magnetic stimulator (here the simulated BiStim² on the same virtual subject):",
            "  excitrack run RMT --port sim:unit?subject=healthy --tms sim:magstim-bistim --virtual-time --out rmt.excitrack",
            "", "Ctrl-C aborts the run; the recording keeps every completed trial."})
public final class RunCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROTOCOL", description = "A built-in protocol (see 'excitrack protocols') or a .exc file.")
    private String protocol;

    @Option(names = "--port", required = true, paramLabel = "URI",
            description = "Acquisition unit: serial:/dev/ttyUSB0, sim:unit?subject=healthy&seed=7, spy:<uri>.")
    private String port;

    @Option(names = "--out", required = true, paramLabel = "FILE",
            description = "The recording file to create (.excitrack); an existing file is never overwritten.")
    private Path out;

    @Option(names = "--subject-id", defaultValue = "anonymous", paramLabel = "ID",
            description = "Pseudonymous subject id (default: ${DEFAULT-VALUE}).")
    private String subjectId;

    @Option(names = "--age", paramLabel = "YEARS", description = "Age in years (z-scores are age-adjusted).")
    private Integer age;

    @Option(names = "--sex", paramLabel = "M|F", description = "Sex, M or F.")
    private String sex;

    @Option(names = "--temperature", paramLabel = "CELSIUS", description = "Skin temperature, °C.")
    private Double temperature;

    @Option(names = "--sites", paramLabel = "TEXT", description = "Stimulation and recording sites (default: Median Wr-APB).",
            defaultValue = "Median Wr-APB")
    private String sites;

    @Option(names = "--group", paramLabel = "TEXT", description = "Group, e.g. NC, ALS.")
    private String group;

    @Option(names = "--operator", defaultValue = "", paramLabel = "NAME", description = "Who records.")
    private String operator;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a protocol parameter, e.g. target=30%%.")
    private Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--input", paramLabel = "NAME=VALUE",
            description = "Answer a protocol input in its unit, e.g. temperature=33 (°C).")
    private Map<String, Double> inputs = new LinkedHashMap<>();

    @Option(names = "--report", paramLabel = "DIR",
            description = "When the protocol finishes, also write the excitability report (PNG, SVG, PDF) here.")
    private Path reportDir;

    @Option(names = "--tms", paramLabel = "URI",
            description = {"Magnetic stimulator for TMS protocols: serial:/dev/ttyUSB1?device=magstim-bistim "
                + "(magstim-200, magstim-bistim, magstim-rapid, magpro),",
                "or the simulator, sim:magstim-bistim / sim:magpro, which stimulates the --port simulator's subject."})
    private String tms;

    @Option(names = "--method", paramLabel = "METHOD",
            description = "Motor-threshold method for every motor threshold of the protocol: ifcn (relative frequency, "
                + "5 of 10), ml-pest (Awiszus), excitrack (default: the protocol's).")
    private String method;

    @Option(names = "--virtual-time",
            description = "Run the in-process simulator in simulated time: the protocol's intervals cost no real time.")
    private boolean virtualTime;

    private java.util.Optional<RunService.Magnetic> magnetic() {
        return java.util.Optional.ofNullable(tms).map(uri -> new RunService.Magnetic(uri,
                java.util.Optional.ofNullable(method)));
    }

    @Override
    public Integer call() throws InterruptedException {
        if (method != null && tms == null) {
            throw new ParameterException(spec.commandLine(), "--method chooses the motor-threshold method of a TMS "
                    + "protocol; it needs --tms");
        }
        if (method != null && !java.util.List.of("ifcn", "ml-pest", "excitrack").contains(method)) {
            throw new ParameterException(spec.commandLine(), "--method " + method + ": expected ifcn, ml-pest or excitrack");
        }
        if (sex != null && !sex.equals("M") && !sex.equals("F")) {
            throw new ParameterException(spec.commandLine(), "--sex " + sex + ": expected M or F");
        }
        RunService.Subject subject = new RunService.Subject(subjectId, age, sex, temperature, sites, group);
        RunOutput.ProgressLine progress = new RunOutput.ProgressLine(spec.commandLine().getErr(),
                System.console() != null);
        RunService.RunReport report = RunOutput.abortableOnCtrlC(control -> new RunService(control).run(
                new RunService.RunRequest(protocol, overrides, port, out, subject, operator, inputs, virtualTime,
                        magnetic()),
                progress::on), progress);
        RunOutput.print(report, spec.commandLine().getOut());
        if (reportDir != null && report.state() == SessionState.FINISHED) {
            for (Path written : new ReportService().write(out, reportDir, false)) {
                spec.commandLine().getOut().println("wrote " + written);
            }
            spec.commandLine().getOut().flush();
        }
        return report.state() == SessionState.FINISHED ? 0 : 1;
    }

}
