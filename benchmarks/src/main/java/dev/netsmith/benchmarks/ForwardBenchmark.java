package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The generated forward pass and a full training step of N3 on a digits-sized batch (m = 1,797). */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ForwardBenchmark {

    private static final int M = 1797;

    private final CompiledNetwork net = DigitsShape_Model.INSTANCE;
    private Parameters params;
    private Batch batch;
    private Workspace ws;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(1);
        double[][] x = new double[64][M];
        double[][] y = new double[10][M];
        for (int j = 0; j < M; j++) {
            for (int i = 0; i < 64; i++) {
                x[i][j] = random.nextDouble(-1, 1);
            }
            y[random.nextInt(10)][j] = 1;
        }
        params = net.initialize(1);
        batch = net.batch(x, y);
        ws = net.newWorkspace(M);
    }

    @Benchmark
    public double[][] forward() {
        return net.forward(params, batch, ws, Dropout.off());
    }

    @Benchmark
    public double[] forwardAndBackward() {
        net.forward(params, batch, ws, Dropout.off());
        return net.backward(params, batch, ws);
    }
}
