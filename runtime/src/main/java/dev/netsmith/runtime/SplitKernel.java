package dev.netsmith.runtime;

/**
 * A generated kernel that can run over part of its range, so that {@link Workspace#split} can hand the parts of
 * one large layer to several threads. Generated code implements it with a method reference to a static method
 * (one shared instance, nothing allocated per call); users never call it.
 *
 * <p>Each part must write only entries that no other part writes, and compute every entry with the same
 * operations in the same order as the single-threaded kernel, so that a split gives the same bits.
 */
@FunctionalInterface
public interface SplitKernel {

    /**
     * Runs kernel {@code id} (a layer number) over {@code from ≤ r < to} of its range: units (rows of Z and A) for a
     * forward layer, units of the layer below (rows of dA and dZ) for backpropagation through a layer, input units
     * (columns of dW) for a weight gradient; always over all m examples.
     *
     * @param id    which of the class's kernels, e.g. the layer number
     * @param theta the flat parameter vector
     * @param ws    the workspace of the thread that split the kernel
     * @param m     the batch size
     * @param from  the first index of this part
     * @param to    one past the last index of this part
     */
    void run(int id, double[] theta, Workspace ws, int m, int from, int to);
}
