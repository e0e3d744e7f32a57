package dev.netsmith.check;

import dev.netsmith.runtime.ParameterLayout.Tensor;

/**
 * The check of one tensor's gradient (dW1, db1, …).
 *
 * @param tensor        the tensor
 * @param checked       entries compared entry by entry (inconclusive ones included)
 * @param inconclusive  entries set aside because of a ReLU kink
 * @param difference    ‖g − ĝ‖₂ / (‖g‖₂ + ‖ĝ‖₂) over the conclusive checked entries (the directional
 *                      difference when only a direction was checked)
 * @param verdict       from the difference; {@code null} when nothing conclusive was checked (budget, kinks)
 * @param analyticNorm  ‖g‖₂ over the conclusive checked entries
 * @param numericNorm   ‖ĝ‖₂ over the same entries
 * @param l2Norm        ‖(λ/m)·W‖₂ over the same entries, the L2 term's share of ĝ (0 for biases)
 * @param maxError      the largest elementwise error
 * @param worst         the entry with the largest elementwise error, or {@code null}
 * @param directional   the directional derivative's difference, or NaN when no direction was checked
 * @param withinNoise   whether the tensor passes although its difference is above passBelow, because the
 *                      disagreement is rounding noise: ‖g − ĝ‖ is within the estimates' expected noise, or the
 *                      difference fell below passBelow when rechecked with a larger ε
 * @param widerDifference the smallest difference measured when rechecked with ε × 10 and ε × 100 (rounding
 *                      noise falls as 1/ε, a real error stays), or NaN when no recheck was needed
 * @param recheck       the differences measured at each ε, for the report, or {@code null}
 */
public record TensorResult(Tensor tensor, int checked, int inconclusive, double difference, Verdict verdict,
                           double analyticNorm, double numericNorm, double l2Norm, double maxError, EntryResult worst,
                           double directional, boolean withinNoise, double widerDifference, String recheck) {

    /** The gradient's name, e.g. {@code dW2}. */
    public String name() {
        return tensor.gradientName();
    }

    /** The same result judged as rounding noise, with what the recheck at larger ε measured. */
    TensorResult passedAsNoise(double smallestDifference, String measured) {
        return new TensorResult(tensor, checked, inconclusive, difference, Verdict.PASS, analyticNorm, numericNorm, l2Norm,
                maxError, worst, directional, true, smallestDifference, measured);
    }

    /** The same result with what the recheck at larger ε measured. */
    TensorResult rechecked(double smallestDifference, String measured) {
        return new TensorResult(tensor, checked, inconclusive, difference, verdict, analyticNorm, numericNorm, l2Norm,
                maxError, worst, directional, withinNoise, smallestDifference, measured);
    }

    /** Whether anything conclusive was compared, entry by entry or along a direction. */
    public boolean covered() {
        return verdict != null;
    }

    /** Whether every entry was compared. */
    public boolean complete() {
        return checked == tensor.size();
    }
}
