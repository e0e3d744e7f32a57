package dev.netsmith.runtime;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * What a network's declaration fixed at compile time: sizes, activations, declared keep probabilities,
 * loss, L2 strength and initialisation. Layer numbers are 1-based as in the course notes: layer 0 is the input.
 * Immutable, so it may be shared by threads.
 *
 * @param name   the declaring type's canonical name
 * @param inputs n0, the number of input features
 * @param layers the dense layers, input side first
 * @param loss   the loss
 * @param l2     λ, the L2 strength (0 for none)
 * @param init   the declared initialisation
 */
public record Architecture(String name, int inputs, List<Layer> layers, Loss loss, double l2, Init init) {

    /**
     * One dense layer.
     *
     * @param units      n_l
     * @param activation its activation
     * @param keepProb   the declared dropout keep probability (1 for none)
     * @param custom     the custom activation's class name, or {@code null} unless {@code activation} is CUSTOM
     */
    public record Layer(int units, Activation activation, double keepProb, String custom) {
        public Layer {
            if (activation == null) {
                throw new IllegalArgumentException("a layer needs an activation, was null");
            }
            if (units <= 0) {
                throw new IllegalArgumentException("a layer needs at least 1 unit, was " + units);
            }
            if (!(keepProb > 0 && keepProb <= 1)) {
                throw new IllegalArgumentException("keepProb must be in (0, 1], was " + keepProb);
            }
            if ((activation == Activation.CUSTOM) != (custom != null)) {
                throw new IllegalArgumentException("a custom class goes with activation CUSTOM and only with it");
            }
        }

        /** A layer with a built-in activation and no dropout. */
        public static Layer of(int units, Activation activation) {
            return new Layer(units, activation, 1.0, null);
        }
    }

    public Architecture {
        if (name == null || loss == null || init == null) {
            throw new IllegalArgumentException("name, loss and init must not be null, were " + name + ", " + loss + ", " + init);
        }
        layers = List.copyOf(layers);
        if (inputs <= 0) {
            throw new IllegalArgumentException("a network needs at least 1 input, was " + inputs);
        }
        if (layers.isEmpty()) {
            throw new IllegalArgumentException("a network needs at least one layer");
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be finite and >= 0, was " + l2);
        }
        l2 += 0.0; // -0.0 becomes 0.0: the same network, so the same canonical form and fingerprint
        int depth = layers.size();
        for (int l = 1; l < depth; l++) {
            if (layers.get(l - 1).activation() == Activation.SOFTMAX) {
                throw new IllegalArgumentException("softmax on hidden layer " + l + ": softmax is for the output layer only");
            }
        }
        Layer output = layers.get(depth - 1);
        if (output.activation() != loss.outputActivation()) {
            throw new IllegalArgumentException("loss " + loss + " needs output activation " + loss.outputActivation()
                    + ", but output layer " + depth + " uses " + output.activation());
        }
        if (output.activation() == Activation.SOFTMAX && output.units() < 2) {
            throw new IllegalArgumentException("softmax output layer " + depth + " has 1 unit; softmax needs at least 2 units");
        }
        if (output.keepProb() != 1.0) {
            throw new IllegalArgumentException("keepProb of layer " + depth + " is " + output.keepProb()
                    + ", but it is the output layer, which keeps every unit");
        }
    }

    /** L, the number of layers (the input does not count). */
    public int depth() {
        return layers.size();
    }

    /** n_l for l in 0..L (n_0 is the number of inputs). */
    public int units(int l) {
        return l == 0 ? inputs : layer(l).units();
    }

    /** Layer l, 1-based. */
    public Layer layer(int l) {
        if (l < 1 || l > layers.size()) {
            throw new IndexOutOfBoundsException("layer " + l + " of a " + layers.size() + "-layer network");
        }
        return layers.get(l - 1);
    }

    /** n_L, the number of output units. */
    public int outputs() {
        return units(depth());
    }

    /** [n0, n1, …, nL]. */
    public int[] sizes() {
        int[] sizes = new int[depth() + 1];
        for (int l = 0; l <= depth(); l++) {
            sizes[l] = units(l);
        }
        return sizes;
    }

    /** The initialisation layer l actually uses ({@link Init#AUTO} resolved). */
    public Init initOf(int l) {
        if (init != Init.AUTO) {
            return init;
        }
        return layer(l).activation().isReluFamily() ? Init.HE : Init.XAVIER;
    }

    /** A stable, human-readable description of everything the fingerprint covers. */
    public String canonicalForm() {
        StringBuilder s = new StringBuilder();
        s.append("inputs=").append(inputs);
        for (Layer layer : layers) {
            s.append(";dense(").append(layer.units()).append(',').append(layer.activation());
            if (layer.custom() != null) {
                s.append(':').append(layer.custom());
            }
            s.append(",keep=").append(String.format(Locale.ROOT, "%s", layer.keepProb())).append(')');
        }
        s.append(";loss=").append(loss).append(";l2=").append(String.format(Locale.ROOT, "%s", l2));
        s.append(";init=").append(init);
        return s.toString();
    }

    /** SHA-256 of {@link #canonicalForm()}, in hex: two declarations agree on it exactly when they build the same network. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalForm().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** The arrow notation used in reports, e.g. {@code 64 → 32 relu → 10 softmax}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(name).append(": ").append(inputs);
        for (Layer layer : layers) {
            s.append(" → ").append(layer.units()).append(' ').append(layer.activation().name().toLowerCase(Locale.ROOT));
            if (layer.keepProb() < 1) {
                s.append(" (keep ").append(layer.keepProb()).append(')');
            }
        }
        s.append(", ").append(loss.name().toLowerCase(Locale.ROOT));
        if (l2 > 0) {
            s.append(", λ = ").append(l2);
        }
        return s.toString();
    }
}
