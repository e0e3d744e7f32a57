package dev.netsmith.runtime;

import dev.netsmith.Loss;

/**
 * Examples in the course's layout, checked once: X is n0 × m (one row per feature, one column per example),
 * Y is n_L × m with labels valid for the loss. Every check happens when the batch is made, so the networks'
 * hot paths only compare sizes. A batch keeps references to the arrays it was given: do not change them
 * afterwards.
 *
 * <p>Thread safety: a batch made by {@link #of} or {@link #inputs} is never changed by Netsmith and may be read by
 * several threads at once. A {@link #buffer} is refilled by {@link #gather}, so it belongs to one thread.
 */
public final class Batch {

    private final double[][] x;
    private final double[][] y;
    private final Loss loss;
    private final boolean buffer;
    private int m;
    private int fills;

    private Batch(double[][] x, double[][] y, Loss loss, int m, boolean buffer) {
        this.x = x;
        this.y = y;
        this.loss = loss;
        this.m = m;
        this.buffer = buffer;
    }

    /** Inputs and labels for a network of this architecture; throws naming the first problem found. */
    public static Batch of(Architecture architecture, double[][] x, double[][] y) {
        int m = checkInputs(architecture, x);
        checkLabels(architecture, y, m);
        return new Batch(x, y, architecture.loss(), m, false);
    }

    /** Inputs only (for prediction); costs and gradients need {@link #of}. */
    public static Batch inputs(Architecture architecture, double[][] x) {
        return new Batch(x, null, architecture.loss(), checkInputs(architecture, x), false);
    }

    /**
     * An empty buffer of {@code capacity} examples, to be filled by {@link #gather}; a trainer reuses one for
     * every mini-batch.
     */
    public static Batch buffer(Architecture architecture, int capacity) {
        if (capacity <= 0) {
            throw new IllegalArgumentException("a batch buffer needs room for at least one example, was " + capacity);
        }
        return new Batch(new double[architecture.inputs()][capacity], new double[architecture.outputs()][capacity],
                architecture.loss(), 0, true);
    }

    /**
     * Fills this buffer with the examples {@code columns[from..to)} of a checked batch. Only a {@link #buffer}
     * can be filled: a batch made by {@link #of} holds the caller's arrays.
     */
    public void gather(Batch source, int[] columns, int from, int to) {
        if (!buffer) {
            throw new IllegalArgumentException("only a buffer made by Batch.buffer can be filled; this batch holds the arrays it was made from");
        }
        if (source == this) {
            throw new IllegalArgumentException("a buffer cannot gather from itself");
        }
        if (source.y == null) {
            throw new IllegalArgumentException("the source batch has no labels");
        }
        if (source.x.length != x.length || source.y.length != y.length || source.loss != loss) {
            throw new IllegalArgumentException("the source batch is for another network");
        }
        if (from < 0 || to > columns.length) {
            throw new IllegalArgumentException("columns " + from + ".." + to + " outside an array of " + columns.length + " columns");
        }
        int count = to - from;
        if (count <= 0 || count > capacity()) {
            throw new IllegalArgumentException("can gather 1.." + capacity() + " examples, asked for " + count);
        }
        for (int j = 0; j < count; j++) {
            int c = columns[from + j];
            if (c < 0 || c >= source.m) {
                throw new IndexOutOfBoundsException("example " + c + " of a batch of " + source.m);
            }
        }
        copyColumns(source.x, x, columns, from, count);
        copyColumns(source.y, y, columns, from, count);
        m = count;
        fills++;
    }

    private static void copyColumns(double[][] from, double[][] to, int[] columns, int start, int count) {
        for (int i = 0; i < from.length; i++) {
            double[] src = from[i];
            double[] dst = to[i];
            for (int j = 0; j < count; j++) {
                dst[j] = src[columns[start + j]];
            }
        }
    }

    /** X, n0 rows of at least m entries. */
    public double[][] x() {
        return x;
    }

    /** Y, n_L rows of at least m entries, or {@code null} for an inputs-only batch. */
    public double[][] y() {
        return y;
    }

    /** Whether this batch carries labels. */
    public boolean hasLabels() {
        return y != null;
    }

    /** m, the number of examples. */
    public int m() {
        return m;
    }

