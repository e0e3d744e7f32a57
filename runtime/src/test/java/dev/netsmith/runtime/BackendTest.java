package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackendTest {

    @Test
    void withoutThePropertyTheScalarKernelsRun() {
        assertFalse(Backend.VECTOR);
        assertEquals("scalar", Backend.name());
        Backend.requireConsistent();
    }

    /** A JVM asked for the vector backend without its module: creating a workspace says what to add. */
    @Test
    void askingForTheVectorBackendWithoutItsModuleFailsClearly() throws IOException, InterruptedException {
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dnetsmith.vector=true", "-cp", System.getProperty("java.class.path"), WithoutModule.class.getName())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains("add --add-modules jdk.incubator.vector"), output);
    }

    /** Run in a JVM of its own by the test above. */
    public static final class WithoutModule {
        public static void main(String[] args) {
            new Workspace(new Architecture("test.Tiny", 2, List.of(Layer.of(1, Activation.SIGMOID)),
                    Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO), 4, 1);
        }
    }
}
