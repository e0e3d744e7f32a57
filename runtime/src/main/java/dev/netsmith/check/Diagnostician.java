package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.ParameterLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Turns the pattern of a check's errors into one sentence naming where the bug most likely is: the L2
 * term (errors proportional to (λ/m)·θ), a constant factor such as a missing 1/m, one tensor of one layer,
 * or a layer whose backward step is wrong and whose error flows down into every layer below it (told
 * apart from the layer above it by the numerical check of dA).
 */
final class Diagnostician {

    /** Share of the residual a pattern must explain to be named. */
    private static final double EXPLAINED = 0.99;

    private final Architecture architecture;
    private final double[] theta;
    private final int m;
    private final boolean maskedLayers;

    Diagnostician(Architecture architecture, double[] theta, int m, boolean fixedMask) {
        this.architecture = architecture;
        this.theta = theta;
        this.m = m;
        this.maskedLayers = fixedMask;
    }

    Diagnosis diagnose(List<TensorResult> tensors, Map<String, List<EntryResult>> entries, List<ActivationCheck> activations) {
        List<TensorResult> bad = withVerdict(tensors, Verdict.FAIL);
        if (bad.isEmpty()) {
            bad = withVerdict(tensors, Verdict.WARN);
        }
        if (bad.isEmpty()) {
            return unlocated(tensors);
        }
        List<String> names = bad.stream().map(TensorResult::name).toList();
        TreeSet<Integer> layers = new TreeSet<>();
        bad.forEach(t -> layers.add(t.tensor().layer()));
        int single = layers.size() == 1 ? layers.first() : 0;

        Diagnosis l2 = l2Pattern(bad, entries, names, single);
        if (l2 != null) {
            return l2;
        }
        Diagnosis scale = scalePattern(bad, entries, names, single);
        if (scale != null) {
            return scale;
        }
        int top = layers.last();
        boolean flowsDown = layers.size() == top && top > 1;
        if (single != 0 && !flowsDown) {
            boolean weights = bad.stream().allMatch(t -> t.tensor().kind() == ParameterLayout.Kind.WEIGHTS);
            boolean biases = bad.stream().allMatch(t -> t.tensor().kind() == ParameterLayout.Kind.BIASES);
            if (biases) {
                return new Diagnosis("all large errors are in db" + single + ": check how dJ/db is computed for layer " + single
                        + " (db = (1/m)·Σ_j dZ" + single + ")", single, names);
            }
            if (weights) {
                return new Diagnosis("all large errors are in dW" + single + ": check how dJ/dW is computed for layer " + single
                        + " (dW = (1/m)·dZ" + single + "·A" + (single - 1) + "ᵀ + (λ/m)·W" + single + ")", single, names);
            }
        }
        if (flowsDown || single != 0) {
            return layerPattern(top, names, activations);
        }
        return new Diagnosis("large errors in " + String.join(", ", names) + " with no single pattern: start with layer "
                + top + ", the highest one affected, since errors flow down from it", top, names);
    }

    /**
     * No tensor that disagrees has a conclusive entry to look at: either all agree, or the ones that disagree did
     * so only along a direction (a budget ran out before the entries) or only at ReLU kinks.
     */
    private static Diagnosis unlocated(List<TensorResult> tensors) {
        List<TensorResult> disagree = tensors.stream()
                .filter(t -> t.verdict() == Verdict.FAIL || t.verdict() == Verdict.WARN).toList();
        if (disagree.isEmpty()) {
            return new Diagnosis("analytic and numerical gradients agree in every tensor checked", 0, List.of());
        }
        List<String> names = disagree.stream().map(TensorResult::name).toList();
        int top = disagree.stream().mapToInt(t -> t.tensor().layer()).max().orElseThrow();
        return new Diagnosis(String.join(", ", names) + " disagree along a random direction, but no entry of them was "
                + "estimated conclusively (the budget ran out first, or every entry checked sat at a ReLU kink): check "
                + "them entry by entry, with a larger budget, to see where", top, names);
    }

    private static List<TensorResult> withVerdict(List<TensorResult> tensors, Verdict verdict) {
        return tensors.stream().filter(t -> t.verdict() == verdict && t.checked() > t.inconclusive()).toList();
    }

    /** Residuals g − ĝ that are a multiple c of (λ/m)·θ in every bad tensor: the L2 term is wrong. */
    private Diagnosis l2Pattern(List<TensorResult> bad, Map<String, List<EntryResult>> entries, List<String> names, int single) {
        double lambda = architecture.l2();
        if (lambda == 0) {
            return null;
        }
        double factor = Double.NaN;
        for (TensorResult t : bad) {
            List<EntryResult> list = conclusive(entries.get(t.name()));
            double[] residual = new double[list.size()];
            double[] term = new double[list.size()];
            for (int e = 0; e < residual.length; e++) {
                residual[e] = list.get(e).analytic() - list.get(e).numeric();
                term[e] = lambda / m * theta[list.get(e).index()];
            }
            double c = fit(residual, term);
            if (Double.isNaN(c) || Math.abs(c) < 0.5 || (!Double.isNaN(factor) && Math.abs(c - factor) > 0.05 * Math.abs(factor))) {
                return null;
            }
            factor = c;
        }
        boolean weights = bad.stream().allMatch(t -> t.tensor().kind() == ParameterLayout.Kind.WEIGHTS);
        boolean biases = bad.stream().allMatch(t -> t.tensor().kind() == ParameterLayout.Kind.BIASES);
        String list = String.join(", ", names);
        String sentence;
        if (weights && Math.abs(factor + 1) < 0.05) {
            sentence = list + " lack the L2 term: their errors are exactly −(λ/m)·W, so the data loss's gradient is right; "
                    + "add (λ/m)·W[l] to dW[l]";
        } else if (biases && Math.abs(factor - 1) < 0.05) {
            sentence = list + " carry an L2 term: their errors are exactly +(λ/m)·b, but biases are not regularised; "
                    + "remove (λ/m)·b[l] from db[l]";
        } else {
            sentence = "the errors in " + list + " are " + String.format(Locale.ROOT, "%.3g", factor)
                    + "·(λ/m)·θ: the L2 gradient term is wrong (the data loss's gradient is right); check the data loss and the L2 term separately";
        }
        return new Diagnosis(sentence, single, names);
    }

