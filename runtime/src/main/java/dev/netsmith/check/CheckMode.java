package dev.netsmith.check;

/** Which parameters a gradient check perturbs. */
public enum CheckMode {
    /** Every parameter: two cost evaluations each. */
    FULL,
    /** A seeded sample of k entries per tensor (all of a smaller tensor), so every tensor is covered. */
    SAMPLED,
    /**
     * One random direction per tensor: two cost evaluations per tensor for a correct network, drilling down
     * entry by entry only into tensors whose directional derivative disagrees.
     */
    DIRECTIONAL
}
