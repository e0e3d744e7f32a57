package dev.netsmith.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Side-by-side timing inside one JVM, for a machine whose load changes from second to second: the candidates
 * run in short alternating slices (in a rotating order), so every round sees the same machine, and each
 * round gives one time per candidate and one ratio per pair. Medians over the rounds are what we quote.
 * A complement to JMH (which runs candidates minutes apart, each in its own JVM), not a replacement.
 */
final class Interleaved {

    /** One candidate: {@code prepare} runs untimed before each slice, {@code op} is timed. */
    record Candidate(String name, Runnable prepare, Runnable op) {
    }

    /** Per-op times in ns, [round][candidate]. */
    static double[][] run(List<Candidate> candidates, int warmupRounds, int rounds, long sliceNanos) {
        int c = candidates.size();
        for (int r = 0; r < warmupRounds; r++) {
            for (Candidate candidate : candidates) {
                slice(candidate, sliceNanos);
            }
        }
        double[][] times = new double[rounds][c];
        for (int r = 0; r < rounds; r++) {
            for (int q = 0; q < c; q++) {
                int k = (q + r) % c;
                times[r][k] = slice(candidates.get(k), sliceNanos);
            }
        }
        return times;
    }

    /** Runs the op until the slice is used up (at least once); returns ns per op. */
    private static double slice(Candidate candidate, long sliceNanos) {
        candidate.prepare().run();
        Runnable op = candidate.op();
        long start = System.nanoTime();
        long now;
        int ops = 0;
        do {
            op.run();
            ops++;
            now = System.nanoTime();
        } while (now - start < sliceNanos);
        return (now - start) / (double) ops;
    }

    /** The median over rounds of candidate k's time. */
    static double medianTime(double[][] times, int k) {
        double[] column = new double[times.length];
        for (int r = 0; r < times.length; r++) {
            column[r] = times[r][k];
        }
        return Report.median(column);
    }

    /** The median over rounds of time[k] / time[base] (how many times faster base is than k). */
    static double medianRatio(double[][] times, int k, int base) {
        double[] ratios = new double[times.length];
        for (int r = 0; r < times.length; r++) {
            ratios[r] = times[r][k] / times[r][base];
        }
        return Report.median(ratios);
    }

    /** min and max over rounds of time[k] / time[base]. */
    static double[] ratioRange(double[][] times, int k, int base) {
        double[] ratios = new double[times.length];
        for (int r = 0; r < times.length; r++) {
            ratios[r] = times[r][k] / times[r][base];
        }
        Arrays.sort(ratios);
        return new double[] {ratios[0], ratios[ratios.length - 1]};
    }
}
