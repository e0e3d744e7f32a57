package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The argument checks every public call of a generated network makes, through a hand-written network whose
 * kernels count their calls: a refused call must not have reached a kernel.
 */
class GeneratedNetworkTest {

    /** Hands each kernel call to a hand-written network, counting them. */
    static final class Counting extends GeneratedNetwork {
        private final GeneratedNetwork inner;
        int kernelCalls;

        Counting(GeneratedNetwork inner) {
            super(inner.architecture(), inner.layout());
            this.inner = inner;
        }

        @Override
        protected void runForward(double[] theta, double[][] x, int m, Workspace ws, Dropout dropout) {
            kernelCalls++;
            inner.runForward(theta, x, m, ws, dropout);
        }

        @Override
        protected double runDataCost(double[][] y, int m, Workspace ws) {
            kernelCalls++;
            return inner.runDataCost(y, m, ws);
        }

        @Override
        protected void runLossPerExample(double[][] y, int m, Workspace ws, double[] out) {
            kernelCalls++;
            inner.runLossPerExample(y, m, ws, out);
        }

        @Override
        protected double runL2Cost(double[] theta, int m) {
            kernelCalls++;
            return inner.runL2Cost(theta, m);
        }

        @Override
        protected void runBackward(double[] theta, double[][] y, int m, Workspace ws) {
            kernelCalls++;
            inner.runBackward(theta, y, m, ws);
        }
    }

    private final Counting net = new Counting(new HandWrittenTanhSigmoid(3, 5, 1, 0.7, 0.1));
    private final Parameters params = net.initialize(1);
    private final Batch batch = SeparableData.blobs(net.architecture(), 12, 0.8, 2);
    private final Workspace ws = net.newWorkspace(12);

    /** Runs a call that must be refused before any kernel runs. */
    private <T extends Throwable> void refused(Class<T> type, Executable call, String... fragments) {
        int before = net.kernelCalls;
        thrown(type, call, fragments);
        assertEquals(before, net.kernelCalls, "a kernel ran before the call was refused");
    }

    private void forward() {
        net.forward(params, batch, ws, Dropout.off());
    }

    @Test
    void refusesALayoutThatDoesNotMatchTheArchitecture() {
        Architecture a = new HandWrittenTanhSigmoid(3, 5, 1, 1.0, 0).architecture();
        thrown(IllegalArgumentException.class, () -> new GeneratedNetwork(a, ParameterLayout.of(3, 6, 1)) {
            @Override
            protected void runForward(double[] theta, double[][] x, int m, Workspace w, Dropout dropout) {
            }

            @Override
            protected double runDataCost(double[][] y, int m, Workspace w) {
                return 0;
            }

            @Override
            protected void runLossPerExample(double[][] y, int m, Workspace w, double[] out) {
            }

            @Override
            protected double runL2Cost(double[] theta, int m) {
                return 0;
            }

            @Override
            protected void runBackward(double[] theta, double[][] y, int m, Workspace w) {
            }
        }, "does not match", "W1 6×3");
    }

    @Test
    void refusesNullOrForeignParameters() {
        Parameters foreign = Parameters.zeros(ParameterLayout.of(3, 6, 1));
        refused(IllegalArgumentException.class, () -> net.forward(null, batch, ws, Dropout.off()), "parameters are null");
        refused(IllegalArgumentException.class, () -> net.forward(foreign, batch, ws, Dropout.off()), "[3, 6, 1]", "do not fit");
        forward();
        refused(IllegalArgumentException.class, () -> net.backward(null, batch, ws), "parameters are null");
        refused(IllegalArgumentException.class, () -> net.backward(foreign, batch, ws), "[3, 6, 1]");
        refused(IllegalArgumentException.class, () -> net.l2Cost(null, 4), "parameters are null");
        refused(IllegalArgumentException.class, () -> net.l2Cost(foreign, 4), "[3, 6, 1]");
    }

