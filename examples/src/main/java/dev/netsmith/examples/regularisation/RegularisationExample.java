package dev.netsmith.examples.regularisation;

import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.data.Splits;
import dev.netsmith.examples.Example;
import dev.netsmith.examples.data.NoisyWaveData;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.PreparedData;
import dev.netsmith.examples.pipeline.Recipe;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.examples.pipeline.Scores;
import dev.netsmith.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The same network trained three ways on noisy 2-D data, as in the course's regularisation lesson: without
 * regularisation, with L2 (λ = 0.7) and with dropout (keep 0.86), compared on the dev split.
 */
public final class RegularisationExample implements Example {

    private static final int POINTS = 600;
    private static final long DATA_SEED = 3;

    private record Variant(String name, String label, CheckableNetwork network) {
    }

    private static final List<Variant> VARIANTS = List.of(
            new Variant("regularisation-none", "none", RegularisationNets_Unregularised_Model.INSTANCE),
            new Variant("regularisation-l2", "L2, λ = 0.7", RegularisationNets_WithL2_Model.INSTANCE),
            new Variant("regularisation-dropout", "dropout, keep 0.86", RegularisationNets_WithDropout_Model.INSTANCE));

    @Override
    public String name() {
        return "regularisation";
    }

    @Override
    public String description() {
        return "2 → 20 ReLU → 3 ReLU → 1 sigmoid on noisy 2-D data: none vs L2 (λ = 0.7) vs dropout (keep 0.86)";
    }

    @Override
    public int defaultEpochs() {
        return 20_000;
    }

    @Override
    public List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException {
        PreparedData data = PreparedData.of(Splits.stratified(NoisyWaveData.generate(POINTS, DATA_SEED),
                1.0 / 3, 1.0 / 3, 1.0 / 3, DATA_SEED));
        List<RunResult> results = new ArrayList<>();
        for (Variant v : VARIANTS) {
            // full-batch gradient descent with α = 0.3, as in the course
            results.add(pipeline.run(Recipe.fullBatch(v.name(), v.network(), data, Trainer.sgd(0.3)), settings));
        }
        printTable(pipeline.console().out(), results);
        return results;
    }

    private static void printTable(PrintStream out, List<RunResult> results) {
        out.println();
        out.println("Regularisation, measured on the dev split:");
        out.printf(Locale.ROOT, "%-20s %8s %8s %14s %8s%n", "regularisation", "train", "dev", "dev vs none", "test");
        double baseline = dev(results.get(0));
        for (int i = 0; i < results.size(); i++) {
            Scores s = results.get(i).scores().orElseThrow();
            out.printf(Locale.ROOT, "%-20s %7.2f%% %7.2f%% %13s %7.2f%%%n", VARIANTS.get(i).label(), 100 * s.train().accuracy(),
                    100 * s.dev().accuracy(), i == 0 ? "" : String.format(Locale.ROOT, "%+.2f pts", 100 * (dev(results.get(i)) - baseline)),
                    100 * s.test().accuracy());
        }
    }

    private static double dev(RunResult result) {
        return result.scores().orElseThrow().dev().accuracy();
    }
}
