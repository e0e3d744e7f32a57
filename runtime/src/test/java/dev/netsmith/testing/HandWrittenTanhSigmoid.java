package dev.netsmith.testing;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.GeneratedNetwork;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.List;

/**
 * A 2-layer network n0 → n1 tanh (inverted dropout with the declared keep probability) → n2 sigmoid with binary
 * cross-entropy and L2, written as plain textbook loops, standing in for generated code in the runtime's tests.
 * It honours {@link Dropout} the way generated code does: {@code dropout.apply} after the hidden activation,
 * the workspace's active mask on dA in backprop. Its gradient is verified numerically in the train tests.
 */
public final class HandWrittenTanhSigmoid extends GeneratedNetwork {

    private final int n0;
    private final int n1;
    private final int n2;
    private final double keepProb;
    private final double lambda;
    private final int w1;
    private final int b1;
    private final int w2;
    private final int b2;

    public HandWrittenTanhSigmoid(int inputs, int hidden, int outputs, double keepProb, double l2) {
        super(new Architecture(HandWrittenTanhSigmoid.class.getName(), inputs,
                        List.of(new Architecture.Layer(hidden, Activation.TANH, keepProb, null),
                                Architecture.Layer.of(outputs, Activation.SIGMOID)),
                        Loss.BINARY_CROSS_ENTROPY, l2, Init.AUTO),
                ParameterLayout.of(inputs, hidden, outputs));
        this.n0 = inputs;
        this.n1 = hidden;
        this.n2 = outputs;
        this.keepProb = keepProb;
        this.lambda = l2;
        this.w1 = layout().weights(1).offset();
        this.b1 = layout().biases(1).offset();
        this.w2 = layout().weights(2).offset();
        this.b2 = layout().biases(2).offset();
    }

    @Override
    protected void runForward(double[] theta, double[][] x, int m, Workspace ws, Dropout dropout) {
        ws.setLayerInput(1, x);
        dense(theta, w1, b1, n1, n0, x, m, ws.z(1));
        double[][] z1 = ws.z(1);
        double[][] a1 = ws.a(1);
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < m; j++) {
                a1[i][j] = Math.tanh(z1[i][j]);
            }
        }
        double[][] hidden = dropout.apply(1, keepProb, ws, m);
        ws.setLayerInput(2, hidden);
        dense(theta, w2, b2, n2, n1, hidden, m, ws.z(2));
        double[][] z2 = ws.z(2);
        double[][] a2 = ws.a(2);
        for (int i = 0; i < n2; i++) {
            for (int j = 0; j < m; j++) {
                a2[i][j] = 1 / (1 + Math.exp(-z2[i][j]));
            }
        }
    }

    /** Z = W·A + b. */
    private static void dense(double[] theta, int w, int b, int rows, int cols, double[][] in, int m, double[][] z) {
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < m; j++) {
                double sum = theta[b + i];
                for (int k = 0; k < cols; k++) {
                    sum += theta[w + i * cols + k] * in[k][j];
                }
                z[i][j] = sum;
            }
        }
    }

    @Override
    protected double runDataCost(double[][] y, int m, Workspace ws) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += loss(y, ws.a(2), j);
        }
        return sum / m;
    }

    @Override
    protected void runLossPerExample(double[][] y, int m, Workspace ws, double[] out) {
        for (int j = 0; j < m; j++) {
            out[j] = loss(y, ws.a(2), j);
        }
    }

    private double loss(double[][] y, double[][] a, int j) {
        double sum = 0;
        for (int i = 0; i < n2; i++) {
            sum -= y[i][j] * Math.log(a[i][j]) + (1 - y[i][j]) * Math.log(1 - a[i][j]);
        }
        return sum;
    }

    @Override
    protected double runL2Cost(double[] theta, int m) {
        double sum = 0;
        for (int i = w1; i < b1; i++) {
            sum += theta[i] * theta[i];
        }
        for (int i = w2; i < b2; i++) {
            sum += theta[i] * theta[i];
        }
        return lambda / (2.0 * m) * sum;
    }

    @Override
    protected void runBackward(double[] theta, double[][] y, int m, Workspace ws) {
        double[] gradient = ws.gradient();
        double[][] dz2 = ws.dz(2);
        double[][] a2 = ws.a(2);
        for (int i = 0; i < n2; i++) {
            for (int j = 0; j < m; j++) {
                dz2[i][j] = a2[i][j] - y[i][j];
            }
        }
        weightGradients(theta, gradient, w2, b2, n2, n1, dz2, ws.layerInput(2), m);
        double[][] da1 = ws.da(1);
        double[][] mask = ws.activeMask(1);
        double[][] a1 = ws.a(1);
        double[][] dz1 = ws.dz(1);
        for (int k = 0; k < n1; k++) {
            for (int j = 0; j < m; j++) {
                double sum = 0;
                for (int i = 0; i < n2; i++) {
                    sum += theta[w2 + i * n1 + k] * dz2[i][j];
                }
                da1[k][j] = sum;
                double dropped = mask == null ? sum : sum * mask[k][j];
                dz1[k][j] = dropped * (1 - a1[k][j] * a1[k][j]);
            }
        }
        weightGradients(theta, gradient, w1, b1, n1, n0, dz1, ws.layerInput(1), m);
    }

    /** dW = (1/m)·dZ·A_prevᵀ + (λ/m)·W, db = (1/m)·Σ_j dZ. */
    private void weightGradients(double[] theta, double[] gradient, int w, int b, int rows, int cols,
                                 double[][] dz, double[][] in, int m) {
        for (int i = 0; i < rows; i++) {
            double bias = 0;
            for (int j = 0; j < m; j++) {
                bias += dz[i][j];
            }
            gradient[b + i] = bias / m;
            for (int k = 0; k < cols; k++) {
                double sum = 0;
                for (int j = 0; j < m; j++) {
                    sum += dz[i][j] * in[k][j];
                }
                gradient[w + i * cols + k] = sum / m + lambda / m * theta[w + i * cols + k];
            }
        }
    }
}
