package dev.netsmith.check;

import java.util.Locale;

/** The plain-text table of a report. */
final class ReportText {

    private ReportText() {
    }

    static String format(GradientCheckReport r) {
        StringBuilder s = new StringBuilder();
        s.append("Gradient check of ").append(r.network()).append('\n');
        s.append(String.format(Locale.ROOT, "%s  difference %.2e  (pass < %.0e, fail > %.0e, ε = %.0e)%n",
                r.verdict(), r.difference(), r.passBelow(), r.failAbove(), r.epsilon()));
        s.append(String.format(Locale.ROOT, "%s check: %,d of %,d parameters entry by entry, %,d cost evaluations, %.3f s, %d thread%s%n",
                r.mode().name().toLowerCase(Locale.ROOT), r.checkedEntries(), r.totalEntries(), r.costEvaluations(),
                r.elapsed().toNanos() / 1e9, r.threads(), r.threads() == 1 ? "" : "s"));
        s.append('\n');
        s.append(String.format(Locale.ROOT, "%-7s %-10s %-15s %-11s %-13s %-10s %-10s %-10s %s%n",
                "tensor", "shape", "checked", "difference", "verdict", "‖g‖", "‖ĝ‖", "max error", "worst entry"));
        for (TensorResult t : r.tensors()) {
            String checked = t.checked() + "/" + t.tensor().size() + (t.inconclusive() > 0 ? " (" + t.inconclusive() + "k)" : "");
            if (t.checked() == 0 && !Double.isNaN(t.directional())) {
                checked = "direction";
            }
            s.append(String.format(Locale.ROOT, "%-7s %-10s %-15s %-11s %-13s %-10s %-10s %-10s %s%n",
                    t.name(), t.tensor().rows() + "×" + t.tensor().cols(), checked,
                    t.covered() ? String.format(Locale.ROOT, "%.2e", t.difference()) : "—",
                    t.covered() ? t.verdict() + (t.withinNoise() ? " (noise)" : "") : "not run",
                    t.checked() > 0 ? sci(t.analyticNorm()) : "", t.checked() > 0 ? sci(t.numericNorm()) : "",
                    t.worst() != null ? sci(t.maxError()) : "", t.worst() != null ? t.worst().name() : ""));
        }
        if (!r.worst().isEmpty()) {
            s.append('\n').append("Worst entries:\n");
            s.append(String.format(Locale.ROOT, "  %-14s %-14s %-14s %-18s %-18s %-13s %s%n",
                    "entry", "analytic", "numeric", "J(θ+ε)", "J(θ−ε)", "θ", "error"));
            for (EntryResult e : r.worst()) {
                s.append(String.format(Locale.ROOT, "  %-14s %-14s %-14s %-18.12g %-18.12g %-13s %.2e%n",
                        e.name(), sci(e.analytic()), sci(e.numeric()), e.costPlus(), e.costMinus(), sci(e.value()), e.error()));
            }
        }
        if (!r.activationChecks().isEmpty()) {
            s.append('\n').append("dJ/dA numerically vs backprop's dA:");
            for (ActivationCheck a : r.activationChecks()) {
                s.append(String.format(Locale.ROOT, "  %s %.1e %s (%d entries)", a.name(), a.difference(), a.verdict(), a.checked()));
            }
            s.append('\n');
        }
        s.append('\n').append("Diagnosis: ").append(r.diagnosis().summary()).append('\n');
        for (String note : r.notes()) {
            s.append("Note: ").append(note).append('\n');
        }
        return s.toString();
    }

    private static String sci(double v) {
        return String.format(Locale.ROOT, "%.4e", v);
    }
}