    @Test
    void refusesNullEmptyOrForeignBatches() {
        refused(IllegalArgumentException.class, () -> net.forward(params, null, ws, Dropout.off()), "batch is null");
        refused(IllegalArgumentException.class, () -> net.forward(params, Batch.buffer(net.architecture(), 4), ws, Dropout.off()),
                "empty (m = 0)");
        Architecture otherInputs = new HandWrittenTanhSigmoid(4, 5, 1, 1.0, 0).architecture();
        Batch forOtherInputs = SeparableData.blobs(otherInputs, 12, 0.8, 2);
        refused(IllegalArgumentException.class, () -> net.forward(params, forOtherInputs, ws, Dropout.off()), "another network");
        Architecture otherLoss = new Architecture("test.Regression", 3, List.of(Layer.of(5, Activation.TANH), Layer.of(1, Activation.LINEAR)),
                Loss.MEAN_SQUARED_ERROR, 0, Init.AUTO);
        Batch regression = Batch.of(otherLoss, batch.x(), batch.y());
        refused(IllegalArgumentException.class, () -> net.forward(params, regression, ws, Dropout.off()), "another network");
        Architecture twoOutputs = new HandWrittenTanhSigmoid(3, 5, 2, 1.0, 0).architecture();
        Batch forTwoOutputs = Batch.of(twoOutputs, batch.x(), new double[][] {batch.y()[0], batch.y()[0]});
        refused(IllegalArgumentException.class, () -> net.forward(params, forTwoOutputs, ws, Dropout.off()), "another network");
        forward();
        refused(IllegalArgumentException.class, () -> net.backward(params, forTwoOutputs, ws), "another network");
        refused(IllegalArgumentException.class, () -> net.dataCost(null, ws), "batch is null");
    }

    @Test
    void costsAndGradientsNeedLabels() {
        Batch inputs = Batch.inputs(net.architecture(), batch.x());
        net.forward(params, inputs, ws, Dropout.off());
        refused(IllegalArgumentException.class, () -> net.dataCost(inputs, ws), "need labels");
        refused(IllegalArgumentException.class, () -> net.lossPerExample(inputs, ws, new double[12]), "need labels");
        refused(IllegalArgumentException.class, () -> net.backward(params, inputs, ws), "need labels");
    }

    @Test
    void refusesWorkspacesOfOtherSizesOrTooSmall() {
        Workspace otherSizes = new HandWrittenTanhSigmoid(3, 6, 1, 1.0, 0).newWorkspace(12);
        refused(IllegalArgumentException.class, () -> net.forward(params, batch, null, Dropout.off()), "workspace is null");
        refused(IllegalArgumentException.class, () -> net.forward(params, batch, otherSizes, Dropout.off()),
                "made for sizes [3, 6, 1]", "[3, 5, 1]");
        refused(IllegalArgumentException.class, () -> net.forward(params, batch, net.newWorkspace(11), Dropout.off()),
                "m = 12", "at most 11");
        forward();
        refused(IllegalArgumentException.class, () -> net.backward(params, batch, null), "workspace is null");
        refused(IllegalArgumentException.class, () -> net.dataCost(batch, otherSizes), "[3, 6, 1]");
    }

    @Test
    void refusesNullDropout() {
        refused(IllegalArgumentException.class, () -> net.forward(params, batch, ws, null), "dropout is null", "Dropout.off()");
    }

    @Test
    void refusesCostsAndGradientsBeforeAForwardPass() {
        refused(IllegalStateException.class, () -> net.backward(params, batch, ws), "run forward");
        refused(IllegalStateException.class, () -> net.dataCost(batch, ws), "run forward");
        refused(IllegalStateException.class, () -> net.lossPerExample(batch, ws, new double[12]), "run forward");
    }

