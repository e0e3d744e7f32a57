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
 * The rules on the annotated type: an interface or abstract class, not private, not an inner class (for local
 * types see {@link LocalTypesTest}).
 * One compilation holds every case; each wrong declaration gets exactly its error, on the type's declaration,
 * and generates nothing, while the right ones next to it are generated.
 */
class TargetRulesTest {

    private static final Source TARGETS = demo("Targets", """
            public class Targets {

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                static class ConcreteNet {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                enum EnumNet { A }

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                record RecordNet(int x) {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                @interface AnnotationNet {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                private interface PrivateNet {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                abstract class InnerNet {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                abstract static class AbstractNet {}

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                protected interface ProtectedNet {}
            }
            """);

    /** Member classes of an interface are implicitly static (and public). */
    private static final Source HOLDER = demo("Holder", """
            interface Holder {
                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 1, activation = Activation.SIGMOID)
                abstract class InInterface {}
            }
            """);

    private static final Source TOP_CONCRETE = demo("TopConcrete", """
            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 1, activation = Activation.SIGMOID)
            public final class TopConcrete {}
            """);

    private static final Source TOP_ABSTRACT = demo("TopAbstract", """
            @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
            @Dense(units = 1, activation = Activation.SIGMOID)
            public abstract class TopAbstract {}
            """);

    private static Compiled compilation;

    @BeforeAll
    static void compileAll() {
        compilation = compile(TARGETS, HOLDER, TOP_CONCRETE, TOP_ABSTRACT);
    }

    @Test
    void eachWrongTargetIsOneErrorOnItsDeclaration() {
        expect(compilation)
                .error("[Netsmith.Target] @Network goes on an interface or an abstract class; demo.Targets.ConcreteNet is a concrete class"
                        + " (fix: declare it as `interface ConcreteNet {}`", TARGETS, "static class ConcreteNet", "class ConcreteNet")
                .error("[Netsmith.Target] @Network goes on an interface or an abstract class; demo.Targets.EnumNet is an enum",
                        TARGETS, "enum EnumNet", "enum EnumNet")
                .error("[Netsmith.Target] @Network goes on an interface or an abstract class; demo.Targets.RecordNet is a record",
                        TARGETS, "record RecordNet", "record RecordNet")
                .error("[Netsmith.Target] @Network goes on an interface or an abstract class; demo.Targets.AnnotationNet is an annotation type",
                        TARGETS, "@interface AnnotationNet", "interface AnnotationNet")
                .error("[Netsmith.Target] @Network goes on an interface or an abstract class; demo.TopConcrete is a concrete class",
                        TOP_CONCRETE, "public final class TopConcrete", "class TopConcrete")
                .error("[Netsmith.Private] @Network type demo.Targets.PrivateNet is private",
                        TARGETS, "private interface PrivateNet", "interface PrivateNet")
                .error("[Netsmith.InnerType] @Network type demo.Targets.InnerNet is nested but not static",
                        TARGETS, "abstract class InnerNet", "class InnerNet")
                .andNothingElse();
    }

    @Test
    void wrongTargetsGenerateNothing() {
        for (String name : new String[] {"Targets_ConcreteNet", "Targets_EnumNet", "Targets_RecordNet", "Targets_AnnotationNet",
                "Targets_PrivateNet", "Targets_InnerNet", "TopConcrete"}) {
            assertNothingGenerated(compilation, "demo." + name);
        }
    }

    @Test
    void interfacesAndAbstractClassesAreGeneratedNextToThem() {
        assertGenerated(compilation, "demo.Targets_AbstractNet");
        assertGenerated(compilation, "demo.Targets_ProtectedNet");
        assertGenerated(compilation, "demo.Holder_InInterface");
        assertGenerated(compilation, "demo.TopAbstract");
    }
}