    /** g = c·ĝ in every bad tensor for one constant c ≠ 1: a constant factor such as 1/m is wrong. */
    private Diagnosis scalePattern(List<TensorResult> bad, Map<String, List<EntryResult>> entries, List<String> names, int single) {
        double factor = Double.NaN;
        for (TensorResult t : bad) {
            List<EntryResult> list = conclusive(entries.get(t.name()));
            double[] analytic = list.stream().mapToDouble(EntryResult::analytic).toArray();
            double[] numeric = list.stream().mapToDouble(EntryResult::numeric).toArray();
            double c = fit(analytic, numeric);
            if (Double.isNaN(c) || (!Double.isNaN(factor) && Math.abs(c - factor) > 0.01 * Math.abs(factor))) {
                return null;
            }
            factor = c;
        }
        if (Math.abs(factor - 1) < 0.01) {
            return null;
        }
        String list = String.join(", ", names);
        String where = single != 0 ? " for layer " + single : "";
        String sentence;
        if (Math.abs(factor - m) < 0.01 * m) {
            sentence = list + " is m = " + m + " times too large: the 1/m is missing from how it is computed" + where;
        } else if (Math.abs(factor * m - 1) < 0.01) {
            sentence = list + " is m = " + m + " times too small: 1/m is applied twice" + where;
        } else {
            sentence = list + " is " + String.format(Locale.ROOT, "%.4g", factor) + " times the numerical gradient: a constant factor is wrong"
                    + where;
        }
        return new Diagnosis(sentence, single, names);
    }

    /** Every layer at and below {@code top} is wrong: the error started at top and flowed down. */
    private Diagnosis layerPattern(int top, List<String> names, List<ActivationCheck> activations) {
        String derivative = "the derivative of " + activationName(top) + (maskedLayers && architecture.layer(top).keepProb() < 1
                ? " and the dropout mask D" + top : "");
        if (top == architecture.depth()) {
            return new Diagnosis("the output layer's dZ" + top + " = A" + top + " − Y is wrong and the error flows down into every layer below: "
                    + "check the output derivative of layer " + top, top, names);
        }
        ActivationCheck above = activations.stream().filter(a -> a.layer() == top).findFirst().orElse(null);
        if (above == null || above.checked() == 0) {
            return new Diagnosis("layer " + top + "'s backward is wrong and the error flows down into every layer below it: confirm by checking "
                    + "dJ/dA" + top + " numerically against backprop's dA" + top, top, names);
        }
        if (above.verdict() == Verdict.PASS) {
            return new Diagnosis("layer " + top + "'s backward is wrong and the error flows down into every layer below it: backprop's dA" + top
                    + " agrees with the numerical dJ/dA" + top + " (" + format(above.difference()) + "), so dZ" + top + " = dA" + top
                    + (maskedLayers && architecture.layer(top).keepProb() < 1 ? " ⊙ D" + top : "") + " ⊙ g'(Z" + top + ") is computed wrongly: check "
                    + derivative + " in layer " + top, top, names);
        }
        int from = top + 1;
        return new Diagnosis("backprop's dA" + top + " disagrees with the numerical dJ/dA" + top + " (" + format(above.difference())
                + ") while dW" + from + " and db" + from + " are right: check how layer " + from + " passes the gradient down, dA" + top
                + " = W" + from + "ᵀ·dZ" + from, top, names);
    }

    private String activationName(int layer) {
        Architecture.Layer l = architecture.layer(layer);
        return l.custom() != null ? l.custom() : l.activation().name().toLowerCase(Locale.ROOT);
    }

    private static List<EntryResult> conclusive(List<EntryResult> list) {
        List<EntryResult> out = new ArrayList<>();
        for (EntryResult e : list) {
            if (!e.inconclusive()) {
                out.add(e);
            }
        }
        return out;
    }

    /** The c minimising ‖a − c·b‖, or NaN when c·b explains less than 99% of ‖a‖² (or b is 0). */
    static double fit(double[] a, double[] b) {
        double ab = 0;
        double bb = 0;
        double aa = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            bb += b[i] * b[i];
            aa += a[i] * a[i];
        }
        if (bb == 0 || aa == 0) {
            return Double.NaN;
        }
        double c = ab / bb;
        double residual = 0;
        for (int i = 0; i < a.length; i++) {
            residual += (a[i] - c * b[i]) * (a[i] - c * b[i]);
        }
        return residual <= (1 - EXPLAINED) * aa ? c : Double.NaN;
    }

    private static String format(double v) {
        return String.format(Locale.ROOT, "%.1e", v);
    }
}
