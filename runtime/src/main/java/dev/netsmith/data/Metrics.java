package dev.netsmith.data;

import java.util.List;

/**
 * Classification metrics from a network's output activations A[L], {@code n_L × m} in the course's layout (rows
 * may be longer than m, as a workspace's are). An example's predicted class is the row of its column's largest
 * activation (the first on ties), or, for a single sigmoid output, 1 when the activation is at least 0.5.
 */
public final class Metrics {

    private static final double THRESHOLD = 0.5;

    private Metrics() {
    }

    /** The predicted class of each of the first m examples. */
    public static int[] predictions(double[][] activations, int m) {
        if (activations.length == 0 || m < 1) {
            throw new IllegalArgumentException("need at least one output row and one example, got " + activations.length
                    + " rows and m = " + m);
        }
        for (int i = 0; i < activations.length; i++) {
            if (activations[i].length < m) {
                throw new IllegalArgumentException("activation row " + i + " has " + activations[i].length + " entries, fewer than m = " + m);
            }
            for (int j = 0; j < m; j++) {
                if (!Double.isFinite(activations[i][j])) {
                    throw new IllegalArgumentException("activation [" + i + "][" + j + "] is " + activations[i][j]
                            + ": the network's outputs are not finite (has training diverged?)");
                }
            }
        }
        int[] predicted = new int[m];
        for (int j = 0; j < m; j++) {
            if (activations.length == 1) {
                predicted[j] = activations[0][j] >= THRESHOLD ? 1 : 0;
            } else {
                int best = 0;
                for (int i = 1; i < activations.length; i++) {
                    if (activations[i][j] > activations[best][j]) {
                        best = i;
                    }
                }
                predicted[j] = best;
            }
        }
        return predicted;
    }

    /** The fraction of the {@code labels.length} examples whose predicted class is their label. */
    public static double accuracy(double[][] activations, int[] labels) {
        int[] predicted = predictions(activations, labels.length);
        int classes = classes(activations);
        int correct = 0;
        for (int j = 0; j < labels.length; j++) {
            if (labels[j] < 0 || labels[j] >= classes) {
                throw new IllegalArgumentException("label " + j + " is " + labels[j] + ", but " + activations.length
                        + " output(s) predict classes 0.." + (classes - 1));
            }
            if (predicted[j] == labels[j]) {
                correct++;
            }
        }
        return (double) correct / labels.length;
    }

    /** The confusion matrix of the predictions against the labels, one class name per class the outputs predict. */
    public static ConfusionMatrix confusionMatrix(double[][] activations, int[] labels, List<String> classNames) {
        if (classNames.size() != classes(activations)) {
            throw new IllegalArgumentException(activations.length + " output(s) predict " + classes(activations)
                    + " classes, but there are " + classNames.size() + " class names " + classNames);
        }
        return ConfusionMatrix.of(labels, predictions(activations, labels.length), classNames);
    }

    /** The number of classes the outputs predict: 2 for a single sigmoid output, else one per output. */
    private static int classes(double[][] activations) {
        return activations.length == 1 ? 2 : activations.length;
    }
}
