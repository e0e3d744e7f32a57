package dev.netsmith.runtime;

import dev.netsmith.Init;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Seeded weight initialisation: W[l] ~ N(0, 1)·scale(l), b[l] = 0. */
public final class Initializer {

    private Initializer() {
    }

    /** Parameters for this architecture from a Well19937c generator seeded with {@code seed}. */
    public static Parameters initialize(Architecture architecture, ParameterLayout layout, long seed) {
        if (!layout.hasSizes(architecture.sizes())) {
            throw new IllegalArgumentException("the layout's sizes " + Arrays.toString(layout.sizes()) + " are not the architecture's "
                    + Arrays.toString(architecture.sizes()));
        }
        RandomGenerator rng = new Well19937c(seed);
        double[] theta = new double[layout.size()];
        for (int l = 1; l <= architecture.depth(); l++) {
            Tensor w = layout.weights(l);
            double scale = scale(architecture.initOf(l), architecture.units(l - 1));
            for (int i = w.offset(); i < w.end(); i++) {
                theta[i] = rng.nextGaussian() * scale;
            }
        }
        return new Parameters(layout, theta);
    }

    /** The standard deviation of layer l's weights for n_{l-1} = {@code fanIn}. */
    public static double scale(Init init, int fanIn) {
        return switch (init) {
            case HE -> Math.sqrt(2.0 / fanIn);
            case XAVIER -> Math.sqrt(1.0 / fanIn);
            case SMALL_RANDOM -> 0.01;
            case AUTO -> throw new IllegalArgumentException("resolve AUTO per layer first (Architecture.initOf)");
        };
    }
}
