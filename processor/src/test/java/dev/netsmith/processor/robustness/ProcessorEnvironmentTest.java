package dev.netsmith.processor.robustness;

import static com.google.common.truth.Truth.assertThat;
import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compileWith;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.NetsmithProcessor;
import dev.netsmith.processor.testing.GeneratesSource;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.Test;

/**
 * The processor among others: types another processor generates later (waited for), names another processor takes
 * (a collision, not a crash), and a processing environment wrapped by a build tool, where the compiler's tree API is
 * out of reach (diagnostics fall back to the type, generation is unchanged).
 */
class ProcessorEnvironmentTest {

    private static final Source NET = demo("Net", """
            public class Net {
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU)
                @Dense(units = 3, activation = Activation.RELU, keepProb = 1.5) // second of three
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Repeated {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID, keepProb = 1.5) // only one
                interface Single {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface Valid {}
            }
            """);

    @Test
    void withoutTheTreeApiDiagnosticsOnRepeatedDenseFallBackToTheType() {
        Compiled compiled = compileWith(List.of(new WrappedEnvironment()), NET);
        expect(compiled)
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 2 must be in (0, 1], was 1.5", NET, "interface Repeated", "interface")
                .error("[Netsmith.KeepProb] @Dense(keepProb) of layer 1 must be in (0, 1], was 1.5", NET, "// only one", "1.5")
                .andNothingElse();
        assertNothingGenerated(compiled, "demo.Net_Repeated");
        assertGenerated(compiled, "demo.Net_Valid");
    }

    /** A custom activation that another processor generates in round 1 is waited for, then used. */
    @Test
    void aCustomActivationGeneratedByAnotherProcessorIsWaitedFor() {
        Source source = demo("Waits", """
                public class Waits {
                    @Network(inputs = 2, loss = Loss.MEAN_SQUARED_ERROR)
                    @Dense(units = 3, activation = Activation.CUSTOM, custom = GeneratedSwish.class)
                    @Dense(units = 1, activation = Activation.LINEAR)
                    interface Net {}
                }
                """);
        Compiled compiled = compileWith(List.of(new GeneratesSource("demo.GeneratedSwish", """
                package demo;

                public class GeneratedSwish implements dev.netsmith.ActivationFunction {
                    public double value(double z) { return z / (1 + Math.exp(-z)); }
                    public double derivative(double z, double a) { return a + (1 - a) / (1 + Math.exp(-z)); }
                }
                """), new NetsmithProcessor()), source);
        expect(compiled).andNothingElse();
        assertGenerated(compiled, "demo.Waits_Net");
        assertThat(compiled.compilation().generatedSourceFile("demo.Waits_Net_Model").isPresent()).isTrue();
    }

    /** A network generated in a later round whose names an earlier round's network already took. */
    @Test
    void aNetworkGeneratedLaterMayNotTakeTheNamesOfAnEarlierOne() {
        Source outer = demo("Outer", """
                public class Outer {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    public interface Inner {}
                }
                """);
        Compiled compiled = compileWith(List.of(new GeneratesSource("demo.Outer_Inner", """
                package demo;

                @dev.netsmith.Network(inputs = 3, loss = dev.netsmith.Loss.BINARY_CROSS_ENTROPY)
                @dev.netsmith.Dense(units = 1, activation = dev.netsmith.Activation.SIGMOID)
                public interface Outer_Inner {}
                """), new NetsmithProcessor()), outer);
        assertThat(compiled.compilation().errors()).hasSize(1);
        assertThat(compiled.compilation().errors().get(0).getMessage(null)).startsWith(
                "[Netsmith.DuplicateName] Netsmith would generate Outer_Inner_Forward for both demo.Outer.Inner and demo.Outer_Inner");
        assertThat(compiled.compilation().errors().get(0).getSource().getName()).endsWith("demo/Outer_Inner.java");
        expect(compiled);
        assertGenerated(compiled, "demo.Outer_Inner");
        assertThat(compiled.generatedSources()).hasSize(1 + NetworkSpec.GENERATED_SUFFIXES.size());
    }

    /** Another processor generated a class of a name Netsmith would generate: the Filer refuses the second one. */
    @Test
    void aNameAnotherProcessorTookIsACollision() {
        Source source = demo("Foo", """
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                public interface Foo {}
                """);
        Compiled compiled = compileWith(List.of(new GeneratesSource("demo.Foo_Model", """
                package demo;

                public class Foo_Model {}
                """), new NetsmithProcessor()), source);
        expect(compiled)
                .error("[Netsmith.NameCollision] Netsmith generates Foo_Model for demo.Foo, but a type of that name already exists",
                        source, "public interface Foo", "interface Foo")
                .javacWarning("Attempt to create a file for type 'demo.Foo_Model' multiple times")
                .andNothingElse();
        // the other processor's Foo_Model only: Netsmith stops at the name it cannot have
        assertThat(compiled.generatedSources()).containsExactly("demo.Foo_Model");
    }

    /** Netsmith behind a processing environment that only delegates, as build tools wrap it. */
    private static final class WrappedEnvironment extends AbstractProcessor {
        private final NetsmithProcessor netsmith = new NetsmithProcessor();

        @Override
        public synchronized void init(ProcessingEnvironment env) {
            super.init(env);
            netsmith.init((ProcessingEnvironment) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {ProcessingEnvironment.class}, (proxy, method, args) -> {
                        try {
                            return method.invoke(env, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return netsmith.getSupportedAnnotationTypes();
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return netsmith.getSupportedSourceVersion();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            return netsmith.process(annotations, round);
        }
    }
}
