package dev.netsmith.processor.testing;

import dev.netsmith.Activation;
import dev.netsmith.ActivationFunction;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.DropoutMask;

/**
 * A textbook implementation written independently of the generated code: one example (column) at a time,
 * weights read as W[l][i][k] from the flat vector, the loss as written in the course notes (not from the
 * logits), and the output derivative through the chain rule rather than the fused A − Y.
 */
public final class ReferenceNetwork {

    /** What the reference computes for one batch. */
    public record Result(double[][] output, double dataCost, double l2Cost, double[] gradient) {
        public double cost() {
            return dataCost + l2Cost;
        }
    }

    private final Architecture architecture;
    private final ActivationFunction[] custom;

    /** @param custom per layer (index l), the custom activation instance, or null */
    public ReferenceNetwork(Architecture architecture, ActivationFunction[] custom) {
        this.architecture = architecture;
        this.custom = custom;
    }

    public Result evaluate(double[] theta, double[][] x, double[][] y, DropoutMask mask) {
        int depth = architecture.depth();
        int m = x[0].length;
        int[] weightOffset = new int[depth + 1];
        int[] biasOffset = new int[depth + 1];
        int offset = 0;
        for (int l = 1; l <= depth; l++) {
            weightOffset[l] = offset;
            offset += architecture.units(l) * architecture.units(l - 1);
            biasOffset[l] = offset;
            offset += architecture.units(l);
        }
        double[] gradient = new double[offset];
        double[][] output = new double[architecture.outputs()][m];
        double dataCost = 0;
        for (int j = 0; j < m; j++) {
            double[][] z = new double[depth + 1][];
            double[][] a = new double[depth + 1][];
            double[][] input = new double[depth + 1][];
            input[1] = column(x, j);
            for (int l = 1; l <= depth; l++) {
                int n = architecture.units(l);
                int prev = architecture.units(l - 1);
                z[l] = new double[n];
                for (int i = 0; i < n; i++) {
                    double s = theta[biasOffset[l] + i];
                    for (int k = 0; k < prev; k++) {
                        s += theta[weightOffset[l] + i * prev + k] * input[l][k];
                    }
                    z[l][i] = s;
                }
                a[l] = activate(l, z[l]);
                if (l < depth) {
                    input[l + 1] = a[l].clone();
                    double[][] d = mask == null ? null : mask.layer(l);
                    if (d != null) {
                        for (int i = 0; i < n; i++) {
                            input[l + 1][i] *= d[i][j];
                        }
                    }
                }
            }
            double[] out = a[depth];
            double[] target = column(y, j);
            for (int i = 0; i < out.length; i++) {
                output[i][j] = out[i];
            }
            dataCost += loss(out, target);
            double[] dz = outputDerivative(out, target, z[depth]);
            for (int l = depth; l >= 1; l--) {
                int n = architecture.units(l);
                int prev = architecture.units(l - 1);
                for (int i = 0; i < n; i++) {
                    for (int k = 0; k < prev; k++) {
                        gradient[weightOffset[l] + i * prev + k] += dz[i] * input[l][k] / m;
                    }
                    gradient[biasOffset[l] + i] += dz[i] / m;
                }
                if (l > 1) {
                    double[] da = new double[prev];
                    for (int k = 0; k < prev; k++) {
                        for (int i = 0; i < n; i++) {
                            da[k] += theta[weightOffset[l] + i * prev + k] * dz[i];
                        }
                        double[][] d = mask == null ? null : mask.layer(l - 1);
                        if (d != null) {
                            da[k] *= d[k][j];
                        }
                    }
                    double[] dzPrev = new double[prev];
                    for (int k = 0; k < prev; k++) {
                        dzPrev[k] = da[k] * derivative(l - 1, z[l - 1][k]);
                    }
                    dz = dzPrev;
                }
            }
        }
        double sumSquares = 0;
        double lambda = architecture.l2();
        for (int l = 1; l <= depth; l++) {
            for (int p = weightOffset[l]; p < biasOffset[l]; p++) {
                sumSquares += theta[p] * theta[p];
                gradient[p] += lambda / m * theta[p];
            }
        }
        return new Result(output, dataCost / m, lambda / (2.0 * m) * sumSquares, gradient);
    }

    private double[] activate(int l, double[] z) {
        Activation g = architecture.layer(l).activation();
        double[] a = new double[z.length];
        if (g == Activation.SOFTMAX) {
            double max = Double.NEGATIVE_INFINITY;
            for (double v : z) {
                max = Math.max(max, v);
            }
            double sum = 0;
            for (int i = 0; i < z.length; i++) {
                a[i] = Math.exp(z[i] - max);
                sum += a[i];
            }
            for (int i = 0; i < z.length; i++) {
                a[i] /= sum;
            }
            return a;
        }
        for (int i = 0; i < z.length; i++) {
            a[i] = switch (g) {
                case RELU -> z[i] > 0 ? z[i] : 0;
                case LEAKY_RELU -> z[i] > 0 ? z[i] : 0.01 * z[i];
                case TANH -> Math.tanh(z[i]);
                case SIGMOID -> 1 / (1 + Math.exp(-z[i]));
                case LINEAR -> z[i];
                case CUSTOM -> custom[l].value(z[i]);
                case SOFTMAX -> throw new AssertionError();
            };
        }
        return a;
    }

    private double derivative(int l, double z) {
        return switch (architecture.layer(l).activation()) {
            case RELU -> z > 0 ? 1 : 0;
            case LEAKY_RELU -> z > 0 ? 1 : 0.01;
            case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
            case SIGMOID -> Math.exp(-z) / ((1 + Math.exp(-z)) * (1 + Math.exp(-z)));
            case LINEAR -> 1;
            case CUSTOM -> custom[l].derivative(z, custom[l].value(z));
            case SOFTMAX -> throw new AssertionError("softmax is an output activation");
        };
    }

    private double loss(double[] a, double[] y) {
        double loss = 0;
        for (int i = 0; i < a.length; i++) {
            loss += switch (architecture.loss()) {
                case BINARY_CROSS_ENTROPY -> -(y[i] * Math.log(a[i]) + (1 - y[i]) * Math.log(1 - a[i]));
                case SOFTMAX_CROSS_ENTROPY -> -y[i] * Math.log(a[i]);
                case MEAN_SQUARED_ERROR -> 0.5 * (a[i] - y[i]) * (a[i] - y[i]);
            };
        }
        return loss;
    }

    /** dℓ/dZ[L] by the chain rule through dℓ/dA[L] and the output activation's Jacobian. */
    private double[] outputDerivative(double[] a, double[] y, double[] z) {
        int n = a.length;
        double[] da = new double[n];
        for (int i = 0; i < n; i++) {
            da[i] = switch (architecture.loss()) {
                case BINARY_CROSS_ENTROPY -> -y[i] / a[i] + (1 - y[i]) / (1 - a[i]);
                case SOFTMAX_CROSS_ENTROPY -> -y[i] / a[i];
                case MEAN_SQUARED_ERROR -> a[i] - y[i];
            };
        }
        double[] dz = new double[n];
        Activation g = architecture.layer(architecture.depth()).activation();
        for (int i = 0; i < n; i++) {
            if (g == Activation.SOFTMAX) {
                for (int k = 0; k < n; k++) {
                    dz[i] += da[k] * a[k] * ((i == k ? 1 : 0) - a[i]);
                }
            } else {
                dz[i] = da[i] * derivative(architecture.depth(), z[i]);
            }
        }
        return dz;
    }

    private static double[] column(double[][] rows, int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }
}
