package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "16", "-1.5e-3", "+3", ".5", "5.", "1E10", "2.5e+07", "007"})
    void acceptsPlainDecimals(String text) {
        assertTrue(NumberSyntax.isDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".", "+.", "e5", "1e", "1e+", "1.2.3", "0x1p3", "2d", "1f", "1,5", " 1", "NaN", "--1", "1e5.0"})
    void refusesAnythingElse(String text) {
        assertFalse(NumberSyntax.isDecimal(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "nan", "-inf", "+Infinity", "INF"})
    void recognisesNonFiniteSpellings(String text) {
        assertTrue(NumberSyntax.isNonFinite(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "abc", "infinite", "1e999"})
    void otherTextIsNotANonFiniteSpelling(String text) {
        assertFalse(NumberSyntax.isNonFinite(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-1", "1.0", "٣", "12a"})
    void countsAreAsciiDigitsOnly(String text) {
        assertFalse(NumberSyntax.isDigits(text));
    }

    @Test
    void aCountIsDigits() {
        assertTrue(NumberSyntax.isDigits("150"));
        assertTrue(NumberSyntax.isDigits("0"));
    }
}
