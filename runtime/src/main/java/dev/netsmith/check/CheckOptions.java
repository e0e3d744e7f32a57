package dev.netsmith.check;

import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;

/**
 * How to run a gradient check. Immutable: every {@code with…} returns a changed copy. The defaults are the
 * course's: ε = 1e-7, pass below 1e-7, fail above 1e-3, every parameter, dropout off.
 */
public final class CheckOptions {

    private static final CheckOptions DEFAULTS = new CheckOptions(1e-7, 1e-7, 1e-3, CheckMode.FULL, 10, 42L,
            Long.MAX_VALUE, Runtime.getRuntime().availableProcessors(), 5, true, Dropout.off(), 8);

    private final double epsilon;
    private final double passBelow;
    private final double failAbove;
    private final CheckMode mode;
    private final int samplesPerTensor;
    private final long seed;
    private final long budget;
    private final int threads;
    private final int worstEntries;
    private final boolean kinkHandling;
    private final Dropout dropout;
    private final int activationSamples;

    private CheckOptions(double epsilon, double passBelow, double failAbove, CheckMode mode, int samplesPerTensor, long seed,
                         long budget, int threads, int worstEntries, boolean kinkHandling, Dropout dropout, int activationSamples) {
        this.epsilon = epsilon;
        this.passBelow = passBelow;
        this.failAbove = failAbove;
        this.mode = mode;
        this.samplesPerTensor = samplesPerTensor;
        this.seed = seed;
        this.budget = budget;
        this.threads = threads;
        this.worstEntries = worstEntries;
        this.kinkHandling = kinkHandling;
        this.dropout = dropout;
        this.activationSamples = activationSamples;
    }

    /** ε = 1e-7, pass below 1e-7, fail above 1e-3, FULL, dropout off, one thread per core. */
    public static CheckOptions defaults() {
        return DEFAULTS;
    }

    /** The perturbation ε of the central difference, in (0, 1e-2]. */
    public CheckOptions withEpsilon(double epsilon) {
        if (!(epsilon > 0 && epsilon <= 1e-2)) {
            throw new IllegalArgumentException("epsilon must be in (0, 1e-2], was " + epsilon);
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** Differences below {@code passBelow} pass, above {@code failAbove} fail, in between warn. */
    public CheckOptions withThresholds(double passBelow, double failAbove) {
        if (!(passBelow > 0) || !(failAbove > 0) || Double.isInfinite(passBelow) || Double.isInfinite(failAbove)) {
            throw new IllegalArgumentException("thresholds must be positive and finite, were " + passBelow + " and " + failAbove);
        }
        if (passBelow >= failAbove) {
            throw new IllegalArgumentException("passBelow (" + passBelow + ") must be below failAbove (" + failAbove + ")");
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** Every parameter. */
    public CheckOptions full() {
        return withMode(CheckMode.FULL, samplesPerTensor);
    }

    /** k seeded-random entries per tensor (every entry of a tensor with at most k). */
    public CheckOptions sampled(int entriesPerTensor) {
        if (entriesPerTensor < 1) {
            throw new IllegalArgumentException("sample at least one entry per tensor, was " + entriesPerTensor);
        }
        return withMode(CheckMode.SAMPLED, entriesPerTensor);
    }

    /** One random direction per tensor, drilling down only into tensors that disagree. */
    public CheckOptions directional() {
        return withMode(CheckMode.DIRECTIONAL, samplesPerTensor);
    }

    private CheckOptions withMode(CheckMode mode, int samples) {
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samples, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** The seed of every random choice (samples, directions), so that a check is reproducible. */
    public CheckOptions withSeed(long seed) {
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** Stops after at most this many cost evaluations; the report then says what it covered. */
    public CheckOptions withBudget(long costEvaluations) {
        if (costEvaluations < 2) {
            throw new IllegalArgumentException("a budget must allow at least one central difference (2 evaluations), was " + costEvaluations);
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, costEvaluations, threads,
                worstEntries, kinkHandling, dropout, activationSamples);
    }

    /** Threads to split parameters across; the report is the same whatever the number. */
    public CheckOptions withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** How many of the worst entries the report lists. */
    public CheckOptions withWorstEntries(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("list at least one worst entry, was " + k);
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, k,
                kinkHandling, dropout, activationSamples);
    }

    /**
     * Whether entries whose perturbation flips the sign of a ReLU pre-activation are set aside as inconclusive
     * (the default) rather than compared.
     */
    public CheckOptions withKinkHandling(boolean on) {
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                on, dropout, activationSamples);
    }

    /** Checks with this recorded dropout mask replayed in every cost evaluation and in backprop. */
    public CheckOptions withFixedMask(DropoutMask mask) {
        return withDropout(Dropout.fixed(mask));
    }

    /**
     * The dropout of the check: off (the default) or a fixed mask. Live random dropout is refused: J(θ+ε) and
     * J(θ−ε) would be evaluated on two different random sub-networks, so their difference would measure the
     * masks' noise, not the gradient.
     */
    public CheckOptions withDropout(Dropout dropout) {
        if (dropout == null) {
            throw new IllegalArgumentException("dropout is null; use Dropout.off()");
        }
        if (dropout.mode() == Dropout.Mode.TRAINING) {
            throw new IllegalArgumentException("a gradient check cannot run with live random dropout: J(θ+ε) and J(θ−ε) would be "
                    + "evaluated with two different random masks, so (J(θ+ε) − J(θ−ε)) / 2ε would measure the masks' noise, "
                    + "not the gradient. Check with dropout off (the default), or record one mask and replay it with "
                    + "withFixedMask(DropoutMask.sample(...)).");
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, activationSamples);
    }

    /** How many entries of each hidden layer's dA the diagnosis checks numerically when something fails. */
    public CheckOptions withActivationSamples(int perLayer) {
        if (perLayer < 0) {
            throw new IllegalArgumentException("activation samples must be >= 0, was " + perLayer);
        }
        return new CheckOptions(epsilon, passBelow, failAbove, mode, samplesPerTensor, seed, budget, threads, worstEntries,
                kinkHandling, dropout, perLayer);
    }

    public double epsilon() {
        return epsilon;
    }

    public double passBelow() {
        return passBelow;
    }

    public double failAbove() {
        return failAbove;
    }

    public CheckMode mode() {
        return mode;
    }

    public int samplesPerTensor() {
        return samplesPerTensor;
    }

    public long seed() {
        return seed;
    }

    public long budget() {
        return budget;
    }

    public int threads() {
        return threads;
    }

    public int worstEntries() {
        return worstEntries;
    }

    public boolean kinkHandling() {
        return kinkHandling;
    }

    public Dropout dropout() {
        return dropout;
    }

    public int activationSamples() {
        return activationSamples;
    }

    /** The verdict of a difference under these thresholds. */
    public Verdict verdictOf(double difference) {
        return Verdict.of(difference, passBelow, failAbove);
    }
}
