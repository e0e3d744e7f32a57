package dev.netsmith.check;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Which parameters to perturb, in the order to perturb them: each tensor's entries in a seeded random
 * order, interleaved across tensors, so that a budget cut short still covers every tensor.
 */
final class Selection {

    private Selection() {
    }

    /** Every parameter of the given tensors ({@code perTensor} ≥ size) or a sample of {@code perTensor} of each. */
    static int[] of(List<Tensor> tensors, int perTensor, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        List<int[]> chosen = new ArrayList<>();
        int total = 0;
        for (Tensor t : tensors) {
            int[] entries = shuffled(t, rng);
            int count = Math.min(perTensor, entries.length);
            int[] kept = new int[count];
            System.arraycopy(entries, 0, kept, 0, count);
            chosen.add(kept);
            total += count;
        }
        int[] order = new int[total];
        int filled = 0;
        for (int round = 0; filled < total; round++) {
            for (int[] entries : chosen) {
                if (round < entries.length) {
                    order[filled++] = entries[round];
                }
            }
        }
        return order;
    }

    /** Every parameter of the layout, interleaved. */
    static int[] all(ParameterLayout layout, long seed) {
        return of(layout.tensors(), Integer.MAX_VALUE, seed);
    }

    private static int[] shuffled(Tensor t, RandomGenerator rng) {
        int[] entries = new int[t.size()];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = t.offset() + i;
        }
        for (int i = entries.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int swap = entries[i];
            entries[i] = entries[j];
            entries[j] = swap;
        }
        return entries;
    }
}
