package org.excitrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.excitrack.service.AnalysisService;
import org.excitrack.service.MagneticAnalysis;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = {"Computes the excitability variables of recordings from their raw curves; for a TMS recording, "
                + "the motor thresholds, threshold changes per point (T-SICI, T-ICF…), amplitude ratios (A-SICI), the "
                + "stimulus-response fit (SRF) and silent periods (CSP) it holds.",
            "Reads QTRAC MEM files and Excitrack recordings; variables carry QtracP's numbers and names, beside "
                + "QtracP's own value, and a z-score against 192 healthy median-nerve recordings of the subject's "
                + "age (* = outside 2.5-97.5 %%)."},
        footer = {"", "Examples:", "  excitrack analyze FESB70821A.MEM",
            "  excitrack analyze --format csv samples/*.MEM > variables.csv",
            "  excitrack analyze --recompute s01.excitrack"})
public final class AnalyzeCommand implements Callable<Integer> {
    enum Format { TABLE, CSV, JSON }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILES", description = "MEM files or Excitrack recordings (.excitrack).")
    private List<Path> files;

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table (with z-scores), csv (file,number,name,value) or json (with z-scores and normal ranges; default: ${DEFAULT-VALUE}).")
    private Format format;

    @Option(names = "--recompute",
            description = "Excitrack recordings only: compute every threshold again from the stored trials, with the "
                    + "estimator, target and curve prior the recording names, derive the variables from those, and "
                    + "say how far they are from the stored thresholds. Recordings made before schema 2 keep only "
                    + "their thresholds and cannot be.")
    private boolean recompute;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> nerve = new java.util.ArrayList<>();
        List<MagneticAnalysis.Result> magnetic = new java.util.ArrayList<>();
        MagneticAnalysis tms = new MagneticAnalysis();
        for (Path file : files) {
            java.util.Optional<MagneticAnalysis.Result> m = tms.analyzeIfMagnetic(file);
            if (m.isPresent() && recompute) {
                throw new org.excitrack.service.InvalidRequestException(file + " is a TMS recording: --recompute "
                        + "recomputes nerve thresholds only; analyse it without --recompute", null);
            }
            m.ifPresentOrElse(magnetic::add, () -> nerve.add(file));
        }
        List<AnalysisService.FileVariables> results = nerve.isEmpty() ? List.of()
                : new AnalysisService().analyze(nerve, recompute);
        switch (format) {
            case CSV -> {
                csv(results, out);
                MagneticTable.csv(magnetic, out, results.isEmpty());
            }
            case JSON -> json(results, magnetic, out);
            default -> {
                table(results, out);
                magnetic.forEach(m -> MagneticTable.print(m, out));
            }
        }
        out.flush();
        return 0;
    }

    private static void table(List<AnalysisService.FileVariables> results, PrintWriter out) {
        for (AnalysisService.FileVariables f : results) {
            out.println(f.file() + (f.subject().isEmpty() ? "" : " (" + f.subject() + ")"));
            f.recomputed().ifPresent(r -> out.printf(Locale.ROOT, "  %d thresholds recomputed from the stored trials; "
                    + "largest difference from the stored values %.2g %%%n", r.thresholds(),
                    100 * r.largestRelativeDifference()));
            out.printf(Locale.ROOT, "  %4s  %-42s %12s %12s %7s  %s%n", "#", "variable", "Excitrack", "in file", "z",
                    "normal range");
            boolean anyOutside = false;
            for (AnalysisService.Variable v : f.variables()) {
                anyOutside |= v.outsideNormalRange();
                out.printf(Locale.ROOT, "  %4s  %-42s %12s %12s %7s  %s%n", v.numberText(), v.name().replace('\\', ' '),
                        number(v.value()), v.fileValue().isPresent() ? number(v.fileValue().getAsDouble()) : "",
                        v.zScore().isPresent() ? String.format(Locale.ROOT, "%.2f", v.zScore().getAsDouble())
                                + (v.outsideNormalRange() ? "*" : "") : "",
                        v.normalRange().map(r -> significant(r.low()) + " to " + significant(r.high())).orElse(""));
            }
            if (anyOutside) {
                out.println("  * outside the healthy 2.5-97.5 % range for this age (|z| > 1.96)");
            }
            out.println();
        }
    }

    private static void csv(List<AnalysisService.FileVariables> results, PrintWriter out) {
        if (results.isEmpty()) {
            return;
        }
        out.println("file,number,name,value");
        for (AnalysisService.FileVariables f : results) {
            for (AnalysisService.Variable v : f.variables()) {
                out.println(csvField(f.file()) + "," + v.numberText() + "," + csvField(v.name()) + ","
                        + number(v.value()));
            }
        }
    }

    private static void json(List<AnalysisService.FileVariables> results, List<MagneticAnalysis.Result> magnetic,
                             PrintWriter out) throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        ArrayNode files = mapper.createArrayNode();
        for (MagneticAnalysis.Result m : magnetic) {
            ObjectNode file = files.addObject().put("file", m.file()).put("subject", m.subject());
            ArrayNode values = file.putArray("magnetic");
            for (MagneticTable.Row row : MagneticTable.rows(m)) {
                values.addObject().put("name", row.name()).put("value", row.value()).put("unit", row.unit());
            }
        }
        for (AnalysisService.FileVariables f : results) {
            ObjectNode file = files.addObject().put("file", f.file()).put("subject", f.subject());
            f.recomputed().ifPresent(r -> file.putObject("recomputed").put("thresholds", r.thresholds())
                    .put("largestRelativeDifference", r.largestRelativeDifference()));
            ArrayNode variables = file.putArray("variables");
            for (AnalysisService.Variable v : f.variables()) {
                ObjectNode node = variables.addObject();
                if (v.number().isPresent()) {
                    node.put("number", (int) v.number().getAsDouble());
                }
                node.put("name", v.name()).put("value", v.value());
                v.fileValue().ifPresent(x -> node.put("fileValue", x));
                v.zScore().ifPresent(z -> node.put("z", z));
                v.normalRange().ifPresent(r -> node.putArray("normalRange").add(r.low()).add(r.high()));
            }
        }
        out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(files));
    }

    /** Up to 6 significant decimals, no exponent, no trailing zeros. */
    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** 4 significant digits, for normal-range limits. */
    private static String significant(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static String csvField(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
