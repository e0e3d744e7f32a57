package dev.netsmith.examples.bughunt;

import dev.netsmith.ActivationFunction;

/**
 * Swish, g(z) = z·σ(z) (Ramachandran, Zoph and Le, 2017): smooth, and like ReLU unbounded above. By the
 * product rule g'(z) = σ(z) + z·σ(z)·(1 − σ(z)) = σ(z) + a·(1 − σ(z)).
 */
public class Swish implements ActivationFunction {

    @Override
    public double value(double z) {
        return z * sigmoid(z);
    }

    @Override
    public double derivative(double z, double a) {
        double s = sigmoid(z);
        return s + a * (1 - s);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }
}
