package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** leaky(z) = z for z &gt; 0, else 0.01·z; its derivative is 1 or 0.01. */
final class LeakyReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public CodeBlock applyToRow(String z, String a) {
        return ActivationEmitter.elementwise(z, a, "$z > 0.0 ? $z : " + LEAKY_SLOPE + " * $z");
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return z + " > 0.0 ? " + upstream + " : " + LEAKY_SLOPE + " * " + upstream;
    }

    @Override
    public boolean hasKink() {
        return true;
    }
}
