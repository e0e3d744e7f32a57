package dev.netsmith.examples.pipeline;

import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.train.Trainer;

/**
 * One network to take through the {@link Pipeline}.
 *
 * @param name      names the run's files, e.g. {@code digits} gives {@code digits.npz}
 * @param network   the generated network ({@code T_Model.INSTANCE})
 * @param data      its data, prepared
 * @param trainer   the optimizer and learning rate (and any dropout override); the pipeline adds the batch
 *                  size, epochs, seed, staged checks and progress bar
 * @param batchSize examples per mini-batch; at least the training set's size means full-batch gradient descent
 */
public record Recipe(String name, CheckableNetwork network, PreparedData data, Trainer trainer, int batchSize) {

    /** A recipe for full-batch gradient descent: one iteration per epoch, on every training example. */
    public static Recipe fullBatch(String name, CheckableNetwork network, PreparedData data, Trainer trainer) {
        return new Recipe(name, network, data, trainer, data.raw().train().size());
    }
}
