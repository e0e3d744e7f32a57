package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** N3 of the benchmark suite: the digits network's shape, 64 → 32 relu → 16 relu → 10 softmax. */
@Network(inputs = 64, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
@Dense(units = 32, activation = Activation.RELU)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
public interface DigitsShape {}
