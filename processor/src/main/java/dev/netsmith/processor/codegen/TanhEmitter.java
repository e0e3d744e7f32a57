package dev.netsmith.processor.codegen;

/** tanh(z); tanh'(z) = 1 − a². */
final class TanhEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "tanh";
    }

    @Override
    public String value(String z) {
        return "Math.tanh(" + z + ")";
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return "(" + upstream + " * (1.0 - " + a + " * " + a + "))";
    }
}
