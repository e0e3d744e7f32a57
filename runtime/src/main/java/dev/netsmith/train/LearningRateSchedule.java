package dev.netsmith.train;

/**
 * The learning rate as a function of the epoch, t = the number of epochs completed (0 during the first epoch),
 * as in the course notes' α = α0 / (1 + decay_rate · epoch_num). Counting epochs rather than iterations keeps
 * the rate constant within an epoch, so that a schedule means the same whatever the batch size. The trainer
 * asks once per epoch and rejects a rate that is not positive and finite.
 */
@FunctionalInterface
public interface LearningRateSchedule {

    /** The learning rate for epoch {@code epoch} (0-based) given the trainer's initial rate α0. */
    double rate(double initialRate, int epoch);

    /** α = α0 (the default). */
    static LearningRateSchedule constant() {
        return (initialRate, epoch) -> initialRate;
    }

    /** Inverse-time decay α = α0 / (1 + k·t). */
    static LearningRateSchedule inverseTime(double decayRate) {
        if (!(decayRate >= 0 && decayRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("decay rate must be finite and >= 0, was " + decayRate);
        }
        return (initialRate, epoch) -> initialRate / (1 + decayRate * epoch);
    }

    /** Step decay α = α0 · factor^⌊t / every⌋: the rate is multiplied by {@code factor} every {@code every} epochs. */
    static LearningRateSchedule step(double factor, int every) {
        requireFactor("step factor", factor);
        if (every <= 0) {
            throw new IllegalArgumentException("step decay needs a period of at least 1 epoch, was " + every);
        }
        return (initialRate, epoch) -> initialRate * Math.pow(factor, epoch / every);
    }

    /** Exponential decay α = α0 · base^t, e.g. the course's 0.95^epoch_num · α0. */
    static LearningRateSchedule exponential(double base) {
        requireFactor("exponential base", base);
        return (initialRate, epoch) -> initialRate * Math.pow(base, epoch);
    }

    private static void requireFactor(String name, double value) {
        if (!(value > 0 && value <= 1)) {
            throw new IllegalArgumentException(name + " must be in (0, 1], was " + value);
        }
    }
}
