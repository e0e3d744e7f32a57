package dev.netsmith.examples.planar;

import dev.netsmith.data.Splits;
import dev.netsmith.examples.Example;
import dev.netsmith.examples.data.PlanarData;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.PreparedData;
import dev.netsmith.examples.pipeline.Recipe;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.train.Trainer;
import java.io.IOException;
import java.util.List;

/**
 * {@link PlanarNet} on the flower, trained as in the course: full-batch gradient descent with α = 1.2, so
 * one epoch is one iteration.
 */
public final class PlanarExample implements Example {

    private static final long DATA_SEED = 1;

    @Override
    public String name() {
        return "planar";
    }

    @Override
    public String description() {
        return "the course's flower-shaped 2-D data: 2 → 4 tanh → 1 sigmoid, full-batch gradient descent";
    }

    @Override
    public int defaultEpochs() {
        return 10_000;
    }

    @Override
    public List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException {
        PreparedData data = PreparedData.of(Splits.stratified(PlanarData.generate(DATA_SEED), 0.6, 0.2, 0.2, DATA_SEED));
        return List.of(pipeline.run(Recipe.fullBatch(name(), PlanarNet_Model.INSTANCE, data, Trainer.sgd(1.2)), settings));
    }
}
