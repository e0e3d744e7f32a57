package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0. */
final class ReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public CodeBlock applyToRow(String z, String a) {
        return ActivationEmitter.elementwise(z, a, "Math.max(0.0, $z)");
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return z + " > 0.0 ? " + upstream + " : 0.0";
    }

    @Override
    public boolean hasKink() {
        return true;
    }
}
