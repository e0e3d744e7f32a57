package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Activations;
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

/**
 * The elementwise functions that dominate the small networks (N1 applies tanh to 4 × 400 values per forward
 * pass and its cost takes log1p(e^−|z|) of 400), over one row of 1,600 pre-activations in [-3, 3): what the
 * generated code calls today against candidate replacements built on Math.exp and Math.log, which HotSpot
 * compiles to intrinsics (Math.tanh and Math.log1p are plain StrictMath calls on JDK 17).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ActivationBenchmark {

    private static final int SIZE = 1600;

    private final double[] z = new double[SIZE];
    private final double[] da = new double[SIZE];
    private final double[] out = new double[SIZE];

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(3);
        for (int j = 0; j < SIZE; j++) {
            z[j] = random.nextDouble(-3, 3);
            da[j] = random.nextDouble(-1, 1);
        }
    }

    @Benchmark
    public double[] tanhMath() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = Math.tanh(z[j]);
        }
        return out;
    }

    @Benchmark
    public double[] tanhExp() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = tanhByExp(z[j]);
        }
        return out;
    }

    @Benchmark
    public double[] tanhExpm1() {
        for (int j = 0; j < SIZE; j++) {
            double e = Math.expm1(-2 * Math.abs(z[j]));
            out[j] = Math.copySign(-e / (2 + e), z[j]);
        }
        return out;
    }

    @Benchmark
    public double[] sigmoidExp() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = 1.0 / (1.0 + Math.exp(-z[j]));
        }
        return out;
    }

    @Benchmark
    public double[] softplusLog1p() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = Math.log1p(Math.exp(-Math.abs(z[j])));
        }
        return out;
    }

    @Benchmark
    public double[] softplusLog() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = Math.log(1.0 + Math.exp(-Math.abs(z[j])));
        }
        return out;
    }

    /** dZ = dA ⊙ relu'(Z) as the generated backward wrote it until commit 26667fd: a branch per entry, taken half the time at random. */
    @Benchmark
    public double[] reluDerivativeTernary() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = z[j] > 0.0 ? da[j] : 0.0;
        }
        return out;
    }

    /** As the generated backward writes it now: dA·H(z) with the min/max step of {@link Activations#step}, no branch. */
    @Benchmark
    public double[] reluDerivativeStep() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = da[j] * Activations.step(z[j]);
        }
        return out;
    }

    /** The same without a branch: relu'(z) = max(0, signum(z)) is 1 for z &gt; 0 and 0 otherwise (also for −0; NaN stays NaN). */
    @Benchmark
    public double[] reluDerivativeSignum() {
        for (int j = 0; j < SIZE; j++) {
            out[j] = da[j] * Math.max(0.0, Math.signum(z[j]));
        }
        return out;
    }

    /** The same with a bit mask: all ones when the bits of z are a positive long (z &gt; 0), else zero. */
    @Benchmark
    public double[] reluDerivativeBits() {
        for (int j = 0; j < SIZE; j++) {
            long bits = Double.doubleToRawLongBits(z[j]);
            long keep = (~bits & -bits) >> 63;
            out[j] = Double.longBitsToDouble(Double.doubleToRawLongBits(da[j]) & keep);
        }
        return out;
    }

    /** tanh z = sign(z)·(1 − e^−2|z|) / (1 + e^−2|z|): one Math.exp, absolute error below 3e-16. */
    static double tanhByExp(double z) {
        double e = Math.exp(-2 * Math.abs(z));
        return Math.copySign((1 - e) / (1 + e), z);
    }
}
