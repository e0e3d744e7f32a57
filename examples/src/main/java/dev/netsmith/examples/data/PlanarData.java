package dev.netsmith.examples.data;

import dev.netsmith.data.Dataset;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The course's "planar" data: a flower of 400 points in the plane whose petals alternate between two
 * classes, so that no straight line separates them. For class j (0 red, 1 blue), 200 points at angles
 * t = linspace(3.12·j, 3.12·(j + 1)) + N(0, σ²) and radii r = a·sin(4t) + N(0, σ²), placed at
 * (r·sin t, r·cos t), with a = 4 and σ = 0.2.
 */
public final class PlanarData {

    /** The number of points, as in the course. */
    public static final int POINTS = 400;
    /** The class names, after the colours the course plots them in. */
    public static final List<String> CLASSES = List.of("red", "blue");

    private static final double PETAL_LENGTH = 4;
    private static final double NOISE = 0.2;
    private static final double ANGLE_SPAN = 3.12;

    private PlanarData() {
    }

    /** The 400 points drawn from a {@link Well19937c} seeded with {@code seed}. */
    public static Dataset generate(long seed) {
        RandomGenerator rng = new Well19937c(seed);
        int perClass = POINTS / CLASSES.size();
        double[][] x = new double[2][POINTS];
        int[] labels = new int[POINTS];
        for (int j = 0; j < CLASSES.size(); j++) {
            for (int i = 0; i < perClass; i++) {
                int k = j * perClass + i;
                double t = ANGLE_SPAN * (j + (double) i / (perClass - 1)) + NOISE * rng.nextGaussian();
                double r = PETAL_LENGTH * Math.sin(4 * t) + NOISE * rng.nextGaussian();
                x[0][k] = r * Math.sin(t);
                x[1][k] = r * Math.cos(t);
                labels[k] = j;
            }
        }
        return Dataset.classification(x, labels, CLASSES);
    }
}
