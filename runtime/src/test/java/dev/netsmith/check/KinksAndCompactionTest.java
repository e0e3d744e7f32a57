package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.ForwardingNetwork;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * What the generated kernels lean on: finding ReLU kinks a perturbation crossed, compacting the changed
 * examples, gathering base values for them, and summing each side's loss changes.
 */
class KinksAndCompactionTest {

    private static final int M = 6;

    /** 2 → 3 relu → 3 tanh → 2 leaky_relu → 1 sigmoid: layers 1 and 3 have kinks, 2 does not. */
    private static final Architecture ARCH = new Architecture("demo.Kinky", 2, List.of(
            new Architecture.Layer(3, Activation.RELU, 0.5, null), Architecture.Layer.of(3, Activation.TANH),
            Architecture.Layer.of(2, Activation.LEAKY_RELU), Architecture.Layer.of(1, Activation.SIGMOID)),
            Loss.BINARY_CROSS_ENTROPY, 0, Init.AUTO);

    private static final ForwardingNetwork NET = new ForwardingNetwork(null) {
        @Override
        public Architecture architecture() {
            return ARCH;
        }
    };

    private final Probe probe = Probe.of(NET, M);
    private final Kinks kinks = new Kinks(ARCH);

    /** Both sides' Z[l] equal and strictly positive everywhere: no kink anywhere. */
    private void noKinks() {
        Compacted.all(M, probe);
        for (int l = 1; l <= ARCH.depth(); l++) {
            for (double[] row : probe.plus().z(l)) {
                Arrays.fill(row, 1.0);
            }
            for (double[] row : probe.minus().z(l)) {
                Arrays.fill(row, 2.0);
            }
        }
    }

    @Test
    void noSignChangeNoKink() {
        noKinks();
        probe.setCount(M);
        assertNull(kinks.find(1, 0, probe, M));
        assertNull(kinks.find(1, -1, probe, M));
        for (int l = 1; l <= ARCH.depth(); l++) {
            for (double[] row : probe.minus().z(l)) {
                Arrays.fill(row, -2.0);
            }
            for (double[] row : probe.plus().z(l)) {
                Arrays.fill(row, -1.0);
            }
        }
        assertNull(kinks.find(1, 2, probe, M), "negative on both sides is no kink");
    }

