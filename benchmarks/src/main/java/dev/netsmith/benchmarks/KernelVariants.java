package dev.netsmith.benchmarks;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Workspace;
import java.util.List;
import java.util.Locale;

/**
 * Candidate kernel changes measured side by side against the generated kernel in one JVM ({@link Interleaved}):
 * the first layer's Z = W·X + b of N3, N4 and N5 as generated, as the DESIGN.md reference, and with the k loop
 * blocked for the L2 cache ({@link ReferenceKernels#denseBlocked}); and N1's whole forward pass as generated
 * against the same pass with tanh computed from Math.exp.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.netsmith.benchmarks.KernelVariants [rounds]</pre>
 */
public final class KernelVariants {

    private KernelVariants() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
        System.out.println("| layer | shape (n × p × m) | generated µs | GFLOP/s | reference µs | blocked (k block) µs | GFLOP/s | blocked / generated speed-up (min–max) | two rows µs | GFLOP/s | two rows / generated speed-up (min–max) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
        for (Shape shape : List.of(Shape.N3, Shape.N4, Shape.N5)) {
            firstLayer(shape, rounds);
        }
        System.out.println();
        System.out.println("| layer | dW shape (n × p × m) | generated µs | GFLOP/s | k-blocked (block) µs | GFLOP/s | blocked / generated speed-up (min–max) |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (Shape shape : List.of(Shape.N4, Shape.N5)) {
            firstWeightGradient(shape, rounds);
        }
        System.out.println();
        System.out.println("| layer | dW shape (n × p × m) | generated µs | dot products, 4 partial sums µs | generated / dot speed-up (min–max) |");
        System.out.println("|---|---|---|---|---|");
        narrowWeightGradient(Shape.N1, 1, rounds);
        narrowWeightGradient(Shape.N2, 1, rounds);
        narrowWeightGradient(Shape.N2, 2, rounds);
        narrowWeightGradient(Shape.N3, 3, rounds);
        System.out.println();
        planarTanh(rounds);
        System.out.println();
        checkEvaluation(Shape.N3, rounds);
        checkEvaluation(Shape.N5, rounds);
    }

    /** dW1 of N4 and N5 as generated against the same kernel with the k axis blocked. */
    private static void firstWeightGradient(Shape shape, int rounds) {
        Prepared base = Prepared.backward(shape);
        Batch batch = base.batch();
        double[] theta = base.theta();
        int m = base.m();
        Workspace ws = base.ws();
        int[] n = base.sizes();
        double invM = 1.0 / m;
        int kBlock = 1024;
        double[][] t = new double[Workspace.TRANSPOSE_CHUNK][kBlock];
        double[][] dw = new double[n[1]][n[0]];
        Runnable generated = switch (shape) {
            case N4 -> () -> MnistShape_Backward.gradients1(theta, ws, m, invM);
            case N5 -> () -> CatShape_Backward.gradients1(theta, ws, m, invM);
            default -> throw new IllegalArgumentException(shape.toString());
        };
        Runnable blocked = () -> {
            for (double[] row : dw) {
                java.util.Arrays.fill(row, 0.0);
            }
            ReferenceKernels.weightGradientBlocked(ws.dz(1), batch.x(), t, dw, n[1], n[0], m, Workspace.TRANSPOSE_CHUNK, kBlock);
        };
        generated.run();
        blocked.run();
        for (int i = 0; i < n[1]; i++) {
            for (int k = 0; k < n[0]; k++) {
                if (ws.dw(1)[i][k] != dw[i][k]) {
                    throw new AssertionError("dW1 of " + shape + " differs at [" + i + "][" + k + "]");
                }
            }
        }
        Runnable nothing = () -> { };
        double[][] times = Interleaved.run(List.of(new Interleaved.Candidate("generated", nothing, generated),
                new Interleaved.Candidate("blocked", nothing, blocked)), 3, rounds, 200_000_000L);
        double flops = 2.0 * n[1] * n[0] * m;
        double g = Interleaved.medianTime(times, 0);
        double b = Interleaved.medianTime(times, 1);
        double[] range = Interleaved.ratioRange(times, 0, 1);
        System.out.printf(Locale.ROOT, "| %s dW1 | %d × %d × %d | %s | %s | %s (%d) | %s | **%s×** (%s–%s) |%n", shape, n[1], n[0], m,
                Report.format(g / 1e3), Report.format(flops / g), Report.format(b / 1e3), kBlock, Report.format(flops / b),
                Report.format(Interleaved.medianRatio(times, 0, 1)), Report.format(range[0]), Report.format(range[1]));
    }

