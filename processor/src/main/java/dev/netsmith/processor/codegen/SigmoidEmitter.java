package dev.netsmith.processor.codegen;

/** σ(z) = 1 / (1 + e^−z); σ'(z) = a·(1 − a). */
final class SigmoidEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "sigmoid";
    }

    @Override
    public String value(String z) {
        return "1.0 / (1.0 + Math.exp(-" + z + "))";
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return "(" + upstream + " * " + a + " * (1.0 - " + a + "))";
    }
}
