package org.excitrack.gui.review;

import java.util.Locale;

/** The files the Review step saves: three exports of the data and the printable report in three formats. */
public enum ReviewOutput {
    CSV("CSV table of the curves", ".csv", false),
    JSON("JSON with curves and variables", ".json", false),
    MEM("QTRAC MEM file", ".MEM", false),
    PDF("Report, PDF", ".pdf", true),
    PNG("Report, PNG image", ".png", true),
    SVG("Report, SVG drawing", ".svg", true);

    private final String description;
    private final String suffix;
    private final boolean report;

    ReviewOutput(String description, String suffix, boolean report) {
        this.description = description;
        this.suffix = suffix;
        this.report = report;
    }

    /** What a file chooser's filter calls it. */
    public String description() {
        return description;
    }

    /** The file-name ending, e.g. {@code .csv}. */
    public String suffix() {
        return suffix;
    }

    /** The glob a file chooser filters by, e.g. {@code *.csv}. */
    public String glob() {
        return "*" + suffix;
    }

    /** The printable report rather than a data export. */
    public boolean isReport() {
        return report;
    }

    /** The button's label. */
    public String label() {
        return name().toUpperCase(Locale.ROOT);
    }
}
