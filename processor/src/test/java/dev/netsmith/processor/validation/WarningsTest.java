package dev.netsmith.processor.validation;

import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The warnings (ReLU-family layers with Xavier init, epsilon far from 1e-7): reported on the value, they do not stop
 * generation, and {@code @SuppressWarnings("netsmith")} on the type or an enclosing class silences them.
 */
class WarningsTest {

    private static final Source WARNINGS = demo("Warnings", """
            public class Warnings {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER) // relu with xavier
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = 4, activation = Activation.LEAKY_RELU)
                @Dense(units = 4, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface ReluXavier {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER) // xavier without relu
                @Dense(units = 4, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface TanhXavier {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.HE)
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface ReluHe {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-4)
                interface LargeEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-10)
                interface SmallEpsilon {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-8)
                interface EpsilonAtLowerEdge {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-6)
                interface EpsilonAtUpperEdge {}

                @SuppressWarnings("netsmith")
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER) // suppressed on the type
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-3)
                interface Suppressed {}

                @SuppressWarnings({"unchecked", "netsmith"})
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER) // suppressed among others
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface SuppressedAmongOthers {}

                @SuppressWarnings("unchecked")
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER) // suppressed, but not netsmith
                @Dense(units = 4, activation = Activation.LEAKY_RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface OtherSuppression {}
            }
            """);

    private static final Source QUIET = demo("Quiet", """
            @SuppressWarnings("netsmith")
            public class Quiet {
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.XAVIER)
                @Dense(units = 4, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-3)
                interface Net {}
            }
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(WARNINGS, QUIET);
    }

    @Test
    void warningsAreOnTheValueAndSuppressible() {
        expect(compilation)
                .warning("[Netsmith.ReluXavier] layer 1 uses relu with init = XAVIER; ReLU layers keep their variance with He initialisation",
                        WARNINGS, "// relu with xavier", ".XAVIER")
                .warning("[Netsmith.ReluXavier] layer 2 uses leaky_relu with init = XAVIER", WARNINGS, "// relu with xavier", ".XAVIER")
                .warning("[Netsmith.ReluXavier] layer 1 uses leaky_relu with init = XAVIER", WARNINGS, "// suppressed, but not netsmith",
                        ".XAVIER")
                .warning("[Netsmith.EpsilonFar] @GradientCheck(epsilon = 1.0E-4) is far from 1e-7", WARNINGS, "epsilon = 1e-4", "1e-4")
                .warning("[Netsmith.EpsilonFar] @GradientCheck(epsilon = 1.0E-10) is far from 1e-7", WARNINGS, "epsilon = 1e-10", "1e-10")
                .andNothingElse();
    }

    @Test
    void warningsDoNotStopGeneration() {
        for (String name : new String[] {"Warnings_ReluXavier", "Warnings_TanhXavier", "Warnings_ReluHe", "Warnings_LargeEpsilon",
                "Warnings_SmallEpsilon", "Warnings_EpsilonAtLowerEdge", "Warnings_EpsilonAtUpperEdge", "Warnings_Suppressed",
                "Warnings_SuppressedAmongOthers", "Warnings_OtherSuppression", "Quiet_Net"}) {
            assertGenerated(compilation, "demo." + name);
        }
    }
}
