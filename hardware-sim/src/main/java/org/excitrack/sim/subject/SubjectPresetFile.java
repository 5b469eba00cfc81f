package org.excitrack.sim.subject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a subject preset: UTF-8 lines of {@code key = value}, {@code #} comments, and an optional
 * {@code extends = NAME} first, whose lines come before this file's so that the file changes what it inherits.
 * NAME is a built-in preset ({@code hardware-sim/subjects/NAME.subject}, packaged in the jar) or a path
 * relative to the file that names it. Built-in names are lower-case words joined by hyphens.
 */
public final class SubjectPresetFile {
    static final String BUILT_IN_FOLDER = "/org/excitrack/sim/subjects/";
    static final String SUFFIX = ".subject";
    private static final Pattern BUILT_IN_NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private static final Pattern LINE = Pattern.compile("\\s*([A-Za-z][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*");
    private static final int MAX_DEPTH = 8;
    /** The built-in presets, in the order help lists them. */
    public static final List<String> BUILT_IN = List.of("healthy", "healthy-young", "healthy-older", "als-early",
            "als-late", "als-mexiletine", "noisy", "cold-limb");

    private SubjectPresetFile() {
    }

    /** The lines of a preset given by built-in name or file path, with everything it extends first. */
    public static List<PresetLine> read(String nameOrPath) {
        return read(nameOrPath, null, 0);
    }

    private static List<PresetLine> read(String nameOrPath, Path relativeTo, int depth) {
        if (depth > MAX_DEPTH) {
            throw new PresetException("subject preset " + nameOrPath + ": 'extends' goes deeper than " + MAX_DEPTH
                    + " presets; is there a cycle?");
        }
        String source;
        String text;
        Path path = null;
        if (BUILT_IN_NAME.matcher(nameOrPath).matches()) {
            source = nameOrPath;
            text = builtIn(nameOrPath);
        } else {
            path = relativeTo == null ? Path.of(nameOrPath) : relativeTo.resolveSibling(nameOrPath);
            source = path.toString();
            try {
                text = Files.readString(path, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new PresetException("cannot read subject preset " + path + ": " + e.getMessage()
                        + "; built-in presets are: " + String.join(", ", BUILT_IN));
            }
        }
        return parse(source, text, path, depth);
    }

    static List<PresetLine> parse(String source, String text, Path path, int depth) {
        List<PresetLine> own = new ArrayList<>();
        List<PresetLine> inherited = new ArrayList<>();
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String raw = lines[i];
            int hash = raw.indexOf('#');
            String content = hash >= 0 ? raw.substring(0, hash) : raw;
            if (content.isBlank()) {
                continue;
            }
            Matcher m = LINE.matcher(content);
            if (!m.matches()) {
                int column = content.length() - content.stripLeading().length() + 1;
                throw new PresetException(source, i + 1, column,
                        "expected 'key = value' (e.g. 'population.threshold_mA = 4.2'), found '" + content.strip() + "'");
            }
            String key = m.group(1);
            String value = m.group(2);
            int valueColumn = m.start(2) + 1;
            if (value.isEmpty()) {
                throw new PresetException(source, i + 1, valueColumn, key + " has no value");
            }
            if (key.equals("extends")) {
                if (!own.isEmpty() || !inherited.isEmpty()) {
                    throw new PresetException(source, i + 1, 1, "'extends' must come before any other setting");
                }
                inherited.addAll(read(value, path, depth + 1));
                continue;
            }
            own.add(new PresetLine(source, i + 1, valueColumn, key, value));
        }
        List<PresetLine> all = new ArrayList<>(inherited);
        all.addAll(own);
        return all;
    }

    private static String builtIn(String name) {
        try (InputStream in = SubjectPresetFile.class.getResourceAsStream(BUILT_IN_FOLDER + name + SUFFIX)) {
            if (in == null) {
                throw new PresetException("unknown subject preset '" + name + "'; built-in presets are: "
                        + String.join(", ", BUILT_IN) + " (or give the path of a .subject file)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PresetException("cannot read built-in subject preset " + name + ": " + e.getMessage());
        }
    }

}
