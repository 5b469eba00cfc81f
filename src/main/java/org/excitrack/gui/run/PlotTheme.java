package org.excitrack.gui.run;

import java.util.List;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;

/**
 * The plots' colours and fonts. A Canvas cannot read the stylesheet's looked-up colours, so the values of
 * excitrack.css are repeated here once, by name; keep the two in step.
 */
final class PlotTheme {
    static final Color INK = Color.web("#1f2a33");
    static final Color MUTED = Color.web("#5b6b78");
    static final Color GRID = Color.web("#e6ebef");
    static final Color AXIS = Color.web("#d7dee4");
    static final Color ACCENT = Color.web("#2b6f8e");
    static final Color WINDOW = Color.web("#dcebf2", 0.75);
    static final Color PANEL = Color.WHITE;
    /** Channel colours: distinct for the common colour-vision deficiencies (Okabe–Ito, darkened for white). */
    static final List<Color> SERIES = List.of(Color.web("#2b6f8e"), Color.web("#d55e00"), Color.web("#009e73"),
            Color.web("#a0558b"), Color.web("#b8860b"), Color.web("#0072b2"), Color.web("#6b6b6b"),
            Color.web("#8c564b"));
    static final Font LABEL = Font.font("DejaVu Sans", 11);
    static final Font TITLE = Font.font("DejaVu Sans", 12);

    private PlotTheme() {
    }

    static Color series(int index) {
        return SERIES.get(index % SERIES.size());
    }
}
