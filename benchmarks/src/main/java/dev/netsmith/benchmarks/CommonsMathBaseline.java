package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.ParameterLayout;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DefaultRealMatrixChangingVisitor;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Baseline (b): the network written the way a user of Commons Math writes it, with {@code RealMatrix}
 * ({@link Array2DRowRealMatrix}) and its {@code multiply}, {@code add}, {@code subtract}, {@code transpose},
 * {@code scalarMultiply} and visitors, one new matrix per operation, the bias broadcast as b·1ᵀ. It computes the
 * same cost and gradient as the generated code; a test checks that.
 */
public final class CommonsMathBaseline implements Implementation {

    private final int[] n;
    private final int depth;
    private final Activation[] g;
    private final Loss loss;
    private final double lambda;
    private final int m;
    private final ParameterLayout layout;
    private final RealMatrix x;
    private final RealMatrix y;
    private final RealMatrix onesRow;
    private final RealMatrix onesColumn;
    private final RealMatrix[] w;
    private final RealMatrix[] b;
    private final RealMatrix[] z;
    private final RealMatrix[] a;
    private final RealMatrix[] dw;
    private final RealMatrix[] db;

    public CommonsMathBaseline(Architecture architecture, double[][] inputs, double[][] labels, int m) {
        this.n = architecture.sizes();
        this.depth = architecture.depth();
        this.g = new Activation[depth + 1];
        for (int l = 1; l <= depth; l++) {
            g[l] = architecture.layer(l).activation();
        }
        this.loss = architecture.loss();
        this.lambda = architecture.l2();
        this.m = m;
        this.layout = ParameterLayout.of(n);
        this.x = new Array2DRowRealMatrix(inputs);
        this.y = new Array2DRowRealMatrix(labels);
        double[][] ones = new double[1][m];
        java.util.Arrays.fill(ones[0], 1.0);
        this.onesRow = new Array2DRowRealMatrix(ones);
        this.onesColumn = onesRow.transpose();
        this.w = new RealMatrix[depth + 1];
        this.b = new RealMatrix[depth + 1];
        this.z = new RealMatrix[depth + 1];
        this.a = new RealMatrix[depth + 1];
        this.dw = new RealMatrix[depth + 1];
        this.db = new RealMatrix[depth + 1];
        for (int l = 1; l <= depth; l++) {
            w[l] = new Array2DRowRealMatrix(n[l], n[l - 1]);
            b[l] = new Array2DRowRealMatrix(n[l], 1);
        }
    }

    @Override
    public void setParameters(double[] theta) {
        for (int l = 1; l <= depth; l++) {
            int wo = layout.weights(l).offset();
            int bo = layout.biases(l).offset();
            for (int i = 0; i < n[l]; i++) {
                for (int k = 0; k < n[l - 1]; k++) {
                    w[l].setEntry(i, k, theta[wo + i * n[l - 1] + k]);
                }
                b[l].setEntry(i, 0, theta[bo + i]);
            }
        }
    }

    @Override
    public double[] parameters() {
        return flat(w, b);
    }

    private double[] flat(RealMatrix[] weights, RealMatrix[] biases) {
        double[] theta = new double[layout.size()];
        for (int l = 1; l <= depth; l++) {
            int wo = layout.weights(l).offset();
            int bo = layout.biases(l).offset();
            for (int i = 0; i < n[l]; i++) {
                for (int k = 0; k < n[l - 1]; k++) {
                    theta[wo + i * n[l - 1] + k] = weights[l].getEntry(i, k);
                }
                theta[bo + i] = biases[l].getEntry(i, 0);
            }
        }
        return theta;
    }

    @Override
    public Object forward() {
        runForward();
        return a[depth];
    }

    private void runForward() {
        a[0] = x;
        for (int l = 1; l <= depth; l++) {
            z[l] = w[l].multiply(a[l - 1]).add(b[l].multiply(onesRow));
            a[l] = activate(g[l], z[l]);
        }
    }

