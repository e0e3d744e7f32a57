package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0. */
final class ReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$T.max(0.0, $L)", Math.class, z);
    }

    /** upstream·H(z) with the branch-free step, which C2 vectorises (a comparison here is a mispredicted branch). */
    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("$L * $T.step($L)", upstream, ACTIVATIONS, z);
    }

    @Override
    public CodeBlock derivativeRowVector(String upstream, String mask, String z, String dz) {
        return VectorBranch.call("piecewiseLinearBackward", String.join(", ", upstream, mask, z, "0.0", dz, "m"));
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
