package org.excitrack.codec.magventure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The discrete values a MagPro setting accepts, in its wire unit (e.g. tenths of a millisecond), built from
 * runs of equal steps. Values off the grid are refused, never rounded: a stimulus must be what was asked for.
 * The stimulator reports some settings as a position in the grid counted from the largest value, so the grid
 * also converts between values and those positions.
 */
public final class ValueGrid {
    private final int[] ascending;
    private final String description;

    private ValueGrid(int[] ascending, String description) {
        this.ascending = ascending;
        this.description = description;
    }

    /**
     * @param runs triples {@code from, to, step} in wire units, in ascending order
     * @param description the grid in the operator's units, for messages
     */
    static ValueGrid of(String description, int... runs) {
        if (runs.length % 3 != 0) {
            throw new IllegalArgumentException("grid runs come in triples from, to, step");
        }
        List<Integer> values = new ArrayList<>();
        for (int r = 0; r < runs.length; r += 3) {
            for (int v = runs[r]; v <= runs[r + 1]; v += runs[r + 2]) {
                if (values.isEmpty() || v > values.get(values.size() - 1)) {
                    values.add(v);
                }
            }
        }
        return new ValueGrid(values.stream().mapToInt(Integer::intValue).toArray(), description);
    }

    public boolean contains(int value) {
        return Arrays.binarySearch(ascending, value) >= 0;
    }

    public int min() {
        return ascending[0];
    }

    public int max() {
        return ascending[ascending.length - 1];
    }

    public int size() {
        return ascending.length;
    }

    /** Position counted from the largest value (0 = largest), as the stimulator reports it. */
    public int indexFromTop(int value) {
        int i = Arrays.binarySearch(ascending, value);
        if (i < 0) {
            throw new IllegalArgumentException(value + " is not on the grid " + description);
        }
        return ascending.length - 1 - i;
    }

    /** The value at a position counted from the largest, or empty when the position is past the grid. */
    public OptionalInt valueAtIndexFromTop(int index) {
        if (index < 0 || index >= ascending.length) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(ascending[ascending.length - 1 - index]);
    }

    /** The grid in words, e.g. "1.0–9.9 ms in 0.1 ms steps, …". */
    public String description() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }
}
