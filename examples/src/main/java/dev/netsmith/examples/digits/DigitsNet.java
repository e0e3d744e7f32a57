package dev.netsmith.examples.digits;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.GradientCheck;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/**
 * 8 × 8 pixel counts → one of ten digits, with L2 and dropout against overfitting 1078 training images.
 *
 * <p>The check uses ε = 1e-6 rather than the course's 1e-7: once trained, this network's gradient is small
 * (‖g‖ ≈ 0.07 on the check batch) and the rounding error of (J(θ+ε) − J(θ−ε)) / 2ε, which grows as 1/ε,
 * reaches the pass threshold at 1e-7 (a difference of 1.05e-7, falling to 1.06e-8 at 1e-6 and 1.07e-9 at
 * 1e-5, as rounding error does).
 */
@GradientCheck(epsilon = 1e-6)
@Network(inputs = 64, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
@Dense(units = 32, activation = Activation.RELU, keepProb = 0.8)
@Dense(units = 16, activation = Activation.RELU, keepProb = 0.8)
@Dense(units = 10, activation = Activation.SOFTMAX)
public interface DigitsNet {}
