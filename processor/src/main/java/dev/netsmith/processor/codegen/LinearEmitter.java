package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** The identity: a = z, derivative 1. */
final class LinearEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public String value(String z) {
        return z;
    }

    @Override
    public CodeBlock applyToRow(String z, String a) {
        return CodeBlock.builder().addStatement("System.arraycopy($L, 0, $L, 0, m)", z, a).build();
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return upstream;
    }
}