    private RealMatrix activate(Activation activation, RealMatrix zl) {
        RealMatrix al = zl.copy();
        switch (activation) {
            case RELU -> al.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double value) {
                    return Math.max(0.0, value);
                }
            });
            case TANH -> al.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double value) {
                    return Math.tanh(value);
                }
            });
            case SIGMOID -> al.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                @Override
                public double visit(int row, int column, double value) {
                    return 1.0 / (1.0 + Math.exp(-value));
                }
            });
            case SOFTMAX -> {
                for (int j = 0; j < m; j++) {
                    double max = zl.getEntry(0, j);
                    for (int i = 1; i < zl.getRowDimension(); i++) {
                        max = Math.max(max, zl.getEntry(i, j));
                    }
                    double sum = 0;
                    for (int i = 0; i < zl.getRowDimension(); i++) {
                        double e = Math.exp(zl.getEntry(i, j) - max);
                        al.setEntry(i, j, e);
                        sum += e;
                    }
                    for (int i = 0; i < zl.getRowDimension(); i++) {
                        al.setEntry(i, j, al.getEntry(i, j) / sum);
                    }
                }
            }
            default -> throw new IllegalArgumentException("the baseline does not implement " + activation);
        }
        return al;
    }

    @Override
    public double costAndGradient() {
        runForward();
        double cost = cost();
        backward();
        return cost;
    }

    private double cost() {
        RealMatrix out = a[depth];
        double sum = 0;
        for (int i = 0; i < n[depth]; i++) {
            for (int j = 0; j < m; j++) {
                double yij = y.getEntry(i, j);
                double aij = out.getEntry(i, j);
                if (loss == Loss.SOFTMAX_CROSS_ENTROPY) {
                    if (yij != 0) {
                        sum -= yij * Math.log(aij);
                    }
                } else {
                    sum -= yij * Math.log(aij) + (1 - yij) * Math.log(1 - aij);
                }
            }
        }
        double squares = 0;
        for (int l = 1; l <= depth; l++) {
            double norm = w[l].getFrobeniusNorm();
            squares += norm * norm;
        }
        return sum / m + lambda / (2.0 * m) * squares;
    }

    private void backward() {
        RealMatrix dz = a[depth].subtract(y);
        for (int l = depth; l >= 1; l--) {
            dw[l] = dz.multiply(a[l - 1].transpose()).scalarMultiply(1.0 / m).add(w[l].scalarMultiply(lambda / m));
            db[l] = dz.multiply(onesColumn).scalarMultiply(1.0 / m);
            if (l > 1) {
                RealMatrix da = w[l].transpose().multiply(dz);
                RealMatrix zPrev = z[l - 1];
                RealMatrix aPrev = a[l - 1];
                Activation prev = g[l - 1];
                da.walkInOptimizedOrder(new DefaultRealMatrixChangingVisitor() {
                    @Override
                    public double visit(int row, int column, double value) {
                        return switch (prev) {
                            case RELU -> zPrev.getEntry(row, column) > 0 ? value : 0.0;
                            case TANH -> value * (1 - aPrev.getEntry(row, column) * aPrev.getEntry(row, column));
                            case SIGMOID -> value * aPrev.getEntry(row, column) * (1 - aPrev.getEntry(row, column));
                            default -> throw new IllegalArgumentException("the baseline does not implement " + prev);
                        };
                    }
                });
                dz = da;
            }
        }
    }

    @Override
    public double[] gradient() {
        return flat(dw, db);
    }

    @Override
    public double[][] output() {
        return a[depth].getData();
    }

    @Override
    public void update(double rate) {
        for (int l = 1; l <= depth; l++) {
            w[l] = w[l].subtract(dw[l].scalarMultiply(rate));
            b[l] = b[l].subtract(db[l].scalarMultiply(rate));
        }
    }
}
