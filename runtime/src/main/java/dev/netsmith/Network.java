package dev.netsmith;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a feed-forward network on an interface or abstract class. The layers follow as
 * {@link Dense} annotations in declaration order; the Netsmith annotation processor generates
 * {@code T_Forward}, {@code T_Backward}, {@code T_Cost}, {@code T_GradientCheck} and the facade {@code T_Model}.
 *
 * <pre>{@code
 * @Network(inputs = 64, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
 * @Dense(units = 32, activation = Activation.RELU, keepProb = 0.8)
 * @Dense(units = 10, activation = Activation.SOFTMAX)
 * public interface DigitsNet {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Network {

    /** Number of input features n0 (rows of X). */
    int inputs();

    /** The loss; it fixes the output layer's activation (see {@link Loss}). */
    Loss loss();

    /** L2 regularisation strength λ: the cost gains (λ / 2m)·Σ‖W[l]‖². Zero turns it off. */
    double l2() default 0.0;

    /** Weight initialisation; {@link Init#AUTO} picks He for the ReLU family and Xavier otherwise, per layer. */
    Init init() default Init.AUTO;
}
