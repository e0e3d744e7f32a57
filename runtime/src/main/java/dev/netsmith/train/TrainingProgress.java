package dev.netsmith.train;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Parameters;

/**
 * What listeners and stages see of a running training. One view serves the whole run (nothing is allocated
 * to call a listener); its values are those of the moment of the call. Iterations and epochs are counts of
 * what has been completed: {@link #iteration()} is 0 before the first step and t after the t-th.
 */
public interface TrainingProgress {

    /** The network being trained. */
    CompiledNetwork network();

    /** The live parameters: read them, copy them ({@link Parameters#copy()}), but do not change them. */
    Parameters parameters();

    /** The training examples. */
    Batch trainingData();

    /** The dev examples, or {@code null} when the run has none. */
    Batch devData();

    /** Steps taken so far, t (the optimizer's step count; it includes the steps before a resume). */
    long iteration();

    /** Epochs completed so far (0 during the first epoch). */
    int epoch();

    /** The last step's mini-batch cost, data term plus L2 term, with dropout as trained; NaN before any step. */
    double trainingCost();

    /** The last dev cost (dropout off), evaluated at the end of each epoch; NaN before the first or without dev data. */
    double devCost();

    /** The learning rate of the current epoch. */
    double learningRate();

    /** A snapshot of the optimizer's state, to save with {@link #parameters()} in a checkpoint. */
    OptimizerState optimizerState();

    /** Asks the trainer to stop after the current callback; the reason ends up in {@link TrainingResult#message()}. */
    void requestStop(String reason);
}
