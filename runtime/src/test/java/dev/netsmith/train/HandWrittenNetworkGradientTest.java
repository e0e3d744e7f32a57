package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/** The hand-written test network's backprop agrees with central differences, so the trainer tests can trust it. */
class HandWrittenNetworkGradientTest {

    private static final double EPSILON = 1e-6;

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(3, 4, 2, 0.6, 0.3);
    private final Batch batch = randomBatch(7);
    private final Parameters params = nonZeroBiases(net.initialize(11));

    @Test
    void gradientMatchesCentralDifferencesWithDropoutOff() {
        Workspace ws = net.newWorkspace(batch.m());
        net.forward(params, batch, ws, Dropout.off());
        double[] analytic = net.backward(params, batch, ws).clone();

        assertTrue(relativeDifference(analytic, numericGradient(Dropout.off())) < 1e-7);
    }

    @Test
    void gradientMatchesCentralDifferencesWithAFixedDropoutMask() {
        Workspace ws = net.newWorkspace(batch.m());
        net.forward(params, batch, ws, Dropout.training(new Well19937c(3)));
        DropoutMask mask = DropoutMask.recordedFrom(ws);
        assertTrue(mask.dropsAnything());
        Dropout fixed = Dropout.fixed(mask);
        net.forward(params, batch, ws, fixed);
        double[] analytic = net.backward(params, batch, ws).clone();

        assertTrue(relativeDifference(analytic, numericGradient(fixed)) < 1e-7);
        net.forward(params, batch, ws, Dropout.off());
        assertTrue(relativeDifference(analytic, net.backward(params, batch, ws)) > 1e-3,
                "the mask must change the gradient, else this test proves nothing");
    }

    @Test
    void perExampleLossesAddUpToTheDataCost() {
        Workspace ws = net.newWorkspace(batch.m());
        net.forward(params, batch, ws, Dropout.off());
        double[] losses = new double[batch.m()];
        net.lossPerExample(batch, ws, losses);
        double sum = 0;
        for (double loss : losses) {
            sum += loss;
        }
        assertEquals(net.dataCost(batch, ws), sum / batch.m(), 1e-15);
    }

    private double[] numericGradient(Dropout dropout) {
        Workspace ws = net.newWorkspace(batch.m());
        double[] theta = params.values();
        double[] numeric = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double saved = theta[i];
            theta[i] = saved + EPSILON;
            double plus = cost(ws, dropout);
            theta[i] = saved - EPSILON;
            double minus = cost(ws, dropout);
            theta[i] = saved;
            numeric[i] = (plus - minus) / (2 * EPSILON);
        }
        return numeric;
    }

    private double cost(Workspace ws, Dropout dropout) {
        net.forward(params, batch, ws, dropout);
        return net.dataCost(batch, ws) + net.l2Cost(params, batch.m());
    }

    static double relativeDifference(double[] a, double[] b) {
        double diff = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            diff += (a[i] - b[i]) * (a[i] - b[i]);
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return Math.sqrt(diff) / (Math.sqrt(normA) + Math.sqrt(normB));
    }

    private Batch randomBatch(int m) {
        Well19937c rng = new Well19937c(5);
        double[][] x = new double[3][m];
        double[][] y = new double[2][m];
        for (int j = 0; j < m; j++) {
            for (int i = 0; i < 3; i++) {
                x[i][j] = rng.nextGaussian();
            }
            y[0][j] = rng.nextBoolean() ? 1 : 0;
            y[1][j] = rng.nextBoolean() ? 1 : 0;
        }
        return net.batch(x, y);
    }

    private static Parameters nonZeroBiases(Parameters params) {
        double[] theta = params.values();
        for (String name : new String[] {"b1", "b2"}) {
            var t = params.layout().tensor(name);
            for (int i = t.offset(); i < t.end(); i++) {
                theta[i] = 0.1 * (i - t.offset() + 1);
            }
        }
        return params;
    }
}
