package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Backend;
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
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The generated networks N1–N5 on their scalar kernels against the vector backend ({@code dev.netsmith.runtime.Backend}),
 * one training step and the forward pass, on one thread. The backend is fixed when a JVM starts, so each side has
 * forks of its own, started with or without {@code --add-modules jdk.incubator.vector -Dnetsmith.vector=true}; the
 * setup checks that each fork runs the backend its method names.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 5, time = 1)
public class VectorBackendBenchmark {

    private static final String VECTOR_MODULE = "--add-modules=jdk.incubator.vector";
    private static final String VECTOR_FLAG = "-Dnetsmith.vector=true";

    @Param({"N1", "N2", "N3", "N4", "N5"})
    public Shape shape;

    private GeneratedImplementation implementation;
    private double[] initial;

    @Setup(Level.Trial)
    public void setUp(BenchmarkParams params) {
        boolean vectorMethod = params.getBenchmark().contains(".vector");
        if (vectorMethod != Backend.VECTOR) {
            throw new IllegalStateException(params.getBenchmark() + " runs in a JVM whose backend is " + Backend.name());
        }
        implementation = new GeneratedImplementation(shape, shape.batch());
        initial = shape.net().initialize(Shape.PARAMETER_SEED).values();
    }

    @Setup(Level.Iteration)
    public void resetParameters() {
        implementation.setParameters(initial);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public double scalarStep() {
        return implementation.step(TrainingStepBenchmark.RATE);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", VECTOR_MODULE, VECTOR_FLAG})
    public double vectorStep() {
        return implementation.step(TrainingStepBenchmark.RATE);
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
    public Object scalarForward() {
        return implementation.forward();
    }

    @Benchmark
    @Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx2g", VECTOR_MODULE, VECTOR_FLAG})
    public Object vectorForward() {
        return implementation.forward();
    }
}