    @Test
    void refusesCostsAndGradientsAfterAForwardPassOnAnotherBatchOrWorkspace() {
        Batch other = SeparableData.blobs(net.architecture(), 12, 0.8, 3);
        net.forward(params, other, ws, Dropout.off());
        refused(IllegalStateException.class, () -> net.backward(params, batch, ws), "run forward");
        refused(IllegalStateException.class, () -> net.dataCost(batch, ws), "run forward");
        Workspace fresh = net.newWorkspace(12);
        refused(IllegalStateException.class, () -> net.backward(params, other, fresh), "run forward");
    }

    @Test
    void refusesCostsAndGradientsAfterTheBufferWasRefilled() {
        Batch source = SeparableData.blobs(net.architecture(), 20, 0.8, 4);
        Batch buffer = Batch.buffer(net.architecture(), 8);
        buffer.gather(source, new int[] {0, 1, 2, 3, 4, 5, 6, 7}, 0, 8);
        net.forward(params, buffer, ws, Dropout.off());
        net.backward(params, buffer, ws);
        buffer.gather(source, new int[] {8, 9, 10, 11, 12, 13, 14, 15}, 0, 8);
        refused(IllegalStateException.class, () -> net.backward(params, buffer, ws), "run forward");
        refused(IllegalStateException.class, () -> net.dataCost(buffer, ws), "run forward");
        net.forward(params, buffer, ws, Dropout.off());
        net.backward(params, buffer, ws);
    }

    @Test
    void aRefusedForwardPassLeavesTheLastOneUsable() {
        forward();
        double cost = net.dataCost(batch, ws);
        Batch other = SeparableData.blobs(net.architecture(), 12, 0.8, 3);
        refused(IllegalArgumentException.class, () -> net.forward(params, other, ws, null), "dropout is null");
        assertEquals(cost, net.dataCost(batch, ws));
    }

    @Test
    void aForwardPassThatFailsHalfWayCannotBeUsedForGradients() {
        HandWrittenTanhSigmoid inner = new HandWrittenTanhSigmoid(3, 5, 1, 0.7, 0.1);
        GeneratedNetwork failing = new GeneratedNetwork(inner.architecture(), inner.layout()) {
            @Override
            protected void runForward(double[] theta, double[][] x, int m, Workspace w, Dropout dropout) {
                ((GeneratedNetwork) inner).runForward(theta, x, m, w, dropout);
                if (!Double.isFinite(theta[0])) {
                    throw new ArithmeticException("a user's activation gave up half way");
                }
            }

            @Override
            protected double runDataCost(double[][] y, int m, Workspace w) {
                return ((GeneratedNetwork) inner).runDataCost(y, m, w);
            }

            @Override
            protected void runLossPerExample(double[][] y, int m, Workspace w, double[] out) {
                ((GeneratedNetwork) inner).runLossPerExample(y, m, w, out);
            }

            @Override
            protected double runL2Cost(double[] theta, int m) {
                return ((GeneratedNetwork) inner).runL2Cost(theta, m);
            }

            @Override
            protected void runBackward(double[] theta, double[][] y, int m, Workspace w) {
                ((GeneratedNetwork) inner).runBackward(theta, y, m, w);
            }
        };
        failing.forward(params, batch, ws, Dropout.off());
        Parameters broken = params.copy();
        broken.values()[0] = Double.NaN;
        thrown(ArithmeticException.class, () -> failing.forward(broken, batch, ws, Dropout.off()), "half way");
        thrown(IllegalStateException.class, () -> failing.backward(params, batch, ws), "run forward");
        thrown(IllegalStateException.class, () -> failing.dataCost(batch, ws), "run forward");
        thrown(IllegalStateException.class, () -> DropoutMask.recordedFrom(ws), "no forward pass");
        failing.forward(params, batch, ws, Dropout.off());
        failing.backward(params, batch, ws);
    }

