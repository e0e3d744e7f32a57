package dev.netsmith.processor.robustness;

import static com.google.common.truth.Truth.assertThat;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import dev.netsmith.runtime.CompiledNetwork;
import org.junit.jupiter.api.Test;

/**
 * Declarations that are legal but unusual: generic types, deep nesting, types nested in enums and records, the
 * largest network an array holds (all generated, compiled and loaded); and absurd widths (one error, no allocation,
 * no generation). Local types of every kind are in {@code validation.LocalTypesTest}.
 */
class UnusualDeclarationsTest {

    @Test
    void genericNestedAndLargestNetworksAreGeneratedAndLoad() {
        GeneratedClasses generated = GeneratedClasses.process(
                JavaFileObjects.forSourceString("demo.A", """
                        package demo;

                        import dev.netsmith.*;

                        public interface A {
                            class B {
                                public abstract static class C {
                                    interface D {
                                        @Network(inputs = 3, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                                        @Dense(units = 4, activation = Activation.RELU)
                                        @Dense(units = 2, activation = Activation.SOFTMAX)
                                        interface E {}
                                    }
                                }
                            }
                        }
                        """),
                JavaFileObjects.forSourceString("demo.Generic", """
                        package demo;

                        import dev.netsmith.*;

                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        public interface Generic<T extends Comparable<T>> {

                            @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)
                            @Dense(units = 2, activation = Activation.LINEAR)
                            abstract class GenericClass<K, V extends K> implements Generic<String> {}
                        }
                        """),
                JavaFileObjects.forSourceString("demo.Holders", """
                        package demo;

                        import dev.netsmith.*;

                        public enum Holders {
                            ONE;

                            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                            @Dense(units = 1, activation = Activation.SIGMOID)
                            interface InEnum {}

                            record Pair(int a) {
                                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                                @Dense(units = 1, activation = Activation.SIGMOID)
                                interface InRecord {}
                            }
                        }
                        """),
                JavaFileObjects.forSourceString("demo.Largest", """
                        package demo;

                        import dev.netsmith.*;

                        @Network(inputs = 118, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 18046081, activation = Activation.SIGMOID)
                        public interface Largest {}
                        """));
        CompiledNetwork nested = generated.network("demo.A_B_C_D_E");
        assertThat(nested.architecture().name()).isEqualTo("demo.A.B.C.D.E");
        assertThat(nested.layout().size()).isEqualTo(4 * 4 + 2 * 5);
        assertThat(generated.network("demo.Generic").layout().size()).isEqualTo(3);
        assertThat(generated.network("demo.Generic_GenericClass").layout().size()).isEqualTo(6);
        assertThat(generated.network("demo.Holders_InEnum").layout().size()).isEqualTo(3);
        assertThat(generated.network("demo.Holders_Pair_InRecord").layout().size()).isEqualTo(3);
        assertThat(generated.network("demo.Largest").layout().size()).isEqualTo(Integer.MAX_VALUE - 8);
    }

    @Test
    void absurdWidthsAreOneErrorAndGenerateNothing() {
        Source source = demo("Absurd", """
                public class Absurd {
                    @Network(inputs = 1000000000, loss = Loss.SOFTMAX_CROSS_ENTROPY) // a billion inputs
                    @Dense(units = 1000000000, activation = Activation.RELU)
                    @Dense(units = 1000000000, activation = Activation.RELU)
                    @Dense(units = 1000000000, activation = Activation.SOFTMAX)
                    interface Billions {}

                    @Network(inputs = Integer.MAX_VALUE, loss = Loss.MEAN_SQUARED_ERROR) // the largest int
                    @Dense(units = Integer.MAX_VALUE, activation = Activation.LINEAR)
                    interface MaxInt {}
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .error("[Netsmith.TooManyParameters] network demo.Absurd.Billions has 3,000,000,003,000,000,000 parameters",
                        source, "// a billion inputs", "@Network")
                .error("[Netsmith.TooManyParameters] network demo.Absurd.MaxInt has 4,611,686,016,279,904,256 parameters",
                        source, "// the largest int", "@Network")
                .andNothingElse();
        assertNothingGenerated(compiled, "demo.Absurd");
    }
}
