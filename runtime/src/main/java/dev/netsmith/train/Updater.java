package dev.netsmith.train;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One run's optimizer: the rule, its state arrays (allocated once, here) and the step count. Export and
 * import live here once for every rule, so that checkpointing treats them alike.
 */
final class Updater {

    private final Optimizer optimizer;
    private final double[][] state;
    private long step;

    Updater(Optimizer optimizer, int size) {
        this.optimizer = optimizer;
        this.state = new double[optimizer.stateNames().size()][size];
    }

    /** Moves {@code theta} one step against {@code gradient}. */
    void step(double[] theta, double[] gradient, double learningRate) {
        optimizer.update(theta, gradient, learningRate, state, ++step);
    }

    /** t, the number of steps taken (including those before a restore). */
    long steps() {
        return step;
    }

    /** A snapshot of the state. */
    OptimizerState export() {
        List<String> names = optimizer.stateNames();
        Map<String, double[]> arrays = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            arrays.put(names.get(k), state[k]);
        }
        return new OptimizerState(optimizer.name(), step, arrays);
    }

    /** Continues from a snapshot, which must come from the same rule and a parameter vector of the same size. */
    void restore(OptimizerState saved) {
        if (!saved.optimizer().equals(optimizer.name())) {
            throw new IllegalArgumentException("the optimizer state was saved by " + saved.optimizer()
                    + ", this trainer uses " + optimizer);
        }
        List<String> names = optimizer.stateNames();
        Map<String, double[]> arrays = saved.arraysView();
        if (!arrays.keySet().equals(new TreeSet<>(names))) {
            throw new IllegalArgumentException(optimizer.name() + " state needs the arrays " + names
                    + ", the saved state has " + arrays.keySet());
        }
        for (int k = 0; k < names.size(); k++) {
            double[] values = arrays.get(names.get(k));
            if (values.length != state[k].length) {
                throw new IllegalArgumentException("optimizer state array " + names.get(k) + " has " + values.length
                        + " entries, the parameters " + state[k].length);
            }
        }
        for (int k = 0; k < names.size(); k++) {
            System.arraycopy(arrays.get(names.get(k)), 0, state[k], 0, state[k].length);
        }
        step = saved.step();
    }
}
