package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** A user's {@code ActivationFunction}, called directly through the model's single instance (no reflection). */
final class CustomEmitter implements ActivationEmitter {

    private final String instance;
    private final String className;

    CustomEmitter(int layer, String className) {
        this.instance = Names.customActivation(layer);
        this.className = className;
    }

    @Override
    public String name() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$L.value($L)", instance, z);
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("($L * $L.derivative($L, $L))", upstream, instance, z, a);
    }
}
