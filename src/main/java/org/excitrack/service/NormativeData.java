package org.excitrack.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.excitrack.analysis.NormativeModel;
import org.excitrack.analysis.NormativeRow;

/**
 * The healthy reference data shipped with Excitrack: QtracP's derived variables for 192 healthy median-nerve
 * (wrist → APB) TRONDNF recordings from {@code kelvinejones/nerve-norms} (MIT licence), read from the classpath
 * resource {@value #RESOURCE}, and the {@link NormativeModel} fitted to them once.
 *
 * <p>CSV layout: a header with {@code age} (years) and one column {@code vN} per QtracP variable number N; other
 * columns (subject, sex, temperature, sites) are ignored; an empty cell is a missing value.
 */
public final class NormativeData {
    public static final String RESOURCE = "/org/excitrack/norms/normative-qtracp-variables.csv";

    private NormativeData() {
    }

    private static final class Holder {
        static final NormativeModel MODEL = NormativeModel.fit(rows());
    }

    /** The model fitted to the shipped data, built on first use. */
    public static NormativeModel model() {
        return Holder.MODEL;
    }

    /** The shipped rows, parsed. */
    public static List<NormativeRow> rows() {
        try (InputStream in = NormativeData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("normative data " + RESOURCE + " is missing from the classpath");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read normative data " + RESOURCE, e);
        }
    }

    static List<NormativeRow> parse(BufferedReader reader) throws IOException {
        String header = reader.readLine();
        if (header == null) {
            throw new IllegalStateException("normative data " + RESOURCE + " is empty");
        }
        String[] names = header.split(",", -1);
        int ageColumn = -1;
        Map<Integer, Integer> variableColumns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            String name = names[i].trim();
            if (name.equals("age")) {
                ageColumn = i;
            } else if (name.matches("v\\d+")) {
                variableColumns.put(i, Integer.parseInt(name.substring(1)));
            }
        }
        List<NormativeRow> rows = new ArrayList<>();
        String line;
        int lineNumber = 1;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != names.length) {
                throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": " + cells.length
                        + " cells, header has " + names.length);
            }
            OptionalDouble age = ageColumn < 0 ? OptionalDouble.empty() : number(cells[ageColumn], lineNumber);
            Map<Integer, Double> values = new HashMap<>();
            for (Map.Entry<Integer, Integer> c : variableColumns.entrySet()) {
                number(cells[c.getKey()], lineNumber).ifPresent(v -> values.put(c.getValue(), v));
            }
            rows.add(new NormativeRow(age, values));
        }
        return rows;
    }

    private static OptionalDouble number(String cell, int lineNumber) {
        String s = cell.trim();
        if (s.isEmpty() || s.equalsIgnoreCase("NA") || s.equalsIgnoreCase("NaN")) {
            return OptionalDouble.empty();
        }
        try {
            return OptionalDouble.of(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(RESOURCE + " line " + lineNumber + ": \"" + s + "\" is not a number", e);
        }
    }
}
