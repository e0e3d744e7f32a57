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

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("($L > 0.0 ? $L : 0.0)", z, upstream);
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
