package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
/** tanh(z); tanh'(z) = 1 − a². */
final class TanhEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$T.tanh($L)", Math.class, z);
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("($L * (1.0 - $L * $L))", upstream, a, a);
    }
}
