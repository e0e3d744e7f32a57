package dev.netsmith.testing;

import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.Compacted;
import dev.netsmith.check.GradientCheckKernel;
import dev.netsmith.check.Probe;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.Arrays;

/**
 * {@link HandWrittenTanhSigmoid} as a {@link CheckableNetwork}, so that the runtime's own tests can run the
 * gradient checker without generated code. Its kernel is the plain way to meet {@link GradientCheckKernel}'s
 * contract: each side is a whole forward pass (with the base pass's dropout masks replayed), every example
 * counts as changed, and each loss change is the side's loss minus the base pass's. A test plants a bug by
 * overriding {@link #backward}: the gradient it returns, or the dA it leaves in the workspace.
 */
public class CheckableTanhSigmoid extends ForwardingNetwork implements CheckableNetwork {

    private final int hidden;
    private final int outputs;
    private final int w2;
    private final int b2;

    public CheckableTanhSigmoid(int inputs, int hidden, int outputs, double keepProb, double l2) {
        super(new HandWrittenTanhSigmoid(inputs, hidden, outputs, keepProb, l2));
        this.hidden = hidden;
        this.outputs = outputs;
        this.w2 = layout().weights(2).offset();
        this.b2 = layout().biases(2).offset();
    }

    /** The {@code @GradientCheck} settings a generated network would declare: the defaults on one thread. */
    @Override
    public CheckOptions declaredCheckOptions() {
        return CheckOptions.defaults().withThreads(1);
    }

    @Override
    public GradientCheckKernel gradientCheckKernel() {
        return new WholePasses();
    }

    /** Binary cross-entropy of example j over the outputs a. */
    private double loss(double[][] a, double[][] y, int j) {
        double sum = 0;
        for (int i = 0; i < outputs; i++) {
            sum -= y[i][j] * Math.log(a[i][j]) + (1 - y[i][j]) * Math.log(1 - a[i][j]);
        }
        return sum;
    }

    private final class WholePasses implements GradientCheckKernel {

        @Override
        public int perturbParameter(double[] theta, int p, double up, double down, Workspace base, Probe probe, double[][] y,
                                    int m) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[p] += up;
            minus[p] += down;
            return sides(plus, minus, base, probe, y, m);
        }

        @Override
        public int lossesFrom(double[] thetaPlus, double[] thetaMinus, int from, Workspace base, Probe probe, double[][] y,
                              int m) {
            return sides(thetaPlus, thetaMinus, base, probe, y, m);
        }

        /** Only example j changes: its input to layer 2 (A1 after dropout) moved by ±delta at unit r. */
        @Override
        public int perturbActivation(double[] theta, int layer, int r, int j, double delta, Workspace base, Probe probe,
                                     double[][] y, int m) {
            if (layer != 1) {
                throw new IllegalArgumentException("one hidden layer only, not " + layer);
            }
            double[] in = new double[hidden];
            for (int k = 0; k < hidden; k++) {
                in[k] = base.layerInput(2)[k][j];
            }
            double unchanged = outputLoss(theta, in, y, j);
            in[r] += delta;
            double plus = outputLoss(theta, in, y, j);
            in[r] -= 2 * delta;
            double minus = outputLoss(theta, in, y, j);
            probe.changed()[0] = j;
            probe.outPlus()[0] = plus - unchanged;
            probe.outMinus()[0] = minus - unchanged;
            return 1;
        }

        private double outputLoss(double[] theta, double[] in, double[][] y, int j) {
            double[][] a = new double[outputs][j + 1];
            for (int i = 0; i < outputs; i++) {
                double z = theta[b2 + i];
                for (int k = 0; k < hidden; k++) {
                    z += theta[w2 + i * hidden + k] * in[k];
                }
                a[i][j] = 1 / (1 + Math.exp(-z));
            }
            return loss(a, y, j);
        }

        private int sides(double[] plus, double[] minus, Workspace base, Probe probe, double[][] y, int m) {
            double[][] x = base.layerInput(1);
            Batch batch = batch(Arrays.stream(x).map(row -> Arrays.copyOf(row, m)).toArray(double[][]::new),
                    Arrays.stream(y).map(row -> Arrays.copyOf(row, m)).toArray(double[][]::new));
            Dropout dropout = base.activeMask(1) == null ? Dropout.off() : Dropout.fixed(DropoutMask.recordedFrom(base));
            forward(new Parameters(layout(), plus), batch, probe.plus(), dropout);
            forward(new Parameters(layout(), minus), batch, probe.minus(), dropout);
            int depth = architecture().depth();
            for (int j = 0; j < m; j++) {
                double unchanged = loss(base.a(depth), y, j);
                probe.outPlus()[j] = loss(probe.plus().a(depth), y, j) - unchanged;
                probe.outMinus()[j] = loss(probe.minus().a(depth), y, j) - unchanged;
            }
            return Compacted.all(m, probe);
        }
    }
}
