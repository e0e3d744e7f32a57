package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The generated matrix-product kernels of N3 and N4, one layer at a time, on one core: {@code forward<l>} is
 * Z[l] = W[l]·A[l−1] + b[l] with its activation (ReLU for hidden layers, softmax for the output layer),
 * {@code gradients<l>} is dW[l] = (1/m)·dZ[l]·A[l−1]ᵀ + (λ/m)·W[l] with db[l] (including the chunked transpose
 * of A[l−1]), {@code propagate<l>} is dA[l−1] = W[l]ᵀ·dZ[l] with the ReLU derivative, {@code product3} the output
 * layer's Z[3] = W[3]·A[2] + b[3] without the softmax. Each does 2·n_l·n_{l−1}·m flops of products.
 * {@code reference<l>} is the DESIGN.md row-array kernel of the benchmark module ({@link ReferenceKernels}) on the
 * same shapes, for a side-by-side ratio.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class KernelBenchmark {

    @Param({"N3", "N4"})
    public Shape shape;

    @Param({"forward1", "forward2", "forward3", "product3", "reference1", "reference2", "reference3",
            "gradients1", "gradients2", "gradients3", "propagate2", "propagate3"})
    public String kernel;

    private double[] theta;
    private Workspace ws;
    private int m;
    private double invM;
    private double[][][] w;
    private double[][] b;
    private double[][][] z;
    private double[][][] a;
    private double[] max;
    private double[] sum;

    @Setup
    public void setUp() {
        CompiledNetwork net = shape.net();
        Batch batch = shape.batch();
        Parameters params = net.initialize(Shape.PARAMETER_SEED);
        ws = net.newWorkspace(batch.m(), 1);
        net.forward(params, batch, ws, Dropout.off());
        net.backward(params, batch, ws);
        theta = params.values();
        m = batch.m();
        invM = 1.0 / m;
        int[] n = net.architecture().sizes();
        int depth = n.length - 1;
        w = new double[depth + 1][][];
        b = new double[depth + 1][];
        z = new double[depth + 1][][];
        a = new double[depth + 1][][];
        a[0] = batch.x();
        for (int l = 1; l <= depth; l++) {
            w[l] = ReferenceKernels.rows(theta, net.layout().weights(l).offset(), n[l], n[l - 1]);
            b[l] = ReferenceKernels.vector(theta, net.layout().biases(l).offset(), n[l]);
            z[l] = new double[n[l]][m];
            a[l] = new double[n[l]][m];
        }
        // the reference kernels read the same activations as the generated ones: copies of the forward pass's
        for (int l = 1; l < depth; l++) {
            for (int i = 0; i < n[l]; i++) {
                System.arraycopy(ws.layerInput(l + 1)[i], 0, a[l][i], 0, m);
            }
        }
        max = new double[m];
        sum = new double[m];
    }

    @Benchmark
    public Object run() {
        if (shape == Shape.N3) {
            switch (kernel) {
                case "forward1" -> DigitsShape_Forward.layer1(theta, ws, m, 0, DigitsShape_Model.N1);
                case "forward2" -> DigitsShape_Forward.layer2(theta, ws, m, 0, DigitsShape_Model.N2);
                case "forward3" -> {
                    DigitsShape_Forward.layer3(theta, ws, m, 0, DigitsShape_Model.N3);
                    DigitsShape_Forward.activate3(ws, m);
                }
                case "product3" -> DigitsShape_Forward.layer3(theta, ws, m, 0, DigitsShape_Model.N3);
                case "gradients1" -> DigitsShape_Backward.gradients1(theta, ws, m, invM);
                case "gradients2" -> DigitsShape_Backward.gradients2(theta, ws, m, invM);
                case "gradients3" -> DigitsShape_Backward.gradients3(theta, ws, m, invM);
                case "propagate2" -> DigitsShape_Backward.propagate2(theta, ws, m, 0, DigitsShape_Model.N1);
                case "propagate3" -> DigitsShape_Backward.propagate3(theta, ws, m, 0, DigitsShape_Model.N2);
                default -> reference();
            }
        } else {
            switch (kernel) {
                case "forward1" -> MnistShape_Forward.layer1(theta, ws, m, 0, MnistShape_Model.N1);
                case "forward2" -> MnistShape_Forward.layer2(theta, ws, m, 0, MnistShape_Model.N2);
                case "forward3" -> {
                    MnistShape_Forward.layer3(theta, ws, m, 0, MnistShape_Model.N3);
                    MnistShape_Forward.activate3(ws, m);
                }
                case "product3" -> MnistShape_Forward.layer3(theta, ws, m, 0, MnistShape_Model.N3);
                case "gradients1" -> MnistShape_Backward.gradients1(theta, ws, m, invM);
                case "gradients2" -> MnistShape_Backward.gradients2(theta, ws, m, invM);
                case "gradients3" -> MnistShape_Backward.gradients3(theta, ws, m, invM);
                case "propagate2" -> MnistShape_Backward.propagate2(theta, ws, m, 0, MnistShape_Model.N1);
                case "propagate3" -> MnistShape_Backward.propagate3(theta, ws, m, 0, MnistShape_Model.N2);
                default -> reference();
            }
        }
        return ws;
    }

    private void reference() {
        int l = kernel.charAt(kernel.length() - 1) - '0';
        int depth = w.length - 1;
        ReferenceKernels.dense(w[l], b[l], a[l - 1], z[l], a[l], w[l].length, w[l][0].length, m, l < depth);
        if (l == depth) {
            ReferenceKernels.softmax(z[l], a[l], w[l].length, m, max, sum);
        }
    }

    /** The flops of the products of a kernel: 2·n_l·n_{l−1}·m for the layer its name ends with. */
    public static double flops(Shape shape, String kernel) {
        int l = kernel.charAt(kernel.length() - 1) - '0';
        int[] n = shape.architecture().sizes();
        return 2.0 * n[l] * n[l - 1] * shape.m();
    }
}
