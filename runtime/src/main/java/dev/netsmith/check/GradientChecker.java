package dev.netsmith.check;

import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import dev.netsmith.runtime.Parameters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Runs gradient checks: backprop's gradient against central differences (J(θ+ε) − J(θ−ε)) / 2ε of the
 * regularised cost, with dropout off or a fixed mask. It is a debugging tool, not a training step: run it at
 * initialisation and again after some training ({@link StagedChecks}), never inside the training loop.
 */
public final class GradientChecker {

    private GradientChecker() {
    }

    /** A check with the network's declared {@code @GradientCheck} settings. */
    public static GradientCheckReport check(CheckableNetwork net, Parameters params, Batch batch) {
        return check(net, params, batch, net.declaredCheckOptions());
    }

    /** A check with the given options. */
    public static GradientCheckReport check(CheckableNetwork net, Parameters params, Batch batch, CheckOptions options) {
        if (net == null || params == null || batch == null || options == null) {
            throw new IllegalArgumentException("network, parameters, batch and options must not be null");
        }
        long start = System.nanoTime();
        BasePass base = new BasePass(net, params, batch, options.dropout());
        ParameterLayout layout = net.layout();
        double noise = base.noise(options.epsilon());
        EntryEvaluator evaluator = new EntryEvaluator(base, options, 10 * noise);
        long budgetEntries = options.budget() / 2;
        List<EntryResult> entries = new ArrayList<>();
        Map<String, DirectionalCheck.Outcome> directions = new LinkedHashMap<>();
        long evaluations;
        if (options.mode() == CheckMode.DIRECTIONAL) {
            evaluations = directional(base, options, evaluator, entries, directions);
        } else {
            int perTensor = options.mode() == CheckMode.FULL ? Integer.MAX_VALUE : options.samplesPerTensor();
            int[] order = Selection.of(layout.tensors(), perTensor, options.seed());
            int[] chosen = Arrays.copyOf(order, (int) Math.min(order.length, budgetEntries));
            entries.addAll(Arrays.asList(evaluator.evaluate(chosen)));
            evaluations = 2L * chosen.length;
        }
        Architecture architecture = net.architecture();
        Map<String, List<EntryResult>> byTensor = TensorSummaries.byTensor(layout, entries);
        List<TensorResult> tensors = new ArrayList<>(
                TensorSummaries.summarise(layout, byTensor, directions, options, architecture.l2(), base.m, noise));
        evaluations += RoundingRecheck.recheck(base, options, tensors, byTensor);
        Verdict verdict = Verdict.PASS;
        for (TensorResult t : tensors) {
            if (t.covered()) {
                verdict = verdict.worst(t.verdict());
            }
        }
        List<ActivationCheck> activationChecks = List.of();
        if (verdict != Verdict.PASS && architecture.depth() > 1) {
            activationChecks = ActivationChecks.run(base, options, Probe.of(base.net, base.m));
            evaluations += 2L * activationChecks.stream().mapToInt(ActivationCheck::checked).sum();
        }
        Diagnosis diagnosis = new Diagnostician(architecture, base.theta, base.m, options.dropout().mode() == Dropout.Mode.FIXED)
                .diagnose(tensors, byTensor, activationChecks);
        int inconclusive = (int) entries.stream().filter(EntryResult::inconclusive).count();
        boolean complete = tensors.stream().allMatch(TensorResult::covered);
        List<String> notes = Notes.of(architecture, options, tensors, inconclusive, complete, noise);
        List<EntryResult> worst = worstEntries(entries, options.worstEntries());
        return new GradientCheckReport(architecture.toString(), options.mode(), options.epsilon(), options.passBelow(),
                options.failAbove(), verdict, overallDifference(entries, directions), tensors, worst, activationChecks,
                diagnosis, notes, entries.size(), layout.size(), inconclusive, evaluations, complete, noise, options.threads(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /** The k conclusive entries with the largest errors, worst first (ties by index), without sorting them all. */
    private static List<EntryResult> worstEntries(List<EntryResult> entries, int k) {
        Comparator<EntryResult> worseFirst = Comparator.comparingDouble((EntryResult e) -> e.error()).reversed()
                .thenComparingInt(EntryResult::index);
        PriorityQueue<EntryResult> kept = new PriorityQueue<>(worseFirst.reversed());
        for (EntryResult e : entries) {
            if (!e.inconclusive()) {
                kept.add(e);
                if (kept.size() > k) {
                    kept.poll();
                }
            }
        }
        List<EntryResult> worst = new ArrayList<>(kept);
        worst.sort(worseFirst);
        return worst;
    }

    /** One direction per tensor; entry by entry only where the direction disagrees (or crosses a kink). */
    private static long directional(BasePass base, CheckOptions options, EntryEvaluator evaluator, List<EntryResult> entries,
                                    Map<String, DirectionalCheck.Outcome> directions) {
        DirectionalCheck check = new DirectionalCheck(base, options);
        Probe probe = Probe.of(base.net, base.m);
        List<Tensor> drill = new ArrayList<>();
        List<Tensor> tensors = base.net.layout().tensors();
        long evaluations = 0;
        for (int t = 0; t < tensors.size() && evaluations + 2 <= options.budget(); t++) {
            DirectionalCheck.Outcome outcome = check.check(tensors.get(t), t, probe);
            evaluations += 2;
            directions.put(tensors.get(t).gradientName(), outcome);
            if (options.verdictOf(outcome.difference()) != Verdict.PASS || outcome.kink() != null) {
                drill.add(tensors.get(t));
            }
        }
        if (!drill.isEmpty()) {
            int[] order = Selection.of(drill, Integer.MAX_VALUE, options.seed());
            int[] chosen = Arrays.copyOf(order, (int) Math.min(order.length, Math.max(0, (options.budget() - evaluations) / 2)));
            entries.addAll(Arrays.asList(evaluator.evaluate(chosen)));
            evaluations += 2L * chosen.length;
        }
        return evaluations;
    }

    /** The course's difference over every conclusive comparison; a tensor checked only by direction counts once. */
    private static double overallDifference(List<EntryResult> entries, Map<String, DirectionalCheck.Outcome> directions) {
        double diff = 0;
        double analytic = 0;
        double numeric = 0;
        List<String> drilled = new ArrayList<>();
        for (EntryResult e : entries) {
            if (!e.inconclusive()) {
                diff += (e.analytic() - e.numeric()) * (e.analytic() - e.numeric());
                analytic += e.analytic() * e.analytic();
                numeric += e.numeric() * e.numeric();
            }
            String tensor = e.name().substring(0, e.name().indexOf('['));
            if (!drilled.contains(tensor)) {
                drilled.add(tensor);
            }
        }
        for (Map.Entry<String, DirectionalCheck.Outcome> d : directions.entrySet()) {
            if (!drilled.contains(d.getKey()) && d.getValue().kink() == null) {
                DirectionalCheck.Outcome o = d.getValue();
                diff += (o.analytic() - o.numeric()) * (o.analytic() - o.numeric());
                analytic += o.analytic() * o.analytic();
                numeric += o.numeric() * o.numeric();
            }
        }
        return TensorSummaries.relative(diff, analytic, numeric);
    }

    /** The plain-language notes of a report. */
    static final class Notes {
        private Notes() {
        }

        static List<String> of(Architecture architecture, CheckOptions options, List<TensorResult> tensors, int inconclusive,
                               boolean complete, double noise) {
            List<String> notes = new ArrayList<>();
            List<String> declared = new ArrayList<>();
            for (int l = 1; l < architecture.depth(); l++) {
                if (architecture.layer(l).keepProb() < 1) {
                    declared.add("layer " + l + " keeps " + architecture.layer(l).keepProb());
                }
            }
            if (options.dropout().mode() == Dropout.Mode.FIXED) {
                notes.add("dropout: one recorded mask replayed in every cost evaluation and in backprop");
            } else if (!declared.isEmpty()) {
                notes.add("dropout: off for the check (keep_prob = 1 on every layer; declared: " + String.join(", ", declared) + ")");
            } else {
                notes.add("dropout: none declared, none applied");
            }
            if (inconclusive > 0) {
                notes.add(String.format(Locale.ROOT, "ReLU kinks: %,d entr%s inconclusive (the perturbation flipped the sign of a "
                        + "ReLU pre-activation, where the loss has no derivative) and left out of the differences", inconclusive,
                        inconclusive == 1 ? "y" : "ies"));
            }
            if (!complete) {
                List<String> missing = tensors.stream().filter(t -> !t.covered()).map(TensorResult::name).toList();
                notes.add("partial check (budget of " + options.budget() + " cost evaluations): not covered " + String.join(", ", missing));
            } else if (tensors.stream().anyMatch(t -> t.checked() > 0 && !t.complete())) {
                notes.add("partial check: the checked/size column says how much of each tensor was compared entry by entry");
            }
            List<String> tiny = tensors.stream().filter(t -> t.withinNoise() && Double.isNaN(t.widerDifference()))
                    .map(TensorResult::name).toList();
            if (!tiny.isEmpty()) {
                notes.add(String.join(", ", tiny) + " pass although the relative difference is above " + options.passBelow()
                        + ": ‖g‖ is so small (as near a minimum) that ‖g − ĝ‖ is within " + (int) TensorSummaries.NOISE_FACTOR
                        + "× the estimates' rounding noise, where the relative difference measures only that noise");
            }
            for (TensorResult t : tensors) {
                if (!Double.isNaN(t.widerDifference())) {
                    notes.add(t.name() + " rechecked with larger ε: " + t.recheck() + (t.withinNoise()
                            ? "; it fell as rounding noise falls (as 1/ε) to below passBelow, so it passes"
                            : String.format(Locale.ROOT, "; it stopped falling at %.1e, above passBelow, so a disagreement "
                            + "that large may be real (or, at the largest ε, truncation error)", t.widerDifference())));
                }
            }
            notes.add(String.format(Locale.ROOT, "rounding noise of one estimate ≈ u·Σ|ℓ|/(ε·m) = %.1e", noise));
            return notes;
        }
    }
}