    /**
     * Where the incremental checker's time goes: one central difference (both sides) for an entry of W1 (what a
     * full check does once per parameter, most of them in W1), for the first entry of a row (its coefficients
     * computed, every call a different row) and for the next entries of the same row (coefficients reused, as a
     * full check in index order finds them), against the output layer's loss over the m examples alone; for N5
     * also that loss written with log1p(e^−|z|), as it was before the generated cost moved to Math.log.
     */
    private static void checkEvaluation(Shape shape, int rounds) {
        Prepared prepared = Prepared.forward(shape);
        double[] theta = prepared.theta();
        int m = prepared.m();
        Workspace base = prepared.ws();
        dev.netsmith.check.CheckableNetwork net = (dev.netsmith.check.CheckableNetwork) shape.net();
        dev.netsmith.check.GradientCheckKernel kernel = net.gradientCheckKernel();
        dev.netsmith.check.Probe probe = dev.netsmith.check.Probe.of(net, m);
        double[] out = new double[m];
        double[][] logits = base.z(shape.architecture().depth());
        double[][] y = prepared.batch().y();
        int inputs = prepared.sizes()[0];
        int weights = net.layout().weights(1).size();
        int[] counter = {0, 0};
        long[] beyond = {0, 0};
        Runnable firstOfRow = () -> {
            // a step of n0 + 1 entries lands on the next row every time
            int p = (counter[0] = (counter[0] + inputs + 1) % weights);
            beyond[0] += kernel.perturbParameter(theta, p, 1e-7, -1e-7, base, probe, y, m);
            beyond[1]++;
        };
        Runnable nextInRow = () -> {
            int p = 13 % prepared.sizes()[1] * inputs + (counter[1] = (counter[1] + 1) % inputs);
            kernel.perturbParameter(theta, p, 1e-7, -1e-7, base, probe, y, m);
        };
        Runnable loss = shape == Shape.N3
                ? () -> DigitsShape_Cost.lossPerExample(y, m, base, out)
                : () -> CatShape_Cost.lossPerExample(y, m, base, out);
        Runnable lossWithLog = () -> {
            java.util.Arrays.fill(out, 0, m, 0.0);
            for (int i = 0; i < logits.length; i++) {
                final double[] zi = logits[i];
                final double[] yi = y[i];
                for (int j = 0; j < m; j++) {
                    out[j] += Math.max(zi[j], 0.0) - zi[j] * yi[j] + Math.log1p(Math.exp(-Math.abs(zi[j])));
                }
            }
        };
        Runnable nothing = () -> { };
        List<Interleaved.Candidate> candidates = new java.util.ArrayList<>(List.of(
                new Interleaved.Candidate("first of a row", nothing, firstOfRow),
                new Interleaved.Candidate("next in the row", nothing, nextInRow),
                new Interleaved.Candidate("loss", nothing, loss)));
        if (shape != Shape.N3) {
            candidates.add(new Interleaved.Candidate("loss with log", nothing, lossWithLog));
        }
        double[][] times = Interleaved.run(candidates, 3, rounds, 100_000_000L);
        System.out.printf(Locale.ROOT, "%s check: one central difference (both sides) for a W1 entry: %s µs for the first of a row"
                        + " (%.1f of %d examples beyond reach on average), %s µs for the next in the row; the generated output loss"
                        + " over all m = %d %s µs%s%n",
                shape, Report.format(Interleaved.medianTime(times, 0) / 1e3), (double) beyond[0] / beyond[1], m,
                Report.format(Interleaved.medianTime(times, 1) / 1e3), m, Report.format(Interleaved.medianTime(times, 2) / 1e3),
                shape == Shape.N3 ? "" : String.format(Locale.ROOT, "; the same loss written with log1p(x) %s µs (generated / log1p: %s×)",
                        Report.format(Interleaved.medianTime(times, 3) / 1e3), Report.format(Interleaved.medianRatio(times, 2, 3))));
    }

