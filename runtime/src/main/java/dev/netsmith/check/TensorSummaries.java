package dev.netsmith.check;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds entry results (and directional outcomes) into one {@link TensorResult} per tensor. */
final class TensorSummaries {

    private TensorSummaries() {
    }

    /** The entries of each gradient tensor, keyed by its name (dW1, db1, …), in layout order. */
    static Map<String, List<EntryResult>> byTensor(ParameterLayout layout, List<EntryResult> entries) {
        Map<String, List<EntryResult>> map = new LinkedHashMap<>();
        for (Tensor t : layout.tensors()) {
            map.put(t.gradientName(), new ArrayList<>());
        }
        for (EntryResult e : entries) {
            map.get(layout.tensorAt(e.index()).gradientName()).add(e);
        }
        return map;
    }

    /**
     * How many times the expected rounding noise of ‖g − ĝ‖ a disagreement may reach and still count as
     * agreement: near a minimum g is so small that the course's relative difference measures only the noise.
     */
    static final double NOISE_FACTOR = 10;

    static List<TensorResult> summarise(ParameterLayout layout, Map<String, List<EntryResult>> entries,
                                        Map<String, DirectionalCheck.Outcome> directions, CheckOptions options,
                                        double lambda, int m, double noise) {
        List<TensorResult> results = new ArrayList<>();
        for (Tensor t : layout.tensors()) {
            List<EntryResult> list = entries.get(t.gradientName());
            DirectionalCheck.Outcome direction = directions.get(t.gradientName());
            double directional = direction == null ? Double.NaN : direction.difference();
            int inconclusive = 0;
            double diff = 0;
            double analytic = 0;
            double numeric = 0;
            double l2 = 0;
            double maxError = 0;
            EntryResult worst = null;
            for (EntryResult e : list) {
                if (e.inconclusive()) {
                    inconclusive++;
                    continue;
                }
                diff += square(e.analytic() - e.numeric());
                analytic += square(e.analytic());
                numeric += square(e.numeric());
                if (t.kind() == ParameterLayout.Kind.WEIGHTS) {
                    l2 += square(lambda / m * e.value());
                }
                if (worst == null || e.error() > maxError) {
                    maxError = e.error();
                    worst = e;
                }
            }
            int conclusive = list.size() - inconclusive;
            double difference = conclusive > 0 ? relative(diff, analytic, numeric) : directional;
            Verdict verdict = Double.isNaN(difference) ? null : options.verdictOf(difference);
            boolean withinNoise = verdict != null && verdict != Verdict.PASS && conclusive > 0
                    && Math.sqrt(diff) <= NOISE_FACTOR * noise * Math.sqrt(conclusive);
            results.add(new TensorResult(t, list.size(), inconclusive, Double.isNaN(difference) ? 0 : difference,
                    withinNoise ? Verdict.PASS : verdict, Math.sqrt(analytic), Math.sqrt(numeric), Math.sqrt(l2), maxError,
                    worst, directional, withinNoise, Double.NaN, null));
        }
        return results;
    }

    /** ‖g − ĝ‖ / (‖g‖ + ‖ĝ‖) from sums of squares; 0 when both are 0. */
    static double relative(double diffSquares, double analyticSquares, double numericSquares) {
        double scale = Math.sqrt(analyticSquares) + Math.sqrt(numericSquares);
        return scale == 0 ? 0 : Math.sqrt(diffSquares) / scale;
    }

    private static double square(double v) {
        return v * v;
    }
}
