package dev.netsmith.data;

/**
 * A CSV file that cannot be read as a data set. The message names the source, the line (1-based, header lines
 * included, as an editor numbers them) and, when one cell is at fault, its column (1-based), e.g.
 * {@code digits.csv.gz line 17, column 65: "abc" is not a number}.
 */
public final class CsvFormatException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final long line;
    private final int column;

    /** A problem at a line (0 for the file as a whole) and column (0 for the line as a whole). */
    CsvFormatException(String source, long line, int column, String problem) {
        super(source + (line > 0 ? " line " + line : "") + (column > 0 ? ", column " + column : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file's name, or whatever name the caller gave the stream. */
    public String source() {
        return source;
    }

    /** The 1-based line at fault, or 0 when the problem is the file as a whole (e.g. it is empty). */
    public long line() {
        return line;
    }

    /** The 1-based column at fault, or 0 when the problem is a whole line. */
    public int column() {
        return column;
    }
}
