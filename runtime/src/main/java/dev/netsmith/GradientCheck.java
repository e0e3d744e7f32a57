package dev.netsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Compile-time defaults of the network's gradient check. Run-time check options may override them.
 * The difference reported is ‖g − ĝ‖₂ / (‖g‖₂ + ‖ĝ‖₂) between the analytic gradient g and the central-difference
 * estimate ĝ; below {@link #passBelow()} passes, above {@link #failAbove()} fails, and in between warns.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface GradientCheck {

    /** Perturbation of the central difference (J(θ+ε) − J(θ−ε)) / 2ε; must be in (0, 1e-2]. */
    double epsilon() default 1e-7;

    /** A difference below this passes. */
    double passBelow() default 1e-7;

    /** A difference above this fails; must be greater than {@link #passBelow()}. */
    double failAbove() default 1e-3;
}
