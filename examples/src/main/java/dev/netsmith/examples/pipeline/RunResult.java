package dev.netsmith.examples.pipeline;

import dev.netsmith.check.StageReport;
import dev.netsmith.train.TrainingResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What one pass through the {@link Pipeline} produced.
 *
 * @param name     the recipe's name
 * @param checks   the staged gradient checks, at initialisation first
 * @param training the training run
 * @param scores   the scores of the trained network; empty when a failing check stopped training before its first step
 * @param files    the files written, in the order written
 */
public record RunResult(String name, List<StageReport> checks, TrainingResult training, Optional<Scores> scores,
                        List<Path> files) {

    public RunResult {
        checks = List.copyOf(checks);
        files = List.copyOf(files);
    }

    /** Whether every staged check passed. */
    public boolean checksPassed() {
        return checks.stream().allMatch(stage -> stage.report().passed());
    }
}
