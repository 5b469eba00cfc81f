package org.excitrack.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.excitrack.service.ComparisonService;
import org.excitrack.service.InvalidRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares the excitability variables of recordings (computed from their curves).",
            "Three forms, one per run:",
            "  A B   two recordings of one subject: per variable A, B and B-A.",
            "  --pair A1,B1 --pair A2,B2 ...",
            "        one pair per subject (earlier,later): per variable the mean paired",
            "        difference later-earlier with its 95 %% CI (t distribution, n-1 df).",
            "  --group NAME=FILES --group NAME=FILES",
            "        two groups, FILES a comma-separated list of MEM files and/or",
            "        directories (a directory stands for the *.MEM files in it): per",
            "        variable each group's n, mean, SD and the difference second - first",
            "        with its 95 %% Welch CI. The CIs are per variable, not corrected for",
            "        the ~40 variables compared (* marks a CI that excludes 0)."},
        footer = {"", "Examples:", "  excitrack compare before.MEM during-mexiletine.MEM",
            "  excitrack compare --pair s1-pre.MEM,s1-post.MEM --pair s2-pre.MEM,s2-post.MEM",
            "  excitrack compare --group controls=norms/ --group ALS=als1.MEM,als2.MEM,als3.MEM --format csv"})
public final class CompareCommand implements Callable<Integer> {
    enum Format { TABLE, CSV, JSON }

