package dev.netsmith.data;

import java.util.Arrays;

/**
 * Rows appended one at a time and stored column by column, so that a file of one example per line arrives in
 * the course's layout without a separate transposed copy. Capacity grows geometrically but never past
 * {@code maxRows}, so a reader's value limit also bounds what is allocated.
 */
final class ColumnBuffer {

    /** Values allocated before the first growth: a file of one very wide line does not claim its whole limit. */
    private static final int INITIAL_VALUES = 1 << 16;

    private final int maxRows;
    private double[][] columns;
    private int rows;

    ColumnBuffer(int width, int maxRows) {
        this.maxRows = maxRows;
        this.columns = new double[width][Math.min(Math.max(1, INITIAL_VALUES / width), maxRows)];
    }

    boolean isFull() {
        return rows == maxRows;
    }

    int rows() {
        return rows;
    }

    /** Appends one row of {@code width} values; the caller checks {@link #isFull()} first. */
    void append(double[] row) {
        if (rows == columns[0].length) {
            int capacity = (int) Math.min(2L * rows, maxRows);
            for (int i = 0; i < columns.length; i++) {
                columns[i] = Arrays.copyOf(columns[i], capacity);
            }
        }
        for (int i = 0; i < columns.length; i++) {
            columns[i][rows] = row[i];
        }
        rows++;
    }

    /** The columns cut to the rows appended, one at a time so that the peak is one extra column; ends the buffer. */
    double[][] columns() {
        for (int i = 0; i < columns.length; i++) {
            if (columns[i].length != rows) {
                columns[i] = Arrays.copyOf(columns[i], rows);
            }
        }
        return columns;
    }
}
