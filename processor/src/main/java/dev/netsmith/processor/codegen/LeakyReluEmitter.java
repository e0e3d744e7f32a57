package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
/** leaky(z) = z for z &gt; 0, else 0.01·z; its derivative is 1 or 0.01. */
final class LeakyReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "leaky_relu";
    }

    /** max(z, 0.01·z), the same value as the two cases for a slope below 1, without a branch. */
    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$T.max($L, $L * $L)", Math.class, z, LEAKY_SLOPE, z);
    }

    /** upstream·max(H(z), 0.01): the factor is exactly 1 or the slope, without a branch. */
    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("$L * $T.max($T.step($L), $L)", upstream, Math.class, ACTIVATIONS, z, LEAKY_SLOPE);
    }

    @Override
    public CodeBlock applyToRowVector(String z, String a) {
        return VectorBranch.call("leaky", String.join(", ", z, a, LEAKY_SLOPE, "m"));
    }

    @Override
    public CodeBlock derivativeRowVector(String upstream, String mask, String z, String dz) {
        return VectorBranch.call("piecewiseLinearBackward", String.join(", ", upstream, mask, z, LEAKY_SLOPE, dz, "m"));
    }

    @Override
    public boolean hasKink() {
        return true;
    }

    @Override
    public boolean piecewiseLinear() {
        return true;
    }
}
