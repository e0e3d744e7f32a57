package dev.netsmith.processor.spec;

/**
 * The {@code @GradientCheck} settings, or their defaults when the annotation is absent.
 *
 * @param declared  whether the annotation was present
 * @param epsilon   ε of the central difference
 * @param passBelow differences below pass
 * @param failAbove differences above fail
 */
public record CheckSpec(boolean declared, double epsilon, double passBelow, double failAbove) {

    /** The course's values: ε = 1e-7, pass below 1e-7, fail above 1e-3. */
    public static final CheckSpec DEFAULTS = new CheckSpec(false, 1e-7, 1e-7, 1e-3);
}
