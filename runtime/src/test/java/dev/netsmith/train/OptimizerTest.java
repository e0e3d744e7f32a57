package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Single steps of each rule against values worked out by hand from the course's formulas. */
class OptimizerTest {

    private static final double ALPHA = 0.1;
    private static final double[] G1 = {0.5, -1};
    private static final double[] G2 = {0.25, 2};

    private static double[] theta() {
        return new double[] {1, -2};
    }

    @Test
    void sgdStepsAgainstTheGradient() {
        double[] theta = theta();
        Updater sgd = Optimizer.sgd().start(2);
        sgd.step(theta, G1, ALPHA);
        // θ − α·g = (1 − 0.05, −2 + 0.1)
        assertArrayEquals(new double[] {0.95, -1.9}, theta, 1e-15);
        assertEquals(1, sgd.steps());
    }

    @Test
    void momentumAveragesTheGradients() {
        double[] theta = theta();
        Updater momentum = Optimizer.momentum(0.9).start(2);
        momentum.step(theta, G1, ALPHA);
        // v1 = 0.1·g1 = (0.05, −0.1); θ1 = θ − 0.1·v1 = (0.995, −1.99)
        assertArrayEquals(new double[] {0.995, -1.99}, theta, 1e-15);
        momentum.step(theta, G1, ALPHA);
        // v2 = 0.9·v1 + 0.1·g1 = (0.095, −0.19); θ2 = θ1 − 0.1·v2 = (0.9855, −1.971)
        assertArrayEquals(new double[] {0.9855, -1.971}, theta, 1e-15);
        assertArrayEquals(new double[] {0.095, -0.19}, momentum.export().arrays().get("v"), 1e-15);
    }

    @Test
    void adamCorrectsTheBiasAtStepOne() {
        double[] theta = theta();
        Updater adam = Optimizer.adam().start(2);
        adam.step(theta, G1, ALPHA);
        // v = 0.1·g, s = 0.001·g²; v̂ = v / 0.1 = g, ŝ = s / 0.001 = g²; θ −= 0.1·g / (|g| + 1e-8)
        assertArrayEquals(new double[] {1 - 0.1 * 0.5 / (0.5 + 1e-8), -2 + 0.1 * 1 / (1 + 1e-8)}, theta, 1e-15);
        assertArrayEquals(new double[] {0.9000000019999999600, -1.9000000009999999900}, theta, 1e-15);
        // without the correction the first step would be 0.1·0.05 / √0.00025 ≈ 0.316, not 0.1
        assertTrue(Math.abs(theta[0] - 0.6837724339830356) > 0.2);
    }

    @Test
    void adamCorrectsTheBiasAtStepTwo() {
        double[] theta = theta();
        Updater adam = Optimizer.adam().start(2);
        adam.step(theta, G1, ALPHA);
        adam.step(theta, G2, ALPHA);
        // v2 = 0.9·(0.05, −0.1) + 0.1·(0.25, 2) = (0.07, 0.11); s2 = 0.999·(0.00025, 0.001) + 0.001·(0.0625, 4)
        //    = (0.00031225, 0.004999); v̂ = v2 / (1 − 0.81), ŝ = s2 / (1 − 0.998001)
        double[] v = {0.07, 0.11};
        double[] s = {0.00031225, 0.004999};
        double[] expected = {0.9000000019999999600, -1.9000000009999999900};
        for (int i = 0; i < 2; i++) {
            expected[i] -= 0.1 * (v[i] / 0.19) / (Math.sqrt(s[i] / 0.001999) + 1e-8);
        }
        assertArrayEquals(expected, theta, 1e-14);
        assertArrayEquals(new double[] {0.80678204047746166896, -1.93661035347207508821}, theta, 1e-14);
        Map<String, double[]> state = adam.export().arrays();
        assertArrayEquals(v, state.get("v"), 1e-16);
        assertArrayEquals(s, state.get("s"), 1e-17);
        assertEquals(2, adam.export().step());
    }

    @Test
    void restoredStateContinuesExactly() {
        double[] straight = theta();
        Updater uninterrupted = Optimizer.adam().start(2);
        uninterrupted.step(straight, G1, ALPHA);
        uninterrupted.step(straight, G2, ALPHA);
        uninterrupted.step(straight, G1, ALPHA);

        double[] resumed = theta();
        Updater first = Optimizer.adam().start(2);
        first.step(resumed, G1, ALPHA);
        OptimizerState saved = first.export();
        Updater second = Optimizer.adam().start(2);
        second.restore(new OptimizerState(saved.optimizer(), saved.step(), saved.arrays()));
        second.step(resumed, G2, ALPHA);
        second.step(resumed, G1, ALPHA);

        assertArrayEquals(straight, resumed, 0.0);
        assertEquals(3, second.steps());
    }

    @Test
    void exportedStateIsACopy() {
        double[] theta = theta();
        Updater momentum = Optimizer.momentum(0.9).start(2);
        momentum.step(theta, G1, ALPHA);
        OptimizerState state = momentum.export();
        state.arrays().get("v")[0] = 42;
        momentum.step(theta, G1, ALPHA);
        assertEquals(0.05, state.arrays().get("v")[0], 1e-15);
    }

    @Test
    void restoreRejectsAStateItCannotContinue() {
        Updater adam = Optimizer.adam().start(2);
        OptimizerState momentum = Optimizer.momentum(0.9).start(2).export();
        assertMessage(() -> adam.restore(momentum), "saved by momentum");
        assertMessage(() -> adam.restore(new OptimizerState("adam", 3, Map.of("v", new double[2]))), "needs the arrays [v, s]");
        assertMessage(() -> adam.restore(new OptimizerState("adam", 3, Map.of("v", new double[2], "s", new double[5]))),
                "array s has 5 entries, the parameters 2");
        assertMessage(() -> new OptimizerState("adam", -1, Map.of()), "negative");
    }

    @Test
    void hyperparametersAreChecked() {
        assertMessage(() -> Optimizer.momentum(1.0), "momentum β must be in [0, 1)");
        assertMessage(() -> Optimizer.adam(Double.NaN, 0.999, 1e-8), "β1");
        assertMessage(() -> Optimizer.adam(0.9, -0.1, 1e-8), "β2");
        assertMessage(() -> Optimizer.adam(0.9, 0.999, 0), "ε");
    }

    static void assertMessage(org.junit.jupiter.api.function.Executable call, String part) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertTrue(e.getMessage().contains(part), () -> "expected \"" + part + "\" in: " + e.getMessage());
    }
}
