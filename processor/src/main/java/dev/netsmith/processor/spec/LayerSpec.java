package dev.netsmith.processor.spec;

import dev.netsmith.Activation;

/**
 * One {@code @Dense} as declared (not yet validated).
 *
 * @param index      l, 1-based, input side first
 * @param units      n_l
 * @param activation g
 * @param keepProb   the declared keep probability
 * @param custom     the custom activation class, or {@code null} when none was named
 */
public record LayerSpec(int index, int units, Activation activation, double keepProb, TypeFacts custom) {

    /** Whether this layer applies dropout when training. */
    public boolean hasDropout() {
        return keepProb < 1.0;
    }
}
