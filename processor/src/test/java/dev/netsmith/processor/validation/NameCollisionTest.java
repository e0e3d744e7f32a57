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
 * A generated name must not collide: with a type written by hand ({@code Foo_Model} next to {@code @Network Foo}),
 * or with the classes of another network ({@code Outer.Inner} and a top-level {@code Outer_Inner} both make
 * {@code Outer_Inner_Model}). Either way the colliding networks generate nothing and other networks still do.
 */
class NameCollisionTest {

    private static final Source FOO = demo("Foo", """
            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 1, activation = Activation.SIGMOID)
            public interface Foo {}
            """);

    private static final Source FOO_MODEL = demo("Foo_Model", """
            public class Foo_Model {}
            """);

    private static final Source OUTER = demo("Outer", """
            public class Outer {
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                public interface Inner {}
            }
            """);

    private static final Source OUTER_INNER = demo("Outer_Inner", """
            @Network(inputs = 3, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 1, activation = Activation.SIGMOID)
            public interface Outer_Inner {}
            """);

    /** A nested {@code Other.Bar_Model} does not collide with the top-level {@code Bar_Model}. */
    private static final Source BAR = demo("Bar", """
            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 1, activation = Activation.SIGMOID)
            public interface Bar {}

            class Other {
                static class Bar_Model {}
            }
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(FOO, FOO_MODEL, OUTER, OUTER_INNER, BAR);
    }

    @Test
    void collisionsAreErrorsOnEachNetworkInvolved() {
        expect(compilation)
                .error("[Netsmith.NameCollision] Netsmith generates Foo_Model for demo.Foo, but a type of that name already exists",
                        FOO, "public interface Foo", "interface Foo")
                .error("[Netsmith.DuplicateName] Netsmith would generate Outer_Inner_Forward for both demo.Outer.Inner and demo.Outer_Inner",
                        OUTER, "public interface Inner", "interface Inner")
                .error("[Netsmith.DuplicateName] Netsmith would generate Outer_Inner_Forward for both demo.Outer.Inner and demo.Outer_Inner",
                        OUTER_INNER, "public interface Outer_Inner", "interface Outer_Inner")
                .andNothingElse();
    }

    @Test
    void collidingNetworksGenerateNothing() {
        assertNothingGenerated(compilation, "demo.Foo");
        assertNothingGenerated(compilation, "demo.Outer_Inner");
    }

    @Test
    void otherNetworksAreGenerated() {
        assertGenerated(compilation, "demo.Bar");
    }
}
