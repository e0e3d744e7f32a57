package dev.netsmith.data;

import java.util.Locale;
import java.util.Set;

/**
 * The numbers a data file may hold: plain decimal notation such as {@code -1.5e-3}. {@link Double#parseDouble}
 * alone would also take {@code 0x1p3}, {@code 2d}, {@code NaN} and {@code Infinity}, none of which belongs in a
 * data set; this says which text to refuse, and whether it is a non-finite value (worth its own message).
 */
final class NumberSyntax {

    private static final Set<String> NON_FINITE = Set.of("nan", "inf", "infinity");

    private NumberSyntax() {
    }

    /** Whether {@code text} is an optional sign, digits with an optional point, and an optional exponent. */
    static boolean isDecimal(String text) {
        int n = text.length();
        int i = skipSign(text, 0);
        int digits = 0;
        for (; i < n && isDigit(text.charAt(i)); i++) {
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            for (i++; i < n && isDigit(text.charAt(i)); i++) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            int exponent = skipSign(text, i + 1);
            i = exponent;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i == exponent) {
                return false;
            }
        }
        return i == n;
    }

    /** Whether {@code text} spells NaN or an infinity, as Java, Python or R write them. */
    static boolean isNonFinite(String text) {
        return NON_FINITE.contains(text.substring(skipSign(text, 0)).toLowerCase(Locale.ROOT));
    }

    /** Whether {@code text} is a non-empty run of ASCII digits. */
    static boolean isDigits(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> isDigit((char) c));
    }

    private static int skipSign(String text, int i) {
        return i < text.length() && (text.charAt(i) == '-' || text.charAt(i) == '+') ? i + 1 : i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
