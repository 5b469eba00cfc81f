package org.excitrack.storage.export;

import java.io.IOException;
import java.io.Writer;
import org.excitrack.model.excitability.ExcitabilityRecording;

/**
 * Writes a recording's curves as tidy CSV: a header row {@code file,section,curve,x,x_unit,y,y_unit}, then one row
 * per {@link CurvePoint} (see there for the sections, curves and units). LF line ends, UTF-8 by the caller's
 * writer, numbers in the shortest form that reads back as the same double, fields quoted only when they must be.
 */
public final class CsvCurveWriter {
    public static final String HEADER = "file,section,curve,x,x_unit,y,y_unit";

    /**
     * @param fileName the value of the {@code file} column (the source's file name)
     */
    public void write(String fileName, ExcitabilityRecording recording, Writer out) throws IOException {
        out.write(HEADER + "\n");
        String file = field(fileName);
        for (CurvePoint p : CurvePoint.of(recording)) {
            out.write(file + "," + p.section() + "," + field(p.curve()) + "," + CurvePoint.plain(p.x()) + ","
                    + field(p.xUnit()) + "," + CurvePoint.plain(p.y()) + "," + field(p.yUnit()) + "\n");
        }
    }

    static String field(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