    private static void firstLayer(Shape shape, int rounds) {
        Prepared base = Prepared.forward(shape);
        Batch batch = base.batch();
        double[] theta = base.theta();
        int m = base.m();
        Workspace ws = base.ws();
        int[] n = base.sizes();
        double[][] w = base.weights(1);
        double[] b = base.biases(1);
        double[][] z = new double[n[1]][m];
        double[][] a = new double[n[1]][m];
        double[][] zb = new double[n[1]][m];
        double[][] ab = new double[n[1]][m];
        double[][] z2 = new double[n[1]][m];
        double[][] a2 = new double[n[1]][m];
        int kBlock = ReferenceKernels.kBlock(m);
        Runnable generated = switch (shape) {
            case N3 -> () -> DigitsShape_Forward.layer1(theta, ws, m, 0, DigitsShape_Model.N1);
            case N4 -> () -> MnistShape_Forward.layer1(theta, ws, m, 0, MnistShape_Model.N1);
            case N5 -> () -> CatShape_Forward.layer1(theta, ws, m, 0, CatShape_Model.N1);
            default -> throw new IllegalArgumentException(shape.toString());
        };
        Runnable nothing = () -> { };
        List<Interleaved.Candidate> candidates = List.of(
                new Interleaved.Candidate("generated", nothing, generated),
                new Interleaved.Candidate("reference", nothing, () -> ReferenceKernels.dense(w, b, batch.x(), z, a, n[1], n[0], m, true)),
                new Interleaved.Candidate("blocked", nothing,
                        () -> ReferenceKernels.denseBlocked(w, b, batch.x(), zb, ab, n[1], n[0], m, true, kBlock)),
                new Interleaved.Candidate("two rows", nothing,
                        () -> ReferenceKernels.denseTwoRows(w, b, batch.x(), z2, a2, n[1], n[0], m, true)));
        candidates.forEach(c -> c.op().run());
        for (int i = 0; i < n[1]; i++) {
            for (int j = 0; j < m; j++) {
                if (ws.a(1)[i][j] != a[i][j] || a[i][j] != ab[i][j] || a[i][j] != a2[i][j]) {
                    throw new AssertionError("layer 1 of " + shape + " differs at [" + i + "][" + j + "]");
                }
            }
        }
        double[][] times = Interleaved.run(candidates, 3, rounds, 200_000_000L);
        double flops = 2.0 * n[1] * n[0] * m;
        double g = Interleaved.medianTime(times, 0);
        double r = Interleaved.medianTime(times, 1);
        double bl = Interleaved.medianTime(times, 2);
        double two = Interleaved.medianTime(times, 3);
        double[] range = Interleaved.ratioRange(times, 0, 2);
        double[] range2 = Interleaved.ratioRange(times, 0, 3);
        System.out.printf(Locale.ROOT, "| %s layer 1 | %d × %d × %d | %s | %s | %s | %s (%d) | %s | **%s×** (%s–%s) | %s | %s | **%s×** (%s–%s) |%n",
                shape, n[1], n[0], m,
                Report.format(g / 1e3), Report.format(flops / g), Report.format(r / 1e3), Report.format(bl / 1e3), kBlock,
                Report.format(flops / bl), Report.format(Interleaved.medianRatio(times, 0, 2)), Report.format(range[0]),
                Report.format(range[1]), Report.format(two / 1e3), Report.format(flops / two),
                Report.format(Interleaved.medianRatio(times, 0, 3)), Report.format(range2[0]), Report.format(range2[1]));
    }

