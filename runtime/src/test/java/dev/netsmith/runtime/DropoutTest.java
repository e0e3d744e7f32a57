package dev.netsmith.runtime;

import static dev.netsmith.runtime.Expect.thrown;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * Dropout through a hand-written network (4 → 400 tanh, keep 0.7 → 1 sigmoid) and directly on workspaces. The
 * rate tests draw 100,000 mask entries: the empirical keep rate is then within 0.0015 of p (one standard error),
 * so a tolerance of 0.01 never fails by chance yet tells 0.7 from 0.4 or 1 − p.
 */
class DropoutTest {

    private static final int M = 250;
    private static final int HIDDEN = 400;

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(4, HIDDEN, 1, 0.7, 0.0);
    private final Parameters params = net.initialize(3);
    private final Batch batch = SeparableData.blobs(net.architecture(), M, 1.0, 4);
    private final Workspace ws = net.newWorkspace(M);

    private static double[][] copy(double[][] rows, int m) {
        double[][] out = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = Arrays.copyOf(rows[i], m);
        }
        return out;
    }

    /** Exact equality of one entry, building the message only on failure. */
    private static void same(double expected, double actual, String what, int i, int j) {
        if (Double.compare(expected, actual) != 0) {
            fail(what + "[" + i + "][" + j + "] is " + actual + ", expected " + expected);
        }
    }

    /** The share of kept units, checking that every entry is 0 or exactly 1/p. */
    private static double keptShare(double[][] mask, int m, double p) {
        long kept = 0;
        for (double[] row : mask) {
            for (int j = 0; j < m; j++) {
                if (row[j] != 0.0 && row[j] != 1.0 / p) {
                    fail("mask entry " + row[j] + " is neither 0 nor 1/p = " + 1.0 / p);
                }
                if (row[j] != 0.0) {
                    kept++;
                }
            }
        }
        return kept / (double) (mask.length * m);
    }

    @Test
    void offLeavesTheActivationsUntouchedAndMarksNoMask() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(1)));
        assertTrue(ws.dropoutActive(1));
        net.forward(params, batch, ws, Dropout.off());
        assertFalse(ws.dropoutActive(1));
        assertNull(ws.activeMask(1));
        assertSame(ws.a(1), ws.layerInput(2), "the next layer reads A[1] itself");
        double[][] a = copy(ws.a(1), M);
        for (int i = 0; i < HIDDEN; i++) {
            for (int j = 0; j < M; j++) {
                same(Math.tanh(ws.z(1)[i][j]), a[i][j], "A[1]", i, j);
            }
        }
    }

    @Test
    void offAppliedDirectlyReturnsTheActivationsUnchanged() {
        Workspace w = new Workspace(net.architecture(), 3);
        double[][] a = w.a(1);
        a[0][0] = 0.25;
        a[HIDDEN - 1][2] = -0.5;
        assertSame(a, Dropout.off().apply(1, 0.5, w, 3));
        assertEquals(0.25, a[0][0]);
        assertEquals(-0.5, a[HIDDEN - 1][2]);
        assertFalse(w.dropoutActive(1));
        assertEquals(1.0, Dropout.off().keepProb(1, 0.5));
        assertEquals(Dropout.Mode.OFF, Dropout.off().mode());
        assertNull(Dropout.off().mask());
    }

    @Test
    void trainingDropsUnitsAtTheDeclaredRateAndScalesTheRestByOneOverP() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(7)));
        double[][] mask = ws.activeMask(1);
        assertNotNull(mask);
        assertEquals(0.7, keptShare(mask, M, 0.7), 0.01);
        double[][] read = ws.layerInput(2);
        for (int i = 0; i < HIDDEN; i++) {
            for (int j = 0; j < M; j++) {
                same(ws.a(1)[i][j] * mask[i][j], read[i][j], "A[1]·D/p", i, j);
            }
        }
        for (int i = 0; i < HIDDEN; i++) {
            for (int j = 0; j < M; j++) {
                same(Math.tanh(ws.z(1)[i][j]), ws.a(1)[i][j], "A[1] = g(Z[1]), kept for the derivative", i, j);
            }
        }
    }

    @Test
    void anOverrideReplacesTheDeclaredKeepProbability() {
        Dropout dropout = Dropout.training(new Well19937c(7)).withKeepProb(1, 0.4);
        assertEquals(0.4, dropout.keepProb(1, 0.7));
        assertEquals(0.9, dropout.keepProb(2, 0.9));
        net.forward(params, batch, ws, dropout);
        assertEquals(0.4, keptShare(ws.activeMask(1), M, 0.4), 0.01);
    }

    @Test
    void keepProbabilityOneDropsNothing() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(7)).withKeepProb(1, 1.0));
        assertNull(ws.activeMask(1));
        assertSame(ws.a(1), ws.layerInput(2));
        HandWrittenTanhSigmoid noDropout = new HandWrittenTanhSigmoid(4, HIDDEN, 1, 1.0, 0.0);
        Workspace w = noDropout.newWorkspace(M);
        noDropout.forward(params, batch, w, Dropout.training(new Well19937c(7)));
        assertFalse(w.dropoutActive(1));
    }

    @Test
    void masksComeFromTheGivenGeneratorRowByRow() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(21)));
        Well19937c rng = new Well19937c(21);
        double[][] mask = ws.activeMask(1);
        for (int i = 0; i < HIDDEN; i++) {
            for (int j = 0; j < M; j++) {
                same(rng.nextDouble() < 0.7 ? 1 / 0.7 : 0.0, mask[i][j], "D", i, j);
            }
        }
    }

    @Test
    void theSameSeedDrawsTheSameMaskAndEachPassDrawsAFreshOne() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(5)));
        double[][] first = copy(ws.activeMask(1), M);
        net.forward(params, batch, ws, Dropout.training(new Well19937c(5)));
        assertArrayEquals(first, copy(ws.activeMask(1), M));
        Dropout shared = Dropout.training(new Well19937c(6));
        net.forward(params, batch, ws, shared);
        double[][] a = copy(ws.activeMask(1), M);
        net.forward(params, batch, ws, shared);
        assertFalse(Arrays.deepEquals(a, copy(ws.activeMask(1), M)), "the second pass repeated the first one's mask");
        assertFalse(Arrays.deepEquals(first, a), "seeds 5 and 6 drew the same mask");
    }

    @Test
    void invertedDropoutKeepsTheExpectedActivation() {
        Architecture a = new Architecture("test.Net", 2, List.of(new Layer(HIDDEN, Activation.RELU, 0.6, null), Layer.of(1, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        Workspace w = new Workspace(a, M);
        Well19937c values = new Well19937c(8);
        double sum = 0;
        for (double[] row : w.a(1)) {
            for (int j = 0; j < M; j++) {
                row[j] = 0.5 + values.nextDouble();
                sum += row[j];
            }
        }
        double[][] out = Dropout.training(new Well19937c(9)).apply(1, 0.6, w, M);
        double dropped = 0;
        for (double[] row : out) {
            for (int j = 0; j < M; j++) {
                dropped += row[j];
            }
        }
        assertEquals(1.0, dropped / sum, 0.015, "mean of A·D/p over mean of A");
    }

    @Test
    void invertedDropoutKeepsTheExpectedActivationInAForwardPass() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(10)));
        double plain = 0;
        double dropped = 0;
        for (int i = 0; i < HIDDEN; i++) {
            for (int j = 0; j < M; j++) {
                plain += Math.abs(ws.a(1)[i][j]);
                dropped += Math.abs(ws.layerInput(2)[i][j]);
            }
        }
        assertEquals(1.0, dropped / plain, 0.02, "mean of |A·D/p| over mean of |A|");
    }

    @Test
    void eachLayerUsesItsOwnDeclaredOrOverriddenKeepProbability() {
        Architecture deep = new Architecture("test.Deep", 3, List.of(new Layer(300, Activation.RELU, 0.5, null),
                new Layer(300, Activation.TANH, 0.9, null), new Layer(300, Activation.TANH, 0.8, null), Layer.of(1, Activation.SIGMOID)),
                Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        Dropout training = Dropout.training(new Well19937c(1)).withKeepProb(2, 0.3);
        DropoutMask mask = DropoutMask.sample(deep, training, M, new Well19937c(2));
        assertEquals(0.5, keptShare(mask.layer(1), M, 0.5), 0.01);
        assertEquals(0.3, keptShare(mask.layer(2), M, 0.3), 0.01);
        assertEquals(0.8, keptShare(mask.layer(3), M, 0.8), 0.01);
        assertNull(mask.layer(4), "the output layer keeps every unit");
        Workspace w = new Workspace(deep, M);
        training.apply(3, 0.8, w, M);
        assertEquals(0.8, keptShare(w.activeMask(3), M, 0.8), 0.01);
        assertFalse(w.dropoutActive(2));
    }

    @Test
    void overridesAreValidated() {
        Dropout training = Dropout.training(new Well19937c(1));
        thrown(IllegalArgumentException.class, () -> training.withKeepProb(0, 0.5), "numbered from 1, was 0");
        thrown(IllegalArgumentException.class, () -> training.withKeepProb(-1, 0.5), "was -1");
        for (double bad : new double[] {0, -0.1, 1.01, Double.NaN}) {
            thrown(IllegalArgumentException.class, () -> training.withKeepProb(1, bad), "(0, 1], was " + bad);
        }
        thrown(IllegalStateException.class, () -> Dropout.off().withKeepProb(1, 0.5), "training dropout, not OFF");
        DropoutMask mask = DropoutMask.sample(net.architecture(), training, 4, new Well19937c(2));
        thrown(IllegalStateException.class, () -> Dropout.fixed(mask).withKeepProb(1, 0.5), "training dropout, not FIXED");
        thrown(IllegalArgumentException.class, () -> Dropout.training(null), "random generator");
        thrown(IllegalArgumentException.class, () -> Dropout.fixed(null), "needs a mask");
    }

    @Test
    void overridingTheOutputLayerOrALayerBeyondIsRefusedBeforeAnyWork() {
        Dropout output = Dropout.training(new Well19937c(1)).withKeepProb(2, 0.5);
        thrown(IllegalArgumentException.class, () -> net.forward(params, batch, ws, output), "layer 2", "1..1", "output layer");
        assertEquals(0, ws.batchSize(), "the refused pass started");
        Dropout beyond = Dropout.training(new Well19937c(1)).withKeepProb(1, 0.5).withKeepProb(7, 0.5);
        thrown(IllegalArgumentException.class, () -> net.forward(params, batch, ws, beyond), "layer 7");
        thrown(IllegalArgumentException.class, () -> DropoutMask.sample(net.architecture(), output, 10, new Well19937c(2)),
                "layer 2", "output layer");
        thrown(IllegalArgumentException.class, () -> DropoutMask.sample(net.architecture(), beyond, 10, new Well19937c(2)), "layer 7");
    }

    @Test
    void fixedReplaysARecordedMaskExactly() {
        net.forward(params, batch, ws, Dropout.training(new Well19937c(11)));
        double[][] trainingOutput = copy(ws.output(), M);
        double[][] trainingMask = copy(ws.activeMask(1), M);
        DropoutMask mask = DropoutMask.recordedFrom(ws);
        Dropout fixed = Dropout.fixed(mask);
        assertSame(mask, fixed.mask());
        assertEquals(1.0, fixed.keepProb(1, 0.7));
        for (int pass = 0; pass < 2; pass++) {
            net.forward(params, batch, ws, Dropout.off());
            net.forward(params, batch, ws, fixed);
            assertArrayEquals(trainingMask, copy(ws.activeMask(1), M));
            assertArrayEquals(trainingOutput, copy(ws.output(), M));
        }
    }

    @Test
    void fixedRefusesAMaskRecordedForOtherSizesOrAnotherBatchSize() {
        DropoutMask otherM = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(1)), M - 1, new Well19937c(2));
        thrown(IllegalArgumentException.class, () -> net.forward(params, batch, ws, Dropout.fixed(otherM)),
                "recorded for m = 249", "the batch has 250");
        HandWrittenTanhSigmoid narrower = new HandWrittenTanhSigmoid(4, 30, 1, 0.7, 0.0);
        DropoutMask otherSizes = DropoutMask.sample(narrower.architecture(), Dropout.training(new Well19937c(1)), M, new Well19937c(2));
        thrown(IllegalArgumentException.class, () -> net.forward(params, batch, ws, Dropout.fixed(otherSizes)),
                "layer 1 has 30 rows", "400 units");
        Architecture deeper = new Architecture("test.Deep", 4, List.of(new Layer(HIDDEN, Activation.TANH, 0.7, null),
                new Layer(5, Activation.TANH, 0.5, null), Layer.of(1, Activation.SIGMOID)), Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);
        DropoutMask otherDepth = DropoutMask.sample(deeper, Dropout.training(new Well19937c(1)), M, new Well19937c(2));
        thrown(IllegalArgumentException.class, () -> net.forward(params, batch, ws, Dropout.fixed(otherDepth)),
                "3-layer network", "2 layers");
        assertEquals(0, ws.batchSize(), "a refused pass started");
    }

    @Test
    void aSampledMaskRoundTripsThroughAForwardPass() {
        Dropout training = Dropout.training(new Well19937c(1)).withKeepProb(1, 0.6);
        DropoutMask sampled = DropoutMask.sample(net.architecture(), training, M, new Well19937c(12));
        assertEquals(M, sampled.batchSize());
        assertTrue(sampled.dropsAnything());
        assertEquals(0.6, keptShare(sampled.layer(1), M, 0.6), 0.01);
        net.forward(params, batch, ws, Dropout.fixed(sampled));
        DropoutMask recorded = DropoutMask.recordedFrom(ws);
        assertEquals(M, recorded.batchSize());
        assertArrayEquals(sampled.layer(1), recorded.layer(1));
        assertNull(recorded.layer(2));
        assertNull(recorded.layer(9));
    }

    @Test
    void aSampledMaskIsTheOneATrainingPassWouldDrawFromTheSameSeed() {
        DropoutMask sampled = DropoutMask.sample(net.architecture(), Dropout.training(new Well19937c(1)), M, new Well19937c(13));
        net.forward(params, batch, ws, Dropout.training(new Well19937c(13)));
        assertArrayEquals(sampled.layer(1), copy(ws.activeMask(1), M));
    }

    @Test
    void aRecordedMaskIsACopyOfTheFirstMColumns() {
        Workspace roomy = net.newWorkspace(M + 50);
        net.forward(params, batch, roomy, Dropout.training(new Well19937c(14)));
        DropoutMask recorded = DropoutMask.recordedFrom(roomy);
        double[][] before = copy(recorded.layer(1), M);
        assertEquals(M, recorded.layer(1)[0].length);
        net.forward(params, batch, roomy, Dropout.training(new Well19937c(15)));
        assertArrayEquals(before, recorded.layer(1));
    }

    @Test
    void aMaskRecordedWithDropoutOffDropsNothing() {
        net.forward(params, batch, ws, Dropout.off());
        DropoutMask none = DropoutMask.recordedFrom(ws);
        assertFalse(none.dropsAnything());
        assertNull(none.layer(1));
        net.forward(params, batch, ws, Dropout.fixed(none));
        assertNull(ws.activeMask(1));
    }

    @Test
    void recordingRefusesAWorkspaceWithoutAForwardPass() {
        thrown(IllegalStateException.class, () -> DropoutMask.recordedFrom(net.newWorkspace(4)), "no forward pass");
    }

    @Test
    void samplingNeedsTrainingDropoutAndExamples() {
        Architecture a = net.architecture();
        thrown(IllegalArgumentException.class, () -> DropoutMask.sample(a, Dropout.off(), 4, new Well19937c(1)), "training dropout, not OFF");
        thrown(IllegalArgumentException.class, () -> DropoutMask.sample(a, Dropout.training(new Well19937c(1)), 0, new Well19937c(1)), "m = 0");
    }

    @Test
    void describesItsMode() {
        assertEquals("dropout off", Dropout.off().toString());
        assertEquals("training dropout", Dropout.training(new Well19937c(1)).toString());
        assertEquals(Dropout.Mode.TRAINING, Dropout.training(new Well19937c(1)).mode());
    }
}
