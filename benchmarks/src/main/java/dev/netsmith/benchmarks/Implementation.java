package dev.netsmith.benchmarks;

/**
 * One way of training a network on one fixed batch, as the benchmarks drive it: the generated code or a
 * baseline. Parameters are the flat vector W1, b1, W2, b2, … in Netsmith's layout, so that the three
 * implementations can be started from the same numbers and compared entry by entry.
 */
public interface Implementation {

    /** Overwrites the parameters with a copy of {@code theta}. */
    void setParameters(double[] theta);

    /** The current parameters as a flat vector (a copy). */
    double[] parameters();

    /** The forward pass alone, dropout off; returns a value derived from the output, for the blackhole. */
    Object forward();

    /** Forward pass, regularised cost and gradient; returns the cost. */
    double costAndGradient();

    /** The gradient of the last {@link #costAndGradient} as a flat vector (a copy). */
    double[] gradient();

    /** The output activations of the last forward pass, n_L × m (a copy). */
    double[][] output();

    /** θ ← θ − rate·∇J with the gradient of the last {@link #costAndGradient}. */
    void update(double rate);

    /** One training step: forward, cost, backward, plain SGD update. Returns the cost before the update. */
    default double step(double rate) {
        double cost = costAndGradient();
        update(rate);
        return cost;
    }
}
