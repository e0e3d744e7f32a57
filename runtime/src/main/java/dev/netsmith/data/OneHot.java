package dev.netsmith.data;

/** One-hot label encoding, the label layout softmax cross-entropy expects. */
public final class OneHot {

    private OneHot() {
    }

    /**
     * Labels as a {@code classes × m} matrix with a single 1 per column, in the course's layout (one column per
     * example): column j has its 1 in row {@code labels[j]}.
     */
    public static double[][] encode(int[] labels, int classes) {
        if (classes < 1) {
            throw new IllegalArgumentException("one-hot encoding needs at least 1 class, was " + classes);
        }
        if (labels.length == 0) {
            throw new IllegalArgumentException("one-hot encoding needs at least one label");
        }
        double[][] y = new double[classes][labels.length];
        for (int j = 0; j < labels.length; j++) {
            int label = labels[j];
            if (label < 0 || label >= classes) {
                throw new IllegalArgumentException("label " + j + " is " + label + ", outside 0.." + (classes - 1));
            }
            y[label][j] = 1.0;
        }
        return y;
    }
}
