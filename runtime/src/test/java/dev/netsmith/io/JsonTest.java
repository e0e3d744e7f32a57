package dev.netsmith.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonTest {

    @Test
    void writesWhatPythonsJsonModuleReadsAndReadsItBack() throws NpzFormatException {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("text", "tab\tquote\" backslash\\ bell\u0007 é ☕");
        map.put("step", 9007199254740993L);
        map.put("scalars", Map.of("nan", Double.NaN));
        map.put("limits", List.of(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300, -0.0));
        map.put("flags", List.of(true, false));
        map.put("none", null);
        String json = Json.write(map);
        assertEquals("{\"text\": \"tab\\tquote\\\" backslash\\\\ bell\\u0007 é ☕\", \"step\": 9007199254740993, "
                + "\"scalars\": {\"nan\": NaN}, \"limits\": [Infinity, -Infinity, 1.0E-300, -0.0], "
                + "\"flags\": [true, false], \"none\": null}", json);

        Json.Fields fields = Json.parseObject(json, "test");
        assertEquals(map.get("text"), fields.string("text"));
        assertEquals(9007199254740993L, fields.integer("step"));
        assertEquals(Double.NaN, fields.numbers("scalars").get("nan"));
        assertNull(fields.objectOrNull("none"));
    }

    @Test
    void readsEscapesAndSurrogatePairs() throws NpzFormatException {
        Json.Fields fields = Json.parseObject("{\"s\": \"\\u00e9\\ud83d\\ude00\\/\\b\\f\\n\\r\"}", "test");
        assertEquals("é\uD83D\uDE00/\b\f\n\r", fields.string("s"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\": 1, \"a\": 2}|member \"a\" appears twice",
            "{\"a\": \"open|unterminated string",
            "{\"a\": 1} x|unexpected text after the document",
            "{\"a\": 01}|expected a value at character 6",
            "{\"a\": -}|expected a value",
            "{\"a\": \"\\x\"}|unknown escape \\x",
            "{\"a\": \"\\u12\"}|bad \\u escape",
            "{\"a\": tru}|expected a value",
            "{\"a\" 1}|expected ':'",
            "[1, 2]|expected a JSON object"})
    void rejectsMalformedDocuments(String text, String problem) {
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> Json.parseObject(text, "meta"));
        assertTrue(e.getMessage().startsWith("meta: ") && e.getMessage().contains(problem), e.getMessage());
    }
}
