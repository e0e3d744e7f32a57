package dev.netsmith.train;

/** Why a training run ended. */
public enum StopReason {
    /** The configured number of epochs was completed. */
    MAX_EPOCHS,
    /** The configured number of iterations was completed. */
    MAX_ITERATIONS,
    /** The dev cost stopped improving for the configured patience. */
    EARLY_STOPPING,
    /** A listener or stage asked to stop. */
    REQUESTED,
    /** The cost, the gradient or an updated parameter was NaN or infinite. */
    DIVERGED
}
