package dev.netsmith.data;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Examples for supervised learning in the course's layout: X is {@code n0 × m}, one row per feature and one
 * column per example, and each example has one label, either a class number (classification) or a real target
 * (regression). A data set is immutable: factories copy what they are given and accessors return copies, so
 * splits, standardisers and batches can share one without defensive care.
 */
public final class Dataset {

    private static final int CLASS_NAMES_SHOWN = 10;

    private final double[][] x;
    private final double[] y;
    private final List<String> classNames;

    /** Trusted: takes ownership of arrays the caller has checked. An empty list of names means regression. */
    Dataset(double[][] x, double[] y, List<String> classNames) {
        this.x = x;
        this.y = y;
        this.classNames = classNames;
    }

    /**
     * A classification data set: X is {@code n0 × m}, {@code labels[j]} is example j's class, a number in
     * {@code 0..classNames.size() - 1}.
     */
    public static Dataset classification(double[][] x, int[] labels, List<String> classNames) {
        List<String> names = checkClassNames(classNames);
        checkFeatures(x, labels.length);
        double[] y = new double[labels.length];
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] < 0 || labels[j] >= names.size()) {
                throw new IllegalArgumentException("label " + j + " is " + labels[j] + ", but the classes are 0.."
                        + (names.size() - 1) + " " + names);
            }
            y[j] = labels[j];
        }
        return new Dataset(copy(x), y, names);
    }

    /** A regression data set: X is {@code n0 × m}, {@code targets[j]} is example j's real-valued target. */
    public static Dataset regression(double[][] x, double[] targets) {
        checkFeatures(x, targets.length);
        for (int j = 0; j < targets.length; j++) {
            if (!Double.isFinite(targets[j])) {
                throw new IllegalArgumentException("target " + j + " is " + targets[j] + ": targets must be finite");
            }
        }
        return new Dataset(copy(x), targets.clone(), List.of());
    }

    /** n0, the number of features. */
    public int features() {
        return x.length;
    }

    /** m, the number of examples. */
    public int size() {
        return y.length;
    }

    /** Whether the labels are class numbers (rather than real targets). */
    public boolean isClassification() {
        return !classNames.isEmpty();
    }

    /** The number of classes, 0 for a regression data set. */
    public int classes() {
        return classNames.size();
    }

    /** The classes' names, indexed by class number; empty for a regression data set. */
    public List<String> classNames() {
        return classNames;
    }

    /** A copy of X, {@code n0 × m}. */
    public double[][] x() {
        return copy(x);
    }

    /** The class numbers, one per example; a regression data set has none (an IllegalStateException). */
    public int[] labels() {
        if (!isClassification()) {
            throw new IllegalStateException("a regression data set has real targets, not class labels");
        }
        int[] labels = new int[y.length];
        for (int j = 0; j < y.length; j++) {
            labels[j] = (int) y[j];
        }
        return labels;
    }

    /** The labels as numbers, one per example: the targets of a regression set, the class numbers otherwise. */
    public double[] targets() {
        return y.clone();
    }

    /**
     * A checked batch for a network of this architecture, with the label encoding its loss needs: one-hot
     * columns for softmax cross-entropy, one row of 0/1 for binary cross-entropy, one row of the raw targets
     * for mean squared error. The batch gets its own copy of X.
     */
    public Batch toBatch(Architecture architecture) {
        if (architecture.inputs() != features()) {
            throw new IllegalArgumentException("the network takes " + architecture.inputs() + " inputs, the data set has "
                    + features() + " features");
        }
        int outputs = architecture.outputs();
        double[][] labels = switch (architecture.loss()) {
            case SOFTMAX_CROSS_ENTROPY -> {
                requireClasses(outputs, "softmax cross-entropy over " + outputs + " outputs");
                yield OneHot.encode(labels(), outputs);
            }
            case BINARY_CROSS_ENTROPY -> {
                requireClasses(2, "binary cross-entropy");
                requireOneOutput(outputs, "binary cross-entropy (labels are one row of 0/1)");
                yield new double[][] {y.clone()};
            }
            case MEAN_SQUARED_ERROR -> {
                requireOneOutput(outputs, "mean squared error (one target per example)");
                yield new double[][] {y.clone()};
            }
        };
        return Batch.of(architecture, copy(x), labels);
    }

    /** The examples at these indices, in this order. */
    Dataset select(int[] examples) {
        double[][] selected = new double[x.length][examples.length];
        double[] labels = new double[examples.length];
        for (int j = 0; j < examples.length; j++) {
            labels[j] = y[examples[j]];
        }
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double[] out = selected[i];
            for (int j = 0; j < examples.length; j++) {
                out[j] = row[examples[j]];
            }
        }
        return new Dataset(selected, labels, classNames);
    }

    /** The same labels with other features (already checked, owned by the new data set). */
    Dataset withFeatures(double[][] features) {
        return new Dataset(features, y, classNames);
    }

    /** X itself, for readers in this package that never modify it. */
    double[][] featureRows() {
        return x;
    }

    /** e.g. {@code 150 examples × 4 features, 3 classes [setosa, versicolor, virginica]}. */
    @Override
    public String toString() {
        String labels;
        if (!isClassification()) {
            labels = "real targets";
        } else if (classes() <= CLASS_NAMES_SHOWN) {
            labels = classes() + " classes " + classNames;
        } else {
            labels = classes() + " classes [" + String.join(", ", classNames.subList(0, CLASS_NAMES_SHOWN)) + ", …]";
        }
        return size() + " examples × " + features() + " features, " + labels;
    }

    private void requireClasses(int needed, String loss) {
        if (!isClassification()) {
            throw new IllegalArgumentException(loss + " needs class labels; this data set has real targets");
        }
        if (classes() != needed) {
            throw new IllegalArgumentException(loss + " needs " + needed + " classes; the data set has " + classes()
                    + " " + classNames);
        }
    }

    private static void requireOneOutput(int outputs, String loss) {
        if (outputs != 1) {
            throw new IllegalArgumentException(loss + " needs a network with 1 output, this one has " + outputs);
        }
    }

    /** The names as an immutable list, if they are at least one, none blank, no two the same. */
    static List<String> checkClassNames(List<String> classNames) {
        if (classNames.isEmpty()) {
            throw new IllegalArgumentException("a classification data set needs at least one class name");
        }
        Set<String> seen = new HashSet<>();
        for (String name : classNames) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("class names must not be blank: " + classNames);
            }
            if (!seen.add(name)) {
                throw new IllegalArgumentException("class name \"" + name + "\" appears twice: " + classNames);
            }
        }
        return List.copyOf(classNames);
    }

    private static void checkFeatures(double[][] x, int m) {
        if (x.length == 0) {
            throw new IllegalArgumentException("X has no rows: a data set needs at least one feature");
        }
        if (m == 0) {
            throw new IllegalArgumentException("a data set needs at least one example");
        }
        for (int i = 0; i < x.length; i++) {
            if (x[i] == null || x[i].length != m) {
                String hint = x.length == m ? " (is X one row per example? a data set wants one row per feature)" : "";
                throw new IllegalArgumentException("X row " + i + " has " + (x[i] == null ? "no array" : x[i].length + " entries")
                        + ", but there are " + m + " labels: X must be n0 × m" + hint);
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new IllegalArgumentException("X[" + i + "][" + j + "] is " + x[i][j] + ": features must be finite");
                }
            }
        }
    }

    private static double[][] copy(double[][] rows) {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = rows[i].clone();
        }
        return copy;
    }
}
