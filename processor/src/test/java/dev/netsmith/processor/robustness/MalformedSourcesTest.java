package dev.netsmith.processor.robustness;

import static dev.netsmith.processor.validation.Declarations.assertGenerated;
import static dev.netsmith.processor.validation.Declarations.assertNothingGenerated;
import static dev.netsmith.processor.validation.Declarations.compile;
import static dev.netsmith.processor.validation.Declarations.demo;
import static dev.netsmith.processor.validation.Declarations.expect;

import dev.netsmith.processor.validation.Declarations.Compiled;
import dev.netsmith.processor.validation.Declarations.Source;
import org.junit.jupiter.api.Test;

/**
 * Sources javac itself finds wrong: the compilation fails with javac's own errors and only those (no Netsmith
 * error on top, no internal error, no exception), and nothing is generated for the broken declaration. Where the
 * errors are ones javac recovers from (a type that may yet be generated), the processor runs, waits for the type,
 * and still generates the valid networks next to it.
 *
 * <p>{@code @Network} on an enum, a record, a concrete class, an annotation type, a private or inner type and on
 * local classes is Netsmith's own error: see {@code validation.TargetRulesTest}.
 */
class MalformedSourcesTest {

    @Test
    void missingAnnotationValues() {
        Source source = demo("MissingValues", """
                public class MissingValues {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 3) // no activation
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface NoActivation {}

                    @Network(loss = Loss.BINARY_CROSS_ENTROPY) // no inputs
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface NoInputs {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(activation = Activation.SIGMOID) // no units
                    interface NoUnits {}
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("missing a default value for the element 'activation'", source, "// no activation")
                .javacError("missing a default value for the element 'inputs'", source, "// no inputs")
                .javacError("missing a default value for the element 'units'", source, "// no units")
                .andNothingElseOnOtherLines();
        assertNothingGenerated(compiled, "demo.MissingValues");
    }

    @Test
    void unresolvedEnumConstants() {
        Source source = demo("UnknownConstants", """
                public class UnknownConstants {
                    @Network(inputs = 2, loss = Loss.NOPE) // unknown loss
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface UnknownLoss {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, init = Init.GLOROT) // unknown init
                    @Dense(units = 3, activation = Activation.SWISH) // unknown activation
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface UnknownActivation {}
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("cannot find symbol", source, "// unknown loss")
                .javacError("cannot find symbol", source, "// unknown init")
                .javacError("cannot find symbol", source, "// unknown activation")
                .andNothingElseOnOtherLines();
        assertNothingGenerated(compiled, "demo.UnknownConstants");
    }

    /** Missing types are errors javac recovers from, so the processor runs: it must wait, then stay silent. */
    @Test
    void unresolvedTypes() {
        Source source = demo("UnknownTypes", """
                public class UnknownTypes {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 3, activation = Activation.CUSTOM, custom = Missing.class) // unknown class
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface UnknownCustom {}

                    @Network(inputs = Sizes.INPUTS, loss = Loss.BINARY_CROSS_ENTROPY) // unknown constant
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface UnknownInputs {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 3, activation = Activation.CUSTOM, custom = Swish.class)
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface CustomWithUnknownSupertype {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface Valid {}

                    public static class Swish extends MissingBase implements ActivationFunction { // unknown supertype
                        public double value(double z) { return z; }
                        public double derivative(double z, double a) { return 1; }
                    }
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("cannot find symbol", source, "// unknown class")
                .javacError("cannot find symbol", source, "// unknown constant")
                .javacError("cannot find symbol", source, "// unknown supertype")
                .andNothingElse();
        assertNothingGenerated(compiled, "demo.UnknownTypes_UnknownCustom");
        assertNothingGenerated(compiled, "demo.UnknownTypes_UnknownInputs");
        assertNothingGenerated(compiled, "demo.UnknownTypes_CustomWithUnknownSupertype");
        assertGenerated(compiled, "demo.UnknownTypes_Valid");
    }

    @Test
    void valuesOfTheWrongType() {
        Source source = demo("WrongTypes", """
                public class WrongTypes {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = "three", activation = Activation.RELU) // units as a string
                    @Dense(units = 1, activation = Activation.SIGMOID, keepProb = true) // a boolean
                    interface Strings {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 3, activation = Activation.CUSTOM, custom = String.class) // not an activation
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface NotAnActivation {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    @GradientCheck(epsilon = "small") // epsilon as a string
                    interface StringEpsilon {}
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("incompatible types", source, "// units as a string")
                .javacError("incompatible types", source, "// a boolean")
                .javacError("incompatible types", source, "// not an activation")
                .javacError("incompatible types", source, "// epsilon as a string")
                .andNothingElseOnOtherLines();
        assertNothingGenerated(compiled, "demo.WrongTypes");
    }

    @Test
    void networkOnAMethodOrAField() {
        Source source = demo("NotTypes", """
                public class NotTypes {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY) // on a method
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    void method() {}

                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY) // on a field
                    int field;

                    void parameter(@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY) int x) {} // on a parameter
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("not applicable to this kind of declaration", source, "// on a method")
                .javacError("not applicable to this kind of declaration", source, "units = 1")
                .javacError("not applicable to this kind of declaration", source, "// on a field")
                .javacError("not applicable to this kind of declaration", source, "// on a parameter")
                .andNothingElse();
        assertNothingGenerated(compiled, "demo.NotTypes");
    }

    /** Repeating @Dense and also writing its container by hand is javac's error, not a crash of the reader. */
    @Test
    void handWrittenContainer() {
        Source source = demo("Containers", """
                public class Containers {
                    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                    @Dense.List({@Dense(units = 3, activation = Activation.RELU), @Dense(units = 2, activation = Activation.RELU)})
                    @Dense(units = 4, activation = Activation.RELU) // container and repeated
                    @Dense(units = 1, activation = Activation.SIGMOID)
                    interface Both {}
                }
                """);
        Compiled compiled = compile(source);
        expect(compiled)
                .javacError("Dense", source, "@Dense.List")
                .andNothingElseOnOtherLines();
        assertNothingGenerated(compiled, "demo.Containers");
    }
}
