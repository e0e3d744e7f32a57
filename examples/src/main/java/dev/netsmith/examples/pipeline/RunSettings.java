package dev.netsmith.examples.pipeline;

import java.nio.file.Path;

/**
 * What a user chooses for a run of an example.
 *
 * @param epochs    training epochs
 * @param seed      seed of the initial weights, the shuffles and the dropout masks (the data and its splits
 *                  are fixed, so that runs with different seeds are scored on the same test examples)
 * @param outputDir where the parameters and charts go
 */
public record RunSettings(int epochs, long seed, Path outputDir) {

    public RunSettings {
        if (epochs < 1) {
            throw new IllegalArgumentException("the number of epochs must be at least 1, was " + epochs);
        }
    }
}
