package dev.netsmith.processor.testing;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.Activation;
import dev.netsmith.Loss;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;

/**
 * The networks most generated-code tests share, compiled once per test run: every hidden activation × loss
 * with and without L2 (hidden layers with dropout declared), plus a few special shapes.
 */
public final class TestNetworks {

    /** The hidden activations covered. */
    public static final List<Activation> HIDDEN = List.of(Activation.RELU, Activation.LEAKY_RELU, Activation.TANH,
            Activation.SIGMOID, Activation.LINEAR, Activation.CUSTOM);

    /** A declared network: its nested-interface name in {@code nets.Nets} and its annotations. */
    public record Declared(String name, String annotations) {
        /** The prefix of its generated classes. */
        public String qualifiedPrefix() {
            return "nets.Nets_" + name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** swish(z) = z·σ(z), with its correct derivative. */
    public static final String SWISH = """
            package nets;

            /** swish(z) = z·σ(z), smooth and non-monotonic. */
            public class Swish implements dev.netsmith.ActivationFunction {
                public double value(double z) {
                    return z / (1 + Math.exp(-z));
                }

                public double derivative(double z, double a) {
                    double s = 1 / (1 + Math.exp(-z));
                    return s + z * s * (1 - s);
                }
            }
            """;

    private static GeneratedClasses generated;

    private TestNetworks() {
    }

    public static List<Declared> declarations() {
        List<Declared> nets = new ArrayList<>();
        for (Activation hidden : HIDDEN) {
            for (Loss loss : Loss.values()) {
                for (double l2 : new double[] {0, 0.7}) {
                    String name = camel(hidden.name()) + camel(loss.name()) + (l2 > 0 ? "L2" : "");
                    int outputs = loss == Loss.SOFTMAX_CROSS_ENTROPY ? 3 : 2;
                    nets.add(new Declared(name, network(7, loss, l2)
                            + dense(9, hidden, 0.75) + dense(5, hidden, 0.6) + dense(outputs, loss.outputActivation(), 1)));
                }
            }
        }
        nets.add(new Declared("Logistic", network(3, Loss.BINARY_CROSS_ENTROPY, 0.1) + dense(1, Activation.SIGMOID, 1)));
        nets.add(new Declared("Planar", network(2, Loss.BINARY_CROSS_ENTROPY, 0) + dense(4, Activation.TANH, 1)
                + dense(1, Activation.SIGMOID, 1)));
        // 887 inputs: summed in blocks of rows (256 or more), 3 left over after the fours; with m = 37 the block
        // is 884 rows, so the rows left over come in a block of their own
        nets.add(new Declared("WideInput", network(887, Loss.BINARY_CROSS_ENTROPY, 0.01)
                + dense(6, Activation.RELU, 0.8) + dense(1, Activation.SIGMOID, 1)));
        nets.add(new Declared("Wide", network(13, Loss.SOFTMAX_CROSS_ENTROPY, 0.05)
                + dense(12, Activation.RELU, 0.9) + dense(8, Activation.LEAKY_RELU, 1) + dense(4, Activation.SOFTMAX, 1)));
        return nets;
    }

    /** The compiled networks (compiled on first use). */
    public static synchronized GeneratedClasses generated() {
        if (generated == null) {
            generated = GeneratedClasses.process(sources());
        }
        return generated;
    }

    /** The sources of the shared networks. */
    public static JavaFileObject[] sources() {
        StringBuilder nets = new StringBuilder("package nets;\n\nimport dev.netsmith.*;\n\npublic interface Nets {\n");
        for (Declared d : declarations()) {
            nets.append(d.annotations()).append("interface ").append(d.name()).append(" {}\n\n");
        }
        nets.append("}\n");
        return new JavaFileObject[] {JavaFileObjects.forSourceString("nets.Nets", nets.toString()),
                JavaFileObjects.forSourceString("nets.Swish", SWISH)};
    }

    public static String network(int inputs, Loss loss, double l2) {
        return String.format(Locale.ROOT, "@Network(inputs = %d, loss = Loss.%s, l2 = %s)%n", inputs, loss, l2);
    }

    public static String dense(int units, Activation activation, double keep) {
        return String.format(Locale.ROOT, "@Dense(units = %d, activation = Activation.%s%s%s)%n", units, activation,
                keep < 1 ? ", keepProb = " + keep : "", activation == Activation.CUSTOM ? ", custom = Swish.class" : "");
    }

    private static String camel(String constant) {
        StringBuilder s = new StringBuilder();
        for (String part : constant.split("_")) {
            s.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
        }
        return s.toString();
    }
}
