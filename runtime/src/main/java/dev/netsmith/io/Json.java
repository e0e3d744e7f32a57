package dev.netsmith.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The JSON that checkpoint metadata and gradient-check reports need, written and read without a dependency.
 * Non-finite numbers are written as Python's {@code json} module writes and reads them ({@code NaN},
 * {@code Infinity}). The parser treats its input as untrusted: it bounds nesting and rejects duplicate keys.
 */
public final class Json {

    private static final int MAX_DEPTH = 16;
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private Json() {
    }

    /** JSON for maps with string keys (in their iteration order), lists, strings, booleans, integers, doubles and null. */
    public static String write(Object value) {
        StringBuilder s = new StringBuilder();
        append(s, value);
        return s.toString();
    }

    private static void append(StringBuilder s, Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            s.append(value);
        } else if (value instanceof Double d) {
            s.append(d.isNaN() ? "NaN" : d.isInfinite() ? (d > 0 ? "Infinity" : "-Infinity") : d.toString());
        } else if (value instanceof String text) {
            quote(s, text);
        } else if (value instanceof Map<?, ?> map) {
            s.append('{');
            String separator = "";
            for (Map.Entry<?, ?> e : map.entrySet()) {
                s.append(separator);
                quote(s, (String) e.getKey());
                s.append(": ");
                append(s, e.getValue());
                separator = ", ";
            }
            s.append('}');
        } else if (value instanceof List<?> list) {
            s.append('[');
            for (int i = 0; i < list.size(); i++) {
                s.append(i == 0 ? "" : ", ");
                append(s, list.get(i));
            }
            s.append(']');
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    private static void quote(StringBuilder s, String text) {
        s.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    /**
     * Parses a document into maps (keys in document order), lists, strings, booleans, longs, doubles and null;
     * malformed text is an IllegalArgumentException saying where.
     */
    public static Object parse(String text) {
        try {
            Parser parser = new Parser(text, "JSON");
            Object value = parser.value(0);
            parser.skipSpaces();
            if (parser.pos < text.length()) {
                throw parser.error("unexpected text after the document");
            }
            return value;
        } catch (NpzFormatException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** Parses a document whose top level is an object; {@code where} names it in messages. */
    static Fields parseObject(String text, String where) throws NpzFormatException {
        Parser parser = new Parser(text, where);
        Object value = parser.value(0);
        parser.skipSpaces();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected text after the document");
        }
        if (!(value instanceof Map<?, ?>)) {
            throw new NpzFormatException(where, "expected a JSON object");
        }
        return new Fields(asObject(value), where);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value) {
        return (Map<String, Object>) value;
    }

    /** A parsed object's members, read by type; a missing member or a wrong type is a format error naming the key. */
    static final class Fields {
        private final Map<String, Object> members;
        private final String where;

        private Fields(Map<String, Object> members, String where) {
            this.members = members;
            this.where = where;
        }

        String string(String key) throws NpzFormatException {
            return get(key, String.class, "a string");
        }

        boolean bool(String key) throws NpzFormatException {
            return get(key, Boolean.class, "true or false");
        }

        long integer(String key) throws NpzFormatException {
            return get(key, Long.class, "an integer");
        }

        /** A member that is an object, or {@code null} when it is JSON null. */
        Fields objectOrNull(String key) throws NpzFormatException {
            if (members.containsKey(key) && members.get(key) == null) {
                return null;
            }
            return new Fields(asObject(get(key, Map.class, "an object")), where + ", " + key);
        }

        List<String> strings(String key) throws NpzFormatException {
            List<String> out = new ArrayList<>();
            for (Object item : get(key, List.class, "a list of strings")) {
                if (!(item instanceof String text)) {
                    throw new NpzFormatException(where, "\"" + key + "\" must be a list of strings, it holds " + item);
                }
                out.add(text);
            }
            return out;
        }

        Map<String, Double> numbers(String key) throws NpzFormatException {
            Map<String, Double> out = new LinkedHashMap<>();
            for (Map.Entry<String, Object> e : asObject(get(key, Map.class, "an object of numbers")).entrySet()) {
                if (!(e.getValue() instanceof Number n)) {
                    throw new NpzFormatException(where, "\"" + key + "\"." + e.getKey() + " must be a number, was " + e.getValue());
                }
                out.put(e.getKey(), n.doubleValue());
            }
            return out;
        }

        private <T> T get(String key, Class<T> type, String what) throws NpzFormatException {
            Object value = members.get(key);
            if (!type.isInstance(value)) {
                throw new NpzFormatException(where, value == null ? "missing \"" + key + "\""
                        : "\"" + key + "\" must be " + what + ", was " + kind(value));
            }
            return type.cast(value);
        }

        private static String kind(Object value) {
            return value instanceof Map ? "an object" : value instanceof List ? "a list" : value instanceof String ? "a string"
                    : value instanceof Boolean ? "a boolean" : "the number " + value;
        }
    }

    /** Recursive descent over the text; values are maps, lists, strings, Long, Double, Boolean or null. */
    private static final class Parser {
        private final String text;
        private final String where;
        private int pos;

        Parser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        Object value(int depth) throws NpzFormatException {
            if (depth > MAX_DEPTH) {
                throw error("nested deeper than " + MAX_DEPTH + " levels");
            }
            skipSpaces();
            char c = pos < text.length() ? text.charAt(pos) : 0;
            return switch (c) {
                case '{' -> object(depth);
                case '[' -> array(depth);
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                case 'N' -> literal("NaN", Double.NaN);
                case 'I' -> literal("Infinity", Double.POSITIVE_INFINITY);
                default -> number();
            };
        }

        private Map<String, Object> object(int depth) throws NpzFormatException {
            Map<String, Object> members = new LinkedHashMap<>();
            pos++;
            skipSpaces();
            if (next() == '}') {
                pos++;
                return members;
            }
            do {
                skipSpaces();
                if (next() != '"') {
                    throw error("expected a member name");
                }
                String key = string();
                skipSpaces();
                expect(':');
                if (members.containsKey(key)) {
                    throw error("member \"" + key + "\" appears twice");
                }
                members.put(key, value(depth + 1));
                skipSpaces();
            } while (consume(','));
            expect('}');
            return members;
        }

        private List<Object> array(int depth) throws NpzFormatException {
            List<Object> items = new ArrayList<>();
            pos++;
            skipSpaces();
            if (next() == ']') {
                pos++;
                return items;
            }
            do {
                items.add(value(depth + 1));
                skipSpaces();
            } while (consume(','));
            expect(']');
            return items;
        }

        private String string() throws NpzFormatException {
            StringBuilder s = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(pos++);
                if (c == '"') {
                    return s.toString();
                } else if (c < 0x20) {
                    throw error("control character in a string");
                } else if (c != '\\') {
                    s.append(c);
                } else if (pos >= text.length()) {
                    throw error("unterminated string");
                } else {
                    char e = text.charAt(pos++);
                    switch (e) {
                        case '"', '\\', '/' -> s.append(e);
                        case 'b' -> s.append('\b');
                        case 'f' -> s.append('\f');
                        case 'n' -> s.append('\n');
                        case 'r' -> s.append('\r');
                        case 't' -> s.append('\t');
                        case 'u' -> s.append(unicodeEscape());
                        default -> throw error("unknown escape \\" + e);
                    }
                }
            }
        }

        private char unicodeEscape() throws NpzFormatException {
            if (pos + 4 > text.length()) {
                throw error("truncated \\u escape");
            }
            try {
                char c = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
                pos += 4;
                return c;
            } catch (NumberFormatException e) {
                throw error("bad \\u escape");
            }
        }

        private Object number() throws NpzFormatException {
            int start = pos;
            if (text.startsWith("-Infinity", pos)) {
                pos += "-Infinity".length();
                return Double.NEGATIVE_INFINITY;
            }
            while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            if (!NUMBER.matcher(token).matches()) {
                pos = start;
                throw error("expected a value");
            }
            if (token.indexOf('.') < 0 && token.indexOf('e') < 0 && token.indexOf('E') < 0) {
                try {
                    return Long.parseLong(token);
                } catch (NumberFormatException e) {
                    // beyond a long: read it as the double it is closest to
                }
            }
            return Double.parseDouble(token);
        }

        private Object literal(String word, Object value) throws NpzFormatException {
            if (!text.startsWith(word, pos)) {
                throw error("expected a value");
            }
            pos += word.length();
            return value;
        }

        private boolean consume(char c) {
            if (next() == c) {
                pos++;
                return true;
            }
            return false;
        }

        private void expect(char c) throws NpzFormatException {
            if (!consume(c)) {
                throw error("expected '" + c + "'");
            }
        }

        private char next() {
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        void skipSpaces() {
            while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
                pos++;
            }
        }

        NpzFormatException error(String problem) {
            return new NpzFormatException(where, "malformed JSON: " + problem + " at character " + pos);
        }
    }
}
