package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The generated networks N1–N5 on one thread against two (large layers split by {@code Workspace.split}),
 * interleaved in one JVM ({@link Interleaved}): per network and operation (a training step, a forward pass), rounds
 * of 300 ms slices of each, a parameter reset and a {@code System.gc()} before every slice (untimed); medians of the
 * per-op times and of the per-round ratios. Before timing, both are checked to give the same bits (outputs, cost,
 * gradient, and the parameters after ten steps), with every kernel split and with the threshold.
 *
 * <pre>java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.ThreadsSideBySide [rounds [threshold [N1 N2 …]]]</pre>
 *
 * The threshold (multiply-adds) defaults to {@link Workspace#DEFAULT_SPLIT_THRESHOLD}; {@code -} keeps it.
 */
public final class ThreadsSideBySide {

    private ThreadsSideBySide() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        long threshold = args.length > 1 && !args[1].equals("-") ? Long.parseLong(args[1]) : Workspace.DEFAULT_SPLIT_THRESHOLD;
        List<Shape> shapes = Shape.named(args, 2);
        System.out.printf(Locale.ROOT, "split threshold %,d multiply-adds, %d processors%n%n", threshold,
                Runtime.getRuntime().availableProcessors());
        StringBuilder table = new StringBuilder();
        table.append("| net | op | kernels split | 1 thread µs | 2 threads µs | 1 thread / 2 threads (min–max) |\n");
        table.append("|---|---|---|---|---|---|\n");
        for (Shape shape : shapes) {
            double[] initial = shape.net().initialize(Shape.PARAMETER_SEED).values();
            Batch batch = shape.batch();
            GeneratedImplementation one = new GeneratedImplementation(shape, batch, 1);
            GeneratedImplementation two = new GeneratedImplementation(shape, batch, 2);
            // the same bits with every kernel split, and with the threshold measured
            two.workspace().setSplitThreshold(0);
            sameBits(shape, one, two, initial);
            two.workspace().setSplitThreshold(threshold);
            sameBits(shape, one, two, initial);
            for (String op : List.of("step", "forward")) {
                List<Interleaved.Candidate> candidates = new ArrayList<>();
                for (GeneratedImplementation implementation : List.of(one, two)) {
                    Runnable run = op.equals("step") ? () -> implementation.step(TrainingStepBenchmark.RATE) : implementation::forward;
                    candidates.add(new Interleaved.Candidate(op, () -> {
                        implementation.setParameters(initial);
                        System.gc();
                    }, run));
                }
                double[][] times = Interleaved.run(candidates, 3, rounds, 300_000_000L);
                double[] range = Interleaved.ratioRange(times, 0, 1);
                String row = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | **%s×** (%s–%s) |%n", shape, op,
                        splitKernels(shape, two.workspace(), batch.m(), op.equals("step")),
                        Report.format(Interleaved.medianTime(times, 0) / 1e3), Report.format(Interleaved.medianTime(times, 1) / 1e3),
                        Report.format(Interleaved.medianRatio(times, 0, 1)), Report.format(range[0]), Report.format(range[1]));
                System.out.print(row);
                table.append(row);
            }
        }
        System.out.println();
        System.out.print(table);
    }

    /** The kernels this workspace splits for a batch of m, e.g. {@code fwd 1–2, dW 1, dA 1}. */
    static String splitKernels(Shape shape, Workspace ws, int m, boolean backward) {
        int[] n = shape.architecture().sizes();
        List<String> forward = new ArrayList<>();
        List<String> weights = new ArrayList<>();
        List<String> deltas = new ArrayList<>();
        for (int l = 1; l < n.length; l++) {
            long work = (long) m * n[l] * n[l - 1];
            // inputs of 256 or more are summed in blocks and never split (the processor's ForwardWriter.splits)
            if (n[l - 1] < 256 && ws.threadsFor(work, n[l]) > 1) {
                forward.add(Integer.toString(l));
            }
            if (n[l - 1] >= Workspace.MIN_SPLIT_INPUTS && ws.threadsFor(work, n[l - 1]) > 1) {
                weights.add(Integer.toString(l));
            }
            if (l > 1 && ws.threadsFor(work, n[l - 1]) > 1) {
                deltas.add(Integer.toString(l - 1));
            }
        }
        List<String> parts = new ArrayList<>();
        if (!forward.isEmpty()) {
            parts.add("Z " + String.join(", ", forward));
        }
        if (backward && !weights.isEmpty()) {
            parts.add("dW " + String.join(", ", weights));
        }
        if (backward && !deltas.isEmpty()) {
            parts.add("dA " + String.join(", ", deltas));
        }
        return parts.isEmpty() ? "none" : String.join("; ", parts);
    }

    /** One thread and two give the same bits: output, cost, gradient, and parameters after ten steps. */
    private static void sameBits(Shape shape, GeneratedImplementation one, GeneratedImplementation two, double[] initial) {
        one.setParameters(initial);
        two.setParameters(initial);
        for (int step = 0; step < 10; step++) {
            double a = one.step(TrainingStepBenchmark.RATE);
            double b = two.step(TrainingStepBenchmark.RATE);
            if (Double.doubleToLongBits(a) != Double.doubleToLongBits(b)
                    || !Arrays.equals(one.gradient(), two.gradient())
                    || !Arrays.deepEquals(one.output(), two.output())) {
                throw new IllegalStateException(shape + ": one and two threads differ at step " + step);
            }
        }
        if (!Arrays.equals(one.parameters(), two.parameters())) {
            throw new IllegalStateException(shape + ": one and two threads reach different parameters");
        }
    }
}
