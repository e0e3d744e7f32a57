package dev.netsmith.check;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.DropoutMask;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.CheckableTanhSigmoid;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;
import org.junit.jupiter.api.Test;

/**
 * The checker end to end on a hand-written network, 5 → 6 tanh (keep 0.8 declared) → 2 sigmoid with λ = 0.3:
 * its estimates against whole re-runs of the network, its modes, budgets and threads, and the report and
 * diagnosis of bugs planted in backprop.
 */
class GradientCheckerTest {

    static final int M = 9;

    /** W1 6×5 (0..29), b1 (30..35), W2 2×6 (36..47), b2 (48, 49): 50 parameters, two blocks of 32. */
    static final CheckableTanhSigmoid NET = new CheckableTanhSigmoid(5, 6, 2, 0.8, 0.3);
    static final ParameterLayout LAYOUT = NET.layout();

    /** Seeded weights, and biases that are not 0 (so that an L2 term on them would show). */
    static Parameters parameters(long seed) {
        Parameters params = NET.initialize(seed);
        SplittableRandom random = new SplittableRandom(seed);
        for (ParameterLayout.Tensor t : List.of(LAYOUT.biases(1), LAYOUT.biases(2))) {
            for (int p = t.offset(); p < t.end(); p++) {
                params.values()[p] = random.nextDouble(-0.5, 0.5);
            }
        }
        return params;
    }