    /** dW of a narrow layer as generated (transposed chunks, row-axpy) against dot products with four partial sums. */
    private static void narrowWeightGradient(Shape shape, int l, int rounds) {
        Prepared base = Prepared.backward(shape);
        Batch batch = base.batch();
        double[] theta = base.theta();
        int m = base.m();
        Workspace ws = base.ws();
        int[] n = base.sizes();
        ParameterLayout layout = shape.net().layout();
        double invM = 1.0 / m;
        double lambda = shape.architecture().l2();
        double[] grad = new double[layout.size()];
        Runnable generated = switch (shape.name() + l) {
            case "N11" -> () -> PlanarShape_Backward.gradients1(theta, ws, m, invM);
            case "N21" -> () -> RegularisedShape_Backward.gradients1(theta, ws, m, invM);
            case "N22" -> () -> RegularisedShape_Backward.gradients2(theta, ws, m, invM);
            case "N33" -> () -> DigitsShape_Backward.gradients3(theta, ws, m, invM);
            default -> throw new IllegalArgumentException(shape + " layer " + l);
        };
        Runnable dot = () -> ReferenceKernels.weightGradientDot(ws.dz(l), ws.layerInput(l), theta, grad, layout.weights(l).offset(),
                layout.biases(l).offset(), n[l], n[l - 1], m, invM, lambda);
        generated.run();
        dot.run();
        double[] expected = ws.gradient();
        for (int p = layout.weights(l).offset(); p < layout.biases(l).end(); p++) {
            if (Math.abs(expected[p] - grad[p]) > 1e-12 * (1 + Math.abs(expected[p]))) {
                throw new AssertionError("dW" + l + " of " + shape + " differs at " + layout.nameOf(p));
            }
        }
        Runnable nothing = () -> { };
        double[][] times = Interleaved.run(List.of(new Interleaved.Candidate("generated", nothing, generated),
                new Interleaved.Candidate("dot", nothing, dot)), 3, rounds, 100_000_000L);
        double[] range = Interleaved.ratioRange(times, 0, 1);
        System.out.printf(Locale.ROOT, "| %s dW%d | %d × %d × %d | %s | %s | **%s×** (%s–%s) |%n", shape, l, n[l], n[l - 1], m,
                Report.format(Interleaved.medianTime(times, 0) / 1e3), Report.format(Interleaved.medianTime(times, 1) / 1e3),
                Report.format(Interleaved.medianRatio(times, 0, 1)), Report.format(range[0]), Report.format(range[1]));
    }

    /** N1's forward pass as generated against the same pass with tanh from one Math.exp. */
    private static void planarTanh(int rounds) {
        Shape shape = Shape.N1;
        Prepared base = Prepared.forward(shape);
        Batch batch = base.batch();
        double[] theta = base.theta();
        int m = base.m();
        Workspace ws = base.ws();
        int[] n = base.sizes();
        double[][] w1 = base.weights(1);
        double[] b1 = base.biases(1);
        double[][] w2 = base.weights(2);
        double[] b2 = base.biases(2);
        double[][] z1 = new double[n[1]][m];
        double[][] a1 = new double[n[1]][m];
        double[][] z2 = new double[n[2]][m];
        double[][] a2 = new double[n[2]][m];
        Runnable generated = () -> PlanarShape_Forward.run(theta, batch.x(), m, ws, Dropout.off());
        Runnable byExp = () -> {
            ReferenceKernels.dense(w1, b1, batch.x(), z1, a1, n[1], n[0], m, false);
            for (int i = 0; i < n[1]; i++) {
                for (int j = 0; j < m; j++) {
                    a1[i][j] = ActivationBenchmark.tanhByExp(z1[i][j]);
                }
            }
            ReferenceKernels.dense(w2, b2, a1, z2, a2, n[2], n[1], m, false);
            for (int j = 0; j < m; j++) {
                a2[0][j] = 1.0 / (1.0 + Math.exp(-z2[0][j]));
            }
        };
        generated.run();
        byExp.run();
        double worst = 0;
        for (int j = 0; j < m; j++) {
            worst = Math.max(worst, Math.abs(ws.a(2)[0][j] - a2[0][j]));
        }
        Runnable nothing = () -> { };
        double[][] times = Interleaved.run(List.of(new Interleaved.Candidate("generated", nothing, generated),
                new Interleaved.Candidate("tanh by exp", nothing, byExp)), 3, rounds, 100_000_000L);
        double[] range = Interleaved.ratioRange(times, 0, 1);
        System.out.printf(Locale.ROOT, "N1 forward: generated (Math.tanh) %s µs, with tanh from Math.exp %s µs: speed-up %s× (%s–%s); outputs differ by at most %.1e%n",
                Report.format(Interleaved.medianTime(times, 0) / 1e3), Report.format(Interleaved.medianTime(times, 1) / 1e3),
                Report.format(Interleaved.medianRatio(times, 0, 1)), Report.format(range[0]), Report.format(range[1]), worst);
    }
}
