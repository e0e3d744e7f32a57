package dev.netsmith;

/**
 * A user-written activation for {@code @Dense(activation = Activation.CUSTOM, custom = MyActivation.class)}.
 * The generated code creates one instance through the public no-argument constructor and calls these methods
 * directly (no reflection), so keep them pure and cheap. The gradient check is how you learn whether
 * {@link #derivative} is right.
 */
public interface ActivationFunction {

    /** The activation a = g(z). */
    double value(double z);

    /** The derivative g'(z), given z and a = g(z) (use whichever is cheaper). */
    double derivative(double z, double a);
}
