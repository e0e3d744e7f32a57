package dev.netsmith.examples.breastcancer;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** 30 measurements of a tumour's cell nuclei → the probability that it is benign. */
@Network(inputs = 30, loss = Loss.BINARY_CROSS_ENTROPY)
@Dense(units = 16, activation = Activation.RELU)
@Dense(units = 8, activation = Activation.RELU)
@Dense(units = 1, activation = Activation.SIGMOID)
public interface BreastCancerNet {}
