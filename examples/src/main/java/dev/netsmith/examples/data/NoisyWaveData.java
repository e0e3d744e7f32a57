package dev.netsmith.examples.data;

import dev.netsmith.data.Dataset;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Two classes on either side of a wave, y = 0.5·sin(πx), in the square [−1, 1]², with two kinds of noise: each
 * point is moved by a little Gaussian noise after it was labelled, and one label in ten is flipped. No
 * classifier can do better than about 90% here; a network that fits the training points exactly draws
 * islands around the flipped ones, which is what regularisation is for.
 */
public final class NoisyWaveData {

    public static final List<String> CLASSES = List.of("red", "blue");

    private static final double AMPLITUDE = 0.5;
    private static final double POSITION_NOISE = 0.05;
    private static final double FLIPPED = 0.1;

    private NoisyWaveData() {
    }

    /** {@code points} points drawn from a {@link Well19937c} seeded with {@code seed}. */
    public static Dataset generate(int points, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[][] x = new double[2][points];
        int[] labels = new int[points];
        for (int k = 0; k < points; k++) {
            double u = 2 * rng.nextDouble() - 1;
            double v = 2 * rng.nextDouble() - 1;
            boolean above = v > AMPLITUDE * Math.sin(Math.PI * u);
            boolean flipped = rng.nextDouble() < FLIPPED;
            labels[k] = above != flipped ? 1 : 0;
            x[0][k] = u + POSITION_NOISE * rng.nextGaussian();
            x[1][k] = v + POSITION_NOISE * rng.nextGaussian();
        }
        return Dataset.classification(x, labels, CLASSES);
    }
}
