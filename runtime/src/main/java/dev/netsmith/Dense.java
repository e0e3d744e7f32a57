package dev.netsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * One fully connected layer: Z = W·A_prev + b, A = g(Z), then inverted dropout when
 * {@link #keepProb()} is below 1. Repeat it once per layer, input side first; the last one is the output layer.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Dense.List.class)
public @interface Dense {

    /** Number of units n_l (rows of W, b, Z and A). */
    int units();

    /** The activation g. */
    Activation activation();

    /**
     * Probability of keeping a unit during training (inverted dropout). 1 turns dropout off; the output
     * layer must keep 1. Run-time {@code Dropout} settings may override it.
     */
    double keepProb() default 1.0;

    /**
     * The activation's implementation when {@link #activation()} is {@link Activation#CUSTOM}: a public class
     * with a public no-argument constructor implementing {@link ActivationFunction}. The default,
     * {@code ActivationFunction.class}, means none.
     */
    Class<? extends ActivationFunction> custom() default ActivationFunction.class;

    /** Container of repeated {@link Dense} annotations; written by the compiler, not by hand. */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @interface List {
        Dense[] value();
    }
}
