package dev.netsmith.benchmarks;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** N1 of the benchmark suite: the course's planar-data network, 2 → 4 tanh → 1 sigmoid (m = 400). */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
@Dense(units = 4, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.SIGMOID)
public interface PlanarShape {}
