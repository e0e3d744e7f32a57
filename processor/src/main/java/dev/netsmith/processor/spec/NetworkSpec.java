package dev.netsmith.processor.spec;

import dev.netsmith.Init;
import dev.netsmith.Loss;
import java.math.BigInteger;
import java.util.List;

/**
 * A {@code @Network} declaration read into plain values: everything validation checks and the emitters
 * generate from, with no javax.lang.model types.
 *
 * @param packageName   the package of the declaring type ("" for the unnamed package)
 * @param qualifiedName the declaring type's canonical name
 * @param prefix        the generated classes' common prefix: {@code Outer_Inner} for {@code Outer.Inner}
 * @param target        facts about the declaring type
 * @param inputs        n0
 * @param loss          the loss
 * @param l2            λ
 * @param init          the declared initialisation
 * @param layers        the layers in declaration order
 * @param check         the gradient-check settings
 * @param suppressWarnings whether {@code @SuppressWarnings("netsmith")} silences Netsmith's warnings
 * @param takenNames    generated names already used by other source types in the compilation
 */
public record NetworkSpec(String packageName, String qualifiedName, String prefix, TypeFacts target, int inputs,
                          Loss loss, double l2, Init init, List<LayerSpec> layers, CheckSpec check,
                          boolean suppressWarnings, List<String> takenNames) {

    /** Suffixes of the generated classes, in the order they are written. */
    public static final List<String> GENERATED_SUFFIXES = List.of("_Forward", "_Backward", "_Cost", "_GradientCheck", "_Model");

    public NetworkSpec {
        layers = List.copyOf(layers);
        takenNames = List.copyOf(takenNames);
    }

    /** L. */
    public int depth() {
        return layers.size();
    }

    /** Layer l, 1-based. */
    public LayerSpec layer(int l) {
        return layers.get(l - 1);
    }

    /** The output layer. */
    public LayerSpec output() {
        return layers.get(layers.size() - 1);
    }

    /** n_l for l in 0..L. */
    public int units(int l) {
        return l == 0 ? inputs : layer(l).units();
    }

    /** The simple names of every generated class. */
    public List<String> generatedNames() {
        return GENERATED_SUFFIXES.stream().map(s -> prefix + s).toList();
    }

    /**
     * Number of parameters, Σ n_l·(n_{l-1} + 1). Validation ensures it fits a Java array (so an int) before
     * anything is generated; for an absurd declaration whose count exceeds a long it is {@link Long#MAX_VALUE}.
     */
    public long parameterCount() {
        BigInteger count = exactParameterCount();
        return count.bitLength() < Long.SIZE ? count.longValueExact() : Long.MAX_VALUE;
    }

    /** {@link #parameterCount()} without any bound: a few layers of 2^31 units overflow even a long. */
    public BigInteger exactParameterCount() {
        BigInteger count = BigInteger.ZERO;
        for (int l = 1; l <= depth(); l++) {
            count = count.add(BigInteger.valueOf(units(l)).multiply(BigInteger.valueOf((long) units(l - 1) + 1)));
        }
        return count;
    }
}
