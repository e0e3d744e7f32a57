package dev.netsmith.processor.validation;

import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.Test;

/** {@code @Dense} or {@code @GradientCheck} without {@code @Network} would otherwise be ignored in silence. */
class AnnotationsWithoutNetworkTest {

    private static final Source LONE = demo("Lone", """
            public class Lone {

                @Dense(units = 3, activation = Activation.RELU) // lone dense
                interface LoneDense {}

                @Dense(units = 3, activation = Activation.RELU) // first of two
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface TwoDense {}

                @GradientCheck(epsilon = 1e-7) // lone check
                interface LoneCheck {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck
                interface Complete {}
            }
            """);

    @Test
    void eachIsAnErrorOnItsFirstAnnotation() {
        Compiled compilation = compile(LONE);
        expect(compilation)
                .error("[Netsmith.NoNetwork] @Dense on demo.Lone.LoneDense has no effect without @Network", LONE, "// lone dense", "@Dense")
                .error("[Netsmith.NoNetwork] @Dense on demo.Lone.TwoDense has no effect without @Network", LONE, "// first of two", "@Dense")
                .error("[Netsmith.NoNetwork] @GradientCheck on demo.Lone.LoneCheck has no effect without @Network (fix: add @Network(",
                        LONE, "// lone check", "@GradientCheck")
                .andNothingElse();
        assertGenerated(compilation, "demo.Lone_Complete");
    }
}
