package dev.netsmith.benchmarks;

import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.check.NaiveCentralDifferences;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import java.util.SplittableRandom;
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
 * A full gradient check of N3 (2,778 parameters, m = 1,797) and N5 (245,973 parameters, m = 209) at
 * initialisation, single shot: the incremental checker ({@code GradientChecker.check}, FULL mode, dropout off)
 * on one thread and on two, against naive central differences ({@code NaiveCentralDifferences.estimate}, two
 * whole forward passes per parameter). The naive run covers {@link #NAIVE_SAMPLE} seeded random parameters
 * (all of them when the network has fewer); its time per parameter does not depend on which parameter it is
 * (every estimate re-runs the whole network), so the full naive time is the sample's time × P / sample size.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class GradientCheckBenchmark {

    /** Parameters of the naive run when the network has more. */
    public static final int NAIVE_SAMPLE = 2000;

    @Param({"N3", "N5"})
    public Shape shape;

    private CheckableNetwork net;
    private Parameters params;
    private Batch batch;
    private int[] sample;

    @Setup
    public void setUp() {
        net = (CheckableNetwork) shape.net();
        params = net.initialize(Shape.PARAMETER_SEED);
        batch = shape.batch();
        sample = naiveSample(net.layout().size());
    }

    /** Every index when there are at most {@link #NAIVE_SAMPLE}, else that many distinct seeded random ones. */
    public static int[] naiveSample(int size) {
        int count = Math.min(size, NAIVE_SAMPLE);
        int[] all = new int[size];
        for (int p = 0; p < size; p++) {
            all[p] = p;
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int e = 0; e < count; e++) {
            int swap = e + random.nextInt(size - e);
            int t = all[e];
            all[e] = all[swap];
            all[swap] = t;
        }
        int[] chosen = java.util.Arrays.copyOf(all, count);
        java.util.Arrays.sort(chosen);
        return chosen;
    }

    @Benchmark
    public Object incremental1Thread() {
        return GradientChecker.check(net, params, batch, CheckOptions.defaults().withThreads(1));
    }

    @Benchmark
    public Object incremental2Threads() {
        return GradientChecker.check(net, params, batch, CheckOptions.defaults().withThreads(2));
    }

    @Benchmark
    public double[] naiveSample() {
        return NaiveCentralDifferences.estimate(net, params, batch, Dropout.off(), 1e-7, sample);
    }
}
