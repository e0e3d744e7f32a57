package dev.netsmith.processor.robustness;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.testing.GeneratedClasses;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Valid declarations whose generated code does not compile yet; the fixes belong in codegen/. Each test passes once
 * its issue is fixed: remove its {@code @Disabled} then.
 */
class KnownCodegenIssuesTest {

    /**
     * The kernels import the model's constants statically ({@code import static Net_Model.N0;}), which Java does not
     * allow from a class in the unnamed package ("cannot find symbol", "static import only from classes and
     * interfaces"). Fix: in the unnamed package, refer to the constants as {@code Net_Model.N0} instead.
     */
    @Test
    @Disabled("codegen: static imports of the model's constants do not compile in the unnamed package")
    void networkInTheUnnamedPackage() {
        GeneratedClasses.process(JavaFileObjects.forSourceString("Net", """
                import dev.netsmith.*;

                @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 3, activation = Activation.TANH)
                @Dense(units = 1, activation = Activation.SIGMOID)
                public interface Net {}
                """)).network("Net");
    }

    /**
     * The emitters write {@code Math.exp(...)}, {@code Math.min(...)} as plain text, so a class named {@code Math}
     * in the network's package (any class, not only a network) shadows java.lang.Math and the kernels do not
     * compile. Fix: emit {@code $T} with {@code java.lang.Math} and let JavaPoet qualify it (e.g.
     * {@code TypeSpec.Builder.alwaysQualify("Math")}), or write {@code java.lang.Math} in full.
     */
    @Test
    @Disabled("codegen: a class named Math in the network's package shadows java.lang.Math in the kernels")
    void classNamedMathInThePackage() {
        GeneratedClasses.process(
                JavaFileObjects.forSourceString("demo.Math", "package demo;\n\npublic final class Math {}\n"),
                JavaFileObjects.forSourceString("demo.Net", """
                        package demo;

                        import dev.netsmith.*;

                        @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
                        @Dense(units = 3, activation = Activation.TANH)
                        @Dense(units = 1, activation = Activation.SIGMOID)
                        public interface Net {}
                        """)).network("demo.Net");
    }
}
