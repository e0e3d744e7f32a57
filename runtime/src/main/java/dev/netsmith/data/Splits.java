package dev.netsmith.data;

import java.util.Arrays;
import java.util.Objects;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * A data set cut into training, dev (hold-out, for choosing hyperparameters) and test sets, seeded so that a run
 * can be repeated. The three fractions must add up to 1 and leave every split at least one example; sizes are
 * rounded by largest remainder, so they add up to the data set's size. Within each split the examples keep
 * their file order (mini-batches shuffle them anyway, and a stratified split would otherwise group them by class).
 *
 * @param train the examples to fit parameters (and a {@link Standardizer}) on
 * @param dev   the examples to choose hyperparameters and stop training on
 * @param test  the examples to report on, once
 */
public record Splits(Dataset train, Dataset dev, Dataset test) {

    private static final String[] NAMES = {"train", "dev", "test"};
    private static final double SUM_TOLERANCE = 1e-9;

    public Splits {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(dev, "dev");
        Objects.requireNonNull(test, "test");
    }

    /** A uniformly random split: shuffles with a {@link Well19937c} seeded with {@code seed}, then cuts. */
    public static Splits random(Dataset data, double train, double dev, double test, long seed) {
        int[] sizes = sizes(data.size(), train, dev, test);
        int[] order = Shuffle.identity(new int[data.size()]);
        Shuffle.inPlace(order, new Well19937c(seed));
        int[][] parts = new int[3][];
        for (int k = 0, from = 0; k < 3; from += sizes[k], k++) {
            parts[k] = Arrays.copyOfRange(order, from, from + sizes[k]);
        }
        return of(data, parts);
    }

    /**
     * A split that preserves class proportions: each class is shuffled on its own and shared among the splits in
     * proportion to their sizes, which are those of {@link #random}: a class of n_c examples puts n_c·size/m of
     * them into each split, rounded down or up so that each class's and each split's counts add up.
     */
    public static Splits stratified(Dataset data, double train, double dev, double test, long seed) {
        if (!data.isClassification()) {
            throw new IllegalArgumentException("a stratified split needs class labels; this data set has real targets");
        }
        int[] sizes = sizes(data.size(), train, dev, test);
        int[][] byClass = examplesByClass(data.labels(), data.classes());
        int[] classCounts = Arrays.stream(byClass).mapToInt(examples -> examples.length).toArray();
        int[][] shares = ClassShares.of(classCounts, sizes);
        RandomGenerator rng = new Well19937c(seed);
        int[][] parts = new int[3][];
        int[] filled = new int[3];
        for (int k = 0; k < 3; k++) {
            parts[k] = new int[sizes[k]];
        }
        for (int c = 0; c < byClass.length; c++) {
            Shuffle.inPlace(byClass[c], rng);
            for (int k = 0, from = 0; k < 3; from += shares[c][k], k++) {
                System.arraycopy(byClass[c], from, parts[k], filled[k], shares[c][k]);
                filled[k] += shares[c][k];
            }
        }
        return of(data, parts);
    }

    private static Splits of(Dataset data, int[][] parts) {
        for (int[] part : parts) {
            Arrays.sort(part);
        }
        return new Splits(data.select(parts[0]), data.select(parts[1]), data.select(parts[2]));
    }

    /** The three sizes, by largest remainder; every fraction positive, adding up to 1, and no split left empty. */
    private static int[] sizes(int m, double train, double dev, double test) {
        double[] fractions = {train, dev, test};
        for (int k = 0; k < 3; k++) {
            if (!(fractions[k] > 0) || !Double.isFinite(fractions[k])) {
                throw new IllegalArgumentException("the " + NAMES[k] + " fraction must be positive (every split needs examples), was "
                        + fractions[k]);
            }
        }
        double sum = train + dev + test;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw new IllegalArgumentException("split fractions must add up to 1, were " + train + " + " + dev + " + " + test
                    + " = " + Math.round(sum * 1e9) / 1e9);
        }
        int[] sizes = new int[3];
        double[] remainders = new double[3];
        int left = m;
        for (int k = 0; k < 3; k++) {
            double exact = fractions[k] / sum * m;
            sizes[k] = (int) Math.floor(exact);
            remainders[k] = exact - sizes[k];
            left -= sizes[k];
        }
        for (; left > 0; left--) {
            int largest = remainders[0] >= remainders[1] ? 0 : 1;
            largest = remainders[largest] >= remainders[2] ? largest : 2;
            sizes[largest]++;
            remainders[largest] = -1;
        }
        for (int k = 0; k < 3; k++) {
            if (sizes[k] == 0) {
                throw new IllegalArgumentException("a " + NAMES[k] + " fraction of " + fractions[k] + " of " + m
                        + " examples leaves the " + NAMES[k] + " split empty");
            }
        }
        return sizes;
    }

    /** Each class's examples, in file order. */
    private static int[][] examplesByClass(int[] labels, int classes) {
        int[] counts = new int[classes];
        for (int label : labels) {
            counts[label]++;
        }
        int[][] byClass = new int[classes][];
        for (int c = 0; c < classes; c++) {
            byClass[c] = new int[counts[c]];
            counts[c] = 0;
        }
        for (int j = 0; j < labels.length; j++) {
            byClass[labels[j]][counts[labels[j]]++] = j;
        }
        return byClass;
    }
}
