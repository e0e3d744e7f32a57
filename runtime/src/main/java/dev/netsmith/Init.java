package dev.netsmith;

/** Weight initialisation schemes; biases always start at 0. */
public enum Init {
    /** He for RELU and LEAKY_RELU layers, Xavier for every other layer. */
    AUTO,
    /** W ~ N(0, 2 / n_prev). */
    HE,
    /** W ~ N(0, 1 / n_prev). */
    XAVIER,
    /** W ~ N(0, 1) × 0.01, as in the course notes (slow to train deep networks; kept for comparison). */
    SMALL_RANDOM
}
