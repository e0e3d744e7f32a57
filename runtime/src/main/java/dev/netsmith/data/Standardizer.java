package dev.netsmith.data;

/**
 * Standardises each feature, x' = (x − mean) / scale, with means and scales fitted on the training split only:
 * statistics of the dev or test examples must not leak into training, and new inputs at prediction time get the
 * very transformation the network was trained on. The scale is the population standard deviation (divide by m,
 * as scikit-learn's {@code StandardScaler}).
 *
 * <p>A feature that is constant on the training split (several of the digits' border pixels are always 0) has
 * no spread to divide by: it gets scale 1 and its value as mean, so it becomes exactly 0 instead of NaN or a
 * rounding error blown up by a tiny standard deviation.
 *
 * <p>{@link #means()} and {@link #scales()} are plain arrays so that a checkpoint can store them, and
 * {@link #of} rebuilds the same standardiser from them.
 */
public final class Standardizer {

    private final double[] means;
    private final double[] scales;

    private Standardizer(double[] means, double[] scales) {
        this.means = means;
        this.scales = scales;
    }

    /** Fits the means and scales of {@code train}'s features. */
    public static Standardizer fit(Dataset train) {
        double[][] x = train.featureRows();
        double[] means = new double[x.length];
        double[] scales = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            double sum = 0;
            double min = row[0];
            double max = row[0];
            for (double v : row) {
                sum += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
            double mean = sum / row.length;
            double squares = 0;
            for (double v : row) {
                squares += (v - mean) * (v - mean);
            }
            double std = Math.sqrt(squares / row.length);
            boolean constant = min == max || std == 0;
            means[i] = constant ? row[0] : mean;
            scales[i] = constant ? 1.0 : std;
        }
        return new Standardizer(means, scales);
    }

    /** The standardiser with these means and scales, e.g. as stored in a checkpoint. */
    public static Standardizer of(double[] means, double[] scales) {
        if (means.length == 0 || means.length != scales.length) {
            throw new IllegalArgumentException("need one mean and one scale per feature, got " + means.length + " means and "
                    + scales.length + " scales");
        }
        for (int i = 0; i < means.length; i++) {
            if (!Double.isFinite(means[i]) || !(scales[i] > 0) || Double.isInfinite(scales[i])) {
                throw new IllegalArgumentException("feature " + i + " has mean " + means[i] + " and scale " + scales[i]
                        + ": means must be finite and scales finite and positive");
            }
        }
        return new Standardizer(means.clone(), scales.clone());
    }

    /** The same examples and labels with standardised features. */
    public Dataset apply(Dataset data) {
        return data.withFeatures(apply(data.featureRows()));
    }

    /** Standardised copies of features in the course's layout, {@code n0 × m} (e.g. new inputs to predict). */
    public double[][] apply(double[][] x) {
        if (x.length != means.length) {
            throw new IllegalArgumentException("this standardiser was fitted on " + means.length + " features, X has "
                    + x.length + " rows");
        }
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            double mean = means[i];
            double scale = scales[i];
            double[] row = x[i];
            double[] standardised = new double[row.length];
            for (int j = 0; j < row.length; j++) {
                standardised[j] = (row[j] - mean) / scale;
            }
            out[i] = standardised;
        }
        return out;
    }

    /** The fitted means, one per feature. */
    public double[] means() {
        return means.clone();
    }

    /** The fitted scales, one per feature: standard deviations, or 1 for constant features. */
    public double[] scales() {
        return scales.clone();
    }
}
