package dev.netsmith.processor.validation;

import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules on {@code @Network} itself: at least one layer, inputs ≥ 1, l2 finite and ≥ 0, and no more parameters
 * than one Java array holds (the largest network that fits is generated; one parameter more is an error).
 */
class NetworkRulesTest {

    private static final Source NETS = demo("NetworkRules", """
            public class NetworkRules {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY) // no layers
                interface NoLayers {}

                @Network(inputs = 0, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface ZeroInputs {}

                @Network(inputs = -3, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NegativeInputs {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = -0.5)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NegativeL2 {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = Double.NaN)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NaNL2 {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = Double.POSITIVE_INFINITY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface InfiniteL2 {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = -1.0 / 0.0)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NegativeInfiniteL2 {}

                @Network(inputs = 64, loss = Loss.BINARY_CROSS_ENTROPY) // a billion units
                @Dense(units = 1000000000, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Billion {}

                @Network(inputs = 65535, loss = Loss.BINARY_CROSS_ENTROPY) // 2^32, which is 0 in int arithmetic
                @Dense(units = 65536, activation = Activation.SIGMOID)
                interface IntOverflow {}

                @Network(inputs = Integer.MAX_VALUE, loss = Loss.BINARY_CROSS_ENTROPY) // overflows a long
                @Dense(units = Integer.MAX_VALUE, activation = Activation.RELU)
                @Dense(units = Integer.MAX_VALUE, activation = Activation.RELU)
                @Dense(units = Integer.MAX_VALUE, activation = Activation.SIGMOID)
                interface LongOverflow {}

                @Network(inputs = 119, loss = Loss.BINARY_CROSS_ENTROPY) // one more than an array holds
                @Dense(units = 17895697, activation = Activation.SIGMOID)
                interface OneTooMany {}

                @Network(inputs = 118, loss = Loss.BINARY_CROSS_ENTROPY) // as many as an array holds
                @Dense(units = 18046081, activation = Activation.SIGMOID)
                interface Largest {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = 0.0) // valid
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Valid {}
            }
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(NETS);
    }

    @Test
    void eachRuleIsAnErrorOnTheValueOrOnNetwork() {
        expect(compilation)
                .error("[Netsmith.NoLayers] @Network demo.NetworkRules.NoLayers declares no layers (fix: add at least one @Dense",
                        NETS, "// no layers", "@Network")
                .error("[Netsmith.Inputs] @Network(inputs) must be at least 1, was 0 ", NETS, "inputs = 0,", "0,")
                .error("[Netsmith.Inputs] @Network(inputs) must be at least 1, was -3 ", NETS, "inputs = -3,", "-3")
                .error("[Netsmith.L2] @Network(l2) must be finite and at least 0, was -0.5 ", NETS, "l2 = -0.5", "-0.5")
                .error("[Netsmith.L2] @Network(l2) must be finite and at least 0, was NaN ", NETS, "l2 = Double.NaN", ".NaN")
                .error("[Netsmith.L2] @Network(l2) must be finite and at least 0, was Infinity ", NETS, "l2 = Double.POSITIVE", ".POSITIVE")
                .error("[Netsmith.L2] @Network(l2) must be finite and at least 0, was -Infinity ", NETS, "l2 = -1.0 / 0.0", "/ 0.0")
                .error("[Netsmith.TooManyParameters] network demo.NetworkRules.Billion has 66,000,000,001 parameters, "
                        + "more than a Java array holds (2,147,483,639)", NETS, "// a billion units", "@Network")
                .error("[Netsmith.TooManyParameters] network demo.NetworkRules.IntOverflow has 4,294,967,296 parameters",
                        NETS, "// 2^32", "@Network")
                .error("[Netsmith.TooManyParameters] network demo.NetworkRules.LongOverflow has 13,835,058,048,839,712,768 parameters",
                        NETS, "// overflows a long", "@Network")
                .error("[Netsmith.TooManyParameters] network demo.NetworkRules.OneTooMany has 2,147,483,640 parameters",
                        NETS, "// one more than", "@Network")
                .andNothingElse();
    }

    @Test
    void networksWithErrorsGenerateNothing() {
        for (String name : new String[] {"NoLayers", "ZeroInputs", "NegativeInputs", "NegativeL2", "NaNL2", "InfiniteL2",
                "NegativeInfiniteL2", "Billion", "IntOverflow", "LongOverflow", "OneTooMany"}) {
            assertNothingGenerated(compilation, "demo.NetworkRules_" + name);
        }
    }

    @Test
    void validNetworksNextToThemAreGenerated() {
        assertGenerated(compilation, "demo.NetworkRules_Valid");
        assertGenerated(compilation, "demo.NetworkRules_Largest");
    }
}
