package dev.netsmith.processor.robustness;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.testing.GeneratedClasses;
import org.junit.jupiter.api.Test;

/** Valid declarations in packages that constrain what generated code may write. */
class UnusualPackagesTest {

    /** Java allows no static import from the unnamed package, so the kernels there alias the model's constants. */
    @Test
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
     * A class named {@code Math} in the network's package would shadow java.lang.Math's on-demand import; the
     * generated classes import java.lang types by name, which shadows it back.
     */
    @Test
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
