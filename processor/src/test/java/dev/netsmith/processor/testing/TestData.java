package dev.netsmith.processor.testing;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Parameters;
import java.util.SplittableRandom;

/** Seeded inputs, labels valid for each loss, and parameters with non-zero biases. */
public final class TestData {

    private TestData() {
    }

    /** X, n0 × m, entries N(0, 1). */
    public static double[][] inputs(Architecture architecture, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[architecture.inputs()][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = gaussian(random);
            }
        }
        return x;
    }

    /** Y, n_L × m, valid for the architecture's loss: 0/1, one-hot columns, or N(0, 1) targets. */
    public static double[][] labels(Architecture architecture, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = architecture.outputs();
        double[][] y = new double[n][m];
        for (int j = 0; j < m; j++) {
            switch (architecture.loss()) {
                case BINARY_CROSS_ENTROPY -> {
                    for (int i = 0; i < n; i++) {
                        y[i][j] = random.nextInt(2);
                    }
                }
                case SOFTMAX_CROSS_ENTROPY -> y[random.nextInt(n)][j] = 1;
                case MEAN_SQUARED_ERROR -> {
                    for (int i = 0; i < n; i++) {
                        y[i][j] = gaussian(random);
                    }
                }
            }
        }
        return y;
    }

    /** Parameters as {@code initialize(seed)} makes them, with biases drawn from N(0, 0.1²) so that db matters. */
    public static Parameters parameters(dev.netsmith.runtime.CompiledNetwork network, long seed) {
        Parameters p = network.initialize(seed);
        SplittableRandom random = new SplittableRandom(seed + 1);
        for (int l = 1; l <= network.architecture().depth(); l++) {
            var b = network.layout().biases(l);
            for (int i = b.offset(); i < b.end(); i++) {
                p.values()[i] = 0.1 * gaussian(random);
            }
        }
        return p;
    }

    static double gaussian(SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }

    /** ‖a − b‖₂ / ‖b‖₂ (or ‖a − b‖₂ when b is 0). */
    public static double relativeError(double[] a, double[] b) {
        double diff = 0;
        double norm = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            norm += b[i] * b[i];
        }
        return norm == 0 ? Math.sqrt(diff) : Math.sqrt(diff / norm);
    }
}