    static Batch batch(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] x = new double[5][M];
        double[][] y = new double[2][M];
        for (int j = 0; j < M; j++) {
            for (int k = 0; k < 5; k++) {
                x[k][j] = random.nextDouble(-2, 2);
            }
            y[0][j] = random.nextInt(2);
            y[1][j] = random.nextInt(2);
        }
        return NET.batch(x, y);
    }

    static final Parameters PARAMS = parameters(1);
    static final Batch BATCH = batch(2);

    /** Every entry of a full check, by index. */
    private static List<EntryResult> everyEntry(CheckableNetwork net, CheckOptions options) {
        GradientCheckReport report = GradientChecker.check(net, PARAMS, BATCH, options.withWorstEntries(LAYOUT.size()));
        assertEquals(LAYOUT.size(), report.worst().size());
        return report.worst().stream().sorted(Comparator.comparingInt(EntryResult::index)).toList();
    }

    private static double cost(CheckableNetwork net, double[] theta) {
        return net.cost(new Parameters(LAYOUT, theta), BATCH, net.newWorkspace(M));
    }

    @Test
    void eachEntryIsTheCentralDifferenceOfTheRegularisedCost() {
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults());
        List<EntryResult> entries = everyEntry(NET, CheckOptions.defaults());
        double[] analytic = NET.backward(PARAMS, BATCH, forwardOnce()).clone();
        int[] all = IntStream.range(0, LAYOUT.size()).toArray();
        double[] naive = NaiveCentralDifferences.estimate(NET, PARAMS, BATCH, Dropout.off(), 1e-7, all);
        double noise = report.noise();
        for (EntryResult e : entries) {
            int p = e.index();
            double theta = PARAMS.values()[p];
            assertEquals("d" + LAYOUT.nameOf(p), e.name());
            assertEquals(theta, e.value());
            assertEquals(analytic[p], e.analytic(), "backprop's gradient, untouched");
            assertEquals(naive[p], e.numeric(), 10 * noise + 1e-9 * Math.abs(naive[p]), e.name());
            double[] plus = PARAMS.values().clone();
            plus[p] = theta + 1e-7;
            double[] minus = PARAMS.values().clone();
            minus[p] = theta - 1e-7;
            assertEquals(cost(NET, plus), e.costPlus(), 1e-14, e.name() + " J(θ+ε)");
            assertEquals(cost(NET, minus), e.costMinus(), 1e-14, e.name() + " J(θ−ε)");
            assertEquals(EntryResult.symmetricError(e.analytic(), e.numeric(), 10 * noise), e.error(), e.name());
            assertFalse(e.inconclusive());
        }
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertTrue(report.difference() > 0 && report.difference() < 1e-7, report::toString);
        assertEquals(CheckMode.FULL, report.mode());
        assertEquals(50, report.checkedEntries());
        assertEquals(50, report.totalEntries());
        assertEquals(100, report.costEvaluations());
        assertEquals(0, report.inconclusive());
        assertTrue(report.complete());
        assertEquals(List.of(), report.activationChecks(), "nothing failed: dA is not checked");
        assertEquals("analytic and numerical gradients agree in every tensor checked", report.diagnosis().summary());
        assertEquals(NET.architecture().toString(), report.network());
        assertEquals(1e-7, report.epsilon());
        assertEquals(1e-7, report.passBelow());
        assertEquals(1e-3, report.failAbove());
        assertEquals(CheckOptions.defaults().threads(), report.threads());
        assertTrue(report.notes().get(0).startsWith("dropout: off for the check"), report::toString);
    }

    @Test
    void theElapsedTimeIsTheChecksWallTime() {
        long before = System.nanoTime();
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().sampled(1));
        long took = System.nanoTime() - before;
        assertTrue(report.elapsed().toNanos() > 0 && report.elapsed().toNanos() <= took, report.elapsed() + " of " + took + " ns");
    }

    /** u/2 · (Σ|ℓ_j| / m + the L2 term) / ε, from the base pass's losses. */
    @Test
    void theNoiseIsTheRoundingErrorOfOneEstimate() {
        Workspace ws = forwardOnce();
        double[] losses = new double[M];
        NET.lossPerExample(BATCH, ws, losses);
        double sum = 0;
        for (double loss : losses) {
            sum += Math.abs(loss);
        }
        double expected = Math.ulp(1.0) / 2 * (sum / M + NET.l2Cost(PARAMS, M)) / 1e-6;
        assertEquals(expected, GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().withEpsilon(1e-6)).noise(),
                1e-12 * expected);
    }

    @Test
    void theOverallDifferenceIsTheCoursesOverEveryEntry() {
        List<EntryResult> entries = everyEntry(NET, CheckOptions.defaults());
        double diff = 0;
        double analytic = 0;
        double numeric = 0;
        for (EntryResult e : entries) {
            diff += (e.analytic() - e.numeric()) * (e.analytic() - e.numeric());
            analytic += e.analytic() * e.analytic();
            numeric += e.numeric() * e.numeric();
        }
        double expected = Math.sqrt(diff) / (Math.sqrt(analytic) + Math.sqrt(numeric));
        assertEquals(expected, GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults()).difference(), 1e-12 * expected);
    }

    /** The k largest errors, worst first, ties by index: the same as sorting every entry. */
    @Test
    void theWorstEntriesAreTheLargestErrors() {
        List<EntryResult> sorted = everyEntry(NET, CheckOptions.defaults()).stream()
                .sorted(Comparator.comparingDouble(EntryResult::error).reversed().thenComparingInt(EntryResult::index)).toList();
        assertEquals(sorted.subList(0, 5), GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults()).worst());
        assertEquals(sorted.subList(0, 1), GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().withWorstEntries(1)).worst());
        assertEquals(sorted, GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().withWorstEntries(80)).worst());
    }

    @Test
    void theEntriesAreTheSameWhateverTheThreadCount() {
        List<EntryResult> one = everyEntry(NET, CheckOptions.defaults().withThreads(1));
        assertEquals(one, everyEntry(NET, CheckOptions.defaults().withThreads(2)));
        assertEquals(one, everyEntry(NET, CheckOptions.defaults().withThreads(5)));
    }

    @Test
    void aSampleTakesKEntriesOfEachTensor() {
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().sampled(4));
        assertEquals(CheckMode.SAMPLED, report.mode());
        assertEquals(List.of(4, 4, 4, 2), report.tensors().stream().map(TensorResult::checked).toList());
        assertEquals(14, report.checkedEntries());
        assertEquals(28, report.costEvaluations());
        assertTrue(report.complete());
        assertEquals(Verdict.PASS, report.verdict());
        assertTrue(report.notes().contains("partial check: the checked/size column says how much of each tensor was compared entry by entry"),
                report::toString);
    }

    /** Budget 7: three central differences, one in each of the first three tensors; b2 is not covered. */
    @Test
    void aBudgetStopsEarlyAndSaysWhatItLeftOut() {
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().withBudget(7));
        assertEquals(6, report.costEvaluations());
        assertEquals(3, report.checkedEntries());
        assertEquals(List.of(1, 1, 1, 0), report.tensors().stream().map(TensorResult::checked).toList());
        assertFalse(report.complete());
        assertNull(report.tensor("db2").verdict());
        assertEquals(Verdict.PASS, report.verdict(), "an uncovered tensor does not make the verdict");
        assertTrue(report.notes().contains("partial check (budget of 7 cost evaluations): not covered db2"), report::toString);
    }

    @Test
    void aDirectionalCheckOfACorrectNetworkCostsTwoEvaluationsPerTensor() {
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, CheckOptions.defaults().directional());
        assertEquals(CheckMode.DIRECTIONAL, report.mode());
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertEquals(8, report.costEvaluations());
        assertEquals(0, report.checkedEntries());
        assertEquals(List.of(), report.worst());
        assertTrue(report.complete());
        for (TensorResult t : report.tensors()) {
            assertTrue(t.directional() > 0 && t.directional() < 1e-7, t.name() + " " + t.directional());
            assertEquals(t.directional(), t.difference());
        }
        assertTrue(report.difference() > 0 && report.difference() < 1e-7, report::toString);
    }

    /** The directional derivative g·v against (J(θ+εv) − J(θ−εv)) / 2ε, v a seeded unit vector. */
    @Test
    void aDirectionIsAUnitVectorAndItsDerivativeIsTheCosts() {
        double[] before = PARAMS.values().clone();
        BasePass base = new BasePass(NET, PARAMS, BATCH, Dropout.off());
        CheckOptions options = CheckOptions.defaults().withSeed(5);
        DirectionalCheck check = new DirectionalCheck(base, options);
        Probe probe = Probe.of(NET, M);
        for (int t = 0; t < 4; t++) {
            ParameterLayout.Tensor tensor = LAYOUT.tensors().get(t);
            DirectionalCheck.Outcome outcome = check.check(tensor, t, probe);
            // the same direction, found again: the one for which J(θ + s·v) changes as g·v does
            double[] g = base.analytic;
            double[] v = unitDirection(tensor, options.seed() + 7919L * t);
            double slope = 0;
            for (int e = 0; e < v.length; e++) {
                slope += g[tensor.offset() + e] * v[e];
            }
            double[] plus = PARAMS.values().clone();
            double[] minus = PARAMS.values().clone();
            for (int e = 0; e < v.length; e++) {
                plus[tensor.offset() + e] += 1e-7 * v[e];
                minus[tensor.offset() + e] -= 1e-7 * v[e];
            }
            double numeric = (cost(NET, plus) - cost(NET, minus)) / 2e-7;
            assertEquals(slope, outcome.analytic(), 1e-6 * Math.abs(slope), tensor.name());
            assertEquals(numeric, outcome.numeric(), 1e-6 * Math.abs(numeric), tensor.name());
            assertEquals(Math.abs(outcome.analytic() - outcome.numeric()) / (Math.abs(outcome.analytic()) + Math.abs(outcome.numeric())),
                    outcome.difference());
            assertNull(outcome.kink(), "tanh has no kink");
        }
        assertArrayEquals(before, PARAMS.values(), "the check leaves θ as it was");
    }

    /** Well19937c's Gaussians, normalised: the checker's seeded direction. */
    private static double[] unitDirection(ParameterLayout.Tensor tensor, long seed) {
        Well19937c rng = new Well19937c(seed);
        double[] v = new double[tensor.size()];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextGaussian();
            norm += v[i] * v[i];
        }
        for (int i = 0; i < v.length; i++) {
            v[i] /= Math.sqrt(norm);
        }
        return v;
    }

    @Test
    void aFixedMaskIsReplayedInTheEstimatesAndInBackprop() {
        DropoutMask mask = DropoutMask.sample(NET.architecture(), Dropout.training(new Well19937c(3)), M, new Well19937c(4));
        CheckOptions withMask = CheckOptions.defaults().withFixedMask(mask);
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH, withMask);
        assertEquals(Verdict.PASS, report.verdict(), report::toString);
        assertEquals("dropout: one recorded mask replayed in every cost evaluation and in backprop", report.notes().get(0));
        List<EntryResult> masked = everyEntry(NET, withMask);
        double[] naive = NaiveCentralDifferences.estimate(NET, PARAMS, BATCH, Dropout.fixed(mask), 1e-7, new int[] {0, 40});
        assertEquals(naive[0], masked.get(0).numeric(), 10 * report.noise());
        assertEquals(naive[1], masked.get(40).numeric(), 10 * report.noise());
        assertTrue(Math.abs(masked.get(0).analytic() - everyEntry(NET, CheckOptions.defaults()).get(0).analytic()) > 1e-6,
                "the masked network is another function");
    }

    @Test
    void argumentsAreChecked() {
        String message = "network, parameters, batch and options must not be null";
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(null, PARAMS, BATCH, CheckOptions.defaults())).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(NET, null, BATCH, CheckOptions.defaults())).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(NET, PARAMS, null, CheckOptions.defaults())).getMessage());
        assertEquals(message, assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(NET, PARAMS, BATCH, null)).getMessage());
        Parameters infinite = PARAMS.copy();
        infinite.values()[31] = Double.POSITIVE_INFINITY;
        assertEquals("cannot check gradients at non-finite parameters: b1[1] = Infinity", assertThrows(IllegalArgumentException.class,
                () -> GradientChecker.check(NET, infinite, BATCH)).getMessage());
        Batch unlabelled = Batch.inputs(NET.architecture(), BATCH.x());
        assertEquals("a gradient check needs labels: make the batch with Batch.of(architecture, x, y)",
                assertThrows(IllegalArgumentException.class, () -> GradientChecker.check(NET, PARAMS, unlabelled)).getMessage());
    }

    /** The network's declared settings: here the defaults on one thread. */
    @Test
    void theDeclaredSettingsAreUsedWhenNoneAreGiven() {
        GradientCheckReport report = GradientChecker.check(NET, PARAMS, BATCH);
        assertEquals(1, report.threads());
        assertEquals(CheckMode.FULL, report.mode());
        assertEquals(50, GradientAssertions.assertGradientsCorrect(NET, PARAMS, BATCH).checkedEntries());
        assertEquals(8, GradientAssertions.assertGradientsCorrect(NET, PARAMS, BATCH, CheckOptions.defaults().sampled(2)).checkedEntries());
    }

    private static Workspace forwardOnce() {
        Workspace ws = NET.newWorkspace(M);
        NET.forward(PARAMS, BATCH, ws, Dropout.off());
        return ws;
    }
}
