package dev.netsmith.examples.planar;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** The course's first hidden-layer network: a point of the plane → the probability that it is blue. */
@Network(inputs = 2, loss = Loss.BINARY_CROSS_ENTROPY)
@Dense(units = 4, activation = Activation.TANH)
@Dense(units = 1, activation = Activation.SIGMOID)
public interface PlanarNet {}