    @Test
    void aSignChangeInThePerturbedRowIsFoundInEveryExample() {
        noKinks();
        probe.setCount(0);
        probe.plus().z(1)[2][M - 1] = 1e-9;
        probe.minus().z(1)[2][M - 1] = -1e-9;
        assertEquals("Z1[2][5] is 1.0E-9 at θ+ε and -1.0E-9 at θ−ε", kinks.find(1, 2, probe, M),
                "the perturbed row is computed for every example, changed or not");
        assertNull(kinks.find(1, 1, probe, M), "another row of the layer is not looked at");
        assertNull(kinks.find(1, 2, probe, M - 1), "only the first m examples count");
        // the first change wins
        probe.plus().z(1)[2][1] = -3;
        assertEquals("Z1[2][1] is -3.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, 2, probe, M));
    }

    @Test
    void anExactZeroCountsAsOff() {
        noKinks();
        probe.setCount(M);
        probe.plus().z(1)[0][3] = 0.0;
        probe.minus().z(1)[0][3] = -1e-12;
        assertNull(kinks.find(1, 0, probe, M), "0 and a negative are both off: the ReLU's value does not move");
        probe.minus().z(1)[0][3] = 1e-12;
        assertEquals("Z1[0][3] is 0.0 at θ+ε and 1.0E-12 at θ−ε", kinks.find(1, 0, probe, M));
        // and the same with the sides swapped
        probe.plus().z(1)[0][3] = 1e-12;
        probe.minus().z(1)[0][3] = 0.0;
        assertEquals("Z1[0][3] is 1.0E-12 at θ+ε and 0.0 at θ−ε", kinks.find(1, 0, probe, M));
        probe.plus().z(1)[0][3] = -1e-12;
        assertNull(kinks.find(1, 0, probe, M), "a negative and 0 are both off");
    }

    /** Only the perturbed row of the perturbed layer is recomputed; its other rows hold whatever they held. */
    @Test
    void theOtherRowsOfThePerturbedLayerAreNotRead() {
        noKinks();
        probe.setCount(M);
        probe.plus().z(1)[2][4] = -1;
        assertNull(kinks.find(1, 0, probe, M));
        assertNull(kinks.find(1, 1, probe, M));
        assertEquals("Z1[2][4] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, 2, probe, M));
    }

    @Test
    void layersAboveAreReadInTheirCompactedColumns() {
        noKinks();
        int[] changed = probe.changed();
        changed[0] = 1;
        changed[1] = 4;
        probe.setCount(2);
        probe.plus().z(3)[1][1] = -0.5;
        assertEquals("Z3[1][4] is -0.5 at θ+ε and 2.0 at θ−ε", kinks.find(1, 0, probe, M), "column 1 holds example changed[1] = 4");
        assertEquals("Z3[1][4] is -0.5 at θ+ε and 2.0 at θ−ε", kinks.find(3, -1, probe, M));
        assertNull(kinks.find(4, -1, probe, M), "nothing above the output's input");
        probe.setCount(1);
        assertNull(kinks.find(1, 0, probe, M), "only the first count columns are changed examples");
    }

    @Test
    void onlyLayersWithAKinkAreLookedAt() {
        noKinks();
        probe.setCount(M);
        probe.plus().z(2)[0][0] = -1;   // tanh: smooth
        probe.plus().z(4)[0][0] = -1;   // sigmoid output
        assertNull(kinks.find(2, 0, probe, M));
        assertNull(kinks.find(1, -1, probe, M));
        assertNull(kinks.find(4, 0, probe, M), "the output layer is never a ReLU layer here");
        probe.plus().z(3)[0][5] = -1;   // leaky ReLU
        assertEquals("Z3[0][5] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(2, 0, probe, M));
        assertEquals("Z3[0][5] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, -1, probe, M));
        // the perturbed row comes first, then the layers above from the bottom up
        probe.plus().z(1)[1][0] = -1;
        assertEquals("Z1[1][0] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, 1, probe, M));
        assertEquals("Z3[0][5] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, 0, probe, M), "row 0 of layer 1 did not change sign");
        assertEquals("Z1[1][0] is -1.0 at θ+ε and 2.0 at θ−ε", kinks.find(1, -1, probe, M),
                "a perturbation above layer 1's rows (row < 0) reads all of layer 1 compacted");
    }

    @Test
    void changedExamplesAreCompactedInPlace() {
        double[] plus = {0, 0.5, 0, 0, -1, 0};
        double[] minus = {0, -0.5, 0, 2, 0, 0};
        assertEquals(3, Compacted.changed(plus, minus, M, probe));
        assertArrayEquals(new int[] {1, 3, 4}, Arrays.copyOf(probe.changed(), 3));
        assertArrayEquals(new double[] {0.5, 0, -1}, Arrays.copyOf(plus, 3));
        assertArrayEquals(new double[] {-0.5, 2, 0}, Arrays.copyOf(minus, 3));
        double[] last = {0, 0, 0, 0, 0, 7};
        assertEquals(1, Compacted.changed(last, new double[M], M, probe));
        assertEquals(5, probe.changed()[0]);
        assertEquals(7, last[0]);
        assertEquals(0, Compacted.changed(new double[M], new double[M], M, probe));
        assertEquals(2, Compacted.changed(new double[] {1, 1, 1}, new double[] {0, 0, 0}, 2, probe), "only the first m");
        assertEquals(M, Compacted.all(M, probe));
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5}, probe.changed());
    }

    @Test
    void examplesBeyondReachOnEitherSideAreListedAndCompacted() {
        double[] reach = {1, 1, 1, 1, Double.NaN, 0};
        double[] plus = {0.5, 1.0, 0, 0.9, 0.1, 0};
        double[] minus = {-0.5, 0, -1.5, -0.9, 0, 0};
        // 0: within; 1: |+| = reach; 2: |−| beyond; 3: within; 4: a NaN reach; 5: not moved, though its reach is 0
        assertEquals(3, Compacted.beyond(plus, minus, reach, M, probe));
        assertArrayEquals(new int[] {1, 2, 4}, Arrays.copyOf(probe.changed(), 3));
        assertArrayEquals(new double[] {1.0, 0, 0.1}, Arrays.copyOf(plus, 3));
        assertArrayEquals(new double[] {0, -1.5, 0}, Arrays.copyOf(minus, 3));
        assertEquals(0, Compacted.beyond(new double[] {0.5}, new double[] {-0.5}, new double[] {1}, 1, probe));
    }

    @Test
    void alongRowCoefficientsAreHeldForOneRowParametersAndBasePass() {
        AlongRow along = probe.alongRow();
        double[] theta = new double[3];
        Workspace base = NET.newWorkspace(M);
        assertFalse(along.holds(1, 0, theta, base));
        along.hold(1, 0, theta, base);
        assertTrue(along.holds(1, 0, theta, base));
        assertFalse(along.holds(1, 1, theta, base), "another row");
        assertFalse(along.holds(2, 0, theta, base), "another layer");
        assertFalse(along.holds(1, 0, theta.clone(), base), "other parameters");
        assertFalse(along.holds(1, 0, theta, NET.newWorkspace(M)), "another base pass");
        assertEquals(M, along.reach().length);
        assertEquals(ARCH.outputs(), along.rows(ARCH.depth()).length);
    }

    @Test
    void everyExampleChangedIsMaskedToo() {
        Workspace base = NET.newWorkspace(M);
        DropoutMask recorded = DropoutMask.sample(ARCH, Dropout.training(new Well19937c(8)), M, new Well19937c(9));
        Dropout.fixed(recorded).apply(1, 0.5, base, M);
        Workspace side = probe.minus();
        for (double[] row : side.a(1)) {
            Arrays.fill(row, 3);
        }
        Compacted.all(M, probe);
        double[][] out = Compacted.masked(1, M, base, side, probe);
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < M; j++) {
                assertEquals(3 * base.activeMask(1)[i][j], out[i][j]);
            }
        }
    }

    @Test
    void baseValuesAreGatheredForTheChangedExamples() {
        int[] changed = probe.changed();
        changed[0] = 2;
        changed[1] = 5;
        double[][] rows = {{0, 1, 2, 3, 4, 5}, {10, 11, 12, 13, 14, 15}};
        double[][] into = new double[2][M];
        assertSame(into, Compacted.gather(rows, 2, probe, into));
        assertArrayEquals(new double[] {2, 5, 0, 0, 0, 0}, into[0]);
        assertArrayEquals(new double[] {12, 15, 0, 0, 0, 0}, into[1]);
    }

    @Test
    void theNextLayersInputIsMaskedLikeTheBasePass() {
        Workspace base = NET.newWorkspace(M);
        Workspace side = probe.plus();
        assertSame(side.a(1), Compacted.masked(1, 2, base, side, probe), "no dropout in the base pass: A itself");
        DropoutMask recorded = DropoutMask.sample(ARCH, Dropout.training(new Well19937c(8)), M, new Well19937c(9));
        Dropout.fixed(recorded).apply(1, 0.5, base, M);
        double[][] mask = base.activeMask(1);
        int[] changed = probe.changed();
        changed[0] = 0;
        changed[1] = 3;
        changed[2] = 4;
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                side.a(1)[i][c] = 1 + i + 10 * c;
            }
        }
        double[][] out = Compacted.masked(1, 3, base, side, probe);
        assertSame(side.dropped(1), out);
        assertNotSame(side.a(1), out);
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 3; c++) {
                assertEquals((1 + i + 10 * c) * mask[i][changed[c]], out[i][c], "unit " + i + ", changed example " + c);
            }
        }
    }

    @Test
    void eachSidesLossChangesAreSummedOverTheChangedExamples() {
        double[] plus = probe.outPlus();
        double[] minus = probe.outMinus();
        Arrays.fill(plus, 100);
        Arrays.fill(minus, 100);
        plus[0] = 3;
        plus[1] = 5;
        minus[0] = -1;
        minus[1] = 2;
        probe.setCount(2);
        assertEquals(2, probe.count());
        assertEquals(8.0 / 4, probe.plusChange(4));
        assertEquals(1.0 / 4, probe.minusChange(4));
        assertEquals((8.0 - 1.0) / 4, probe.dataDifference(4));
        probe.setWithinReach(0.5, -0.25);
        assertEquals((8.0 + 0.5) / 4, probe.plusChange(4), "sums of the examples evaluated along a row count too");
        assertEquals((1.0 - 0.25) / 4, probe.minusChange(4));
        assertEquals((8.5 - 0.75) / 4, probe.dataDifference(4));
        probe.setWithinReach(0, 0);
        probe.setCount(0);
        assertEquals(0, probe.dataDifference(4));
        assertSame(probe.gathered().changed(), probe.changed());
        assertNotSame(probe.plus(), probe.minus());
        assertNotSame(probe.plus(), probe.gathered());
        assertEquals(M, probe.outPlus().length);
        assertEquals(M, probe.plus().maxBatch());
    }
}
