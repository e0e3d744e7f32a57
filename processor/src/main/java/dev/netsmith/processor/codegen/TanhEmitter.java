package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
/** tanh(z), from one exp (see {@code Activations.tanh}); tanh'(z) = 1 − a². */
final class TanhEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$T.tanh($L)", ACTIVATIONS, z);
    }

    @Override
    public CodeBlock applyToRowVector(String z, String a) {
        return VectorBranch.call("tanh", z + ", " + a + ", m");
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("($L * (1.0 - $L * $L))", upstream, a, a);
    }
}
