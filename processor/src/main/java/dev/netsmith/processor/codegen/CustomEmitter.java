package dev.netsmith.processor.codegen;

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
    public String value(String z) {
        return instance + ".value(" + z + ")";
    }

    @Override
    public String derivativeTimes(String upstream, String z, String a) {
        return "(" + upstream + " * " + instance + ".derivative(" + z + ", " + a + "))";
    }
}
