package dev.netsmith.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.ActivationFunction;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.ReferenceNetwork;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every generated network against {@link ReferenceNetwork}: the forward output, the data and L2 terms of the
 * cost and every gradient tensor, for every hidden activation × loss, with and without L2, with dropout off
 * and with a fixed mask, to 1e-12 in each tensor's relative norm: on one thread, and with every kernel split
 * (threshold 0) across two and three threads ({@link SplitKernelsTest} shows that a split gives the bits of one
 * thread; this shows that those bits are right).
 */
class GeneratedNetworkCorrectnessTest {

    private static final double TOLERANCE = 1e-12;
    private static GeneratedClasses generated;

    @BeforeAll
    static void compile() {
        generated = TestNetworks.generated();
    }

    static Stream<Arguments> cases() {
        return TestNetworks.declarations().stream().flatMap(d -> Stream.of(
                Arguments.of(d, false, 37, 1), Arguments.of(d, true, 37, 1), Arguments.of(d, false, 1, 1), Arguments.of(d, true, 64, 1),
                Arguments.of(d, false, 37, 2), Arguments.of(d, true, 64, 2), Arguments.of(d, true, 37, 3)));
    }

    @ParameterizedTest(name = "{0}, fixed mask {1}, m = {2}, {3} thread(s)")
    @MethodSource("cases")
    void matchesTheReferenceImplementation(TestNetworks.Declared declared, boolean fixedMask, int m, int threads) {
        CompiledNetwork net = generated.network(declared.qualifiedPrefix());
        Architecture arch = net.architecture();
        Parameters params = TestData.parameters(net, 11);
        double[][] x = TestData.inputs(arch, m, 12);
        double[][] y = TestData.labels(arch, m, 13);
        DropoutMask mask = fixedMask ? DropoutMask.sample(arch, Dropout.training(new Well19937c(14)), m, new Well19937c(15)) : null;
        assertTrue(!fixedMask || mask.dropsAnything() || arch.depth() == 1 || declared.name().equals("Planar"));

        Batch batch = net.batch(x, y);
        Workspace ws = net.newWorkspace(64, threads).setSplitThreshold(0);
        double[][] output = net.forward(params, batch, ws, mask == null ? Dropout.off() : Dropout.fixed(mask));
        double dataCost = net.dataCost(batch, ws);
        double l2Cost = net.l2Cost(params, m);
        double[] gradient = net.backward(params, batch, ws).clone();
        // with more threads every kernel with two rows (or columns) or more is split; layers of one unit have one row
        boolean splittable = threads > 1 && Arrays.stream(arch.sizes()).skip(1).anyMatch(n -> n > 1);
        assertEquals(splittable, ws.splits() > 0, "kernels split: " + ws.splits());

        ReferenceNetwork.Result expected = new ReferenceNetwork(arch, customActivations(arch)).evaluate(params.values(), x, y, mask);
        for (int i = 0; i < arch.outputs(); i++) {
            assertTrue(TestData.relativeError(Arrays.copyOf(output[i], m), expected.output()[i]) < TOLERANCE, "A[L] row " + i);
        }
        assertEquals(expected.dataCost(), dataCost, TOLERANCE * Math.abs(expected.dataCost()), "data cost");
        assertEquals(expected.l2Cost(), l2Cost, TOLERANCE * Math.abs(expected.l2Cost()), "L2 cost");
        if (arch.l2() == 0) {
            assertEquals(0.0, l2Cost);
        }
        for (Tensor t : net.layout().tensors()) {
            double error = TestData.relativeError(Arrays.copyOfRange(gradient, t.offset(), t.end()),
                    Arrays.copyOfRange(expected.gradient(), t.offset(), t.end()));
            assertTrue(error < TOLERANCE, t.gradientName() + " relative error " + error);
        }
    }

    /**
     * Each example's loss against the reference on that example alone, read right after the forward pass, after
     * the data cost and after the backward pass: the cost reads what the forward pass left in the workspace (a
     * softmax output's column maxima and sums), and nothing after it may overwrite that.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.netsmith.processor.testing.TestNetworks#declarations")
    void lossPerExampleMatchesTheReferenceWhicheverCallsCameBefore(TestNetworks.Declared declared) {
        CompiledNetwork net = generated.network(declared.qualifiedPrefix());
        Architecture arch = net.architecture();
        int m = 29;
        Parameters params = TestData.parameters(net, 21);
        double[][] x = TestData.inputs(arch, m, 22);
        double[][] y = TestData.labels(arch, m, 23);
        Batch batch = net.batch(x, y);
        Workspace ws = net.newWorkspace(m);
        net.forward(params, batch, ws, Dropout.off());
        double[] first = new double[m];
        net.lossPerExample(batch, ws, first);
        double dataCost = net.dataCost(batch, ws);
        double[] afterCost = new double[m];
        net.lossPerExample(batch, ws, afterCost);
        net.backward(params, batch, ws);
        double[] afterBackward = new double[m];
        net.lossPerExample(batch, ws, afterBackward);

        ReferenceNetwork reference = new ReferenceNetwork(arch, customActivations(arch));
        for (int j = 0; j < m; j++) {
            double expected = reference.evaluate(params.values(), column(x, j), column(y, j), null).dataCost();
            assertEquals(expected, first[j], TOLERANCE * Math.max(1, Math.abs(expected)), "example " + j);
        }
        assertArrayEquals(first, afterCost, "after the data cost");
        assertArrayEquals(first, afterBackward, "after the backward pass");
        assertEquals(Arrays.stream(first).sum() / m, dataCost, 1e-14 * Math.max(1, Math.abs(dataCost)));
    }

    private static double[][] column(double[][] rows, int j) {
        double[][] column = new double[rows.length][1];
        for (int i = 0; i < rows.length; i++) {
            column[i][0] = rows[i][j];
        }
        return column;
    }

    @Test
    void costIsTheDataTermPlusTheL2TermWithDropoutOff() {
        CompiledNetwork net = generated.network("nets.Nets_ReluSoftmaxCrossEntropyL2");
        Parameters params = TestData.parameters(net, 3);
        Batch batch = net.batch(TestData.inputs(net.architecture(), 20, 4), TestData.labels(net.architecture(), 20, 5));
        Workspace ws = net.newWorkspace(20);
        double cost = net.cost(params, batch, ws);
        double[] losses = new double[20];
        net.lossPerExample(batch, ws, losses);
        assertEquals(Arrays.stream(losses).sum() / 20 + net.l2Cost(params, 20), cost, 1e-14);
        ReferenceNetwork.Result expected = new ReferenceNetwork(net.architecture(), new ActivationFunction[4])
                .evaluate(params.values(), batch.x(), batch.y(), null);
        assertEquals(expected.cost(), cost, 1e-12 * expected.cost());
    }

    private ActivationFunction[] customActivations(Architecture arch) {
        ActivationFunction[] custom = new ActivationFunction[arch.depth() + 1];
        for (int l = 1; l <= arch.depth(); l++) {
            if (arch.layer(l).activation() == Activation.CUSTOM) {
                custom[l] = generated.instantiate(arch.layer(l).custom(), ActivationFunction.class);
            }
        }
        return custom;
    }
}
