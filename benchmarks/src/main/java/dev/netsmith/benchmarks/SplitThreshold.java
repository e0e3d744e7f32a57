package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.SplitKernel;
import dev.netsmith.runtime.Workspace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Where splitting a kernel across two threads starts paying, measured rather than guessed.
 *
 * <p>First the cost of a split itself: {@code Workspace.split} of a kernel that does nothing, back to back (the
 * pool's threads are still spinning from the last split) and after the caller has worked alone for a while (they
 * have parked and must be woken).
 *
 * <p>Then every product kernel of N3, N4 and N5 that the generated code splits (forward layers and
 * backpropagation through a layer by rows, the dW product of N5's wide first layer by columns) at batch sizes from
 * 16 to 2,048: the kernel over its whole range on the calling thread against the same kernel split in two by
 * {@code Workspace.split}, interleaved ({@link Interleaved}); the work is m·n_l·n_{l−1} multiply-adds. The
 * summary gives the median speed-up per range of work, from which the default split threshold is chosen.
 *
 * <pre>java -Xms2g -Xmx2g -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.SplitThreshold [rounds [handoff|sweep|all]]</pre>
 */
public final class SplitThreshold {

    private static final SplitKernel NOTHING = (id, theta, ws, m, from, to) -> { };
    private static volatile double sink;

    private SplitThreshold() {
    }

    /** One kernel of one network at one batch size. */
    private record Kernel(String net, String name, int layer, SplitKernel parts, int length, long work) {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String what = args.length > 1 ? args[1] : "all";
        if (!what.equals("sweep")) {
            handoff(rounds);
        }
        if (what.equals("handoff")) {
            return;
        }
        List<String> rows = new ArrayList<>();
        TreeMap<Long, List<Double>> byWork = new TreeMap<>();
        sweep(Shape.N3, new int[] {32, 64, 128, 256, 512, 1024, 2048}, rounds, rows, byWork);
        sweep(Shape.N4, new int[] {16, 32, 64, 128, 256, 512, 1024}, rounds, rows, byWork);
        sweep(Shape.N5, new int[] {16, 32, 64, 128, 209}, rounds, rows, byWork);
        System.out.println();
        System.out.println("| net | kernel | m | work (multiply-adds) | 1 thread µs | split in 2 µs | speed-up (min–max) |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(System.out::print);
        System.out.println();
        System.out.println("| work (multiply-adds) | kernels | median speed-up | lowest | highest |");
        System.out.println("|---|---|---|---|---|");
        for (var bin : byWork.entrySet()) {
            double[] s = bin.getValue().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            System.out.printf(Locale.ROOT, "| %,d – %,d | %d | %s | %s | %s |%n", bin.getKey(), bin.getKey() * 4, s.length,
                    Report.format(Report.median(s)), Report.format(s[0]), Report.format(s[s.length - 1]));
        }
    }

    /** The time of splitting a kernel that does nothing into two parts. */
    private static void handoff(int rounds) {
        Workspace ws = new Workspace(Shape.N3.architecture(), 64, 2).setSplitThreshold(0);
        int calls = 20_000;
        long[] gapsNanos = {0, 20_000, 100_000, 1_000_000};
        System.out.println("| caller alone between splits | split of an empty kernel, µs (median of rounds) | min–max |");
        System.out.println("|---|---|---|");
        for (long gap : gapsNanos) {
            double[] perRound = new double[rounds];
            for (int r = -2; r < rounds; r++) {
                int n = gap == 0 ? calls : (int) Math.max(50, 200_000_000L / (gap + 20_000));
                long total = 0;
                for (int c = 0; c < n; c++) {
                    spin(gap);
                    long start = System.nanoTime();
                    ws.split(NOTHING, 0, null, 64, 64, 1);
                    total += System.nanoTime() - start;
                }
                if (r >= 0) {
                    perRound[r] = total / (double) n / 1e3;
                }
            }
            Arrays.sort(perRound);
            System.out.printf(Locale.ROOT, "| %s µs | %s | %s–%s |%n", Report.format(gap / 1e3), Report.format(Report.median(perRound)),
                    Report.format(perRound[0]), Report.format(perRound[rounds - 1]));
        }
        System.out.println();
    }

    /** Busy work on the calling thread for about this long. */
    private static void spin(long nanos) {
        if (nanos == 0) {
            return;
        }
        long end = System.nanoTime() + nanos;
        double x = 1;
        while (System.nanoTime() < end) {
            x = x * 1.0000001 + 1e-9;
        }
        sink = x;
    }

    private static void sweep(Shape shape, int[] batches, int rounds, List<String> rows, TreeMap<Long, List<Double>> byWork) {
        CompiledNetwork net = shape.net();
        int[] n = shape.architecture().sizes();
        Parameters params = net.initialize(Shape.PARAMETER_SEED);
        double[] theta = params.values();
        for (int m : batches) {
            Batch batch = net.batch(Shape.inputs(n[0], m, Shape.DATA_SEED), Shape.labels(shape.architecture(), m, Shape.DATA_SEED + 1));
            Workspace alone = net.newWorkspace(m, 1);
            Workspace split = net.newWorkspace(m, 2).setSplitThreshold(0);
            for (Workspace ws : List.of(alone, split)) {
                net.forward(params, batch, ws, Dropout.off());
                net.backward(params, batch, ws);
            }
            for (Kernel k : kernels(shape, m)) {
                Runnable one = () -> k.parts().run(k.layer(), theta, alone, m, 0, k.length());
                Runnable two = () -> {
                    if (!split.split(k.parts(), k.layer(), theta, m, k.length(), k.work())) {
                        throw new IllegalStateException("not split: " + k);
                    }
                };
                Runnable nothing = () -> { };
                double[][] times = Interleaved.run(List.of(new Interleaved.Candidate("1 thread", nothing, one),
                        new Interleaved.Candidate("2 threads", nothing, two)), 2, rounds, 20_000_000L);
                double speedUp = Interleaved.medianRatio(times, 0, 1);
                double[] range = Interleaved.ratioRange(times, 0, 1);
                String row = String.format(Locale.ROOT, "| %s | %s | %,d | %,d | %s | %s | **%s×** (%s–%s) |%n", k.net(), k.name(), m, k.work(),
                        Report.format(Interleaved.medianTime(times, 0) / 1e3), Report.format(Interleaved.medianTime(times, 1) / 1e3),
                        Report.format(speedUp), Report.format(range[0]), Report.format(range[1]));
                System.out.print(row);
                rows.add(row);
                long bin = Long.highestOneBit(k.work());
                bin = Long.numberOfTrailingZeros(bin) % 2 == 0 ? bin : bin / 2; // bins of a factor of 4
                byWork.computeIfAbsent(bin, b -> new ArrayList<>()).add(speedUp);
            }
        }
    }

    /** Every product kernel of the network that the generated code splits: ranges of at least two indices. */
    private static List<Kernel> kernels(Shape shape, int m) {
        int[] n = shape.architecture().sizes();
        SplitKernel forward;
        SplitKernel deltas;
        SplitKernel weights = null; // only layers with at least Workspace.MIN_SPLIT_INPUTS inputs split dW
        switch (shape) {
            case N3 -> {
                forward = DigitsShape_Forward.ROWS;
                deltas = DigitsShape_Backward.DELTA_ROWS;
            }
            case N4 -> {
                forward = MnistShape_Forward.ROWS;
                deltas = MnistShape_Backward.DELTA_ROWS;
            }
            case N5 -> {
                forward = CatShape_Forward.ROWS;
                deltas = CatShape_Backward.DELTA_ROWS;
                weights = CatShape_Backward.WEIGHT_COLUMNS;
            }
            default -> throw new IllegalArgumentException(shape + " is not swept");
        }
        List<Kernel> kernels = new ArrayList<>();
        for (int l = 1; l < n.length; l++) {
            long work = (long) m * n[l] * n[l - 1];
            if (n[l] > 1) {
                kernels.add(new Kernel(shape.name(), "forward " + l + " (" + n[l] + " × " + n[l - 1] + ")", l, forward, n[l], work));
            }
            if (weights != null && n[l - 1] >= Workspace.MIN_SPLIT_INPUTS) {
                kernels.add(new Kernel(shape.name(), "dW" + l, l, weights, n[l - 1], work));
            }
            if (l > 1) {
                kernels.add(new Kernel(shape.name(), "dA" + (l - 1), l, deltas, n[l - 1], work));
            }
        }
        return kernels;
    }
}
