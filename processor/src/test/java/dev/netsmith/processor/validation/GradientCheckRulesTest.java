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
 * The rules on {@code @GradientCheck}: epsilon in (0, 1e-2], both thresholds positive and finite, and passBelow
 * below failAbove. A value left at its default is reported on the annotation.
 */
class GradientCheckRulesTest {

    private static final Source CHECKS = demo("CheckRules", """
            public class CheckRules {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 0)
                interface ZeroEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = -1e-7)
                interface NegativeEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 0.1)
                interface LargeEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = Double.NaN)
                interface NaNEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(passBelow = 0)
                interface ZeroPassBelow {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(passBelow = Double.NaN)
                interface NaNPassBelow {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(failAbove = Double.POSITIVE_INFINITY)
                interface InfiniteFailAbove {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(failAbove = -1e-3)
                interface NegativeFailAbove {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(passBelow = 1e-3, failAbove = 1e-3)
                interface EqualThresholds {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(passBelow = 1e-2, failAbove = 1e-4)
                interface ReversedThresholds {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(failAbove = 1e-8) // passBelow left at 1e-7
                interface DefaultPassBelowAboveFailAbove {}

                @SuppressWarnings("netsmith")
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 0.5) // errors are not suppressed
                interface SuppressedError {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-2) // the largest epsilon allowed
                interface LargestEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-6, passBelow = 1e-8, failAbove = 1e-2)
                interface Valid {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck
                interface Defaults {}
            }
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(CHECKS);
    }

    @Test
    void eachRuleIsAnErrorOnTheValueOrOnTheAnnotation() {
        expect(compilation)
                .error("[Netsmith.Epsilon] @GradientCheck(epsilon) must be in (0, 1e-2], was 0.0 ", CHECKS, "epsilon = 0)", "0)")
                .error("[Netsmith.Epsilon] @GradientCheck(epsilon) must be in (0, 1e-2], was -1.0E-7 ", CHECKS, "epsilon = -1e-7", "-1e-7")
                .error("[Netsmith.Epsilon] @GradientCheck(epsilon) must be in (0, 1e-2], was 0.1 ", CHECKS, "epsilon = 0.1)", "0.1")
                .error("[Netsmith.Epsilon] @GradientCheck(epsilon) must be in (0, 1e-2], was NaN ", CHECKS, "epsilon = Double.NaN", ".NaN")
                .error("[Netsmith.Epsilon] @GradientCheck(epsilon) must be in (0, 1e-2], was 0.5 ", CHECKS, "epsilon = 0.5", "0.5")
                .error("[Netsmith.Threshold] @GradientCheck(passBelow) must be a positive finite number, was 0.0 ",
                        CHECKS, "passBelow = 0)", "0)")
                .error("[Netsmith.Threshold] @GradientCheck(passBelow) must be a positive finite number, was NaN ",
                        CHECKS, "passBelow = Double.NaN", ".NaN")
                .error("[Netsmith.Threshold] @GradientCheck(failAbove) must be a positive finite number, was Infinity ",
                        CHECKS, "failAbove = Double.POSITIVE_INFINITY", ".POSITIVE_INFINITY")
                .error("[Netsmith.Threshold] @GradientCheck(failAbove) must be a positive finite number, was -0.001 ",
                        CHECKS, "failAbove = -1e-3", "-1e-3")
                .error("[Netsmith.ThresholdOrder] @GradientCheck(passBelow = 0.001) must be below failAbove = 0.001 ",
                        CHECKS, "passBelow = 1e-3, failAbove = 1e-3", "1e-3, failAbove")
                .error("[Netsmith.ThresholdOrder] @GradientCheck(passBelow = 0.01) must be below failAbove = 1.0E-4 ",
                        CHECKS, "passBelow = 1e-2, failAbove = 1e-4", "1e-2")
                .error("[Netsmith.ThresholdOrder] @GradientCheck(passBelow = 1.0E-7) must be below failAbove = 1.0E-8 ",
                        CHECKS, "// passBelow left at 1e-7", "@GradientCheck")
                .warning("[Netsmith.EpsilonFar] @GradientCheck(epsilon = 0.01) is far from 1e-7", CHECKS, "// the largest epsilon", "1e-2")
                .andNothingElse();
    }

    @Test
    void networksWithErrorsGenerateNothing() {
        for (String name : new String[] {"ZeroEpsilon", "NegativeEpsilon", "LargeEpsilon", "NaNEpsilon", "ZeroPassBelow", "NaNPassBelow",
                "InfiniteFailAbove", "NegativeFailAbove", "EqualThresholds", "ReversedThresholds", "DefaultPassBelowAboveFailAbove",
                "SuppressedError"}) {
            assertNothingGenerated(compilation, "demo.CheckRules_" + name);
        }
    }

    @Test
    void validChecksNextToThemAreGenerated() {
        assertGenerated(compilation, "demo.CheckRules_LargestEpsilon");
        assertGenerated(compilation, "demo.CheckRules_Valid");
        assertGenerated(compilation, "demo.CheckRules_Defaults");
    }
}
