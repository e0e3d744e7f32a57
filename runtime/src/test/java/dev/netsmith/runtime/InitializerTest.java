package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Seeded initialisation. The statistical tests draw W1 (500 × 400, fan-in 400) and W2 (300 × 500, fan-in 500):
 * with 150,000 draws or more the sample standard deviation is within 0.2% of the true one (one standard error),
 * so a 2% tolerance never fails by chance yet tells fan-in 400 from 500 (11% apart) and HE from XAVIER (41%).
 */
class InitializerTest {

    private static final double STD_TOLERANCE = 0.02;

    private static Architecture wide(Activation hidden, Init init) {
        return new Architecture("test.Wide", 400, List.of(Layer.of(500, hidden), Layer.of(300, hidden), Layer.of(1, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 0, init);
    }

    private static Parameters init(Architecture a, long seed) {
        return Initializer.initialize(a, ParameterLayout.of(a.sizes()), seed);
    }

    @Test
    void heScalesBySqrtTwoOverFanIn() {
        Parameters p = init(wide(Activation.TANH, Init.HE), 7);
        assertGaussian(p, p.layout().weights(1), Math.sqrt(2.0 / 400));
        assertGaussian(p, p.layout().weights(2), Math.sqrt(2.0 / 500));
    }

    @Test
    void xavierScalesBySqrtOneOverFanIn() {
        Parameters p = init(wide(Activation.RELU, Init.XAVIER), 7);
        assertGaussian(p, p.layout().weights(1), Math.sqrt(1.0 / 400));
        assertGaussian(p, p.layout().weights(2), Math.sqrt(1.0 / 500));
    }

    @Test
    void smallRandomScalesByOneHundredth() {
        Parameters p = init(wide(Activation.RELU, Init.SMALL_RANDOM), 7);
        assertGaussian(p, p.layout().weights(1), 0.01);
        assertGaussian(p, p.layout().weights(2), 0.01);
    }

    @Test
    void autoIsHeForReluLayersAndXavierForTheRest() {
        Parameters relu = init(wide(Activation.RELU, Init.AUTO), 3);
        assertGaussian(relu, relu.layout().weights(1), Math.sqrt(2.0 / 400));
        assertGaussian(relu, relu.layout().weights(2), Math.sqrt(2.0 / 500));
        Parameters tanh = init(wide(Activation.TANH, Init.AUTO), 3);
        assertGaussian(tanh, tanh.layout().weights(1), Math.sqrt(1.0 / 400));
        assertGaussian(tanh, tanh.layout().weights(2), Math.sqrt(1.0 / 500));
    }

    /** Mean ≈ 0, standard deviation ≈ {@code std}, and 68.3% of the draws within one standard deviation, as for N(0, std²). */
    private static void assertGaussian(Parameters p, Tensor w, double std) {
        double[] v = p.values();
        int n = w.size();
        double sum = 0;
        double squares = 0;
        for (int i = w.offset(); i < w.end(); i++) {
            sum += v[i];
            squares += v[i] * v[i];
        }
        double mean = sum / n;
        double sampleStd = Math.sqrt(squares / n - mean * mean);
        assertTrue(Math.abs(mean) < 6 * std / Math.sqrt(n), () -> w.name() + " mean " + mean);
        assertEquals(std, sampleStd, STD_TOLERANCE * std, () -> w.name() + " standard deviation");
        int within = 0;
        for (int i = w.offset(); i < w.end(); i++) {
            if (Math.abs(v[i]) < std) {
                within++;
            }
        }
        assertEquals(0.6827, within / (double) n, 0.01, () -> w.name() + " share within one standard deviation");
    }

    @Test
    void biasesStartAtZero() {
        Parameters p = init(wide(Activation.RELU, Init.HE), 11);
        for (int l = 1; l <= 3; l++) {
            Tensor b = p.layout().biases(l);
            for (int i = b.offset(); i < b.end(); i++) {
                assertEquals(0.0, p.get(i), p.layout().nameOf(i));
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameParameters() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(5, 8, 2, 1.0, 0);
        assertArrayEquals(net.initialize(123).values(), net.initialize(123).values());
        assertArrayEquals(net.initialize(123).values(), new HandWrittenTanhSigmoid(5, 8, 2, 1.0, 0).initialize(123).values());
    }

    @Test
    void differentSeedsGiveDifferentWeights() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(5, 8, 2, 1.0, 0);
        double[] a = net.initialize(1).values();
        double[] b = net.initialize(2).values();
        int same = 0;
        int weights = 0;
        for (Tensor w : List.of(net.layout().weights(1), net.layout().weights(2))) {
            for (int i = w.offset(); i < w.end(); i++) {
                weights++;
                if (a[i] == b[i]) {
                    same++;
                }
            }
        }
        assertEquals(0, same, "weights equal under seeds 1 and 2, of " + weights);
    }

    @Test
    void drawsW1ThenW2RowMajorFromOneWell19937cStream() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(5, 8, 2, 1.0, 0);
        Parameters p = net.initialize(99);
        Well19937c rng = new Well19937c(99L);
        double s1 = Math.sqrt(1.0 / 5);
        double s2 = Math.sqrt(1.0 / 8);
        for (int i = 0; i < 8; i++) {
            for (int k = 0; k < 5; k++) {
                assertEquals(rng.nextGaussian() * s1, p.get("W1[" + i + "][" + k + "]"), "W1[" + i + "][" + k + "]");
            }
        }
        for (int i = 0; i < 2; i++) {
            for (int k = 0; k < 8; k++) {
                assertEquals(rng.nextGaussian() * s2, p.get("W2[" + i + "][" + k + "]"), "W2[" + i + "][" + k + "]");
            }
        }
    }

    @Test
    void generatedNetworkInitializesThroughTheInitializer() {
        HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(4, 6, 1, 0.5, 0.1);
        Parameters p = net.initialize(5);
        assertEquals(net.layout(), p.layout());
        assertArrayEquals(Initializer.initialize(net.architecture(), net.layout(), 5).values(), p.values());
    }

    @Test
    void scaleOfEachScheme() {
        assertEquals(Math.sqrt(2.0 / 50), Initializer.scale(Init.HE, 50));
        assertEquals(Math.sqrt(1.0 / 50), Initializer.scale(Init.XAVIER, 50));
        assertEquals(0.01, Initializer.scale(Init.SMALL_RANDOM, 50));
        thrown(IllegalArgumentException.class, () -> Initializer.scale(Init.AUTO, 50), "resolve AUTO");
    }

    @Test
    void refusesALayoutForOtherSizes() {
        Architecture a = wide(Activation.RELU, Init.HE);
        thrown(IllegalArgumentException.class, () -> Initializer.initialize(a, ParameterLayout.of(400, 500, 301, 1), 1),
                "[400, 500, 301, 1]", "[400, 500, 300, 1]");
    }
}
