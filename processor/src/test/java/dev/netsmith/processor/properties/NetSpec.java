package dev.netsmith.processor.properties;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A network declaration as plain data, the way a user could write it (valid or not), rendered to annotation
 * source by {@link #annotations()}. The property tests generate these and compile many of them at once
 * ({@link SpecBatch}).
 *
 * @param inputs          {@code @Network(inputs)}
 * @param loss            {@code @Network(loss)}
 * @param l2              {@code @Network(l2)}; NaN and infinities are rendered as {@code Double.NaN} etc.
 * @param init            {@code @Network(init)}
 * @param layers          the {@code @Dense} annotations in order (possibly none)
 * @param check           the {@code @GradientCheck}, or null for none
 * @param suppressWarnings whether the type carries {@code @SuppressWarnings("netsmith")}
 * @param seed            seeds the network's initialisation, data and training in the property tests
 */
public record NetSpec(int inputs, Loss loss, double l2, Init init, List<Layer> layers, Check check, boolean suppressWarnings,
                      long seed) {

    /**
     * One {@code @Dense}.
     *
     * @param units      {@code units}
     * @param activation {@code activation}
     * @param keepProb   {@code keepProb}; rendered only when it is not exactly 1
     * @param custom     the simple name of a class nested in {@code props.Activations} for {@code custom}, or null
     */
    public record Layer(int units, Activation activation, double keepProb, String custom) {

        public Layer withUnits(int u) {
            return new Layer(u, activation, keepProb, custom);
        }

        public Layer withActivation(Activation a, String c) {
            return new Layer(units, a, keepProb, c);
        }

        public Layer withKeepProb(double k) {
            return new Layer(units, activation, k, custom);
        }

        String annotation() {
            StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "@Dense(units = %d, activation = Activation.%s", units, activation));
            if (Double.compare(keepProb, 1.0) != 0) {
                s.append(", keepProb = ").append(literal(keepProb));
            }
            if (custom != null) {
                s.append(", custom = ").append(customReference(custom));
            }
            return s.append(')').toString();
        }
    }

    /** One {@code @GradientCheck}. */
    public record Check(double epsilon, double passBelow, double failAbove) {

        String annotation() {
            return "@GradientCheck(epsilon = " + literal(epsilon) + ", passBelow = " + literal(passBelow) + ", failAbove = "
                    + literal(failAbove) + ")";
        }
    }

    public NetSpec {
        layers = List.copyOf(layers);
    }

    public int depth() {
        return layers.size();
    }

    public Layer layer(int l) {
        return layers.get(l - 1);
    }

    public Layer output() {
        return layers.get(layers.size() - 1);
    }

    /** W and b of every layer. */
    public long parameterCount() {
        long count = 0;
        long previous = inputs;
        for (Layer layer : layers) {
            count += layer.units() * previous + layer.units();
            previous = layer.units();
        }
        return count;
    }

    public NetSpec withInputs(int n) {
        return new NetSpec(n, loss, l2, init, layers, check, suppressWarnings, seed);
    }

    public NetSpec withLoss(Loss l) {
        return new NetSpec(inputs, l, l2, init, layers, check, suppressWarnings, seed);
    }

    public NetSpec withL2(double lambda) {
        return new NetSpec(inputs, loss, lambda, init, layers, check, suppressWarnings, seed);
    }

    public NetSpec withLayers(List<Layer> replaced) {
        return new NetSpec(inputs, loss, l2, init, replaced, check, suppressWarnings, seed);
    }

    public NetSpec withCheck(Check c) {
        return new NetSpec(inputs, loss, l2, init, layers, c, suppressWarnings, seed);
    }

    /** The same declaration with layer {@code l} (1-based) replaced. */
    public NetSpec withLayer(int l, Layer layer) {
        List<Layer> replaced = new ArrayList<>(layers);
        replaced.set(l - 1, layer);
        return withLayers(replaced);
    }

    /** The annotations, one per line, as they precede {@code interface Name {}}. */
    public List<String> annotations() {
        List<String> lines = new ArrayList<>();
        if (suppressWarnings) {
            lines.add("@SuppressWarnings(\"netsmith\")");
        }
        lines.add(String.format(Locale.ROOT, "@Network(inputs = %d, loss = Loss.%s, l2 = %s, init = Init.%s)", inputs, loss,
                literal(l2), init));
        for (Layer layer : layers) {
            lines.add(layer.annotation());
        }
        if (check != null) {
            lines.add(check.annotation());
        }
        return lines;
    }

    /**
     * A diagnostic as a test expects it: its id, and the annotation value it points at.
     *
     * @param id         e.g. {@code Netsmith.KeepProb}
     * @param annotation {@code "@Network"}, {@code "@Dense"} or {@code "@GradientCheck"}
     * @param layer      for {@code @Dense} the 1-based layer, else 0
     * @param attribute  the attribute whose value it points at, or null for the annotation as a whole
     */
    public record Expected(String id, String annotation, int layer, String attribute) {

        public static Expected onNetwork(String id, String attribute) {
            return new Expected(id, "@Network", 0, attribute);
        }

        public static Expected onDense(String id, int layer, String attribute) {
            return new Expected(id, "@Dense", layer, attribute);
        }

        public static Expected onCheck(String id, String attribute) {
            return new Expected(id, "@GradientCheck", 0, attribute);
        }

        @Override
        public String toString() {
            return "[" + id + "] on " + annotation + (layer > 0 ? " of layer " + layer : "")
                    + (attribute == null ? "" : " (" + attribute + ")");
        }
    }

    /**
     * The warnings the processor must report for this declaration: {@code ReluXavier} on {@code init} once per
     * ReLU-family layer under {@code init = XAVIER}, {@code EpsilonFar} on a valid ε outside [1e-8, 1e-6]; none when
     * suppressed.
     */
    public List<Expected> expectedWarnings() {
        List<Expected> warnings = new ArrayList<>();
        if (suppressWarnings) {
            return warnings;
        }
        if (init == Init.XAVIER) {
            for (Layer layer : layers) {
                if (layer.activation().isReluFamily()) {
                    warnings.add(Expected.onNetwork("Netsmith.ReluXavier", "init"));
                }
            }
        }
        if (check != null && check.epsilon() > 0 && check.epsilon() <= 1e-2 && (check.epsilon() < 1e-8 || check.epsilon() > 1e-6)) {
            warnings.add(Expected.onCheck("Netsmith.EpsilonFar", "epsilon"));
        }
        return warnings;
    }

    /** A Java expression for a double annotation value. */
    static String literal(double value) {
        if (Double.isNaN(value)) {
            return "Double.NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
        }
        return Double.toString(value);
    }

    /** How a declaration names a class of {@code props.Activations} (or the interface itself). */
    static String customReference(String simpleName) {
        return simpleName.equals("ActivationFunction") ? "ActivationFunction.class" : "Activations." + simpleName + ".class";
    }
}
