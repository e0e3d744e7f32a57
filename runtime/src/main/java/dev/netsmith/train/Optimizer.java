package dev.netsmith.train;

import java.util.List;

/**
 * An update rule and its hyperparameters (the learning rate is the trainer's, so that schedules can change it).
 * An optimizer is an immutable value; the state it keeps between steps (velocities, moments, the step count)
 * lives in one run of the trainer and can be exported as an {@link OptimizerState} to resume that run.
 *
 * <p>The rules follow the course notes, per parameter θ with gradient g and learning rate α:
 * <ul>
 *   <li>{@link #sgd()}: θ ← θ − α·g;</li>
 *   <li>{@link #momentum(double)}: v ← β·v + (1 − β)·g, θ ← θ − α·v;</li>
 *   <li>{@link #adam(double, double, double)}: v ← β1·v + (1 − β1)·g, s ← β2·s + (1 − β2)·g²,
 *       θ ← θ − α·v̂ / (√ŝ + ε) with the bias corrections v̂ = v / (1 − β1^t), ŝ = s / (1 − β2^t) at step t ≥ 1.</li>
 * </ul>
 */
public abstract class Optimizer {

    /** Only this package's rules: their state layout is part of the checkpoint format. */
    Optimizer() {
    }

    /** Plain gradient descent; keeps no state beyond the step count. */
    public static Optimizer sgd() {
        return new Sgd();
    }

    /** Gradient descent with momentum (an exponentially weighted average of the gradients); β = 0.9 is usual. */
    public static Optimizer momentum(double beta) {
        return new Momentum(beta);
    }

    /** Adam with the course's defaults β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static Optimizer adam() {
        return adam(0.9, 0.999, 1e-8);
    }

    /** Adam with bias correction. */
    public static Optimizer adam(double beta1, double beta2, double epsilon) {
        return new Adam(beta1, beta2, epsilon);
    }

    /** The rule's name as stored in an {@link OptimizerState}: {@code sgd}, {@code momentum} or {@code adam}. */
    public abstract String name();

    /** Names of the state arrays, each as long as the parameter vector, in a fixed order. */
    abstract List<String> stateNames();

    /**
     * One update of {@code theta} in place.
     *
     * @param state the arrays named by {@link #stateNames()}, in that order, updated in place
     * @param step  t, counting this step from 1
     */
    abstract void update(double[] theta, double[] gradient, double learningRate, double[][] state, long step);

    /** Fresh state for a parameter vector of {@code size} entries. */
    Updater start(int size) {
        return new Updater(this, size);
    }

    static double requireDecay(String name, double value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), was " + value);
        }
        return value;
    }
}
