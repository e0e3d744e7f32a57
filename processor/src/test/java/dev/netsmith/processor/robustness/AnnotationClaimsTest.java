package dev.netsmith.processor.robustness;

import static com.google.common.truth.Truth.assertThat;
import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.compileWith;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.NetsmithProcessor;
import dev.netsmith.processor.testing.GeneratesSource;
import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import java.util.List;
import java.util.Locale;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * With {@code -Xlint:processing} javac warns about annotations no processor claimed (and {@code -Werror} turns that
 * into a failed build). Netsmith claims its own annotations, including the {@code @Dense.List} container javac
 * synthesizes, and the {@code @Generated} of the classes it generates, but not another processor's.
 */
class AnnotationClaimsTest {

    private static final Source NETS = demo("Claimed", """
            public class Claimed {
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface OneDense {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @GradientCheck(epsilon = 1e-7)
                interface RepeatedDense {}
            }
            """);

    @Test
    void netsmithAnnotationsAndItsGeneratedCodeAreClaimed() {
        Compiled compiled = compile(NETS);
        expect(compiled).andNothingElse();
        assertGenerated(compiled, "demo.Claimed_OneDense");
        assertGenerated(compiled, "demo.Claimed_RepeatedDense");
    }

    @Test
    void anotherProcessorsGeneratedCodeIsLeftUnclaimed() {
        Compiled compiled = compileWith(List.of(new GeneratesSource("demo.Other", "package demo;\n\n@javax.annotation.processing.Generated(\"other\")\npublic class Other {}\n"), new NetsmithProcessor()), NETS);
        assertThat(compiled.compilation().errors()).isEmpty();
        List<String> warnings = compiled.compilation().warnings().stream().map(d -> d.getMessage(Locale.ROOT)).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).startsWith("No processor claimed any of these annotations");
        assertThat(warnings.get(0)).contains("javax.annotation.processing.Generated");
        assertThat(warnings.get(0)).doesNotContain("dev.netsmith");
        for (Diagnostic<? extends JavaFileObject> d : compiled.compilation().diagnostics()) {
            assertThat(d.getMessage(Locale.ROOT)).doesNotContain("Netsmith");
        }
    }
}
