package org.excitrack.storage.mem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.excitrack.model.excitability.ChargeDurationPoint;
import org.excitrack.model.excitability.CurrentThresholdPoint;
import org.excitrack.model.excitability.DerivedVariable;
import org.excitrack.model.excitability.ElectrotonusCurve;
import org.excitrack.model.excitability.ExcitabilityRecording;
import org.excitrack.model.excitability.ExtraVariable;
import org.excitrack.model.excitability.RecoveryPoint;
import org.excitrack.model.excitability.SectionTime;
import org.excitrack.model.excitability.StimulusResponseCurve;

/**
 * Writes an {@link ExcitabilityRecording} as a MEM file in QtracP's layout (trondnf.md §5.2), so that tools made for
 * QtracP output (nerve-norms, healthy-nerves, SNBR, QtracP's own MEF batches) can read our recordings.
 *
 * <p>Layout, as in QtracP 9/12/2016's FESB70821A.MEM: CRLF line ends; header lines {@code " Key:"} padded to 20
 * characters, a TAB, the value; section titles with their time tags ({@code "(3.5-8.8m)"}); column titles after a
 * 20-space field; rows {@code SR.<percent>}, {@code QT.n}, {@code TEk.n}, {@code RC1.n}, {@code IV1.n} numbered
 * 1, 2, … in order (QtracP sometimes numbers by the protocol's slot instead, leaving gaps where points are missing;
 * we cannot know the slots); every field but the last padded to 20; the blank lines QtracP puts between and after
 * sections. Numbers: VB {@code Str$} style (leading space when not negative, no leading zero: {@code " .2"}) in the
 * SR, QT columns and the first column of TE, RC and I/V; the TE current, TE/RC/IV outputs and derived values without
 * the leading space (zero written {@code 0.00}, derived zero {@code 0.000}); the Max CMAP always in mV.
 *
 * <p>Digits: {@link Precision#EXACT} (the default) writes the shortest decimal that reads back as the same
 * {@code double}, so {@code read(write(r))} equals {@code r} for every recording read from a MEM file, and values
 * that came from QtracP come out as QtracP wrote them. {@link Precision#QTRACP} rounds as QtracP does (7
 * significant digits; 2 decimals for TE/RC/IV outputs; 3 for derived variables), for recordings computed here.
 *
 * <p>The derived-variables section starts with our own lines instead of QtracP's:
 * {@code Program = Excitrack}, {@code Threshold method = 0 (Excitrack: values as held by the recording)} (QtracP's
 * method numbers 1–6 name its own threshold-fitting methods; 0 says none of them was applied here) and
 * {@code SR method = 1 (using actual data values)} (QtracP's method 1, which is what we do: SR values as recorded).
 * The derived variables written are those the recording holds; this class computes nothing.
 *
 * <p>Sections are written in the order of {@link ExcitabilityRecording#sections()}, followed by any standard section
 * it lacks that has data, then the derived variables if absent; an empty list gives the TRONDNF order SR, charge
 * duration, TE, RC, I/V, derived, extra variables. A section whose content the reader skipped
 * (STRENGTH-DURATION DATA, EXTRA WAVEFORMS, unknown) is written as its title only.
 */
public final class MemWriter {
    /** How many digits to write. */
    public enum Precision {
        /** The shortest text that reads back as the same double: lossless. */
        EXACT,
        /** QtracP's rounding: 7 significant digits, 2 decimals for TE/RC/IV outputs, 3 for derived variables. */
        QTRACP
    }

    public static final String PROGRAM_LINE = "Program = Excitrack";
    public static final String THRESHOLD_METHOD_LINE =
            "Threshold method = 0 (Excitrack: values as held by the recording)";
    public static final String SR_METHOD_LINE = "SR method = 1 (using actual data values)";

    private static final String CRLF = "\r\n";
    private static final int FIELD = 20;
    private static final List<MemSection> STANDARD_ORDER = List.of(MemSection.STIMULUS_RESPONSE,
            MemSection.CHARGE_DURATION, MemSection.THRESHOLD_ELECTROTONUS, MemSection.RECOVERY_CYCLE,
            MemSection.CURRENT_THRESHOLD, MemSection.DERIVED, MemSection.EXTRA_VARIABLES);

    private final Precision precision;

    /** A writer with {@link Precision#EXACT} digits. */
    public MemWriter() {
        this(Precision.EXACT);
    }

    public MemWriter(Precision precision) {
        this.precision = Objects.requireNonNull(precision, "precision");
    }

