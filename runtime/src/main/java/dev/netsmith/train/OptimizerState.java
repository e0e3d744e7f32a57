package dev.netsmith.train;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A snapshot of an optimizer's state, in the form a checkpoint stores: the rule's name, the step count t and
 * named arrays as long as the parameter vector ({@code v} for momentum; {@code v} and {@code s} for Adam; none
 * for SGD). Together with the parameters, the trainer's settings and the data it makes a run resumable
 * exactly (see {@link Trainer#resume}). The arrays are copied in and out, so a snapshot never changes.
 */
public final class OptimizerState {

    private final String optimizer;
    private final long step;
    private final Map<String, double[]> arrays;

    /**
     * A state read back from a checkpoint.
     *
     * @param optimizer the {@link Optimizer#name()} of the rule that saved it
     * @param step      the number of steps taken, t
     * @param arrays    the rule's state arrays by name
     */
    public OptimizerState(String optimizer, long step, Map<String, double[]> arrays) {
        if (optimizer == null || arrays == null) {
            throw new IllegalArgumentException("an optimizer state needs the optimizer's name and its arrays");
        }
        if (step < 0) {
            throw new IllegalArgumentException("the step count cannot be negative, was " + step);
        }
        this.optimizer = optimizer;
        this.step = step;
        this.arrays = Collections.unmodifiableMap(deepCopy(arrays));
    }

    /** The name of the rule that saved this state ({@code sgd}, {@code momentum} or {@code adam}). */
    public String optimizer() {
        return optimizer;
    }

    /** t, the number of optimizer steps (training iterations) taken. */
    public long step() {
        return step;
    }

    /** A copy of the named arrays, sorted by name. */
    public Map<String, double[]> arrays() {
        return deepCopy(arrays);
    }

    /** The stored map itself, read-only; callers in this package copy out of it and never write to it. */
    Map<String, double[]> arraysView() {
        return arrays;
    }

    private static Map<String, double[]> deepCopy(Map<String, double[]> source) {
        Map<String, double[]> copy = new TreeMap<>();
        source.forEach((name, values) -> {
            if (name == null || values == null) {
                throw new IllegalArgumentException("optimizer state arrays need a name and values, got " + name);
            }
            copy.put(name, values.clone());
        });
        return copy;
    }

    @Override
    public String toString() {
        return optimizer + " state at step " + step + " " + arrays.keySet();
    }
}
