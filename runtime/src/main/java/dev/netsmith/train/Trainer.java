package dev.netsmith.train;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Mini-batch gradient descent for a {@link CompiledNetwork}:
 *
 * <pre>{@code
 * TrainingResult fit = Trainer.adam(1e-3).epochs(50).batchSize(64)
 *     .earlyStopping(5, 1e-4)
 *     .fit(net, params, train, dev);
 * }</pre>
 *
 * <p>A trainer is an immutable set of settings: each method returns a changed copy, and one trainer can run any
 * number of fits. Each epoch visits the training examples in a fresh seeded shuffle (Well19937c), in mini-batches
 * of the batch size, the last one smaller when the size does not divide m. Each step runs forward with training
 * dropout (the declared keep probabilities unless overridden), records the mini-batch cost (data term plus L2
 * term), backpropagates and lets the optimizer move the parameters. With dev data, the dev cost is evaluated
 * with dropout off at the end of every epoch. The steps allocate nothing after the first: one workspace, one
 * batch buffer and the optimizer's state serve the whole run.
 *
 * <p>Every random draw derives from {@link #seed} and the position in the run, so the same settings, data and
 * starting parameters give the same result bit for bit, and {@link #resume} continues a run exactly.
 *
 * <p>A NaN or infinite cost, gradient entry or updated parameter stops the run ({@link StopReason#DIVERGED})
 * with the last finite parameters: those in effect before the failing iteration, which passed every check.
 */
public final class Trainer {

    private final Optimizer optimizer;
    private final double learningRate;
    private LearningRateSchedule schedule = LearningRateSchedule.constant();
    private int batchSize = 64;
    private int maxEpochs;
    private long maxIterations;
    private long seed;
    private boolean dropout = true;
    private Map<Integer, Double> keepOverrides = Map.of();
    private int patience;
    private double minDelta;
    private int recordCostEvery = 1;
    private List<TrainingListener> listeners = List.of();
    private List<TrainingStage> stages = List.of();

    private Trainer(Optimizer optimizer, double learningRate) {
        if (optimizer == null) {
            throw new IllegalArgumentException("the optimizer is null");
        }
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the learning rate must be positive and finite, was " + learningRate);
        }
        this.optimizer = optimizer;
        this.learningRate = learningRate;
    }

    /** A trainer using {@code optimizer} with initial learning rate α0. */
    public static Trainer with(Optimizer optimizer, double learningRate) {
        return new Trainer(optimizer, learningRate);
    }

    /** Plain mini-batch gradient descent. */
    public static Trainer sgd(double learningRate) {
        return with(Optimizer.sgd(), learningRate);
    }

    /** Gradient descent with momentum β = 0.9. */
    public static Trainer momentum(double learningRate) {
        return with(Optimizer.momentum(0.9), learningRate);
    }

    /** Adam with β1 = 0.9, β2 = 0.999, ε = 1e-8. */
    public static Trainer adam(double learningRate) {
        return with(Optimizer.adam(), learningRate);
    }

    /** Stop after this many epochs (counting those before a resume); with {@link #iterations}, whichever comes first. */
    public Trainer epochs(int epochs) {
        requirePositive("the number of epochs", epochs);
        Trainer t = copy();
        t.maxEpochs = epochs;
        return t;
    }

    /** Stop after this many iterations (counting those before a resume); with {@link #epochs}, whichever comes first. */
    public Trainer iterations(long iterations) {
        requirePositive("the number of iterations", iterations);
        Trainer t = copy();
        t.maxIterations = iterations;
        return t;
    }

    /** Examples per mini-batch (64 unless set); a size of at least m trains on the whole batch at once. */
    public Trainer batchSize(int batchSize) {
        requirePositive("the batch size", batchSize);
        Trainer t = copy();
        t.batchSize = batchSize;
        return t;
    }

    /** Seed of the shuffles and the dropout masks (0 unless set). */
    public Trainer seed(long seed) {
        Trainer t = copy();
        t.seed = seed;
        return t;
    }

    /** How the learning rate changes from epoch to epoch (constant unless set). */
    public Trainer schedule(LearningRateSchedule schedule) {
        if (schedule == null) {
            throw new IllegalArgumentException("the schedule is null; use LearningRateSchedule.constant() for none");
        }
        Trainer t = copy();
        t.schedule = schedule;
        return t;
    }

    /** Overrides hidden layer {@code layer}'s declared keep probability during training (1 turns its dropout off). */
    public Trainer keepProb(int layer, double keepProb) {
        if (layer < 1) {
            throw new IllegalArgumentException("hidden layers are numbered from 1, was " + layer);
        }
        if (!(keepProb > 0 && keepProb <= 1)) {
            throw new IllegalArgumentException("keep probability must be in (0, 1], was " + keepProb);
        }
        Trainer t = copy();
        Map<Integer, Double> overrides = new TreeMap<>(keepOverrides);
        overrides.put(layer, keepProb);
        t.keepOverrides = Collections.unmodifiableMap(overrides);
        return t;
    }

    /** Trains without dropout whatever the declaration says. */
    public Trainer withoutDropout() {
        Trainer t = copy();
        t.dropout = false;
        return t;
    }

    /**
     * Stops when the dev cost has not fallen below its best by more than {@code minDelta} for {@code patience}
     * epochs in a row, and returns the parameters of the best epoch (also when the run ends for another reason,
     * except divergence). Needs dev data. On a resume the patience count starts afresh.
     */
    public Trainer earlyStopping(int patience, double minDelta) {
        requirePositive("the early-stopping patience", patience);
        if (!(minDelta >= 0 && minDelta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the early-stopping min delta must be finite and >= 0, was " + minDelta);
        }
        Trainer t = copy();
        t.patience = patience;
        t.minDelta = minDelta;
        return t;
    }

    /** Records the training cost of every n-th iteration only (every iteration unless set), for very long runs. */
    public Trainer recordCostEvery(int iterations) {
        requirePositive("the cost recording interval", iterations);
        Trainer t = copy();
        t.recordCostEvery = iterations;
        return t;
    }

    /** Adds a listener, called after every iteration and epoch in the order added. */
    public Trainer listener(TrainingListener listener) {
        if (listener == null) {
            throw new IllegalArgumentException("the listener is null");
        }
        Trainer t = copy();
        t.listeners = append(listeners, listener);
        return t;
    }

    /** Adds staged work, typically gradient checks, run only at the iteration counts the stage names. */
    public Trainer checks(TrainingStage stage) {
        if (stage == null) {
            throw new IllegalArgumentException("the stage is null");
        }
        Trainer t = copy();
        t.stages = append(stages, stage);
        return t;
    }

    /** Trains a copy of {@code params} on {@code train}. */
    public TrainingResult fit(CompiledNetwork net, Parameters params, Batch train) {
        return new TrainingRun(this, net, params, train, null, null).run();
    }

    /** Trains a copy of {@code params} on {@code train}, evaluating the cost on {@code dev} after every epoch. */
    public TrainingResult fit(CompiledNetwork net, Parameters params, Batch train, Batch dev) {
        requireDev(dev);
        return new TrainingRun(this, net, params, train, dev, null).run();
    }

    /**
     * Continues a run from a checkpoint: the parameters and optimizer state it saved at iteration t. With the
     * same settings and data the result is bit for bit that of the uninterrupted run (the stopping rule counts
     * from the first iteration, not from the resume).
     */
    public TrainingResult resume(CompiledNetwork net, Parameters params, OptimizerState state, Batch train) {
        return new TrainingRun(this, net, params, train, null, requireState(state)).run();
    }

    /** {@link #resume(CompiledNetwork, Parameters, OptimizerState, Batch)} with dev data. */
    public TrainingResult resume(CompiledNetwork net, Parameters params, OptimizerState state, Batch train, Batch dev) {
        requireDev(dev);
        return new TrainingRun(this, net, params, train, dev, requireState(state)).run();
    }

    Optimizer optimizer() {
        return optimizer;
    }

    double learningRate() {
        return learningRate;
    }

    LearningRateSchedule schedule() {
        return schedule;
    }

    int batchSize() {
        return batchSize;
    }

    int maxEpochs() {
        return maxEpochs;
    }

    long maxIterations() {
        return maxIterations;
    }

    long seed() {
        return seed;
    }

    int recordCostEvery() {
        return recordCostEvery;
    }

    List<TrainingListener> listeners() {
        return listeners;
    }

    List<TrainingStage> stages() {
        return stages;
    }

    /** Whether early stopping is on; its rule is then {@link #newEarlyStopping}'s. */
    boolean earlyStops() {
        return patience > 0;
    }

    EarlyStopping newEarlyStopping(int size) {
        return new EarlyStopping(patience, minDelta, size);
    }

    /** The training dropout for a network of {@code depth} layers, drawing its masks from {@code rng}. */
    Dropout dropout(int depth, RandomGenerator rng) {
        if (!dropout) {
            if (!keepOverrides.isEmpty()) {
                throw new IllegalArgumentException("keep probabilities were overridden for layers " + keepOverrides.keySet()
                        + " but dropout is off (withoutDropout())");
            }
            return Dropout.off();
        }
        Dropout training = Dropout.training(rng);
        for (Map.Entry<Integer, Double> e : keepOverrides.entrySet()) {
            if (e.getKey() >= depth) {
                throw new IllegalArgumentException("keep probability overridden for layer " + e.getKey()
                        + ", but this network's hidden layers are 1.." + (depth - 1) + " (the output layer keeps every unit)");
            }
            training = training.withKeepProb(e.getKey(), e.getValue());
        }
        return training;
    }

    private Trainer copy() {
        Trainer t = new Trainer(optimizer, learningRate);
        t.schedule = schedule;
        t.batchSize = batchSize;
        t.maxEpochs = maxEpochs;
        t.maxIterations = maxIterations;
        t.seed = seed;
        t.dropout = dropout;
        t.keepOverrides = keepOverrides;
        t.patience = patience;
        t.minDelta = minDelta;
        t.recordCostEvery = recordCostEvery;
        t.listeners = listeners;
        t.stages = stages;
        return t;
    }

    private static <T> List<T> append(List<T> list, T item) {
        List<T> longer = new ArrayList<>(list);
        longer.add(item);
        return List.copyOf(longer);
    }

    private static void requirePositive(String what, long value) {
        if (value <= 0) {
            throw new IllegalArgumentException(what + " must be positive, was " + value);
        }
    }

    private static void requireDev(Batch dev) {
        if (dev == null) {
            throw new IllegalArgumentException("the dev batch is null; call fit(net, params, train) to train without one");
        }
    }

    private static OptimizerState requireState(OptimizerState state) {
        if (state == null) {
            throw new IllegalArgumentException("the optimizer state to resume from is null");
        }
        return state;
    }

    @Override
    public String toString() {
        return "Trainer[" + optimizer + ", α0 = " + learningRate + ", batch " + batchSize
                + (maxEpochs > 0 ? ", " + maxEpochs + " epochs" : "") + (maxIterations > 0 ? ", " + maxIterations + " iterations" : "")
                + ", seed " + seed + (dropout ? (keepOverrides.isEmpty() ? "" : ", keep " + keepOverrides) : ", no dropout")
                + (patience > 0 ? ", early stopping (patience " + patience + ", min delta " + minDelta + ")" : "") + "]";
    }
}
