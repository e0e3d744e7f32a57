package dev.netsmith.processor.validation;

import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.Activation;
import dev.netsmith.Loss;
import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Expected;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules on each {@code @Dense}: units ≥ 1, keepProb in (0, 1], no dropout on the output layer, softmax only on
 * the output layer and with at least 2 units, and every loss with its output activation. Most networks repeat
 * {@code @Dense}, which javac wraps in a synthesized {@code @Dense.List}; each error must still sit on the value
 * written in the right {@code @Dense} (also when the container is written by hand).
 */
class LayerRulesTest {

    private static final Source LAYERS = demo("LayerRules", """
            public class LayerRules {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 0, activation = Activation.SIGMOID)
                interface ZeroUnitsSingle {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = -2, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NegativeUnits {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU, keepProb = 0.9)
                @Dense(units = 3, activation = Activation.RELU, keepProb = 1.5)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface KeepTooHigh {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU, keepProb = 0.0)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface KeepZero {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH, keepProb = -0.25)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface KeepNegative {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH, keepProb = Double.NaN)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface KeepNaN {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID, keepProb = 2)
                interface KeepTooHighSingle {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU, keepProb = 0.5)
                @Dense(units = 1, activation = Activation.SIGMOID, keepProb = 0.8)
                interface OutputDropout {}

                @Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                @Dense(units = 4, activation = Activation.SOFTMAX)
                @Dense(units = 3, activation = Activation.SOFTMAX)
                interface SoftmaxHidden {}

                @Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                @Dense(units = 5, activation = Activation.LEAKY_RELU)
                @Dense(units = 1, activation = Activation.SOFTMAX) // softmax after leaky
                interface SoftmaxOneUnit {}

                @Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SOFTMAX) // single softmax
                interface SoftmaxOneUnitSingle {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense.List({@Dense(units = 2, activation = Activation.RELU), @Dense(units = 1, activation = Activation.SIGMOID, keepProb = 7)})
                interface ContainerByHand {}

                @Network(inputs = 2, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                @Dense(units = 6, activation = Activation.RELU, keepProb = 1.0)
                @Dense(units = 2, activation = Activation.SOFTMAX)
                interface Valid {}
            }
            """);

    private static final Source MISMATCHES = mismatches();

    private static Compiled compilation;

    /** One network per loss and output activation that does not go with it, each with a hidden layer. */
    private static Source mismatches() {
        StringBuilder body = new StringBuilder("public class Mismatches {\n");
        for (Loss loss : Loss.values()) {
            for (Activation activation : Activation.values()) {
                if (activation == loss.outputActivation()) {
                    continue;
                }
                String name = loss + "_" + activation;
                String custom = activation == Activation.CUSTOM ? ", custom = Activations.Swish.class" : "";
                body.append("    @Network(inputs = 2, loss = Loss.").append(loss).append(")\n")
                        .append("    @Dense(units = 3, activation = Activation.TANH)\n")
                        .append("    @Dense(units = 2, activation = Activation.").append(activation).append(custom)
                        .append(") // ").append(name).append("\n")
                        .append("    interface ").append(name).append(" {}\n\n");
            }
        }
        return demo("Mismatches", body.append("}\n").toString());
    }

    private static final Source ACTIVATIONS = demo("Activations", """
            public class Activations {
                public static class Swish implements ActivationFunction {
                    public double value(double z) { return z / (1 + Math.exp(-z)); }
                    public double derivative(double z, double a) { return a + (1 - a) / (1 + Math.exp(-z)); }
                }
            }
            """);

    @BeforeAll
    static void compileAll() {
        compilation = compile(LAYERS, MISMATCHES, ACTIVATIONS);
    }

    @Test
    void eachRuleIsAnErrorOnTheValueOfTheRightDense() {
        Expected expected = expect(compilation)
                .error("[Netsmith.Units] @Dense(units) of layer 1 must be at least 1, was 0 ", LAYERS, "units = 0,", "0,")
                .error("[Netsmith.Units] @Dense(units) of layer 2 must be at least 1, was -2 ", LAYERS, "units = -2,", "-2")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 2 must be in (0, 1], was 1.5 ", LAYERS, "keepProb = 1.5", "1.5")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 1 must be in (0, 1], was 0.0 ", LAYERS, "keepProb = 0.0", "0.0")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 1 must be in (0, 1], was -0.25 ", LAYERS, "keepProb = -0.25", "-0.25")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 1 must be in (0, 1], was NaN ", LAYERS, "keepProb = Double.NaN", ".NaN")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 1 must be in (0, 1], was 2.0 ", LAYERS, "keepProb = 2)", "2)")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 2 must be in (0, 1], was 7.0 ", LAYERS, "keepProb = 7", "7)")
                .error("[Netsmith.OutputDropout] @Dense(keepProb) of layer 2 is 0.8, but layer 2 is the output layer, which must keep every unit",
                        LAYERS, "keepProb = 0.8", "0.8")
                .error("[Netsmith.SoftmaxHidden] @Dense(activation = SOFTMAX) on hidden layer 1: softmax is for the output layer only",
                        LAYERS, "units = 4, activation = Activation.SOFTMAX", ".SOFTMAX")
                .error("[Netsmith.SoftmaxUnits] @Dense(activation = SOFTMAX) of layer 2 has 1 unit; softmax needs at least 2 classes",
                        LAYERS, "// softmax after leaky", "1, activation")
                .error("[Netsmith.SoftmaxUnits] @Dense(activation = SOFTMAX) of layer 1 has 1 unit; softmax needs at least 2 classes",
                        LAYERS, "// single softmax", "1, activation");
        for (Loss loss : Loss.values()) {
            for (Activation activation : Activation.values()) {
                if (activation == loss.outputActivation()) {
                    continue;
                }
                String otherLoss = switch (activation) {
                    case SIGMOID -> ", or use loss = BINARY_CROSS_ENTROPY, which goes with SIGMOID)";
                    case SOFTMAX -> ", or use loss = SOFTMAX_CROSS_ENTROPY, which goes with SOFTMAX)";
                    case LINEAR -> ", or use loss = MEAN_SQUARED_ERROR, which goes with LINEAR)";
                    default -> ")";
                };
                expected.error("[Netsmith.LossActivation] loss " + loss + " needs output activation " + loss.outputActivation()
                                + ", but output layer 2 uses " + activation + " (fix: set the last @Dense to activation = "
                                + loss.outputActivation() + otherLoss,
                        MISMATCHES, "// " + loss + "_" + activation, "." + activation);
            }
        }
        expected.andNothingElse();
    }

    @Test
    void networksWithErrorsGenerateNothing() {
        for (String name : new String[] {"ZeroUnitsSingle", "NegativeUnits", "KeepTooHigh", "KeepZero", "KeepNegative", "KeepNaN",
                "KeepTooHighSingle", "ContainerByHand", "OutputDropout", "SoftmaxHidden", "SoftmaxOneUnit", "SoftmaxOneUnitSingle"}) {
            assertNothingGenerated(compilation, "demo.LayerRules_" + name);
        }
        assertNothingGenerated(compilation, "demo.Mismatches");
    }

    @Test
    void validNetworkNextToThemIsGenerated() {
        assertGenerated(compilation, "demo.LayerRules_Valid");
    }
}
