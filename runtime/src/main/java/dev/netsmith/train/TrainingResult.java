package dev.netsmith.train;

import dev.netsmith.runtime.Parameters;
import java.time.Duration;

/**
 * The outcome of {@link Trainer#fit}.
 *
 * @param parameters     the trained parameters (a new object; the ones passed in are not changed). With early
 *                       stopping they are the best on the dev set; after divergence, the last finite ones
 * @param stopReason     why the run ended
 * @param message        a sentence saying why, with the numbers (for divergence: where, the cost, a hint)
 * @param iterations     steps taken in total, t, including those before a resume
 * @param epochs         epochs completed in total
 * @param history        the recorded training and dev costs of this run
 * @param optimizerState the optimizer's state after the last step, to resume from with {@link Trainer#resume}
 *                       (after divergence it matches the returned parameters unless the failure was a
 *                       non-finite update, which the state has already absorbed)
 * @param wallTime       how long the run took
 */
public record TrainingResult(Parameters parameters, StopReason stopReason, String message, long iterations, int epochs,
                             CostHistory history, OptimizerState optimizerState, Duration wallTime) {

    @Override
    public String toString() {
        return message + " (" + iterations + " iterations, " + epochs + " epochs, " + wallTime.toMillis() + " ms)";
    }
}
