package dev.netsmith.processor.validation;

import static com.google.common.truth.Truth.assertThat;
import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.processor.spec.CheckSpec;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.Location;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.spec.TypeFacts;
import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rules on {@code activation = CUSTOM}: a class must be named, used only with CUSTOM, and be one the generated
 * code can instantiate: concrete, public all the way out, static, with a public no-argument constructor, implementing
 * {@code ActivationFunction}.
 */
class CustomActivationRulesTest {

    private static final Source ACTIVATIONS = demo("Activations", """
            public class Activations {
                public static class Swish implements ActivationFunction {
                    public double value(double z) { return z / (1 + Math.exp(-z)); }
                    public double derivative(double z, double a) { return a + (1 - a) / (1 + Math.exp(-z)); }
                }

                public abstract static class Abstract implements ActivationFunction {
                }

                public interface Extended extends ActivationFunction {
                }

                public class Inner extends Swish {
                }

                public static class WithArgument extends Swish {
                    public WithArgument(double slope) {}
                }

                public static class PrivateConstructor extends Swish {
                    private PrivateConstructor() {}
                }

                static class Hidden extends Swish {
                }

                private static class Private extends Swish {
                }
            }

            class PackagePrivate extends Activations.Swish {
            }

            class Enclosing {
                public static class Nested extends Activations.Swish {
                }
            }
            """);

    private static final Source NETS = demo("CustomRules", """
            public class CustomRules {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM) // missing
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Missing {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = ActivationFunction.class) // the interface itself
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface InterfaceItself {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH, custom = Activations.Swish.class) // unused
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Unused {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.Abstract.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface AbstractClass {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.Extended.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface AnInterface {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = PackagePrivate.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NotPublic {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.Hidden.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NestedNotPublic {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Enclosing.Nested.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface EnclosingNotPublic {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.Inner.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface InnerClass {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.WithArgument.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface NoNoArgConstructor {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.PrivateConstructor.class)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface PrivateConstructor {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Activations.Swish.class) // second of three
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Valid {}
            }
            """);

    /** javac accepts a private nested class here (it is in scope), so this one compiles on its own. */
    private static final Source PRIVATE = demo("PrivateCustom", """
            public class PrivateCustom {
                @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)
                @Dense(units = 3, activation = Activation.CUSTOM, custom = Private.class)
                @Dense(units = 1, activation = Activation.LINEAR)
                interface Net {}

                private static class Private implements ActivationFunction {
                    public double value(double z) { return z; }
                    public double derivative(double z, double a) { return 1; }
                }
            }
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(ACTIVATIONS, NETS, PRIVATE);
    }

    @Test
    void eachRuleIsAnErrorOnTheCustomValue() {
        expect(compilation)
                .error("[Netsmith.CustomMissing] @Dense(activation = CUSTOM) of layer 1 names no class", NETS, "// missing", ".CUSTOM")
                .error("[Netsmith.CustomMissing] @Dense(activation = CUSTOM) of layer 1 names no class", NETS, "// the interface itself",
                        ".CUSTOM")
                .error("[Netsmith.CustomUnused] @Dense(custom = demo.Activations.Swish) of layer 1 is ignored because its activation is TANH",
                        NETS, "// unused", ".class")
                .error("[Netsmith.CustomAbstract] @Dense(custom = demo.Activations.Abstract) of layer 1 is abstract",
                        NETS, "Activations.Abstract.class", ".class")
                .error("[Netsmith.CustomAbstract] @Dense(custom = demo.Activations.Extended) of layer 1 is abstract",
                        NETS, "Activations.Extended.class", ".class")
                .error("[Netsmith.CustomNotPublic] @Dense(custom = demo.PackagePrivate) of layer 1 is not public",
                        NETS, "PackagePrivate.class", ".class")
                .error("[Netsmith.CustomNotPublic] @Dense(custom = demo.Activations.Hidden) of layer 1 is not public",
                        NETS, "Activations.Hidden.class", ".class")
                .error("[Netsmith.CustomNotPublic] @Dense(custom = demo.Enclosing.Nested) of layer 1 is not public",
                        NETS, "Enclosing.Nested.class", ".class")
                .error("[Netsmith.CustomNotPublic] @Dense(custom = demo.PrivateCustom.Private) of layer 1 is not public",
                        PRIVATE, "custom = Private.class", ".class")
                .error("[Netsmith.CustomInner] @Dense(custom = demo.Activations.Inner) of layer 1 is an inner class",
                        NETS, "Activations.Inner.class", ".class")
                .error("[Netsmith.CustomConstructor] @Dense(custom = demo.Activations.WithArgument) of layer 1 has no public no-argument "
                        + "constructor (fix: add `public WithArgument() {}`", NETS, "Activations.WithArgument.class", ".class")
                .error("[Netsmith.CustomConstructor] @Dense(custom = demo.Activations.PrivateConstructor) of layer 1 has no public "
                        + "no-argument constructor", NETS, "Activations.PrivateConstructor.class", ".class")
                .andNothingElse();
    }

    @Test
    void networksWithErrorsGenerateNothing() {
        for (String name : new String[] {"Missing", "InterfaceItself", "Unused", "AbstractClass", "AnInterface", "NotPublic",
                "NestedNotPublic", "EnclosingNotPublic", "InnerClass", "NoNoArgConstructor", "PrivateConstructor"}) {
            assertNothingGenerated(compilation, "demo.CustomRules_" + name);
        }
        assertNothingGenerated(compilation, "demo.PrivateCustom_Net");
    }

    @Test
    void validCustomActivationIsGenerated() {
        assertGenerated(compilation, "demo.CustomRules_Valid");
    }

    /**
     * javac itself rejects a class that does not implement ActivationFunction ({@code custom} is a
     * {@code Class<? extends ActivationFunction>}), before any processor runs; see the robustness tests. The rule
     * stays for compilers that let such a value through, so it is checked on the spec directly.
     */
    @Test
    void aClassNotImplementingTheInterfaceIsAnError() {
        TypeFacts target = new TypeFacts("demo", "demo.Net", TypeFacts.Kind.INTERFACE, true, false, true, false, false, false, false);
        TypeFacts string = new TypeFacts("java.lang", "java.lang.String", TypeFacts.Kind.CLASS, true, false, false, false, false, true, false);
        NetworkSpec spec = new NetworkSpec("demo", "demo.Net", "Net", target, 2, Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO,
                List.of(new LayerSpec(1, 3, Activation.CUSTOM, 1, string), new LayerSpec(2, 1, Activation.SIGMOID, 1, null)),
                CheckSpec.DEFAULTS, false, List.of());
        List<Problem> problems = Validator.validate(spec);
        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).message()).isEqualTo(Message.CUSTOM_INTERFACE);
        assertThat(problems.get(0).location()).isEqualTo(Location.dense(1, "custom"));
        assertThat(problems.get(0).text()).startsWith(
                "[Netsmith.CustomInterface] @Dense(custom = java.lang.String) of layer 1 does not implement dev.netsmith.ActivationFunction");
    }
}
