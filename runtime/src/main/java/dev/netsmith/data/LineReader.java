package dev.netsmith.data;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines of bounded length: a file without line breaks (or a hostile one with a line of gigabytes) gets a
 * {@link CsvFormatException} once a line passes the bound, instead of filling the heap as
 * {@link java.io.BufferedReader#readLine()} would. Accepts {@code \n} and {@code \r\n} line ends and drops a
 * leading byte order mark.
 */
final class LineReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final String source;
    private final int maxLength;
    private final char[] buffer = new char[8192];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private long number;

    LineReader(Reader in, String source, int maxLength) {
        this.in = in;
        this.source = source;
        this.maxLength = maxLength;
    }

    /** The next line without its line end, or {@code null} at the end of the input. */
    String next() throws IOException {
        line.setLength(0);
        boolean consumed = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!consumed) {
                    return null;
                }
                break;
            }
            consumed = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            if (line.length() + (position - start) > maxLength) {
                throw new CsvFormatException(source, number + 1, 0, "the line is longer than " + maxLength
                        + " characters (is this a text file with one example per line?)");
            }
            line.append(buffer, start, position - start);
            if (position < limit) {
                position++;
                break;
            }
        }
        number++;
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        int begin = number == 1 && end > 0 && line.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
        return line.substring(begin, end);
    }

    /** The number of the line {@link #next()} returned last, 1-based. */
    long number() {
        return number;
    }

    private boolean fill() throws IOException {
        int read;
        try {
            read = in.read(buffer, 0, buffer.length);
        } catch (IOException e) {
            throw new IOException(source + " line " + (number + 1) + ": " + e.getMessage(), e);
        }
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }
}
