package dev.netsmith.processor.codegen;

/** relu(z) = max(0, z); relu'(z) = 1 for z &gt; 0, else 0. */
final class ReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "relu";
    }

    @Override
    public String value(String z) {
        return "Math.max(0.0, " + z + ")";
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return "(" + z + " > 0.0 ? " + upstream + " : 0.0)";
    }

    @Override
    public boolean hasKink() {
        return true;
    }
}