    /** Writes {@link #write(ExcitabilityRecording)} to a file, encoded as {@link MemReader#CHARSET}. */
    public void write(ExcitabilityRecording recording, Path file) {
        try {
            Files.write(file, write(recording).getBytes(MemReader.CHARSET));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write MEM file " + file, e);
        }
    }

    /**
     * @return the whole MEM file, CRLF line ends
     * @throws IllegalArgumentException if a value is infinite, or NaN anywhere but a stimulus cell or a TE
     *     curve's conditioning current
     */
    public String write(ExcitabilityRecording recording) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : recording.header().fields().entrySet()) {
            line(out, pad(" " + field.getKey() + ":") + "\t" + field.getValue());
        }
        line(out, "");
        for (SectionTime section : sectionOrder(recording)) {
            Optional<MemSection> known = MemSection.byTitle(section.title());
            if (known.isEmpty() || known.get() == MemSection.STRENGTH_DURATION
                    || known.get() == MemSection.EXTRA_WAVEFORMS) {
                line(out, "  " + section.title() + timeTag(section));
                line(out, "");
                continue;
            }
            switch (known.get()) {
                case STIMULUS_RESPONSE -> stimulusResponse(out, section, recording.stimulusResponse());
                case CHARGE_DURATION -> chargeDuration(out, section, recording.chargeDuration());
                case THRESHOLD_ELECTROTONUS -> electrotonus(out, section, recording.electrotonus());
                case RECOVERY_CYCLE -> recovery(out, section, recording.recoveryCycle());
                case CURRENT_THRESHOLD -> currentThreshold(out, section, recording.currentThreshold());
                case DERIVED -> derived(out, section, recording.derived());
                case EXTRA_VARIABLES -> extras(out, recording.extraVariables());
                default -> throw new IllegalStateException("unhandled section " + known.get());
            }
        }
        return out.toString();
    }

    private static List<SectionTime> sectionOrder(ExcitabilityRecording r) {
        Set<String> titles = new LinkedHashSet<>();
        List<SectionTime> order = new ArrayList<>();
        for (SectionTime s : r.sections()) {
            if (titles.add(s.title())) {
                order.add(s);
            }
        }
        for (MemSection s : STANDARD_ORDER) {
            boolean wanted = r.sections().isEmpty() || s == MemSection.DERIVED || hasData(r, s);
            if (wanted && titles.add(s.title)) {
                order.add(new SectionTime(s.title, java.util.OptionalDouble.empty(), java.util.OptionalDouble.empty()));
            }
        }
        return order;
    }

    private static boolean hasData(ExcitabilityRecording r, MemSection s) {
        return switch (s) {
            case STIMULUS_RESPONSE -> !r.stimulusResponse().points().isEmpty()
                    || !r.stimulusResponse().maximalResponses().isEmpty();
            case CHARGE_DURATION -> !r.chargeDuration().isEmpty();
            case THRESHOLD_ELECTROTONUS -> !r.electrotonus().isEmpty();
            case RECOVERY_CYCLE -> !r.recoveryCycle().isEmpty();
            case CURRENT_THRESHOLD -> !r.currentThreshold().isEmpty();
            case EXTRA_VARIABLES -> !r.extraVariables().isEmpty();
            default -> false;
        };
    }

    private void stimulusResponse(StringBuilder out, SectionTime section, StimulusResponseCurve sr) {
        line(out, " " + section.title() + timeTag(section));
        line(out, "");
        line(out, "Values are those recorded");
        line(out, "");
        for (StimulusResponseCurve.MaximalResponse max : sr.maximalResponses()) {
            line(out, " Max CMAP " + str(max.widthMillis()) + " ms = " + str(max.millivolts()) + " mV");
        }
        line(out, "");
        int widths = sr.maximalResponses().size();
        List<String> titles = new ArrayList<>(MemSection.STIMULUS_RESPONSE.columnTitles);
        if (widths == 1) {
            titles.add("Stimulus(2)"); // TRONDNF's single 1-ms column; read back by position
        } else {
            for (int i = 1; i <= widths; i++) {
                titles.add("Stimulus(" + i + ")");
            }
        }
        titles(out, titles);
        for (StimulusResponseCurve.Point p : sr.points()) {
            if (p.stimulusMilliamps().size() != widths) {
                throw new IllegalArgumentException("SR point at " + p.percentOfMaximum() + " % has "
                        + p.stimulusMilliamps().size() + " stimuli for " + widths + " maximal responses");
            }
            List<String> values = new ArrayList<>();
            values.add(str(p.percentOfMaximum()));
            for (double s : p.stimulusMilliamps()) {
                values.add(Double.isNaN(s) ? "" : str(s));
            }
            row(out, "SR." + MemNumbers.exact(p.percentOfMaximum()), values);
        }
        blankLines(out, 3);
    }

    private void chargeDuration(StringBuilder out, SectionTime section, List<ChargeDurationPoint> points) {
        sectionStart(out, section, MemSection.CHARGE_DURATION);
        int n = 1;
        for (ChargeDurationPoint p : points) {
            row(out, "QT." + n++, List.of(str(p.widthMillis()), str(p.thresholdMilliamps()),
                    str(p.chargeMilliampMillis())));
        }
        blankLines(out, 1);
    }

    private void electrotonus(StringBuilder out, SectionTime section, List<ElectrotonusCurve> curves) {
        sectionStart(out, section, MemSection.THRESHOLD_ELECTROTONUS);
        for (ElectrotonusCurve curve : curves) {
            line(out, "");
            int n = 1;
            for (ElectrotonusCurve.Point p : curve.points()) {
                row(out, curve.label() + "." + n++, List.of(str(p.delayMillis()),
                        MemNumbers.plain(p.currentPercent(), -1, "0"), output(p.thresholdReductionPercent())));
            }
        }
        blankLines(out, 1);
    }

    private void recovery(StringBuilder out, SectionTime section, List<RecoveryPoint> points) {
        sectionStart(out, section, MemSection.RECOVERY_CYCLE);
        int n = 1;
        for (RecoveryPoint p : points) {
            row(out, "RC1." + n++, List.of(str(p.intervalMillis()), output(p.thresholdChangePercent())));
        }
        blankLines(out, 4);
    }

    private void currentThreshold(StringBuilder out, SectionTime section, List<CurrentThresholdPoint> points) {
        sectionStart(out, section, MemSection.CURRENT_THRESHOLD);
        int n = 1;
        for (CurrentThresholdPoint p : points) {
            row(out, "IV1." + n++, List.of(str(p.currentPercent()), output(p.thresholdReductionPercent())));
        }
        blankLines(out, 4);
    }

    private void derived(StringBuilder out, SectionTime section, List<DerivedVariable> variables) {
        line(out, "  " + section.title() + timeTag(section));
        line(out, "");
        line(out, PROGRAM_LINE);
        line(out, THRESHOLD_METHOD_LINE);
        line(out, SR_METHOD_LINE);
        line(out, "");
        for (DerivedVariable v : variables) {
            String value = MemNumbers.plain(v.value(), precision == Precision.EXACT ? -1 : 3, "0.000");
            line(out, pad(" " + v.number() + ".") + "\t" + pad(value) + "\t" + v.label());
        }
        blankLines(out, 2);
    }

    private static void extras(StringBuilder out, List<ExtraVariable> extras) {
        line(out, "  " + MemSection.EXTRA_VARIABLES.title + " " + MemSection.EXTRA_VARIABLES_HINT);
        line(out, "");
        for (ExtraVariable e : extras) {
            line(out, e.name() + " = " + e.value());
        }
        line(out, "");
    }

    private void sectionStart(StringBuilder out, SectionTime section, MemSection kind) {
        line(out, "  " + section.title() + timeTag(section));
        line(out, "");
        titles(out, kind.columnTitles);
    }

    private static void titles(StringBuilder out, List<String> titles) {
        row(out, "", titles);
    }

    private static void row(StringBuilder out, String id, List<String> values) {
        StringBuilder line = new StringBuilder(pad(id));
        for (int i = 0; i < values.size(); i++) {
            line.append('\t').append(i == values.size() - 1 ? values.get(i) : pad(values.get(i)));
        }
        line(out, line.toString());
    }

    private String str(double value) {
        return MemNumbers.vbStr(value, precision == Precision.EXACT ? 0 : 7);
    }

    private String output(double value) {
        return MemNumbers.plain(value, precision == Precision.EXACT ? -1 : 2, "0.00");
    }

    private static String timeTag(SectionTime s) {
        if (s.startMinutes().isEmpty() || s.endMinutes().isEmpty()) {
            return "";
        }
        return " (" + MemNumbers.exact(s.startMinutes().getAsDouble()) + "-"
                + MemNumbers.exact(s.endMinutes().getAsDouble()) + "m)";
    }

    private static String pad(String text) {
        return text.length() >= FIELD ? text : text + " ".repeat(FIELD - text.length());
    }

    private static void blankLines(StringBuilder out, int count) {
        for (int i = 0; i < count; i++) {
            line(out, "");
        }
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append(CRLF);
    }
}
