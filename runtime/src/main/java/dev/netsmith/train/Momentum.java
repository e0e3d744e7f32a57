package dev.netsmith.train;

import java.util.List;

/** v ← β·v + (1 − β)·g, θ ← θ − α·v (the course's form, without bias correction). */
final class Momentum extends Optimizer {

    private final double beta;

    Momentum(double beta) {
        this.beta = requireDecay("momentum β", beta);
    }

    @Override
    public String name() {
        return "momentum";
    }

    @Override
    List<String> stateNames() {
        return List.of("v");
    }

    @Override
    void update(double[] theta, double[] gradient, double learningRate, double[][] state, long step) {
        double[] v = state[0];
        double keep = 1 - beta;
        for (int i = 0; i < theta.length; i++) {
            v[i] = beta * v[i] + keep * gradient[i];
            theta[i] -= learningRate * v[i];
        }
    }

    @Override
    public String toString() {
        return "momentum(β = " + beta + ")";
    }
}
