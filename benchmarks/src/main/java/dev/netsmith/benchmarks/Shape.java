package dev.netsmith.benchmarks;

import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import java.util.SplittableRandom;

/**
 * The five networks of the benchmark suite with their batch sizes. Data are random but seeded, so every run
 * and every implementation sees the same numbers: inputs uniform in [-1, 1), labels valid for the loss
 * (0/1 for binary cross-entropy, one-hot for softmax).
 */
public enum Shape {
    /** [2, 4, 1] tanh/sigmoid, m = 400. */
    N1(PlanarShape_Model.INSTANCE, 400),
    /** [2, 20, 3, 1] relu/sigmoid, λ = 0.7, m = 211. */
    N2(RegularisedShape_Model.INSTANCE, 211),
    /** [64, 32, 16, 10] relu/softmax, λ = 0.01, m = 1,797. */
    N3(DigitsShape_Model.INSTANCE, 1797),
    /** [784, 128, 64, 10] relu/softmax, m = 1,000. */
    N4(MnistShape_Model.INSTANCE, 1000),
    /** [12288, 20, 7, 5, 1] relu/sigmoid, m = 209. */
    N5(CatShape_Model.INSTANCE, 209);

    /** The seed of the data; parameters use {@link #PARAMETER_SEED}. */
    public static final long DATA_SEED = 20240611L;
    public static final long PARAMETER_SEED = 42L;

    private final CompiledNetwork net;
    private final int m;

    Shape(CompiledNetwork net, int m) {
        this.net = net;
        this.m = m;
    }

    public CompiledNetwork net() {
        return net;
    }

    public int m() {
        return m;
    }

    public Architecture architecture() {
        return net.architecture();
    }

    /** Σ_l n_l·n_{l−1}: multiply-adds per example of one forward pass. */
    public long weights() {
        int[] n = architecture().sizes();
        long sum = 0;
        for (int l = 1; l < n.length; l++) {
            sum += (long) n[l] * n[l - 1];
        }
        return sum;
    }

    /** Floating-point operations of one forward pass: 2·m·Σ n_l·n_{l−1}. */
    public double forwardFlops() {
        return 2.0 * m * weights();
    }

    /** Of one training step: forward plus a backward of about twice the forward. */
    public double stepFlops() {
        return 3 * forwardFlops();
    }

    /** A labelled batch of m seeded random examples. */
    public Batch batch() {
        double[][] x = inputs(architecture().inputs(), m, DATA_SEED + ordinal());
        double[][] y = labels(architecture(), m, DATA_SEED + 100 + ordinal());
        return net.batch(x, y);
    }

    static double[][] inputs(int rows, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[rows][m];
        for (double[] row : x) {
            for (int j = 0; j < m; j++) {
                row[j] = random.nextDouble(-1, 1);
            }
        }
        return x;
    }

    static double[][] labels(Architecture architecture, int m, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int outputs = architecture.outputs();
        double[][] y = new double[outputs][m];
        if (architecture.loss() == Loss.SOFTMAX_CROSS_ENTROPY) {
            for (int j = 0; j < m; j++) {
                y[random.nextInt(outputs)][j] = 1;
            }
        } else {
            for (double[] row : y) {
                for (int j = 0; j < m; j++) {
                    row[j] = random.nextInt(2);
                }
            }
        }
        return y;
    }

    /** The networks named in args[from…] (e.g. {@code N1 N3}), or all of them when none is. */
    static java.util.List<Shape> named(String[] args, int from) {
        java.util.List<Shape> shapes = new java.util.ArrayList<>();
        for (int i = from; i < args.length; i++) {
            shapes.add(valueOf(args[i]));
        }
        return shapes.isEmpty() ? java.util.List.of(values()) : shapes;
    }
}
