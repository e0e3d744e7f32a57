package dev.netsmith.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.testing.BytecodeSizes;
import dev.netsmith.processor.testing.GeneratedClasses;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * HotSpot never JIT-compiles a method of 8,000 bytes of bytecode or more; a generated kernel that size would
 * run interpreted, about 100 times slower. Kernel size must not grow with layer widths.
 */
class MethodSizeTest {

    private static final int HUGE_METHOD_LIMIT = 8000;

    @Test
    void noGeneratedMethodReachesTheJitLimitOnACatImageNetwork() {
        GeneratedClasses generated = GeneratedClasses.process(JavaFileObjects.forSourceString("demo.CatNet", """
                package demo;

                import dev.netsmith.*;

                @Network(inputs = 12288, loss = Loss.BINARY_CROSS_ENTROPY, l2 = 0.1)
                @Dense(units = 20, activation = Activation.RELU, keepProb = 0.9)
                @Dense(units = 7, activation = Activation.RELU)
                @Dense(units = 5, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface CatNet {}
                """));
        List<String> checked = new ArrayList<>();
        int largest = 0;
        for (Map.Entry<String, byte[]> file : generated.classFiles().entrySet()) {
            if (!file.getKey().startsWith("demo.CatNet_")) {
                continue;
            }
            for (Map.Entry<String, Integer> method : BytecodeSizes.of(file.getValue()).entrySet()) {
                String name = file.getKey() + "." + method.getKey();
                assertTrue(method.getValue() < HUGE_METHOD_LIMIT, name + " has " + method.getValue() + " bytes of bytecode");
                largest = Math.max(largest, method.getValue());
                checked.add(name);
            }
        }
        assertFalse(checked.isEmpty(), "no generated class was found");
        assertTrue(checked.stream().anyMatch(n -> n.startsWith("demo.CatNet_Forward.layer1")), "layer1 not checked: " + checked);
        assertTrue(checked.stream().anyMatch(n -> n.startsWith("demo.CatNet_Backward.gradients1")), "gradients1 not checked");
        // the methods a split hands to threads
        for (String part : List.of("CatNet_Backward.gradients1Columns", "CatNet_Backward.propagate2", "CatNet_Forward.rows",
                "CatNet_Backward.weightColumns", "CatNet_Backward.deltaRows")) {
            assertTrue(checked.stream().anyMatch(n -> n.startsWith("demo." + part)), part + " not checked: " + checked);
        }
        assertTrue(largest > 100, "implausibly small methods: " + largest);
    }

    @Test
    void kernelSizeDoesNotDependOnLayerWidths() {
        GeneratedClasses generated = GeneratedClasses.process(JavaFileObjects.forSourceString("demo.Widths", """
                package demo;

                import dev.netsmith.*;

                interface Widths {
                    @Network(inputs = 640, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                    @Dense(units = 320, activation = Activation.RELU)
                    @Dense(units = 10, activation = Activation.SOFTMAX)
                    interface Narrow {}

                    @Network(inputs = 6400, loss = Loss.SOFTMAX_CROSS_ENTROPY)
                    @Dense(units = 3200, activation = Activation.RELU)
                    @Dense(units = 10, activation = Activation.SOFTMAX)
                    interface Wide {}
                }
                """));
        Map<String, Integer> narrow = BytecodeSizes.of(generated.classFiles().get("demo.Widths_Narrow_Forward"));
        Map<String, Integer> wide = BytecodeSizes.of(generated.classFiles().get("demo.Widths_Wide_Forward"));
        assertEquals(narrow.keySet(), wide.keySet());
        for (String method : narrow.keySet()) {
            // constants such as 640 and 6400 load with sipush and ldc, one byte apart per use
            assertTrue(Math.abs(narrow.get(method) - wide.get(method)) <= 8, method + ": " + narrow.get(method) + " vs " + wide.get(method));
        }
    }
}
