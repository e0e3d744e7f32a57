package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One training step (forward, regularised cost, backward, plain SGD update of the flat parameter vector) and the
 * forward pass alone, for each network N1–N5 and each implementation: the generated code through
 * {@code CompiledNetwork} with a reused workspace and batch ({@code generated}), the hand-written flat-array
 * baseline ({@code flat}) and the Commons Math baseline ({@code commons}). All start from the same
 * parameters on the same seeded batch; the parameters are reset before every iteration so that each iteration
 * measures the same steps.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TrainingStepBenchmark {

    /** The learning rate of the SGD update: small, so that a second of steps stays near the initial point. */
    static final double RATE = 1e-3;

    @Param({"N1", "N2", "N3", "N4", "N5"})
    public Shape shape;

    @Param({"generated", "flat", "commons"})
    public String impl;

    private Implementation implementation;
    private double[] initial;

    @Setup(Level.Trial)
    public void setUp() {
        implementation = create(shape, impl);
        initial = shape.net().initialize(Shape.PARAMETER_SEED).values();
    }

    @Setup(Level.Iteration)
    public void resetParameters() {
        implementation.setParameters(initial);
    }

    /** The implementation called {@code impl} for this shape's seeded batch. */
    static Implementation create(Shape shape, String impl) {
        Batch batch = shape.batch();
        Implementation implementation = switch (impl) {
            case "generated" -> new GeneratedImplementation(shape, batch);
            case "flat" -> new FlatBaseline(shape.architecture(), batch.x(), batch.y(), batch.m());
            case "commons" -> new CommonsMathBaseline(shape.architecture(), batch.x(), batch.y(), batch.m());
            default -> throw new IllegalArgumentException("no implementation " + impl);
        };
        implementation.setParameters(shape.net().initialize(Shape.PARAMETER_SEED).values());
        return implementation;
    }

    @Benchmark
    public double step() {
        return implementation.step(RATE);
    }

    @Benchmark
    public Object forward() {
        return implementation.forward();
    }
}
