package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** N4 of the benchmark suite: an MNIST-sized network, 784 → 128 relu → 64 relu → 10 softmax (m = 1,000). */
@Network(inputs = 784, loss = Loss.SOFTMAX_CROSS_ENTROPY)
@Dense(units = 128, activation = Activation.RELU)
@Dense(units = 64, activation = Activation.RELU)
@Dense(units = 10, activation = Activation.SOFTMAX)
public interface MnistShape {}
