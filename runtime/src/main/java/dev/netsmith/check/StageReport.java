package dev.netsmith.check;

/**
 * The check made at one stage of a training run.
 *
 * @param iteration the optimizer steps completed when it ran (0: at initialisation)
 * @param report    what it found
 */
public record StageReport(long iteration, GradientCheckReport report) {

    /** "at initialisation" or "after 1,000 iterations". */
    public String label() {
        return iteration == 0 ? "at initialisation" : String.format(java.util.Locale.ROOT, "after %,d iterations", iteration);
    }
}
