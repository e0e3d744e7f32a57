package com.example.iris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import org.junit.jupiter.api.Test;

class IrisNetTest {

    private final CompiledNetwork net = IrisNet_Model.INSTANCE;

    @Test
    void generatedNetworkRunsForwardAndBackwardAndLearns() {
        double[][] x = {{5.1, 7.0, 6.3, 4.9}, {3.5, 3.2, 3.3, 3.0}, {1.4, 4.7, 6.0, 1.4}, {0.2, 1.4, 2.5, 0.2}};
        double[][] y = {{1, 0, 0, 1}, {0, 1, 0, 0}, {0, 0, 1, 0}};
        Batch batch = net.batch(x, y);
        Parameters params = net.initialize(7);
        Workspace ws = net.newWorkspace(4);
        assertEquals(4 * 8 + 8 + 8 * 3 + 3, net.layout().size());

        double before = net.cost(params, batch, ws);
        for (int step = 0; step < 200; step++) {
            net.forward(params, batch, ws, Dropout.off());
            double[] gradient = net.backward(params, batch, ws);
            for (int p = 0; p < gradient.length; p++) {
                params.values()[p] -= 0.1 * gradient[p];
            }
        }
        double after = net.cost(params, batch, ws);
        assertTrue(after < before / 2, "cost " + before + " → " + after);
        double[][] probabilities = net.predict(params, x);
        assertTrue(probabilities[0][0] > 0.5 && probabilities[1][1] > 0.5 && probabilities[2][2] > 0.5);
    }
}
