package dev.netsmith.io;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A parsed {@code .npy} header: the Python dict literal {@code {'descr': '<f8', 'fortran_order': False,
 * 'shape': (20, 7), }}. The parser accepts exactly that grammar (the three keys, string, boolean and tuple
 * values) rather than evaluating Python, and rejects any shape that could not be held in one Java array
 * before a byte of data is read.
 *
 * @param type          the element type
 * @param order         the byte order of the elements
 * @param fortranOrder  whether the data is stored column-major
 * @param shape         the dimensions
 * @param preambleBytes bytes from the magic string to the end of the header: the data starts there
 */
record NpyHeader(NpyType type, ByteOrder order, boolean fortranOrder, int[] shape, int preambleBytes) {

    /** numpy's limit on the number of dimensions (NPY_MAXDIMS). */
    private static final int MAX_DIMENSIONS = 64;

    /** numpy reserves room for the growth axis to reach this many digits, so that a header can be rewritten in place. */
    private static final int GROWTH_AXIS_MAX_DIGITS = 21;

    /** Number of elements the shape claims. */
    long elements() {
        return Npy.elements(shape);
    }

    /** Number of data bytes the shape and type claim. */
    long dataBytes() {
        return elements() * type.size;
    }

    /** numpy's name of the dtype, e.g. {@code <f8}. */
    String descr() {
        return (order == ByteOrder.LITTLE_ENDIAN ? "<" : ">") + type.kind + type.size;
    }

    /**
     * The header text numpy writes for a little-endian float64 C-order array, space reserved for growth
     * included (as numpy's {@code _write_array_header} does), before the alignment padding.
     */
    static String dictionary(int[] shape) {
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + Npy.describe(shape) + ", }";
        return shape.length == 0 ? dict : dict + " ".repeat(GROWTH_AXIS_MAX_DIGITS - String.valueOf(shape[0]).length());
    }

    /** Parses header text that occupied the first {@code preambleBytes} bytes of the entry called {@code where}. */
    static NpyHeader parse(String text, int preambleBytes, String where) throws NpzFormatException {
        return new Parser(text, where).header(preambleBytes);
    }

    /** A cursor over the dict literal; each method consumes one construct or throws naming what it expected. */
    private static final class Parser {
        private final String text;
        private final String where;
        private int pos;

        Parser(String text, String where) {
            this.text = text;
            this.where = where;
        }

        NpyHeader header(int preambleBytes) throws NpzFormatException {
            String descr = null;
            Boolean fortran = null;
            int[] shape = null;
            Set<String> seen = new HashSet<>();
            expect('{');
            while (peek() != '}') {
                String key = string("a key");
                if (!seen.add(key)) {
                    throw error("key '" + key + "' appears twice");
                }
                expect(':');
                switch (key) {
                    case "descr" -> descr = string("the dtype");
                    case "fortran_order" -> fortran = bool();
                    case "shape" -> shape = shape();
                    default -> throw error("unexpected key '" + key + "': a header holds descr, fortran_order and shape");
                }
                if (peek() == ',') {
                    pos++;
                } else if (peek() != '}') {
                    throw error("expected ',' or '}'");
                }
            }
            pos++;
            if (!text.substring(pos).isBlank()) {
                throw error("unexpected text after the dictionary");
            }
            if (descr == null || fortran == null || shape == null) {
                throw new NpzFormatException(where, "the header lacks " + (descr == null ? "descr" : fortran == null ? "fortran_order" : "shape")
                        + ": " + excerpt());
            }
            return new NpyHeader(type(descr), descr.charAt(0) == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN,
                    fortran, shape, preambleBytes);
        }

        private NpyType type(String descr) throws NpzFormatException {
            NpyType type = null;
            if (descr.length() == 3 && (descr.charAt(0) == '<' || descr.charAt(0) == '>') && Character.isDigit(descr.charAt(2))) {
                type = NpyType.of(descr.charAt(1), descr.charAt(2) - '0');
            }
            if (type == null) {
                throw new NpzFormatException(where, "unsupported dtype '" + descr
                        + "': Netsmith reads float64, float32, int64 and int32 in either byte order (<f8, >f8, <f4, <i8, <i4, …)");
            }
            return type;
        }

        private int[] shape() throws NpzFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            boolean comma = false;
            while (peek() != ')') {
                if (dims.size() == MAX_DIMENSIONS) {
                    throw error("more than " + MAX_DIMENSIONS + " dimensions");
                }
                dims.add(dimension());
                comma = peek() == ',';
                if (comma) {
                    pos++;
                } else if (peek() != ')') {
                    throw error("expected ',' or ')' in the shape");
                }
            }
            pos++;
            if (dims.size() == 1 && !comma) {
                throw error("the shape (n) is a number, not a tuple; numpy writes (n,)");
            }
            int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
            long elements = Npy.elements(shape);
            if (elements > Npy.MAX_ELEMENTS) {
                throw new NpzFormatException(where, "shape " + Npy.describe(shape) + " claims "
                        + (elements == Long.MAX_VALUE ? "more than 2^63" : String.valueOf(elements))
                        + " elements; Netsmith reads arrays of at most " + Npy.MAX_ELEMENTS);
            }
            return shape;
        }

        private int dimension() throws NpzFormatException {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && ",) \t\n".indexOf(text.charAt(pos)) < 0) {
                pos++;
            }
            String token = text.substring(start, pos);
            if (token.isEmpty() || !token.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new NpzFormatException(where, (token.startsWith("-") ? "negative dimension " + token
                        : "dimension '" + token + "' is not a non-negative integer") + ": " + excerpt());
            }
            if (token.length() > 10 || Long.parseLong(token) > Npy.MAX_ELEMENTS) {
                throw new NpzFormatException(where, "dimension " + token + " is larger than any array Netsmith reads (at most "
                        + Npy.MAX_ELEMENTS + " elements)");
            }
            return Integer.parseInt(token);
        }

        private String string(String what) throws NpzFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw error("expected " + what + " as a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated string");
            }
            String value = text.substring(pos + 1, end);
            if (value.indexOf('\\') >= 0) {
                throw error("escape sequences are not part of a .npy header");
            }
            pos = end + 1;
            return value;
        }

        private boolean bool() throws NpzFormatException {
            skipSpaces();
            for (String literal : new String[] {"True", "False"}) {
                if (text.startsWith(literal, pos)) {
                    pos += literal.length();
                    return literal.equals("True");
                }
            }
            throw error("fortran_order must be True or False");
        }

        private void expect(char c) throws NpzFormatException {
            if (peek() != c) {
                throw error("expected '" + c + "'");
            }
            pos++;
        }

        /** The next character after any spaces, or 0 at the end. */
        private char peek() {
            skipSpaces();
            return pos < text.length() ? text.charAt(pos) : 0;
        }

        private void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private NpzFormatException error(String problem) {
            return new NpzFormatException(where, "malformed header (" + problem + " at character " + pos + "): " + excerpt());
        }

        private String excerpt() {
            String trimmed = text.strip();
            return trimmed.length() <= 120 ? trimmed : trimmed.substring(0, 120) + "…";
        }
    }
}
