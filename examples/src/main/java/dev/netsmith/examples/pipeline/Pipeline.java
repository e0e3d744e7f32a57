package dev.netsmith.examples.pipeline;

import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.StageReport;
import dev.netsmith.check.StagedChecks;
import dev.netsmith.data.Splits;
import dev.netsmith.examples.charts.DecisionBoundaryChart;
import dev.netsmith.examples.charts.LearningCurveChart;
import dev.netsmith.io.Checkpoint;
import dev.netsmith.io.CheckpointIO;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.train.TrainingResult;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What every example does with a network, in the order the course teaches it:
 * <ol>
 *   <li>check the gradients at initialisation, and</li>
 *   <li>train, with the same check staged again after the last step ({@link StagedChecks} in the trainer),</li>
 *   <li>show both checks side by side (and any that did not pass in full),</li>
 *   <li>score the trained network on the dev and test splits,</li>
 *   <li>save it as a checkpoint {@code .npz}: parameters, standardisation, class names, optimizer state,</li>
 *   <li>plot the learning curve and, for 2-D data, the decision boundary.</li>
 * </ol>
 * A check that fails at initialisation stops training before its first step: there is then nothing to
 * score or save, and the run ends after printing the report.
 */
public final class Pipeline {

    private final Console console;

    public Pipeline(Console console) {
        this.console = console;
    }

    public Console console() {
        return console;
    }

    public RunResult run(Recipe recipe, RunSettings settings) throws IOException {
        PrintStream out = console.out();
        CheckableNetwork net = recipe.network();
        Splits splits = recipe.data().standardized();
        Batch train = splits.train().toBatch(net.architecture());
        Batch dev = splits.dev().toBatch(net.architecture());
        int batchesPerEpoch = (train.m() + recipe.batchSize() - 1) / recipe.batchSize();
        long iterations = (long) settings.epochs() * batchesPerEpoch;

        out.println();
        out.println("== " + recipe.name() + ": " + net.architecture());
        out.println(recipe.data().sizes() + "; " + settings.epochs() + " epochs of " + batchesPerEpoch + " mini-batches of at most "
                + recipe.batchSize() + ", seed " + settings.seed());

        StagedChecks checks = StagedChecks.atInitialization().thenAtEnd();
        ProgressBar progress = new ProgressBar(console, recipe.name(), iterations);
        Parameters initial = net.initialize(settings.seed());
        TrainingResult fit = recipe.trainer().batchSize(recipe.batchSize()).epochs(settings.epochs()).seed(settings.seed())
                .checks(checks).listener(progress).fit(net, initial, train, dev);
        progress.finish();

        out.println("Gradient checks (on the first " + Math.min(StagedChecks.DEFAULT_CHECK_EXAMPLES, train.m())
                + " training examples, dropout off):");
        out.print(checks.sideBySide());
        for (StageReport stage : checks.reports()) {
            if (!stage.report().passed()) {
                out.println("The check " + stage.label() + " in full:");
                out.println(stage.report());
            }
        }
        out.println("Training: " + fit);
        if (fit.iterations() == 0) {
            return new RunResult(recipe.name(), checks.reports(), fit, Optional.empty(), List.of());
        }

        Scores scores = Scores.of(net, fit.parameters(), splits);
        out.printf(Locale.ROOT, "Accuracy: train %.2f%%, dev %.2f%%, test %.2f%%%n", 100 * scores.train().accuracy(),
                100 * scores.dev().accuracy(), 100 * scores.test().accuracy());
        out.println("Test confusion matrix:");
        out.println(scores.test());

        List<Path> files = save(recipe, settings.outputDir(), fit, batchesPerEpoch);
        out.println("Wrote " + String.join(", ", files.stream().map(Path::toString).toList()));
        return new RunResult(recipe.name(), checks.reports(), fit, Optional.of(scores), files);
    }

    private static List<Path> save(Recipe recipe, Path dir, TrainingResult fit, int batchesPerEpoch) throws IOException {
        CheckableNetwork net = recipe.network();
        PreparedData data = recipe.data();
        List<Path> files = new ArrayList<>();
        Path checkpoint = dir.resolve(recipe.name() + ".npz");
        CheckpointIO.write(checkpoint, Checkpoint.of(net.architecture(), fit.parameters())
                .withLabels(data.classNames())
                .withStandardization(data.standardizer().means(), data.standardizer().scales())
                .withOptimizer(fit.optimizerState()));
        files.add(checkpoint);
        files.add(LearningCurveChart.write(dir.resolve(recipe.name() + "-learning-curve.png"), recipe.name() + ": learning curve",
                fit.history(), batchesPerEpoch));
        if (data.features() == 2) {
            files.add(DecisionBoundaryChart.write(dir.resolve(recipe.name() + "-decision-boundary.png"),
                    recipe.name() + ": decision boundary (training points)", net, fit.parameters(), data.standardizer(),
                    data.raw().train()));
        }
        return files;
    }
}