    @Test
    void refusesAnOutputArrayTooShortForTheLosses() {
        forward();
        refused(IllegalArgumentException.class, () -> net.lossPerExample(batch, ws, new double[11]), "room for 12", "got 11");
        refused(IllegalArgumentException.class, () -> net.lossPerExample(batch, ws, null), "room for 12", "null");
    }

    @Test
    void l2CostNeedsAPositiveBatchSize() {
        refused(IllegalArgumentException.class, () -> net.l2Cost(params, 0), "m must be positive, was 0");
        refused(IllegalArgumentException.class, () -> net.l2Cost(params, -5), "was -5");
        double sum = 0;
        for (ParameterLayout.Tensor w : List.of(net.layout().weights(1), net.layout().weights(2))) {
            for (int i = w.offset(); i < w.end(); i++) {
                sum += params.get(i) * params.get(i);
            }
        }
        assertEquals(0.1 / (2 * 12) * sum, net.l2Cost(params, 12), 1e-15);
    }

    @Test
    void returnsTheWorkspacesBuffers() {
        double[][] out = net.forward(params, batch, ws, Dropout.off());
        assertSame(ws.output(), out);
        assertSame(ws.gradient(), net.backward(params, batch, ws));
        assertEquals(12, ws.batchSize());
    }

    @Test
    void costIsTheDataTermPlusTheL2TermWithDropoutOff() {
        double cost = net.cost(params, batch, ws);
        net.forward(params, batch, ws, Dropout.off());
        assertEquals(net.dataCost(batch, ws) + net.l2Cost(params, 12), cost);
        double[] losses = new double[12];
        net.lossPerExample(batch, ws, losses);
        assertEquals(net.dataCost(batch, ws), Arrays.stream(losses).sum() / 12, 1e-15);
    }

    @Test
    void predictReturnsANewArrayOfMColumns() {
        double[][] predicted = net.predict(params, batch.x());
        double[][] out = net.forward(params, batch, ws, Dropout.off());
        assertNotSame(out, predicted);
        assertEquals(1, predicted.length);
        assertArrayEquals(Arrays.copyOf(out[0], 12), predicted[0]);
        thrown(IllegalArgumentException.class, () -> net.predict(params, new double[2][3]), "X must be 3 × m");
    }

    @Test
    void aLargerWorkspaceServesASmallerBatchWithIdenticalResults() {
        Batch small = SeparableData.blobs(net.architecture(), 7, 0.8, 5);
        Batch large = SeparableData.blobs(net.architecture(), 40, 0.8, 6);
        Workspace exact = net.newWorkspace(7);
        Workspace roomy = net.newWorkspace(40);
        // leave other numbers in the roomy workspace's columns beyond 7
        net.forward(params, large, roomy, Dropout.training(new Well19937c(1)));
        net.backward(params, large, roomy);
        for (boolean dropout : new boolean[] {false, true}) {
            Step a = Step.run(net, params, small, exact, dropout);
            Step b = Step.run(net, params, small, roomy, dropout);
            assertArrayEquals(a.output, b.output, "output, dropout " + dropout);
            assertEquals(a.cost, b.cost, "cost, dropout " + dropout);
            assertArrayEquals(a.losses, b.losses, "losses, dropout " + dropout);
            assertArrayEquals(a.gradient, b.gradient, "gradient, dropout " + dropout);
        }
    }

    /** One forward and backward pass, copied out of the workspace. */
    record Step(double[] output, double cost, double[] losses, double[] gradient) {
        static Step run(CompiledNetwork net, Parameters params, Batch batch, Workspace ws, boolean dropout) {
            int m = batch.m();
            double[][] out = net.forward(params, batch, ws, dropout ? Dropout.training(new Well19937c(9)) : Dropout.off());
            double[] losses = new double[m];
            net.lossPerExample(batch, ws, losses);
            double cost = net.dataCost(batch, ws) + net.l2Cost(params, m);
            return new Step(Arrays.copyOf(out[0], m), cost, losses, net.backward(params, batch, ws).clone());
        }
    }
}
