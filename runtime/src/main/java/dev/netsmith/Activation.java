package dev.netsmith;

/** Activation functions a {@link Dense} layer can apply. */
public enum Activation {
    /** max(0, z); derivative 1 for z &gt; 0, else 0. */
    RELU,
    /** z for z &gt; 0, else 0.01·z. */
    LEAKY_RELU,
    /** tanh(z); derivative 1 − a². */
    TANH,
    /** 1 / (1 + e^−z); derivative a·(1 − a). */
    SIGMOID,
    /** e^z_i / Σ_k e^z_k over each example's column; output layer only, at least 2 units. */
    SOFTMAX,
    /** z (identity). */
    LINEAR,
    /** A user class implementing {@link ActivationFunction}, named in {@link Dense#custom()}. */
    CUSTOM;

    /** The slope of {@link #LEAKY_RELU} for z &lt; 0. */
    public static final double LEAKY_SLOPE = 0.01;

    /** True for the activations whose derivative jumps at z = 0 (He initialisation, kink detection). */
    public boolean isReluFamily() {
        return this == RELU || this == LEAKY_RELU;
    }
}
