package dev.netsmith.train;

import java.util.function.Consumer;

/**
 * Called back during training, on the training thread: after every iteration and at the end of every epoch.
 * Keep the callbacks cheap (they run inside the loop); a listener can end the run with
 * {@link TrainingProgress#requestStop}.
 */
public interface TrainingListener {

    /** After step {@link TrainingProgress#iteration()}, its parameters update applied. */
    default void iterationEnd(TrainingProgress progress) {
    }

    /** After the last step of an epoch and, with dev data, after the dev cost was evaluated. */
    default void epochEnd(TrainingProgress progress) {
    }

    /** Runs {@code action} after every {@code every}-th iteration (e.g. to print the cost every 100 iterations). */
    static TrainingListener everyIterations(int every, Consumer<TrainingProgress> action) {
        if (every <= 0) {
            throw new IllegalArgumentException("a listener runs every n >= 1 iterations, was " + every);
        }
        if (action == null) {
            throw new IllegalArgumentException("the listener's action is null");
        }
        return new TrainingListener() {
            @Override
            public void iterationEnd(TrainingProgress progress) {
                if (progress.iteration() % every == 0) {
                    action.accept(progress);
                }
            }
        };
    }

    /** Runs {@code action} at the end of every epoch. */
    static TrainingListener atEpochEnd(Consumer<TrainingProgress> action) {
        if (action == null) {
            throw new IllegalArgumentException("the listener's action is null");
        }
        return new TrainingListener() {
            @Override
            public void epochEnd(TrainingProgress progress) {
                action.accept(progress);
            }
        };
    }
}
