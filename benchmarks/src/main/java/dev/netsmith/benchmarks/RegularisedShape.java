package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** N2 of the benchmark suite: the course's regularisation network, 2 → 20 relu → 3 relu → 1 sigmoid, λ = 0.7 (m = 211). */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY, l2 = 0.7)
@Dense(units = 20, activation = Activation.RELU)
@Dense(units = 3, activation = Activation.RELU)
@Dense(units = 1, activation = Activation.SIGMOID)
public interface RegularisedShape {}
