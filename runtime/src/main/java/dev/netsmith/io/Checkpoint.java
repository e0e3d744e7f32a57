package dev.netsmith.io;

import dev.netsmith.train.OptimizerState;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Parameters;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Everything needed to use a trained model or to resume its training: the parameters, the network's
 * fingerprint and canonical form (so that a checkpoint is never loaded into another network), the input
 * standardisation the model was trained with, the class or label names, and the optimizer's state.
 * Immutable; the {@code with…} methods return a changed copy. Arrays are kept, not copied.
 */
public final class Checkpoint {

    /**
     * The standardisation applied to inputs before training, x' = (x − mean) / scale per feature, which must
     * be applied again to any input given to the model.
     *
     * @param means  one mean per input feature
     * @param scales one scale per input feature
     */
    public record Standardization(double[] means, double[] scales) {
        public Standardization {
            if (means.length != scales.length) {
                throw new IllegalArgumentException(means.length + " means but " + scales.length + " scales");
            }
        }
    }

    private final Parameters parameters;
    private final String fingerprint;
    private final String canonicalForm;
    private final List<String> labels;
    private final Standardization standardization;
    private final OptimizerState optimizer;

    private Checkpoint(Parameters parameters, String fingerprint, String canonicalForm, List<String> labels,
                       Standardization standardization, OptimizerState optimizer) {
        this.parameters = parameters;
        this.fingerprint = fingerprint;
        this.canonicalForm = canonicalForm;
        this.labels = labels;
        this.standardization = standardization;
        this.optimizer = optimizer;
    }

    /** A checkpoint of a network's parameters, with no labels, standardisation or optimizer state yet. */
    public static Checkpoint of(Architecture architecture, Parameters parameters) {
        if (!Arrays.equals(architecture.sizes(), parameters.layout().sizes())) {
            throw new IllegalArgumentException("parameters of sizes " + Arrays.toString(parameters.layout().sizes())
                    + " do not fit " + architecture);
        }
        return new Checkpoint(parameters, architecture.fingerprint(), architecture.canonicalForm(), List.of(), null, null);
    }

    /** The class or label names, e.g. one per softmax output. */
    public Checkpoint withLabels(List<String> labels) {
        return new Checkpoint(parameters, fingerprint, canonicalForm, List.copyOf(labels), standardization, optimizer);
    }

    /** The inputs' standardisation: one mean and one scale per input feature. */
    public Checkpoint withStandardization(double[] means, double[] scales) {
        int inputs = parameters.layout().units(0);
        if (means.length != inputs || scales.length != inputs) {
            throw new IllegalArgumentException("the network has " + inputs + " inputs; got " + means.length + " means and "
                    + scales.length + " scales");
        }
        return new Checkpoint(parameters, fingerprint, canonicalForm, labels, new Standardization(means, scales), optimizer);
    }

    /** The optimizer's state, to resume training. */
    public Checkpoint withOptimizer(OptimizerState optimizer) {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer state is null");
        }
        return new Checkpoint(parameters, fingerprint, canonicalForm, labels, standardization, optimizer);
    }

    public Parameters parameters() {
        return parameters;
    }

    /** {@link Architecture#fingerprint()} of the network the parameters belong to. */
    public String fingerprint() {
        return fingerprint;
    }

    /** {@link Architecture#canonicalForm()} of that network, for messages when fingerprints differ. */
    public String canonicalForm() {
        return canonicalForm;
    }

    /** The label names; empty when none were given. */
    public List<String> labels() {
        return labels;
    }

    public Optional<Standardization> standardization() {
        return Optional.ofNullable(standardization);
    }

    public Optional<OptimizerState> optimizer() {
        return Optional.ofNullable(optimizer);
    }
}
