package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Workspace;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Guards the vectorisation of the generated forward kernels: in one JVM, the generated forward pass of N3
 * ([64, 32, 16, 10], m = 1,797) against the DESIGN.md row-array reference ({@link ReferenceKernels}) on the same
 * parameters and inputs, interleaved ({@link Interleaved}). It prints the median of the per-round speed ratios
 * (reference time / generated time, so 1 means as fast and 0.25 four times slower) for the whole forward pass
 * and, for the diagnosis, per layer; it exits with status 1 when the whole-pass ratio is below
 * {@link #THRESHOLD} (and 2 when the two disagree on the outputs). Run it with benchmarks/vectorisation-guard.sh.
 */
public final class VectorisationGuard {

    /** Below this the generated kernel has most likely lost its vectorisation (which costs 3–5×). */
    static final double THRESHOLD = 0.8;

    private VectorisationGuard() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        Shape shape = Shape.N3;
        Prepared base = Prepared.forward(shape);
        Batch batch = base.batch();
        double[] theta = base.theta();
        int m = base.m();
        Workspace ws = base.ws();
        int[] n = base.sizes();
        double[][][] w = new double[4][][];
        double[][] b = new double[4][];
        double[][][] z = new double[4][][];
        double[][][] a = new double[4][][];
        a[0] = batch.x();
        for (int l = 1; l <= 3; l++) {
            w[l] = base.weights(l);
            b[l] = base.biases(l);
            z[l] = new double[n[l]][m];
            a[l] = new double[n[l]][m];
        }
        double[] max = new double[m];
        double[] sum = new double[m];
        Runnable reference = () -> {
            ReferenceKernels.dense(w[1], b[1], a[0], z[1], a[1], n[1], n[0], m, true);
            ReferenceKernels.dense(w[2], b[2], a[1], z[2], a[2], n[2], n[1], m, true);
            ReferenceKernels.dense(w[3], b[3], a[2], z[3], a[3], n[3], n[2], m, false);
            ReferenceKernels.softmax(z[3], a[3], n[3], m, max, sum);
        };
        Runnable generated = () -> DigitsShape_Forward.run(theta, batch.x(), m, ws, Dropout.off());

        reference.run();
        generated.run();
        double worst = 0;
        for (int i = 0; i < n[3]; i++) {
            for (int j = 0; j < m; j++) {
                worst = Math.max(worst, Math.abs(ws.a(3)[i][j] - a[3][i][j]));
            }
        }
        if (worst > 1e-12) {
            System.out.println("vectorisation guard: the generated and reference forward passes disagree by " + worst);
            System.exit(2);
        }

        Runnable nothing = () -> { };
        List<Interleaved.Candidate> whole = List.of(new Interleaved.Candidate("generated", nothing, generated),
                new Interleaved.Candidate("reference", nothing, reference));
        double[][] times = Interleaved.run(whole, 5, rounds, 100_000_000L);
        double ratio = Interleaved.medianRatio(times, 1, 0);
        double[] range = Interleaved.ratioRange(times, 1, 0);

        List<Interleaved.Candidate> layers = new ArrayList<>();
        layers.add(new Interleaved.Candidate("generated1", nothing, () -> DigitsShape_Forward.layer1(theta, ws, m, 0, DigitsShape_Model.N1)));
        layers.add(new Interleaved.Candidate("reference1", nothing,
                () -> ReferenceKernels.dense(w[1], b[1], a[0], z[1], a[1], n[1], n[0], m, true)));
        layers.add(new Interleaved.Candidate("generated2", nothing, () -> DigitsShape_Forward.layer2(theta, ws, m, 0, DigitsShape_Model.N2)));
        layers.add(new Interleaved.Candidate("reference2", nothing,
                () -> ReferenceKernels.dense(w[2], b[2], a[1], z[2], a[2], n[2], n[1], m, true)));
        layers.add(new Interleaved.Candidate("generated3", nothing, () -> {
            DigitsShape_Forward.layer3(theta, ws, m, 0, DigitsShape_Model.N3);
            DigitsShape_Forward.activate3(ws, m);
        }));
        layers.add(new Interleaved.Candidate("reference3", nothing, () -> {
            ReferenceKernels.dense(w[3], b[3], a[2], z[3], a[3], n[3], n[2], m, false);
            ReferenceKernels.softmax(z[3], a[3], n[3], m, max, sum);
        }));
        double[][] layerTimes = Interleaved.run(layers, 3, Math.max(5, rounds / 2), 50_000_000L);

        double flops = shape.forwardFlops();
        double tg = Interleaved.medianTime(times, 0);
        double tr = Interleaved.medianTime(times, 1);
        System.out.printf(Locale.ROOT, "N3 forward [64, 32, 16, 10], m = %d, %d rounds%n", m, rounds);
        System.out.printf(Locale.ROOT, "  generated  %8.1f µs  %5.2f GFLOP/s%n", tg / 1e3, flops / tg);
        System.out.printf(Locale.ROOT, "  reference  %8.1f µs  %5.2f GFLOP/s%n", tr / 1e3, flops / tr);
        for (int l = 1; l <= 3; l++) {
            double layerFlops = 2.0 * n[l] * n[l - 1] * m;
            double g = Interleaved.medianTime(layerTimes, 2 * (l - 1));
            double r = Interleaved.medianTime(layerTimes, 2 * (l - 1) + 1);
            System.out.printf(Locale.ROOT, "  layer %d (%d × %d%s): generated %6.1f µs %5.2f GFLOP/s, reference %6.1f µs %5.2f GFLOP/s, ratio %.2f%n",
                    l, n[l], n[l - 1], l == 3 ? ", with softmax" : ", with relu", g / 1e3, layerFlops / g, r / 1e3, layerFlops / r,
                    Interleaved.medianRatio(layerTimes, 2 * (l - 1) + 1, 2 * (l - 1)));
        }
        System.out.printf(Locale.ROOT, "vectorisation guard: speed ratio generated/reference = %.2f (rounds %.2f–%.2f), threshold %.2f: %s%n",
                ratio, range[0], range[1], THRESHOLD, ratio >= THRESHOLD ? "OK" : "FAIL");
        System.exit(ratio >= THRESHOLD ? 0 : 1);
    }
}
