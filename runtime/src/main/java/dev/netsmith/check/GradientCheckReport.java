package dev.netsmith.check;

import java.time.Duration;
import java.util.List;

/**
 * What a gradient check found: the overall verdict and difference, one row per gradient tensor, the worst
 * entries by name, the numerical checks of dA, a diagnosis, and notes on dropout, kinks and coverage.
 * {@link #toString()} is a readable table; {@link #toJson()} the same for tools.
 *
 * @param network          the network checked, in arrow notation
 * @param mode             which parameters were perturbed
 * @param epsilon          ε
 * @param passBelow        the pass threshold
 * @param failAbove        the fail threshold
 * @param verdict          the worst tensor verdict
 * @param difference       ‖g − ĝ‖₂ / (‖g‖₂ + ‖ĝ‖₂) over every conclusive comparison
 * @param tensors          one result per gradient tensor, in layout order
 * @param worst            the entries with the largest elementwise errors, worst first
 * @param activationChecks dJ/dA[l] numerically against backprop (run when something fails)
 * @param diagnosis        where the bug most likely is
 * @param notes            dropout, kinks, coverage and budget remarks
 * @param checkedEntries   parameters compared entry by entry
 * @param totalEntries     parameters of the network
 * @param inconclusive     entries left out because of ReLU kinks
 * @param costEvaluations  cost evaluations spent (each central difference takes two)
 * @param complete         whether every tensor was covered
 * @param noise            the rounding error to expect of one estimate, u·Σ|ℓ_j| / (ε·m)
 * @param threads          threads used
 * @param elapsed          wall time
 */
public record GradientCheckReport(String network, CheckMode mode, double epsilon, double passBelow, double failAbove,
                                  Verdict verdict, double difference, List<TensorResult> tensors, List<EntryResult> worst,
                                  List<ActivationCheck> activationChecks, Diagnosis diagnosis, List<String> notes,
                                  int checkedEntries, int totalEntries, int inconclusive, long costEvaluations,
                                  boolean complete, double noise, int threads, Duration elapsed) {

    public GradientCheckReport {
        tensors = List.copyOf(tensors);
        worst = List.copyOf(worst);
        activationChecks = List.copyOf(activationChecks);
        notes = List.copyOf(notes);
    }

    /** Whether the check passed. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** The result of one gradient tensor, e.g. {@code tensor("dW2")}. */
    public TensorResult tensor(String gradientName) {
        return tensors.stream().filter(t -> t.name().equals(gradientName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no tensor " + gradientName));
    }

    /** The report as a table: verdict, per-tensor rows, worst entries, diagnosis, notes, cost. */
    @Override
    public String toString() {
        return ReportText.format(this);
    }

    /** The report as JSON. */
    public String toJson() {
        return ReportJson.format(this);
    }
}
