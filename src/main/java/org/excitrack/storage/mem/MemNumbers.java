package org.excitrack.storage.mem;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Numbers as QtracP (Visual Basic) writes them, and back.
 *
 * <p>Reading accepts plain decimals with an optional sign, optional leading zero and optional exponent
 * ({@code " 2"}, {@code ".2"}, {@code "-.5"}, {@code "-58.3"}, {@code "1E-03"}); not Java's extras such as
 * {@code "1d"}, {@code "NaN"} or hex.
 *
 * <p>Writing has two styles seen in QtracP's files: {@link #vbStr} (VB {@code Str$}: a leading space for
 * non-negative numbers, no leading zero: {@code " .2"}, {@code " 5.310254"}, {@code "-10"}) and {@link #plain}
 * (no leading space, leading zero kept: {@code "0.63"}, {@code "-0.78"}, zero written with a fixed number of
 * decimals: {@code "0.00"}). The digits are either exact (the shortest text that reads back as the same
 * {@code double}) or rounded like QtracP (7 significant digits, or a fixed number of decimals), with trailing
 * zeros dropped.
 */
final class MemNumbers {
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private MemNumbers() {
    }

    /** Whether {@code text} (already trimmed) is a number as MEM files write them. */
    static boolean isNumber(String text) {
        return NUMBER.matcher(text).matches();
    }

    /** Parses a trimmed number; the caller has checked {@link #isNumber}. */
    static double parse(String text) {
        return Double.parseDouble(text);
    }

    /**
     * VB {@code Str$} style.
     *
     * @param significantDigits 0 for exact digits, else the number of significant digits to round to
     */
    static String vbStr(double value, int significantDigits) {
        requireFinite(value);
        String digits = significantDigits == 0 ? exact(value) : significant(value, significantDigits);
        if (digits.startsWith("0.")) {
            digits = digits.substring(1);
        } else if (digits.startsWith("-0.")) {
            digits = "-" + digits.substring(2);
        }
        return digits.startsWith("-") ? digits : " " + digits;
    }

    /**
     * Plain style: no leading space, leading zero kept, zero written as {@code zeroText}.
     *
     * @param decimals -1 for exact digits, else the number of decimals to round to
     * @param zeroText how a zero is written, e.g. "0.00", "0.000" or "0"
     */
    static String plain(double value, int decimals, String zeroText) {
        requireFinite(value);
        if (value == 0) {
            return isNegativeZero(value) && decimals < 0 ? "-" + zeroText : zeroText;
        }
        if (decimals < 0) {
            return exact(value);
        }
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
        return rounded.signum() == 0 ? zeroText : rounded.stripTrailingZeros().toPlainString();
    }

    /** The shortest plain decimal text that reads back as exactly {@code value}. */
    static String exact(double value) {
        requireFinite(value);
        if (isNegativeZero(value)) {
            return "-0";
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String significant(double value, int digits) {
        if (isNegativeZero(value)) {
            return "-0";
        }
        BigDecimal rounded = BigDecimal.valueOf(value).round(new MathContext(digits, RoundingMode.HALF_EVEN));
        return rounded.signum() == 0 ? "0" : rounded.stripTrailingZeros().toPlainString();
    }

    private static boolean isNegativeZero(double value) {
        return Double.doubleToRawLongBits(value) == Double.doubleToRawLongBits(-0.0);
    }

    private static void requireFinite(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a MEM file cannot hold the value " + value);
        }
    }
}
