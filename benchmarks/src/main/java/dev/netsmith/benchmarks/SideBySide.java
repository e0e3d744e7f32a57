package dev.netsmith.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The training-step and forward comparison of {@link TrainingStepBenchmark}, interleaved in one JVM
 * ({@link Interleaved}): per network and operation, rounds of 300 ms slices of generated, flat (a) and
 * Commons Math (b), each slice after a reset of the parameters and a {@code System.gc()} (both untimed); medians
 * of the per-op times and of the per-round ratios.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.SideBySide [rounds] [N1 N2 …]</pre>
 */
public final class SideBySide {

    private SideBySide() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        List<Shape> shapes = Shape.named(args, 1);
        String[] impls = {"generated", "flat", "commons"};
        StringBuilder table = new StringBuilder();
        table.append("| net | op | generated µs | GFLOP/s | flat (a) µs | Commons Math (b) µs | (a) / generated (min–max) | (b) / generated (min–max) |\n");
        table.append("|---|---|---|---|---|---|---|---|\n");
        for (Shape shape : shapes) {
            double[] initial = shape.net().initialize(Shape.PARAMETER_SEED).values();
            List<Implementation> implementations = new ArrayList<>();
            for (String impl : impls) {
                implementations.add(TrainingStepBenchmark.create(shape, impl));
            }
            for (String op : List.of("step", "forward")) {
                List<Interleaved.Candidate> candidates = new ArrayList<>();
                for (int k = 0; k < impls.length; k++) {
                    Implementation implementation = implementations.get(k);
                    Runnable run = op.equals("step") ? () -> implementation.step(TrainingStepBenchmark.RATE) : implementation::forward;
                    // a collection before every slice (untimed), so that the garbage of Commons Math's slice is not
                    // collected during the next candidate's slice
                    candidates.add(new Interleaved.Candidate(impls[k], () -> {
                        implementation.setParameters(initial);
                        System.gc();
                    }, run));
                }
                double[][] times = Interleaved.run(candidates, 3, rounds, 300_000_000L);
                double flops = op.equals("step") ? shape.stepFlops() : shape.forwardFlops();
                double g = Interleaved.medianTime(times, 0) / 1e3;
                double[] ra = Interleaved.ratioRange(times, 1, 0);
                double[] rb = Interleaved.ratioRange(times, 2, 0);
                String row = String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | **%s×** (%s–%s) | **%s×** (%s–%s) |%n", shape, op,
                        Report.format(g), Report.format(flops / g / 1e3), Report.format(Interleaved.medianTime(times, 1) / 1e3),
                        Report.format(Interleaved.medianTime(times, 2) / 1e3),
                        Report.format(Interleaved.medianRatio(times, 1, 0)), Report.format(ra[0]), Report.format(ra[1]),
                        Report.format(Interleaved.medianRatio(times, 2, 0)), Report.format(rb[0]), Report.format(rb[1]));
                System.out.print(row);
                table.append(row);
            }
        }
        System.out.println();
        System.out.print(table);
    }
}
