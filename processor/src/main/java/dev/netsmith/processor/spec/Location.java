package dev.netsmith.processor.spec;

/**
 * Where in a declaration a diagnostic belongs, independent of javax.lang.model: the annotated type itself, an
 * attribute of {@code @Network} or {@code @GradientCheck}, or an attribute of the n-th {@code @Dense}.
 *
 * @param target    which annotation, or the type
 * @param layer     1-based layer for {@link Target#DENSE}, else 0
 * @param attribute the attribute name, or {@code null} for the annotation as a whole
 */
public record Location(Target target, int layer, String attribute) {

    /** The parts of a declaration a diagnostic can point at. */
    public enum Target { TYPE, NETWORK, DENSE, GRADIENT_CHECK }

    public static Location type() {
        return new Location(Target.TYPE, 0, null);
    }

    public static Location network(String attribute) {
        return new Location(Target.NETWORK, 0, attribute);
    }

    public static Location dense(int layer, String attribute) {
        return new Location(Target.DENSE, layer, attribute);
    }

    public static Location gradientCheck(String attribute) {
        return new Location(Target.GRADIENT_CHECK, 0, attribute);
    }
}
