package dev.netsmith.processor.check;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckKernel;
import dev.netsmith.check.Probe;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.OperationCounter;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * On [12288, 20, 7, 5, 1], 245,760 of the 245,973 parameters are in W1, so what a W1 perturbation costs is
 * what the whole check costs. Restarting the forward pass at layer 1 would cost a full first-layer product,
 * n1·n0·m multiplications; the incremental kernel must cost O(m·(1 + n2 + n2·n3 + n3·n4 + n4)), and with ReLU layers
 * above, O(m) for every parameter of a row after its first. Multiplications are counted in the executed bytecode,
 * not timed.
 */
class IncrementalCostTest {

    @Test
    void aW1PerturbationCostsWhatTheLayersAboveCostNotAFirstLayerProduct() throws ReflectiveOperationException {
        GeneratedClasses generated = GeneratedClasses.process(JavaFileObjects.forSourceString("demo.CatNet", """
                package demo;

                import dev.netsmith.*;

                @Network(inputs = 12288, loss = Loss.BINARY_CROSS_ENTROPY)
                @Dense(units = 20, activation = Activation.RELU)
                @Dense(units = 7, activation = Activation.RELU)
                @Dense(units = 5, activation = Activation.RELU)
                @Dense(units = 1, activation = Activation.SIGMOID)
                interface CatNet {}
                """));
        ClassLoader counting = OperationCounter.instrumentingLoader(generated.classFiles(),
                Set.of("demo.CatNet_GradientCheck", "demo.CatNet_Forward", "demo.CatNet_Cost"));
        CheckableNetwork net = (CheckableNetwork) counting.loadClass("demo.CatNet_Model").getField("INSTANCE").get(null);
        GradientCheckKernel kernel = net.gradientCheckKernel();
        int m = 209;
        Batch batch = net.batch(TestData.inputs(net.architecture(), m, 1), TestData.labels(net.architecture(), m, 2));
        Parameters params = net.initialize(3);
        Workspace base = net.newWorkspace(m);
        Probe probe = Probe.of(net, m);

        OperationCounter.reset();
        net.forward(params, batch, base, Dropout.off());
        long fullForward = OperationCounter.multiplications();

        OperationCounter.reset();
        int p = net.layout().indexOf("W1", 13, 4321);
        int beyondReach = kernel.perturbParameter(params.values(), p, 1e-7, -1e-7, base, probe, batch.y(), m);
        long firstOfRow = OperationCounter.multiplications();

        OperationCounter.reset();
        kernel.perturbParameter(params.values(), net.layout().indexOf("W1", 13, 4322), 1e-7, -1e-7, base, probe, batch.y(), m);
        long nextInRow = OperationCounter.multiplications();

        // the first perturbation of row 13 computes, for every example, how the logits move along row 13 of A1
        // (P2 = W2[:, 13], then W3 and W4 through the base pass's ReLU slopes) and the loss's coefficients; the
        // row's other 12,288 parameters reuse them, and the layers above run only for examples beyond reach
        long layersAbove = 2L * m * (1 + 7 + 7 * 5 + 5 * 1 + 10);
        long firstLayerProduct = 20L * 12288 * m;
        System.out.printf("multiplications: full forward %,d; one W1 central difference %,d for the first of its row"
                + " (2·m·(1 + n2 + n2·n3 + n3·n4 + 10·n4) = %,d), %,d for the next (%d of %d examples beyond reach)%n",
                fullForward, firstOfRow, layersAbove, nextInRow, beyondReach, m);
        assertTrue(fullForward >= firstLayerProduct, "the counter sees the forward pass: " + fullForward);
        assertTrue(firstOfRow <= layersAbove, firstOfRow + " multiplications for the first perturbation of a row");
        assertTrue(firstOfRow >= m * (7 + 7 * 5), "the counter sees the layers above: " + firstOfRow);
        // a row of Z1 and the cubic on each side: O(m), whatever the widths above
        assertTrue(nextInRow <= 2L * m * (1 + 4), nextInRow + " multiplications for the next perturbation of the row");
        assertTrue(nextInRow >= 2L * m, "the counter sees the perturbation: " + nextInRow);
        assertTrue(firstOfRow * 1000 < firstLayerProduct, "more than a thousandth of a first-layer product");
    }
}
