package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
/** σ(z) = 1 / (1 + e^−z); σ'(z) = a·(1 − a). */
final class SigmoidEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("(1.0 / (1.0 + $T.exp(-$L)))", Math.class, z);
    }

    @Override
    public CodeBlock applyToRowVector(String z, String a) {
        return VectorBranch.call("sigmoid", z + ", " + a + ", m");
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("($L * $L * (1.0 - $L))", upstream, a, a);
    }
}
