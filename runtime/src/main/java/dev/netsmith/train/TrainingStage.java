package dev.netsmith.train;

/**
 * Work that runs at chosen iteration counts only, never every iteration: staged gradient checks (at
 * initialisation, then after training has moved the parameters away from their start) plug in here through
 * {@link Trainer#checks}. Iteration counts are steps completed, so 0 runs before the first step. The trainer
 * asks for the next count once at the start and once after each run, and compares it with its step count,
 * so a stage costs nothing between its runs.
 */
public interface TrainingStage {

    /** Returned by {@link #nextAt} when the stage has no more runs. */
    long NEVER = Long.MAX_VALUE;

    /** The smallest iteration count ≥ {@code from} at which to run, or {@link #NEVER}. */
    long nextAt(long from);

    /**
     * Whether to run once more when training ends, on the parameters it returns, unless it has just run at
     * that iteration count. Divergence ends a run without it: its parameters are not the trained ones.
     */
    default boolean atEnd() {
        return false;
    }

    /**
     * Runs at an iteration count {@link #nextAt} named, or at the end. The parameters are the live ones: work on a copy to
     * perturb them. A failing stage may stop the run with {@link TrainingProgress#requestStop}.
     */
    void run(TrainingProgress progress);
}
