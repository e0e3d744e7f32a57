package dev.netsmith.examples.digits;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** 8 × 8 pixel counts → one of ten digits, with L2 and dropout against overfitting 1078 training images. */
@Network(inputs = 64, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
@Dense(units = 32, activation = Activation.RELU, keepProb = 0.8)
@Dense(units = 16, activation = Activation.RELU, keepProb = 0.8)
@Dense(units = 10, activation = Activation.SOFTMAX)
public interface DigitsNet {}
