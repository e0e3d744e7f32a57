package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String SWISH = "com.example.Swish";

    /** The README's network: 64 → 32 relu (keep 0.8) → 16 custom → 10 softmax, λ = 0.01. */
    private static Architecture digits() {
        return new Architecture("com.example.DigitsNet", 64, List.of(
                new Layer(32, Activation.RELU, 0.8, null),
                new Layer(16, Activation.CUSTOM, 1.0, SWISH),
                Layer.of(10, Activation.SOFTMAX)), Loss.SOFTMAX_CROSS_ENTROPY, 0.01, Init.AUTO);
    }

    private static Architecture of(int inputs, List<Layer> layers, Loss loss, double l2, Init init) {
        return new Architecture("test.Net", inputs, layers, loss, l2, init);
    }

    @Test
    void describesSizesAndLayersOneBased() {
        Architecture a = digits();
        assertEquals(3, a.depth());
        assertEquals(64, a.units(0));
        assertEquals(32, a.units(1));
        assertEquals(10, a.units(3));
        assertEquals(10, a.outputs());
        assertArrayEquals(new int[] {64, 32, 16, 10}, a.sizes());
        assertEquals(new Layer(16, Activation.CUSTOM, 1.0, SWISH), a.layer(2));
        thrown(IndexOutOfBoundsException.class, () -> a.layer(0), "layer 0 of a 3-layer network");
        thrown(IndexOutOfBoundsException.class, () -> a.layer(4), "layer 4 of a 3-layer network");
    }

    @Test
    void keepsItsOwnCopyOfTheLayers() {
        List<Layer> layers = new ArrayList<>(List.of(Layer.of(3, Activation.TANH), Layer.of(1, Activation.SIGMOID)));
        Architecture a = of(2, layers, Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        layers.add(0, Layer.of(7, Activation.RELU));
        assertEquals(2, a.depth());
        assertArrayEquals(new int[] {2, 3, 1}, a.sizes());
    }

    @Test
    void refusesInvalidLayers() {
        thrown(IllegalArgumentException.class, () -> Layer.of(0, Activation.RELU), "at least 1 unit, was 0");
        thrown(IllegalArgumentException.class, () -> Layer.of(-3, Activation.RELU), "was -3");
        for (double keep : new double[] {0, -0.5, 1.0000001, Double.NaN, Double.POSITIVE_INFINITY}) {
            thrown(IllegalArgumentException.class, () -> new Layer(4, Activation.RELU, keep, null), "keepProb must be in (0, 1], was " + keep);
        }
        thrown(IllegalArgumentException.class, () -> new Layer(4, Activation.RELU, 1, SWISH), "custom class goes with activation CUSTOM");
        thrown(IllegalArgumentException.class, () -> new Layer(4, Activation.CUSTOM, 1, null), "custom class goes with activation CUSTOM");
        thrown(IllegalArgumentException.class, () -> new Layer(4, null, 1, null), "activation");
    }

    @Test
    void refusesInvalidNetworks() {
        List<Layer> out = List.of(Layer.of(1, Activation.SIGMOID));
        thrown(IllegalArgumentException.class, () -> of(0, out, Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), "at least 1 input, was 0");
        thrown(IllegalArgumentException.class, () -> of(3, List.of(), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), "at least one layer");
        for (double l2 : new double[] {-1e-9, Double.NaN, Double.POSITIVE_INFINITY}) {
            thrown(IllegalArgumentException.class, () -> of(3, out, Loss.BINARY_CROSS_ENTROPY, l2, Init.AUTO), "l2 must be finite and >= 0, was " + l2);
        }
        thrown(IllegalArgumentException.class, () -> of(3, out, null, 0, Init.AUTO), "loss");
        thrown(IllegalArgumentException.class, () -> of(3, out, Loss.BINARY_CROSS_ENTROPY, 0, null), "init");
        thrown(IllegalArgumentException.class, () -> new Architecture(null, 3, out, Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), "name");
    }

    @Test
    void refusesAnOutputActivationTheLossIsNotDefinedFor() {
        thrown(IllegalArgumentException.class, () -> of(3, List.of(Layer.of(2, Activation.RELU)), Loss.MEAN_SQUARED_ERROR, 0, Init.AUTO),
                "MEAN_SQUARED_ERROR", "LINEAR", "RELU");
        thrown(IllegalArgumentException.class, () -> of(3, List.of(Layer.of(2, Activation.SIGMOID)), Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO),
                "SOFTMAX_CROSS_ENTROPY", "SOFTMAX", "SIGMOID");
    }

    @Test
    void refusesDropoutOnTheOutputLayer() {
        thrown(IllegalArgumentException.class, () -> of(3, List.of(Layer.of(4, Activation.RELU), new Layer(1, Activation.SIGMOID, 0.5, null)),
                Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), "output layer", "0.5");
    }

    @Test
    void refusesSoftmaxOnAHiddenLayerOrWithOneUnit() {
        thrown(IllegalArgumentException.class, () -> of(3, List.of(Layer.of(4, Activation.SOFTMAX), Layer.of(3, Activation.SOFTMAX)),
                Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO), "softmax", "layer 1");
        thrown(IllegalArgumentException.class, () -> of(3, List.of(Layer.of(1, Activation.SOFTMAX)),
                Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO), "at least 2 units");
    }

    @Test
    void autoInitIsHeForTheReluFamilyAndXavierOtherwise() {
        Architecture a = of(5, List.of(
                Layer.of(4, Activation.RELU), Layer.of(4, Activation.LEAKY_RELU), Layer.of(4, Activation.TANH),
                Layer.of(4, Activation.SIGMOID), Layer.of(4, Activation.LINEAR), new Layer(4, Activation.CUSTOM, 1, SWISH),
                Layer.of(3, Activation.SOFTMAX)), Loss.SOFTMAX_CROSS_ENTROPY, 0, Init.AUTO);
        Init[] expected = {Init.HE, Init.HE, Init.XAVIER, Init.XAVIER, Init.XAVIER, Init.XAVIER, Init.XAVIER};
        for (int l = 1; l <= a.depth(); l++) {
            assertEquals(expected[l - 1], a.initOf(l), "layer " + l + " " + a.layer(l).activation());
        }
    }

    @Test
    void aDeclaredInitAppliesToEveryLayer() {
        for (Init init : new Init[] {Init.HE, Init.XAVIER, Init.SMALL_RANDOM}) {
            Architecture a = of(5, List.of(Layer.of(4, Activation.RELU), Layer.of(3, Activation.TANH), Layer.of(1, Activation.LINEAR)),
                    Loss.MEAN_SQUARED_ERROR, 0, init);
            for (int l = 1; l <= 3; l++) {
                assertEquals(init, a.initOf(l));
            }
        }
    }

    @Test
    void canonicalFormSpellsOutEveryDeclaredProperty() {
        assertEquals("inputs=64;dense(32,RELU,keep=0.8);dense(16,CUSTOM:com.example.Swish,keep=1.0);dense(10,SOFTMAX,keep=1.0)"
                + ";loss=SOFTMAX_CROSS_ENTROPY;l2=0.01;init=AUTO", digits().canonicalForm());
    }

    @Test
    void fingerprintIsAStableSha256OfTheCanonicalForm() {
        // fixed once: checkpoints written today must still match tomorrow
        assertEquals("0d0d6c03d6d543b9339751a86b8c641e3c9643e77bddb8d8487484c3298ea364", digits().fingerprint());
    }

    @Test
    void fingerprintIgnoresTheDeclaringTypesName() {
        Architecture a = digits();
        Architecture renamed = new Architecture("other.Name", a.inputs(), a.layers(), a.loss(), a.l2(), a.init());
        assertEquals(a.fingerprint(), renamed.fingerprint());
    }

    @Test
    void fingerprintChangesWithEveryDeclaredProperty() {
        Architecture base = digits();
        List<Layer> l = base.layers();
        Map<String, Architecture> variants = new LinkedHashMap<>();
        variants.put("inputs", of(63, l, base.loss(), base.l2(), base.init()));
        variants.put("hidden units", of(64, List.of(new Layer(31, Activation.RELU, 0.8, null), l.get(1), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("output units", of(64, List.of(l.get(0), l.get(1), Layer.of(9, Activation.SOFTMAX)), base.loss(), base.l2(), base.init()));
        variants.put("activation", of(64, List.of(new Layer(32, Activation.LEAKY_RELU, 0.8, null), l.get(1), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("custom class", of(64, List.of(l.get(0), new Layer(16, Activation.CUSTOM, 1.0, "com.example.Mish"), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("keepProb", of(64, List.of(new Layer(32, Activation.RELU, 0.81, null), l.get(1), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("keepProb on another layer", of(64, List.of(l.get(0), new Layer(16, Activation.CUSTOM, 0.8, SWISH), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("layer order", of(64, List.of(l.get(1), l.get(0), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("extra layer", of(64, List.of(l.get(0), l.get(0), l.get(1), l.get(2)), base.loss(), base.l2(), base.init()));
        variants.put("l2", of(64, l, base.loss(), 0.02, base.init()));
        variants.put("no l2", of(64, l, base.loss(), 0, base.init()));
        variants.put("init", of(64, l, base.loss(), base.l2(), Init.HE));
        variants.put("loss", of(64, List.of(l.get(0), l.get(1), Layer.of(10, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, base.l2(), base.init()));
        List<String> seen = new ArrayList<>(List.of(base.fingerprint()));
        variants.forEach((what, variant) -> {
            String fingerprint = variant.fingerprint();
            assertTrue(!seen.contains(fingerprint), what + " did not change the fingerprint: " + variant.canonicalForm());
            seen.add(fingerprint);
        });
        assertEquals(base.fingerprint(), digits().fingerprint());
    }

    @Test
    void fingerprintDoesNotDependOnTheSignOfAZeroL2() {
        List<Layer> layers = List.of(Layer.of(1, Activation.SIGMOID));
        Architecture plus = of(3, layers, Loss.BINARY_CROSS_ENTROPY, 0.0, Init.AUTO);
        Architecture minus = of(3, layers, Loss.BINARY_CROSS_ENTROPY, -0.0, Init.AUTO);
        assertEquals(plus.fingerprint(), minus.fingerprint());
        assertEquals(plus, minus);
    }

    @Test
    void fingerprintDistinguishesNearbyKeepProbabilities() {
        double keep = 0.8;
        double next = Math.nextUp(keep);
        Architecture a = of(3, List.of(new Layer(4, Activation.RELU, keep, null), Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        Architecture b = of(3, List.of(new Layer(4, Activation.RELU, next, null), Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        assertNotEquals(a.fingerprint(), b.fingerprint());
    }

    @Test
    void toStringUsesArrowNotation() {
        assertEquals("com.example.DigitsNet: 64 → 32 relu (keep 0.8) → 16 custom → 10 softmax, softmax_cross_entropy, λ = 0.01",
                digits().toString());
        assertEquals("test.Net: 3 → 1 sigmoid, binary_cross_entropy",
                of(3, List.of(Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO).toString());
    }
}
