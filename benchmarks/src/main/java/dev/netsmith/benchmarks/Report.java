package dev.netsmith.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs one group of benchmarks through JMH and prints its results as the Markdown tables of
 * docs/PERFORMANCE.md: medians of the measured iterations (every iteration of every fork), GFLOP/s and the
 * ratios of implementations measured in the same run.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.Report train [JMH options, e.g. -prof gc]
 * java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.Report kernels [JMH options]
 * java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.Report check [JMH options]
 * java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.Report vector [JMH options]
 * </pre>
 */
public final class Report {

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || !List.of("train", "kernels", "check", "vector").contains(args[0])) {
            System.err.println("usage: Report train|kernels|check|vector [JMH options]");
            System.exit(2);
        }
        String group = args[0];
        CommandLineOptions jmh = new CommandLineOptions(Arrays.copyOfRange(args, 1, args.length));
        String include = switch (group) {
            case "train" -> TrainingStepBenchmark.class.getName();
            case "kernels" -> KernelBenchmark.class.getName();
            case "vector" -> VectorBackendBenchmark.class.getName();
            default -> GradientCheckBenchmark.class.getName();
        };
        OptionsBuilder builder = new OptionsBuilder();
        builder.parent(jmh);
        if (jmh.getIncludes().isEmpty()) {
            builder.include(include.replace(".", "\\.") + "\\.");
        }
        Options options = builder.build();
        Collection<RunResult> results = run(options);
        System.out.println();
        switch (group) {
            case "train" -> printTraining(results);
            case "kernels" -> printKernels(results);
            case "vector" -> printVector(results);
            default -> printCheck(results);
        }
    }

    private static Collection<RunResult> run(Options options) throws RunnerException {
        return new Runner(options).run();
    }

    /** The median of every measured iteration of every fork of one benchmark. */
    static double median(RunResult run) {
        return median(scores(run, null));
    }

    /** A secondary result's median (e.g. gc.alloc.rate.norm), or NaN when it was not measured. */
    static double medianSecondary(RunResult run, String label) {
        double[] scores = scores(run, label);
        return scores.length == 0 ? Double.NaN : median(scores);
    }

    private static double[] scores(RunResult run, String secondary) {
        List<Double> scores = new ArrayList<>();
        for (BenchmarkResult fork : run.getBenchmarkResults()) {
            for (IterationResult iteration : fork.getIterationResults()) {
                if (secondary == null) {
                    scores.add(iteration.getPrimaryResult().getScore());
                } else {
                    Result<?> r = iteration.getSecondaryResults().get(secondary);
                    if (r != null) {
                        scores.add(r.getScore());
                    }
                }
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** min–max of the measured iterations, as a spread to quote beside the median. */
    static String range(RunResult run) {
        double[] s = scores(run, null);
        Arrays.sort(s);
        return s.length == 0 ? "" : format(s[0]) + "–" + format(s[s.length - 1]);
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int n = s.length;
        return n == 0 ? Double.NaN : n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String format(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        double a = Math.abs(v);
        String pattern = a >= 1000 ? "%,.0f" : a >= 100 ? "%.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, pattern, v);
    }

    private static String param(RunResult run, String name) {
        return run.getParams().getParam(name);
    }

    private static String method(RunResult run) {
        String b = run.getParams().getBenchmark();
        return b.substring(b.lastIndexOf('.') + 1);
    }

    private static void printTraining(Collection<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            byKey.put(param(r, "shape") + "/" + method(r) + "/" + param(r, "impl"), r);
        }
        for (String op : List.of("step", "forward")) {
            System.out.println("### " + (op.equals("step") ? "One training step (forward + cost + backward + SGD update)" : "Forward pass alone"));
            System.out.println();
            System.out.println("| net | m | MFLOP | generated µs (min–max) | GFLOP/s | flat (a) µs | GFLOP/s | Commons Math (b) µs | GFLOP/s | (a) / generated | (b) / generated | alloc B/op gen · (a) · (b) |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
            for (Shape shape : Shape.values()) {
                RunResult gen = byKey.get(shape + "/" + op + "/generated");
                RunResult flat = byKey.get(shape + "/" + op + "/flat");
                RunResult commons = byKey.get(shape + "/" + op + "/commons");
                if (gen == null && flat == null && commons == null) {
                    continue;
                }
                double flops = op.equals("step") ? shape.stepFlops() : shape.forwardFlops();
                double g = gen == null ? Double.NaN : median(gen);
                double f = flat == null ? Double.NaN : median(flat);
                double c = commons == null ? Double.NaN : median(commons);
                System.out.printf(Locale.ROOT, "| %s | %,d | %s | %s (%s) | %s | %s | %s | %s | %s | **%s×** | **%s×** | %s · %s · %s |%n",
                        shape, shape.m(), format(flops / 1e6), format(g), gen == null ? "" : range(gen), format(flops / g / 1e3),
                        format(f), format(flops / f / 1e3), format(c), format(flops / c / 1e3), format(f / g), format(c / g),
                        alloc(gen), alloc(flat), alloc(commons));
            }
            System.out.println();
        }
    }

    private static String alloc(RunResult r) {
        return r == null ? "–" : format(medianSecondary(r, "gc.alloc.rate.norm"));
    }

    private static void printKernels(Collection<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            byKey.put(param(r, "shape") + "/" + param(r, "kernel"), r);
        }
        System.out.println("| net | kernel | shape (n_l × n_l−1 × m) | µs (min–max) | GFLOP/s | reference row-array kernel µs | GFLOP/s | reference / generated |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Shape shape : List.of(Shape.N3, Shape.N4)) {
            int[] n = shape.architecture().sizes();
            for (String kernel : List.of("forward1", "forward2", "forward3", "product3", "gradients1", "gradients2", "gradients3",
                    "propagate2", "propagate3")) {
                RunResult r = byKey.get(shape + "/" + kernel);
                if (r == null) {
                    continue;
                }
                int l = kernel.charAt(kernel.length() - 1) - '0';
                double flops = KernelBenchmark.flops(shape, kernel);
                double t = median(r);
                RunResult ref = kernel.startsWith("forward") ? byKey.get(shape + "/reference" + l) : null;
                double tr = ref == null ? Double.NaN : median(ref);
                System.out.printf(Locale.ROOT, "| %s | %s | %d × %d × %d | %s (%s) | %s | %s | %s | %s |%n", shape, kernel, n[l], n[l - 1],
                        shape.m(), format(t), range(r), format(flops / t / 1e3), format(tr), format(flops / tr / 1e3),
                        ref == null ? "" : format(tr / t) + "×");
            }
        }
        System.out.println();
    }

    private static void printVector(Collection<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            byKey.put(param(r, "shape") + "/" + method(r), r);
        }
        System.out.println("| net | op | scalar µs (min–max) | GFLOP/s | vector µs (min–max) | GFLOP/s | scalar / vector |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Shape shape : Shape.values()) {
            for (String op : List.of("Step", "Forward")) {
                RunResult scalar = byKey.get(shape + "/scalar" + op);
                RunResult vector = byKey.get(shape + "/vector" + op);
                if (scalar == null || vector == null) {
                    continue;
                }
                double flops = op.equals("Step") ? shape.stepFlops() : shape.forwardFlops();
                double s = median(scalar);
                double v = median(vector);
                System.out.printf(Locale.ROOT, "| %s | %s | %s (%s) | %s | %s (%s) | %s | **%s×** |%n", shape, op.toLowerCase(Locale.ROOT),
                        format(s), range(scalar), format(flops / s / 1e3), format(v), range(vector), format(flops / v / 1e3),
                        format(s / v));
            }
        }
        System.out.println();
    }

    private static void printCheck(Collection<RunResult> results) {
        Map<String, RunResult> byKey = new LinkedHashMap<>();
        for (RunResult r : results) {
            byKey.put(param(r, "shape") + "/" + method(r), r);
        }
        System.out.println("| net | parameters P | m | naive: sample | naive: sample ms (min–max) | naive: full, extrapolated s | incremental 1 thread s (min–max) | incremental 2 threads s (min–max) | naive / incremental 1 thread | 1 thread / 2 threads |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (Shape shape : List.of(Shape.N3, Shape.N5)) {
            RunResult naive = byKey.get(shape + "/naiveSample");
            RunResult one = byKey.get(shape + "/incremental1Thread");
            RunResult two = byKey.get(shape + "/incremental2Threads");
            if (naive == null && one == null && two == null) {
                continue;
            }
            int size = shape.net().layout().size();
            int sample = Math.min(size, GradientCheckBenchmark.NAIVE_SAMPLE);
            double tn = naive == null ? Double.NaN : median(naive);
            double full = tn * size / sample / 1e3;
            double t1 = one == null ? Double.NaN : median(one) / 1e3;
            double t2 = two == null ? Double.NaN : median(two) / 1e3;
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %s (%s) | %s | %s (%s) | %s (%s) | **%s×** | **%s×** |%n", shape, size,
                    shape.m(), sample, format(tn), naive == null ? "" : range(naive), format(full), format(t1),
                    one == null ? "" : range(one), format(t2), two == null ? "" : range(two), format(full / t1), format(t1 / t2));
        }
        System.out.println();
        System.out.println("(min–max of the check columns in ms)");
    }
}
