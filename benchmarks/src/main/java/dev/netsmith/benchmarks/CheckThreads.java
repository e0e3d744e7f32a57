package dev.netsmith.benchmarks;

import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import java.util.List;
import java.util.Locale;

/**
 * The full incremental gradient check of N3 and N5 on one thread against two, interleaved in one JVM
 * ({@link Interleaved}: each slice is one whole check), so that both see the same load; the JMH
 * {@link GradientCheckBenchmark} runs them minutes apart.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.CheckThreads [rounds]</pre>
 */
public final class CheckThreads {

    private CheckThreads() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        System.out.println("| net | parameters | m | 1 thread s | 2 threads s | 1 thread / 2 threads (min–max) | verdict |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Shape shape : List.of(Shape.N3, Shape.N5)) {
            CheckableNetwork net = (CheckableNetwork) shape.net();
            Parameters params = net.initialize(Shape.PARAMETER_SEED);
            Batch batch = shape.batch();
            GradientCheckReport[] last = new GradientCheckReport[1];
            Runnable nothing = () -> { };
            List<Interleaved.Candidate> candidates = List.of(
                    new Interleaved.Candidate("1 thread", nothing,
                            () -> last[0] = GradientChecker.check(net, params, batch, CheckOptions.defaults().withThreads(1))),
                    new Interleaved.Candidate("2 threads", nothing,
                            () -> last[0] = GradientChecker.check(net, params, batch, CheckOptions.defaults().withThreads(2))));
            double[][] times = Interleaved.run(candidates, 1, rounds, 1L);
            double[] range = Interleaved.ratioRange(times, 0, 1);
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %s | %s | **%s×** (%s–%s) | %s |%n", shape, net.layout().size(), batch.m(),
                    Report.format(Interleaved.medianTime(times, 0) / 1e9), Report.format(Interleaved.medianTime(times, 1) / 1e9),
                    Report.format(Interleaved.medianRatio(times, 0, 1)), Report.format(range[0]), Report.format(range[1]),
                    last[0].verdict());
        }
    }
}
