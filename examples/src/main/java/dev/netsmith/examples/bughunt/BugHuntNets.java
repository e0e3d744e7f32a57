package dev.netsmith.examples.bughunt;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** The breast-cancer data through a hidden layer of a custom activation: as first written, and corrected. */
public final class BugHuntNets {

    private BugHuntNets() {
    }

    @Network(inputs = 30, loss = Loss.BINARY_CROSS_ENTROPY)
    @Dense(units = 8, activation = Activation.CUSTOM, custom = SwishWithWrongDerivative.class)
    @Dense(units = 1, activation = Activation.SIGMOID)
    public interface WithWrongDerivative {}

    @Network(inputs = 30, loss = Loss.BINARY_CROSS_ENTROPY)
    @Dense(units = 8, activation = Activation.CUSTOM, custom = Swish.class)
    @Dense(units = 1, activation = Activation.SIGMOID)
    public interface WithSwish {}
}
