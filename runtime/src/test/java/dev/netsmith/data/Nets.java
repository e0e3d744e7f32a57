package dev.netsmith.data;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import java.util.List;

/** Small architectures for the data tests: only their input and output sizes and loss matter here. */
final class Nets {

    private Nets() {
    }

    static Architecture softmax(int inputs, int classes) {
        return of(inputs, classes, Activation.SOFTMAX, Loss.SOFTMAX_CROSS_ENTROPY);
    }

    static Architecture sigmoid(int inputs) {
        return of(inputs, 1, Activation.SIGMOID, Loss.BINARY_CROSS_ENTROPY);
    }

    static Architecture linear(int inputs, int outputs) {
        return of(inputs, outputs, Activation.LINEAR, Loss.MEAN_SQUARED_ERROR);
    }

    private static Architecture of(int inputs, int outputs, Activation activation, Loss loss) {
        return new Architecture("Test", inputs, List.of(Architecture.Layer.of(3, Activation.RELU),
                Architecture.Layer.of(outputs, activation)), loss, 0.0, Init.AUTO);
    }
}
