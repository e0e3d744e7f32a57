package dev.netsmith.data;

import java.util.List;
import java.util.Locale;

/**
 * Counts of (actual class, predicted class) pairs, with accuracy and per-class precision and recall. Its
 * {@link #toString()} is a table with actual classes as rows and predicted classes as columns:
 * <pre>
 * actual \ predicted  setosa  versicolor  virginica  recall
 * setosa                  10           0          0   1.000
 * versicolor               0           9          1   0.900
 * virginica                0           1          9   0.900
 * precision            1.000       0.900      0.900
 * accuracy 0.9333 (28 of 30)
 * </pre>
 */
public final class ConfusionMatrix {

    private static final String CORNER = "actual \\ predicted";
    private static final String PRECISION = "precision";
    private static final String RECALL = "recall";
    private static final String RATIO = "0.000";

    private final int[][] counts;
    private final List<String> classNames;
    private final int total;

    private ConfusionMatrix(int[][] counts, List<String> classNames, int total) {
        this.counts = counts;
        this.classNames = classNames;
        this.total = total;
    }

    /** The matrix of {@code actual[j]} against {@code predicted[j]}, classes numbered as in {@code classNames}. */
    public static ConfusionMatrix of(int[] actual, int[] predicted, List<String> classNames) {
        List<String> names = Dataset.checkClassNames(classNames);
        if (actual.length != predicted.length || actual.length == 0) {
            throw new IllegalArgumentException("need as many predictions as labels, at least one; got " + predicted.length
                    + " predictions and " + actual.length + " labels");
        }
        int[][] counts = new int[names.size()][names.size()];
        for (int j = 0; j < actual.length; j++) {
            checkClass("label", j, actual[j], names);
            checkClass("prediction", j, predicted[j], names);
            counts[actual[j]][predicted[j]]++;
        }
        return new ConfusionMatrix(counts, names, actual.length);
    }

    private static void checkClass(String what, int j, int c, List<String> names) {
        if (c < 0 || c >= names.size()) {
            throw new IllegalArgumentException(what + " " + j + " is " + c + ", but the classes are 0.." + (names.size() - 1)
                    + " " + names);
        }
    }

    public List<String> classNames() {
        return classNames;
    }

    public int classes() {
        return classNames.size();
    }

    /** How many examples of class {@code actual} were predicted as {@code predicted}. */
    public int count(int actual, int predicted) {
        return counts[actual][predicted];
    }

    /** The number of examples counted. */
    public int total() {
        return total;
    }

    /** The number of examples predicted right, the diagonal's sum. */
    public int correct() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return correct;
    }

    /** The fraction of examples predicted right. */
    public double accuracy() {
        return (double) correct() / total;
    }

    /** Of the examples predicted as class c, the fraction that are; NaN if none was predicted as c. */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return (double) counts[c][c] / predicted;
    }

    /** Of the examples of class c, the fraction predicted as c; NaN if there is none. */
    public double recall(int c) {
        int actual = 0;
        for (int count : counts[c]) {
            actual += count;
        }
        return (double) counts[c][c] / actual;
    }

    @Override
    public String toString() {
        int labelWidth = Math.max(CORNER.length(), PRECISION.length());
        int largest = 0;
        for (int c = 0; c < counts.length; c++) {
            labelWidth = Math.max(labelWidth, classNames.get(c).length());
            for (int count : counts[c]) {
                largest = Math.max(largest, count);
            }
        }
        int[] widths = new int[counts.length];
        for (int c = 0; c < counts.length; c++) {
            widths[c] = Math.max(Math.max(classNames.get(c).length(), RATIO.length()), Integer.toString(largest).length());
        }
        StringBuilder s = new StringBuilder(pad(CORNER, labelWidth, false));
        for (int c = 0; c < counts.length; c++) {
            s.append("  ").append(pad(classNames.get(c), widths[c], true));
        }
        s.append("  ").append(RECALL).append('\n');
        for (int a = 0; a < counts.length; a++) {
            s.append(pad(classNames.get(a), labelWidth, false));
            for (int p = 0; p < counts.length; p++) {
                s.append("  ").append(pad(Integer.toString(counts[a][p]), widths[p], true));
            }
            s.append("  ").append(pad(ratio(recall(a)), RECALL.length(), true)).append('\n');
        }
        s.append(pad(PRECISION, labelWidth, false));
        for (int p = 0; p < counts.length; p++) {
            s.append("  ").append(pad(ratio(precision(p)), widths[p], true));
        }
        s.append('\n').append(String.format(Locale.ROOT, "accuracy %.4f (%d of %d)", accuracy(), correct(), total));
        return s.toString();
    }

    private static String ratio(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private static String pad(String text, int width, boolean right) {
        String fill = " ".repeat(Math.max(0, width - text.length()));
        return right ? fill + text : text + fill;
    }
}
