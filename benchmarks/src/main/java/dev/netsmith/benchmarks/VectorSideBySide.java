package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Backend;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The scalar kernels against the vector backend, N1–N5, a training step and the forward pass. The backend is fixed
 * when a JVM starts, so the two cannot share one JVM: each round starts one JVM per backend, one after the other
 * (the order alternating from round to round), each timing step and forward interleaved ({@link Interleaved}: 6
 * warm-up and 5 measured rounds of 300 ms slices) and reporting its medians. The ratio of a round compares two
 * JVMs a few seconds apart; medians over the rounds are what we quote (JMH's forks of the two methods run minutes
 * apart, on a machine whose load moves in between).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.VectorSideBySide [rounds [N1 N2 …]]</pre>
 */
public final class VectorSideBySide {

    private static final List<String> VECTOR_FLAGS = List.of("--add-modules=jdk.incubator.vector", "-Dnetsmith.vector=true");
    private static final List<String> OPS = List.of("step", "forward");

    private VectorSideBySide() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<Shape> shapes = Shape.named(args, 1);
        StringBuilder table = new StringBuilder()
                .append("| net | op | scalar µs | vector µs | scalar / vector (min–max over rounds) |\n")
                .append("|---|---|---|---|---|\n");
        for (Shape shape : shapes) {
            // [round][backend 0 scalar, 1 vector][op]
            double[][][] times = new double[rounds][2][];
            for (int r = 0; r < rounds; r++) {
                for (int b : r % 2 == 0 ? new int[] {0, 1} : new int[] {1, 0}) {
                    times[r][b] = child(shape, b == 1);
                }
                System.out.printf(Locale.ROOT, "%s round %d: scalar %s, vector %s (ns per step, forward)%n", shape, r + 1,
                        Arrays.toString(times[r][0]), Arrays.toString(times[r][1]));
            }
            for (int op = 0; op < OPS.size(); op++) {
                double[][] pairs = new double[rounds][];
                for (int r = 0; r < rounds; r++) {
                    pairs[r] = new double[] {times[r][0][op], times[r][1][op]};
                }
                double[] range = Interleaved.ratioRange(pairs, 0, 1);
                table.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | **%s×** (%s–%s) |%n", shape, OPS.get(op),
                        Report.format(Interleaved.medianTime(pairs, 0) / 1e3), Report.format(Interleaved.medianTime(pairs, 1) / 1e3),
                        Report.format(Interleaved.medianRatio(pairs, 0, 1)), Report.format(range[0]), Report.format(range[1])));
            }
        }
        System.out.println();
        System.out.print(table);
    }

    /** Starts a JVM on one backend, which times step and forward for the shape; returns its ns per op. */
    private static double[] child(Shape shape, boolean vector) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms2g", "-Xmx2g"));
        if (vector) {
            command.addAll(VECTOR_FLAGS);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Child.class.getName(), shape.name(),
                Boolean.toString(vector)));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String last = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                last = line;
            }
        }
        if (process.waitFor() != 0 || last == null) {
            throw new IllegalStateException("the " + (vector ? "vector" : "scalar") + " JVM for " + shape + " failed: " + last);
        }
        return Arrays.stream(last.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** One backend's JVM: prints the median ns per step and per forward pass on one line. */
    public static final class Child {

        private Child() {
        }

        public static void main(String[] args) {
            Shape shape = Shape.valueOf(args[0]);
            if (Boolean.parseBoolean(args[1]) != Backend.VECTOR) {
                throw new IllegalStateException("this JVM runs the " + Backend.name() + " backend");
            }
            double[] initial = shape.net().initialize(Shape.PARAMETER_SEED).values();
            GeneratedImplementation implementation = new GeneratedImplementation(shape, shape.batch());
            List<Interleaved.Candidate> candidates = new ArrayList<>();
            for (String op : OPS) {
                Runnable run = op.equals("step") ? () -> implementation.step(TrainingStepBenchmark.RATE) : implementation::forward;
                candidates.add(new Interleaved.Candidate(op, () -> {
                    implementation.setParameters(initial);
                    System.gc();
                }, run));
            }
            double[][] times = Interleaved.run(candidates, 6, 5, 300_000_000L);
            System.out.println(Interleaved.medianTime(times, 0) + " " + Interleaved.medianTime(times, 1));
        }
    }
}
