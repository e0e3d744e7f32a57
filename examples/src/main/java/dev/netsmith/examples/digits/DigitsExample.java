package dev.netsmith.examples.digits;

import dev.netsmith.data.Splits;
import dev.netsmith.examples.Example;
import dev.netsmith.examples.data.BundledData;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.PreparedData;
import dev.netsmith.examples.pipeline.Recipe;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.train.Trainer;
import java.io.IOException;
import java.util.List;

/** {@link DigitsNet} on the UCI handwritten digits, trained with Adam. */
public final class DigitsExample implements Example {

    private static final long SPLIT_SEED = 0;

    @Override
    public String name() {
        return "digits";
    }

    @Override
    public String description() {
        return "handwritten digits: 64 → 32 ReLU → 16 ReLU → 10 softmax, L2 and dropout, Adam";
    }

    @Override
    public int defaultEpochs() {
        return 150;
    }

    @Override
    public List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException {
        PreparedData data = PreparedData.of(Splits.stratified(BundledData.digits(), 0.6, 0.2, 0.2, SPLIT_SEED));
        return List.of(pipeline.run(new Recipe(name(), DigitsNet_Model.INSTANCE, data, Trainer.adam(1e-3), 64), settings));
    }
}
