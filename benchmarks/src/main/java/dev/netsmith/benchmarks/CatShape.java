package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/**
 * N5 of the benchmark suite: the course's cat classifier, 12288 (64×64×3 pixels) → 20 relu → 7 relu → 5 relu →
 * 1 sigmoid (m = 209), 245,973 parameters.
 */
@Network(inputs = 12288, loss = Loss.BINARY_CROSS_ENTROPY)
@Dense(units = 20, activation = Activation.RELU)
@Dense(units = 7, activation = Activation.RELU)
@Dense(units = 5, activation = Activation.RELU)
@Dense(units = 1, activation = Activation.SIGMOID)
public interface CatShape {}
