package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** The identity: a = z, derivative 1. */
final class LinearEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$L", z);
    }

    @Override
    public CodeBlock applyToRow(String z, String a) {
        return CodeBlock.builder().addStatement("$T.arraycopy($L, 0, $L, 0, m)", System.class, z, a).build();
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("$L", upstream);
    }

    @Override
    public boolean piecewiseLinear() {
        return true;
    }
}
