package dev.netsmith;

/** Losses, each tied to the output activation it is defined for. */
public enum Loss {
    /** −[y·log a + (1 − y)·log(1 − a)] summed over independent sigmoid output units; labels 0 or 1. */
    BINARY_CROSS_ENTROPY(Activation.SIGMOID),
    /** −Σ_i y_i·log a_i over a softmax output of at least 2 units; each label column one-hot. */
    SOFTMAX_CROSS_ENTROPY(Activation.SOFTMAX),
    /** ½·‖a − y‖² per example over a linear output. */
    MEAN_SQUARED_ERROR(Activation.LINEAR);

    private final Activation outputActivation;

    Loss(Activation outputActivation) {
        this.outputActivation = outputActivation;
    }

    /** The activation the output layer must use with this loss. */
    public Activation outputActivation() {
        return outputActivation;
    }
}
