package com.example.iris;

import dev.netsmith.Activation;
import dev.netsmith.Dense;
import dev.netsmith.Loss;
import dev.netsmith.Network;

/** Four measurements of a flower → one of three species. */
@Network(inputs = 4, loss = Loss.SOFTMAX_CROSS_ENTROPY, l2 = 0.01)
@Dense(units = 8, activation = Activation.TANH)
@Dense(units = 3, activation = Activation.SOFTMAX)
public interface IrisNet {}
