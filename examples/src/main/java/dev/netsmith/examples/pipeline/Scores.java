package dev.netsmith.examples.pipeline;

import dev.netsmith.data.ConfusionMatrix;
import dev.netsmith.data.Dataset;
import dev.netsmith.data.Metrics;
import dev.netsmith.data.Splits;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Parameters;

/** How a trained network classifies each split; each matrix also gives the accuracy. */
public record Scores(ConfusionMatrix train, ConfusionMatrix dev, ConfusionMatrix test) {

    /** The scores of {@code params} on standardised splits. */
    public static Scores of(CompiledNetwork net, Parameters params, Splits standardized) {
        return new Scores(score(net, params, standardized.train()), score(net, params, standardized.dev()),
                score(net, params, standardized.test()));
    }

    private static ConfusionMatrix score(CompiledNetwork net, Parameters params, Dataset data) {
        return Metrics.confusionMatrix(net.predict(params, data.x()), data.labels(), data.classNames());
    }
}