    @Spec
    private CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "FILES", description = "Exactly two MEM files: A (earlier) and B (later).")
    private List<Path> files = new ArrayList<>();

    @Option(names = "--group", paramLabel = "NAME=FILES",
            description = "A group: a name, '=', then MEM files and/or directories separated by commas. Give it twice.")
    private List<String> groups = new ArrayList<>();

    @Option(names = "--pair", paramLabel = "EARLIER,LATER",
            description = "Two MEM files of one subject, earlier first. Repeat once per subject.")
    private List<String> pairs = new ArrayList<>();

    @Option(names = "--format", defaultValue = "table", paramLabel = "FORMAT",
            description = "table, csv or json (default: ${DEFAULT-VALUE}).")
    private Format format;

    @Override
    public Integer call() throws Exception {
        int forms = (files.isEmpty() ? 0 : 1) + (groups.isEmpty() ? 0 : 1) + (pairs.isEmpty() ? 0 : 1);
        if (forms != 1) {
            throw new InvalidRequestException("give either two files, or --pair options, or two --group options"
                    + (forms == 0 ? "" : ", not a mix"), null);
        }
        ComparisonService service = new ComparisonService();
        PrintWriter out = spec.commandLine().getOut();
        if (!groups.isEmpty()) {
            if (groups.size() != 2) {
                throw new InvalidRequestException("--group needs to be given exactly twice, got " + groups.size(),
                        null);
            }
            CompareOutput.groups(service.compareGroups(group(groups.get(0)), group(groups.get(1))), format.name(),
                    out);
        } else if (!pairs.isEmpty()) {
            List<ComparisonService.FilePair> filePairs = new ArrayList<>();
            for (String p : pairs) {
                String[] parts = p.split(",", -1);
                if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                    throw new InvalidRequestException("--pair takes EARLIER,LATER (two files, one comma), got '" + p
                            + "'", null);
                }
                filePairs.add(new ComparisonService.FilePair(Path.of(parts[0].trim()), Path.of(parts[1].trim())));
            }
            CompareOutput.paired(service.comparePaired(filePairs), format.name(), out);
        } else {
            if (files.size() != 2) {
                throw new InvalidRequestException("compare takes exactly two files (A B), got " + files.size()
                        + "; for more, use --pair or --group", null);
            }
            CompareOutput.change(service.compareTwo(files.get(0), files.get(1)), format.name(), out);
        }
        out.flush();
        return 0;
    }

    private static ComparisonService.Group group(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0 || eq == spec.length() - 1) {
            throw new InvalidRequestException("--group takes NAME=FILE[,FILE...] (files or directories), got '"
                    + spec + "'", null);
        }
        List<Path> paths = new ArrayList<>();
        for (String f : spec.substring(eq + 1).split(",")) {
            if (!f.isBlank()) {
                paths.add(Path.of(f.trim()));
            }
        }
        return new ComparisonService.Group(spec.substring(0, eq).trim(), paths);
    }

    /** The three tables in the three formats. */
    static final class CompareOutput {
        private CompareOutput() {
        }

        static void change(ComparisonService.ChangeReport r, String format, PrintWriter out) throws Exception {
            switch (format) {
                case "CSV" -> {
                    out.println("number,name,a,b,b_minus_a");
                    for (ComparisonService.VariableChange v : r.variables()) {
                        out.println(number(v.number()) + "," + csv(v.name()) + "," + num(v.a()) + "," + num(v.b())
                                + "," + num(v.difference()));
                    }
                }
                case "JSON" -> {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode().put("a", r.fileA()).put("b", r.fileB());
                    ArrayNode vars = root.putArray("variables");
                    for (ComparisonService.VariableChange v : r.variables()) {
                        ObjectNode n = vars.addObject();
                        v.number().ifPresent(x -> n.put("number", x));
                        n.put("name", v.name());
                        put(n, "a", v.a());
                        put(n, "b", v.b());
                        put(n, "bMinusA", v.difference());
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                }
                default -> {
                    out.println("A = " + r.fileA() + ", B = " + r.fileB());
                    out.printf(Locale.ROOT, "  %4s  %-42s %12s %12s %12s%n", "#", "variable", "A", "B", "B-A");
                    for (ComparisonService.VariableChange v : r.variables()) {
                        out.printf(Locale.ROOT, "  %4s  %-42s %12s %12s %12s%n", number(v.number()), label(v.name()),
                                num(v.a()), num(v.b()), num(v.difference()));
                    }
                }
            }
        }

        static void paired(ComparisonService.PairedReport r, String format, PrintWriter out) throws Exception {
            switch (format) {
                case "CSV" -> {
                    out.println("number,name,n,mean_difference,sd_difference,ci_low,ci_high,df");
                    for (ComparisonService.PairedRow v : r.variables()) {
                        out.println(number(v.number()) + "," + csv(v.name()) + "," + v.n() + ","
                                + num(v.meanDifference()) + "," + num(v.sdDifference()) + "," + ci(v.interval(), ","));
                    }
                }
                case "JSON" -> {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode().put("pairs", r.pairs()).put("ciLevel", 0.95);
                    ArrayNode vars = root.putArray("variables");
                    for (ComparisonService.PairedRow v : r.variables()) {
                        ObjectNode n = vars.addObject();
                        v.number().ifPresent(x -> n.put("number", x));
                        n.put("name", v.name()).put("n", v.n());
                        put(n, "meanDifference", v.meanDifference());
                        put(n, "sdDifference", v.sdDifference());
                        interval(n, v.interval());
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                }
                default -> {
                    out.println(r.pairs() + " pairs; difference = later - earlier; 95 % CI (t, n-1 df)");
                    out.printf(Locale.ROOT, "  %4s  %-42s %3s %12s %12s  %s%n", "#", "variable", "n", "mean diff",
                            "SD", "95 % CI");
                    for (ComparisonService.PairedRow v : r.variables()) {
                        out.printf(Locale.ROOT, "  %4s  %-42s %3d %12s %12s  %s%n", number(v.number()),
                                label(v.name()), v.n(), num(v.meanDifference()), num(v.sdDifference()),
                                ci(v.interval(), " to "));
                    }
                }
            }
        }

        static void groups(ComparisonService.GroupReport r, String format, PrintWriter out) throws Exception {
            switch (format) {
                case "CSV" -> {
                    out.println("number,name,n_a,mean_a,sd_a,n_b,mean_b,sd_b,b_minus_a,ci_low,ci_high,df");
                    for (ComparisonService.GroupRow v : r.variables()) {
                        out.println(number(v.number()) + "," + csv(v.name()) + "," + v.a().n() + ","
                                + num(v.a().mean()) + "," + num(v.a().sd()) + "," + v.b().n() + ","
                                + num(v.b().mean()) + "," + num(v.b().sd()) + "," + num(v.difference()) + ","
                                + ci(v.interval(), ","));
                    }
                }
                case "JSON" -> {
                    ObjectMapper mapper = new ObjectMapper();
                    ObjectNode root = mapper.createObjectNode();
                    ObjectNode a = root.putObject("a").put("name", r.labelA());
                    r.filesA().forEach(a.putArray("files")::add);
                    ObjectNode b = root.putObject("b").put("name", r.labelB());
                    r.filesB().forEach(b.putArray("files")::add);
                    root.put("ciLevel", 0.95).put("ciMethod", "Welch");
                    ArrayNode vars = root.putArray("variables");
                    for (ComparisonService.GroupRow v : r.variables()) {
                        ObjectNode n = vars.addObject();
                        v.number().ifPresent(x -> n.put("number", x));
                        n.put("name", v.name());
                        stats(n.putObject("a"), v.a());
                        stats(n.putObject("b"), v.b());
                        put(n, "bMinusA", v.difference());
                        interval(n, v.interval());
                    }
                    out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root));
                }
                default -> {
                    out.println("A = " + r.labelA() + " (" + r.filesA().size() + " files), B = " + r.labelB() + " ("
                            + r.filesB().size() + " files); B-A with 95 % Welch CI");
                    out.printf(Locale.ROOT, "  %4s  %-42s %3s %11s %10s %3s %11s %10s %11s  %s%n", "#", "variable",
                            "nA", "mean A", "SD A", "nB", "mean B", "SD B", "B-A", "95 % CI");
                    boolean excludesZero = false;
                    for (ComparisonService.GroupRow v : r.variables()) {
                        boolean mark = v.interval().isPresent() && !v.interval().get().contains(0);
                        excludesZero |= mark;
                        out.printf(Locale.ROOT, "  %4s  %-42s %3d %11s %10s %3d %11s %10s %11s  %s%n",
                                number(v.number()), label(v.name()), v.a().n(), num(v.a().mean()), num(v.a().sd()),
                                v.b().n(), num(v.b().mean()), num(v.b().sd()), num(v.difference()),
                                ci(v.interval(), " to ") + (mark ? " *" : ""));
                    }
                    if (excludesZero) {
                        out.println("  * the 95 % CI excludes 0 (not corrected for the number of variables)");
                    }
                }
            }
        }

        private static void stats(ObjectNode n, ComparisonService.GroupStats s) {
            n.put("n", s.n());
            put(n, "mean", s.mean());
            put(n, "sd", s.sd());
        }

        private static void interval(ObjectNode n, Optional<ComparisonService.Interval> ci) {
            if (ci.isPresent()) {
                n.putArray("ci95").add(ci.get().low()).add(ci.get().high());
                n.put("df", ci.get().degreesOfFreedom());
            }
        }

        private static void put(ObjectNode n, String key, double v) {
            if (Double.isFinite(v)) {
                n.put(key, v);
            } else {
                n.putNull(key);
            }
        }

        private static String ci(Optional<ComparisonService.Interval> ci, String separator) {
            if (ci.isEmpty()) {
                return ",".equals(separator) ? ",," : "";
            }
            ComparisonService.Interval i = ci.get();
            return ",".equals(separator) ? num(i.low()) + "," + num(i.high()) + "," + num(i.degreesOfFreedom())
                    : num(i.low()) + " to " + num(i.high());
        }

        private static String number(OptionalInt n) {
            return n.isPresent() ? String.valueOf(n.getAsInt()) : "";
        }

        private static String label(String name) {
            return name.replace('\\', ' ');
        }

        /** Up to 6 decimals, no exponent, no trailing zeros; empty for NaN. */
        static String num(double v) {
            if (!Double.isFinite(v)) {
                return "";
            }
            String s = String.format(Locale.ROOT, "%.6f", v).replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
            return "-0".equals(s) ? "0" : s;
        }

        private static String csv(String s) {
            return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }
}
