package dev.netsmith.train;

import java.util.List;

/** θ ← θ − α·g. */
final class Sgd extends Optimizer {

    @Override
    public String name() {
        return "sgd";
    }

    @Override
    List<String> stateNames() {
        return List.of();
    }

    @Override
    void update(double[] theta, double[] gradient, double learningRate, double[][] state, long step) {
        for (int i = 0; i < theta.length; i++) {
            theta[i] -= learningRate * gradient[i];
        }
    }

    @Override
    public String toString() {
        return "sgd";
    }
}
