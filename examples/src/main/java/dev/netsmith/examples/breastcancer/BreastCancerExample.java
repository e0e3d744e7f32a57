package dev.netsmith.examples.breastcancer;

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

/** {@link BreastCancerNet} on the Wisconsin diagnostic data, trained with Adam. */
public final class BreastCancerExample implements Example {

    private static final long SPLIT_SEED = 0;

    /** The splits, stratified so that the small test set has the data's share of malignant tumours. */
    public static PreparedData data() {
        return PreparedData.of(Splits.stratified(BundledData.breastCancer(), 0.6, 0.2, 0.2, SPLIT_SEED));
    }

    @Override
    public String name() {
        return "breast-cancer";
    }

    @Override
    public String description() {
        return "breast tumours, malignant or benign: 30 → 16 ReLU → 8 ReLU → 1 sigmoid, Adam";
    }

    @Override
    public int defaultEpochs() {
        return 60;
    }

    @Override
    public List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException {
        return List.of(pipeline.run(new Recipe(name(), BreastCancerNet_Model.INSTANCE, data(), Trainer.adam(1e-3), 32), settings));
    }
}