    /** Whether this batch has labels and was checked for a network of this architecture (sizes and loss). */
    public boolean fits(Architecture architecture) {
        return y != null && x.length == architecture.inputs() && y.length == architecture.outputs()
                && loss == architecture.loss();
    }

    /** How many times {@link #gather} has refilled this batch: a forward pass is valid only for the filling it saw. */
    int fills() {
        return fills;
    }

    /** The loss whose label rules the labels were checked against. */
    Loss loss() {
        return loss;
    }

    /** The most examples this batch can hold. */
    public int capacity() {
        return x[0].length;
    }

    private static int checkInputs(Architecture architecture, double[][] x) {
        int n0 = architecture.inputs();
        if (x == null) {
            throw new IllegalArgumentException("X is null; expected " + n0 + " × m (one row per input feature)");
        }
        String shape = "X must be " + n0 + " × m (one row per input feature, one column per example)";
        if (x.length != n0) {
            throw new IllegalArgumentException(shape + "; it has "
                    + x.length + " rows" + (x.length > 0 && x[0] != null && x[0].length == n0
                    ? " (is it one row per example? transpose it)" : ""));
        }
        int m = checkRows(shape, x);
        for (int i = 0; i < n0; i++) {
            double[] row = x[i];
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(row[j])) {
                    throw new IllegalArgumentException("X[" + i + "][" + j + "] is " + row[j] + ": inputs must be finite");
                }
            }
        }
        return m;
    }

    /** The common row length, at least 1; {@code shape} says what was expected ("X must be 3 × m (…)"). */
    private static int checkRows(String shape, double[][] rows) {
        if (rows[0] == null) {
            throw new IllegalArgumentException(shape + "; row 0 is null");
        }
        int m = rows[0].length;
        if (m == 0) {
            throw new IllegalArgumentException(shape + "; it has no columns, and a batch needs at least one example (m = 0)");
        }
        for (int i = 1; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != m) {
                throw new IllegalArgumentException(shape + "; row " + i + (rows[i] == null ? " is null" : " has " + rows[i].length + " entries")
                        + ", row 0 has " + m + ": every row must have one entry per example");
            }
        }
        return m;
    }

    private static void checkLabels(Architecture architecture, double[][] y, int m) {
        int nL = architecture.outputs();
        if (y == null) {
            throw new IllegalArgumentException("Y is null; expected " + nL + " × " + m + " labels");
        }
        String shape = "Y must be " + nL + " × " + m + " (one row per output unit, one column per example of X)";
        if (y.length != nL) {
            throw new IllegalArgumentException(shape + "; it has " + y.length + " rows");
        }
        int columns = checkRows(shape, y);
        if (columns != m) {
            throw new IllegalArgumentException(shape + "; it has " + columns + " columns");
        }
        switch (architecture.loss()) {
            case BINARY_CROSS_ENTROPY -> checkBinary(y, m);
            case SOFTMAX_CROSS_ENTROPY -> checkOneHot(y, m);
            case MEAN_SQUARED_ERROR -> checkFinite(y, m);
        }
    }

    private static void checkBinary(double[][] y, int m) {
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < m; j++) {
                double v = y[i][j];
                if (v != 0.0 && v != 1.0) {
                    throw new IllegalArgumentException("Y[" + i + "][" + j + "] is " + v + ": binary cross-entropy labels must be 0 or 1");
                }
            }
        }
    }

    private static void checkOneHot(double[][] y, int m) {
        for (int j = 0; j < m; j++) {
            int ones = 0;
            for (double[] row : y) {
                double v = row[j];
                if (v == 1.0) {
                    ones++;
                } else if (v != 0.0) {
                    ones = -1;
                    break;
                }
            }
            if (ones != 1) {
                StringBuilder column = new StringBuilder();
                for (int i = 0; i < y.length && i < 12; i++) {
                    column.append(i == 0 ? "" : ", ").append(y[i][j]);
                }
                throw new IllegalArgumentException("Y column " + j + " is not one-hot [" + column + (y.length > 12 ? ", …" : "")
                        + "]: softmax cross-entropy needs exactly one 1 per column and 0 elsewhere");
            }
        }
    }

    private static void checkFinite(double[][] y, int m) {
        for (int i = 0; i < y.length; i++) {
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(y[i][j])) {
                    throw new IllegalArgumentException("Y[" + i + "][" + j + "] is " + y[i][j] + ": targets must be finite");
                }
            }
        }
    }
}
