package dev.netsmith.processor.codegen;

/** leaky(z) = z for z &gt; 0, else 0.01·z; its derivative is 1 or 0.01. */
final class LeakyReluEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "leaky_relu";
    }

    @Override
    public String value(String z) {
        return "(" + z + " > 0.0 ? " + z + " : " + LEAKY_SLOPE + " * " + z + ")";
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return "(" + z + " > 0.0 ? " + upstream + " : " + LEAKY_SLOPE + " * " + upstream + ")";
    }

    @Override
    public boolean hasKink() {
        return true;
    }
}
