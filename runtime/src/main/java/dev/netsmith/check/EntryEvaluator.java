package dev.netsmith.check;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Central differences for chosen parameters, split across threads in blocks. Each entry's arithmetic is
 * the same whichever thread runs it, so the results do not depend on the thread count.
 */
final class EntryEvaluator {

    /** Parameters a thread claims at a time, in index order: most rows of a layer fall in one thread's block. */
    private static final int BLOCK = 256;

    private final BasePass base;
    private final CheckOptions options;
    private final ParameterLayout layout;
    private final GradientCheckKernel kernel;
    private final Kinks kinks;
    private final double lambda;
    private final double floor;

    EntryEvaluator(BasePass base, CheckOptions options, double floor) {
        this.base = base;
        this.options = options;
        this.layout = base.net.layout();
        this.kernel = base.net.gradientCheckKernel();
        this.kinks = new Kinks(base.net.architecture());
        this.lambda = base.net.architecture().l2();
        this.floor = floor;
    }

    /** One result per index, in the same order. */
    EntryResult[] evaluate(int[] indices) {
        EntryResult[] results = new EntryResult[indices.length];
        // in parameter order, whatever the order asked for: neighbours share a row, whose coefficients a
        // kernel computes once (AlongRow)
        int[] byIndex = byIndex(indices);
        AtomicInteger nextBlock = new AtomicInteger();
        int blocks = (indices.length + BLOCK - 1) / BLOCK;
        int workers = Math.max(1, Math.min(options.threads(), blocks));
        List<CheckPool.Worker> tasks = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            tasks.add(() -> {
                Probe probe = Probe.of(base.net, base.m);
                for (int block = nextBlock.getAndIncrement(); block < blocks; block = nextBlock.getAndIncrement()) {
                    int end = Math.min(indices.length, (block + 1) * BLOCK);
                    for (int sorted = block * BLOCK; sorted < end; sorted++) {
                        int position = byIndex[sorted];
                        results[position] = evaluate(indices[position], probe);
                    }
                }
            });
        }
        CheckPool.runAll(tasks);
        return results;
    }

    /** The positions of {@code indices} in increasing order of index (a primitive sort: a full check has P of them). */
    static int[] byIndex(int[] indices) {
        long[] keys = new long[indices.length];
        for (int position = 0; position < indices.length; position++) {
            keys[position] = (long) indices[position] << 32 | position;
        }
        Arrays.sort(keys);
        int[] positions = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            positions[i] = (int) keys[i];
        }
        return positions;
    }

    private EntryResult evaluate(int p, Probe probe) {
        double[] theta = base.theta;
        int m = base.m;
        double value = theta[p];
        // the steps actually taken: θ ± ε rounded, minus θ
        double up = (value + options.epsilon()) - value;
        double down = (value - options.epsilon()) - value;
        probe.setCount(kernel.perturbParameter(theta, p, up, down, base.workspace, probe, base.batch.y(), m));
        Tensor tensor = layout.tensorAt(p);
        boolean weight = tensor.kind() == ParameterLayout.Kind.WEIGHTS;
        // (λ/2m)·((θ+up)² − (θ+down)²) = (λ/2m)·(up − down)·(2θ + up + down), free of cancellation
        double l2Difference = weight ? lambda / (2.0 * m) * (up - down) * (2 * value + up + down) : 0;
        double numeric = (probe.dataDifference(m) + l2Difference) / (up - down);
        double costPlus = base.cost() + probe.plusChange(m) + (weight ? lambda / (2.0 * m) * (up * (2 * value + up)) : 0);
        double costMinus = base.cost() + probe.minusChange(m) + (weight ? lambda / (2.0 * m) * (down * (2 * value + down)) : 0);
        String kink = null;
        if (options.kinkHandling()) {
            int local = p - tensor.offset();
            kink = kinks.find(tensor.layer(), weight ? local / tensor.cols() : local, probe, m);
        }
        double analytic = base.analytic[p];
        return new EntryResult(p, "d" + tensor.entryName(p), value, analytic, numeric, costPlus, costMinus,
                EntryResult.symmetricError(analytic, numeric, floor), kink);
    }
}
