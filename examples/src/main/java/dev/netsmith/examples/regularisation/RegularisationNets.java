package dev.netsmith.examples.regularisation;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/**
 * The course's regularisation network, 2 → 20 ReLU → 3 ReLU → 1 sigmoid, declared three times: λ and the
 * keep probabilities are part of a declaration, so each way of regularising is a network of its own.
 */
public final class RegularisationNets {

    private RegularisationNets() {
    }

    /** No regularisation: free to fit the noise of the training points. */
    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
    @Dense(units = 20, activation = Activation.RELU)
    @Dense(units = 3, activation = Activation.RELU)
    @Dense(units = 1, activation = Activation.SIGMOID)
    public interface Unregularised {}

    /** L2 regularisation, λ = 0.7: large weights cost, so the boundary stays smooth. */
    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = 0.7)
    @Dense(units = 20, activation = Activation.RELU)
    @Dense(units = 3, activation = Activation.RELU)
    @Dense(units = 1, activation = Activation.SIGMOID)
    public interface WithL2 {}

    /** Inverted dropout keeping 86% of the hidden units: no unit can rely on any single other one. */
    @Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
    @Dense(units = 20, activation = Activation.RELU, keepProb = 0.86)
    @Dense(units = 3, activation = Activation.RELU, keepProb = 0.86)
    @Dense(units = 1, activation = Activation.SIGMOID)
    public interface WithDropout {}
}
