package dev.netsmith.processor.validation;

import static com.google.common.truth.Truth.assertThat;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.Test;

/**
 * {@code @Network} on a class declared in a method, constructor, initializer, lambda or default method: annotation
 * processing never sees such classes, so without this rule the network would be ignored in silence. The error is
 * reported once javac has attributed the class (so only when the compilation has no other errors), also in a
 * compilation whose other types carry no Netsmith annotation at all.
 */
class LocalTypesTest {

    @Test
    void localTypesOfEveryKindAreAnErrorEach() {
        Source source = demo("Locals", """
                public class Locals {
                    static {
                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        interface InInitializer {}
                    }

                    Locals() {
                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        abstract class InConstructor {}
                    }

                    void method() {
                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        record LocalRecord() {}

                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        enum LocalEnum { A }

                        Runnable r = () -> {
                            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                            @Dense(units = 1, activation = Activation.SIGMOID)
                            interface InLambda {}
                        };
                    }

                    interface WithDefault {
                        default void method() {
                            @dev.netsmith.Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                            @Dense(units = 1, activation = Activation.SIGMOID)
                            interface InDefaultMethod {}
                        }
                    }

                    void notNetsmith() {
                        @Deprecated
                        interface OtherAnnotation {}
                    }
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .error("[Netsmith.LocalType] @Network type InInitializer is declared inside", source, "interface InInitializer", "interface")
                .error("[Netsmith.LocalType] @Network type InConstructor is declared inside", source, "class InConstructor", "class")
                .error("[Netsmith.LocalType] @Network type LocalRecord is declared inside", source, "record LocalRecord", "record")
                .error("[Netsmith.LocalType] @Network type LocalEnum is declared inside", source, "enum LocalEnum", "enum")
                .error("[Netsmith.LocalType] @Network type InLambda is declared inside", source, "interface InLambda", "interface")
                .error("[Netsmith.LocalType] @Network type InDefaultMethod is declared inside", source, "interface InDefaultMethod",
                        "interface")
                .andNothingElse();
        assertThat(compiled.generatedSources()).isEmpty();
    }

    /** Another annotation that happens to be called Network is not Netsmith's. */
    @Test
    void localTypesWithAnotherNetworkAnnotationAreLeftAlone() {
        Source source = demo("OtherNetwork", """
                public class OtherNetwork {
                    @interface Network {}

                    void method() {
                        @Network
                        interface Local {}
                    }
                }
                """);
        expect(compile(source)).andNothingElse();
    }
}
