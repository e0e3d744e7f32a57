package dev.netsmith.examples.bughunt;

import dev.netsmith.check.Diagnosis;
import dev.netsmith.examples.Example;
import dev.netsmith.examples.breastcancer.BreastCancerExample;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.PreparedData;
import dev.netsmith.examples.pipeline.Recipe;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.train.Trainer;
import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * How a user finds a wrong derivative in a custom activation: the gradient check at initialisation fails,
 * stops the training before its first step and says which layer's activation to look at; with the derivative
 * corrected the check passes, before and after training, and the network trains.
 */
public final class BugHuntExample implements Example {

    @Override
    public String name() {
        return "bug-hunt";
    }

    @Override
    public String description() {
        return "a custom activation (swish) with a wrong derivative, found by the gradient check, then corrected";
    }

    @Override
    public int defaultEpochs() {
        return 60;
    }

    @Override
    public List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException {
        PrintStream out = pipeline.console().out();
        PreparedData data = BreastCancerExample.data();
        Trainer adam = Trainer.adam(1e-3);

        out.println();
        out.println("Step 1: swish as first written (SwishWithWrongDerivative), checked before training.");
        RunResult wrong = pipeline.run(new Recipe("bug-hunt-wrong-derivative", BugHuntNets_WithWrongDerivative_Model.INSTANCE,
                data, adam, 32), settings);
        Diagnosis diagnosis = wrong.checks().get(0).report().diagnosis();
        String suspect = BugHuntNets_WithWrongDerivative_Model.ARCHITECTURE.layer(diagnosis.layer()).custom();
        out.println();
        out.println("Found: the diagnosis points at layer " + diagnosis.layer() + ", whose activation is " + suspect + ".");
        out.println("Its derivative returns σ(z), but swish is z·σ(z): by the product rule g'(z) = σ(z) + z·σ(z)·(1 − σ(z)).");
        out.println();
        out.println("Step 2: the corrected Swish, through the whole pipeline.");
        RunResult corrected = pipeline.run(new Recipe("bug-hunt-swish", BugHuntNets_WithSwish_Model.INSTANCE, data, adam, 32),
                settings);
        return List.of(wrong, corrected);
    }
}
