package dev.netsmith.check;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Tells rounding noise from a real error in a tensor that only WARNs, by estimating its entries again with ε
 * ten, a hundred and a thousand times larger. The rounding error of a central difference falls as 1/ε, its
 * truncation error grows as ε², and the disagreement a bug causes does not depend on ε at all; so every
 * difference measured is at least the real disagreement, and the smallest one is the best measure of it. The
 * sweep stops once the difference is below passBelow (the tensor passes) or once it stops falling as rounding
 * noise falls (the rest is real, or truncation). A trained network's logits are large while its losses are
 * small, so its rounding error can be far above u·Σ|ℓ|/(ε·m); this sweep, not that estimate, tells the two
 * apart. The report gives every difference measured.
 */
final class RoundingRecheck {

    private static final double[] FACTORS = {10, 100, 1000};

    private RoundingRecheck() {
    }

    /** The tensors with WARNs rechecked (replaced in the list); returns the cost evaluations spent. */
    static long recheck(BasePass base, CheckOptions options, List<TensorResult> tensors, Map<String, List<EntryResult>> entries) {
        long evaluations = 0;
        for (int t = 0; t < tensors.size(); t++) {
            TensorResult result = tensors.get(t);
            int[] indices = entries.get(result.name()).stream().filter(e -> !e.inconclusive()).mapToInt(EntryResult::index).toArray();
            if (result.verdict() != Verdict.WARN || indices.length == 0) {
                continue;
            }
            StringBuilder measured = new StringBuilder(String.format(Locale.ROOT, "%.2e at ε = %.0e", result.difference(), options.epsilon()));
            double smallest = result.difference();
            double previous = result.difference();
            for (double factor : FACTORS) {
                double epsilon = options.epsilon() * factor;
                if (epsilon > 1e-2) {
                    break;
                }
                double difference = difference(new EntryEvaluator(base, options.withEpsilon(epsilon), 10 * base.noise(epsilon))
                        .evaluate(indices));
                evaluations += 2L * indices.length;
                measured.append(String.format(Locale.ROOT, ", %.2e at %.0e", difference, epsilon));
                smallest = Math.min(smallest, difference);
                if (smallest < options.passBelow() || difference > previous / 2) {
                    break;
                }
                previous = difference;
            }
            tensors.set(t, smallest < options.passBelow()
                    ? result.passedAsNoise(smallest, measured.toString()) : result.rechecked(smallest, measured.toString()));
        }
        return evaluations;
    }

    private static double difference(EntryResult[] entries) {
        double diff = 0;
        double analytic = 0;
        double numeric = 0;
        for (EntryResult e : entries) {
            if (!e.inconclusive()) {
                diff += (e.analytic() - e.numeric()) * (e.analytic() - e.numeric());
                analytic += e.analytic() * e.analytic();
                numeric += e.numeric() * e.numeric();
            }
        }
        return TensorSummaries.relative(diff, analytic, numeric);
    }
}
