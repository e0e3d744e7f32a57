package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import dev.netsmith.testing.ForwardingNetwork;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TrainerTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 4, 1, 0.8, 0.05);
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 0.8, 1);
    private final Batch dev = SeparableData.blobs(net.architecture(), 30, 0.8, 2);
    private final Parameters start = net.initialize(3);

    static Stream<Trainer> optimizers() {
        return Stream.of(Trainer.sgd(0.5), Trainer.momentum(0.5), Trainer.adam(0.02));
    }

    @ParameterizedTest
    @MethodSource("optimizers")
    void theCostFallsOnSeparableData(Trainer trainer) {
        TrainingResult result = trainer.epochs(40).batchSize(16).fit(net, start, train, dev);

        assertEquals(StopReason.MAX_EPOCHS, result.stopReason());
        double initialDev = net.cost(start, dev, net.newWorkspace(dev.m()));
        double[] devCosts = result.history().devCosts();
        assertTrue(devCosts[devCosts.length - 1] < 0.5 * initialDev,
                () -> trainer + ": dev cost " + initialDev + " → " + Arrays.toString(devCosts));
        double[] costs = result.history().trainingCosts();
        assertTrue(mean(costs, costs.length - 4, costs.length) < 0.5 * mean(costs, 0, 4));
    }

    @Test
    void theParametersPassedInAreNotChanged() {
        double[] before = start.values().clone();
        TrainingResult result = Trainer.sgd(0.5).epochs(2).fit(net, start, train);
        assertArrayEquals(before, start.values(), 0.0);
        assertNotEquals(start, result.parameters());
        assertFalse(Arrays.equals(before, result.parameters().values()));
    }

    @Test
    void aRunIsReproducibleFromItsSeed() {
        Trainer trainer = Trainer.adam(0.01).epochs(3).batchSize(16);
        double[] first = trainer.seed(5).fit(net, start, train).parameters().values();
        double[] again = trainer.seed(5).fit(net, start, train).parameters().values();
        double[] other = trainer.seed(6).fit(net, start, train).parameters().values();
        assertArrayEquals(first, again, 0.0);
        assertFalse(Arrays.equals(first, other));
    }

    @Test
    void epochsCountTheLastPartialBatch() {
        // 60 examples in batches of 16: 16, 16, 16, 12
        TrainingResult result = Trainer.sgd(0.1).epochs(3).batchSize(16).fit(net, start, train, dev);
        assertEquals(12, result.iterations());
        assertEquals(3, result.epochs());
        assertEquals(12, result.history().trainingCount());
        assertEquals(1, result.history().trainingIteration(0));
        assertEquals(12, result.history().trainingIteration(11));
        assertEquals(3, result.history().devCount());
        assertEquals(1, result.history().devEpoch(0));
        assertEquals("completed 3 epochs", result.message());
    }

    @Test
    void everyEpochVisitsEveryExampleOnceInAFreshOrder() {
        // example j has x0 = j, so the batches the network sees spell out the order
        double[][] x = new double[2][10];
        double[][] y = new double[1][10];
        for (int j = 0; j < 10; j++) {
            x[0][j] = j;
            y[0][j] = j % 2;
        }
        List<double[]> batches = new ArrayList<>();
        ForwardingNetwork recording = new ForwardingNetwork(net) {
            @Override
            public double[][] forward(Parameters params, Batch batch, Workspace ws, Dropout dropout) {
                batches.add(Arrays.copyOf(batch.x()[0], batch.m()));
                return super.forward(params, batch, ws, dropout);
            }
        };
        Trainer.sgd(0.1).epochs(3).batchSize(4).fit(recording, start, net.batch(x, y));

        assertEquals(List.of(4, 4, 2, 4, 4, 2, 4, 4, 2), batches.stream().map(b -> b.length).toList());
        List<List<Double>> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<Double> order = new ArrayList<>();
            for (double[] batch : batches.subList(3 * e, 3 * e + 3)) {
                Arrays.stream(batch).forEach(order::add);
            }
            epochs.add(order);
            assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), order.stream().sorted().toList());
        }
        assertNotEquals(epochs.get(0), epochs.get(1));
        assertNotEquals(epochs.get(1), epochs.get(2));
    }

    @Test
    void whicheverStoppingRuleComesFirstEndsTheRun() {
        Trainer trainer = Trainer.sgd(0.1).batchSize(16);
        TrainingResult byIterations = trainer.epochs(3).iterations(6).fit(net, start, train);
        assertEquals(StopReason.MAX_ITERATIONS, byIterations.stopReason());
        assertEquals(6, byIterations.iterations());
        assertEquals(1, byIterations.epochs());
        TrainingResult byEpochs = trainer.epochs(2).iterations(100).fit(net, start, train);
        assertEquals(StopReason.MAX_EPOCHS, byEpochs.stopReason());
        assertEquals(8, byEpochs.iterations());
    }

    @Test
    void theTrainingCostIsTheDataCostPlusTheL2Term() {
        // one batch holding every example, no dropout: the first cost is J at the starting parameters
        TrainingResult result = Trainer.sgd(0.1).withoutDropout().iterations(1).batchSize(1000).fit(net, start, train);
        double expected = net.cost(start, train, net.newWorkspace(train.m()));
        assertEquals(expected, result.history().trainingCost(0), 1e-12);
        assertTrue(net.l2Cost(start, train.m()) > 1e-3, "the L2 term must matter here");
    }

    @Test
    void dropoutIsOnDuringTrainingOnly() {
        Trainer trainer = Trainer.sgd(0.1).epochs(1).batchSize(1000);
        List<double[]> atEpochEnd = new ArrayList<>();
        List<Double> devCosts = new ArrayList<>();
        TrainingResult dropped = trainer.listener(TrainingListener.atEpochEnd(p -> {
            atEpochEnd.add(p.parameters().values().clone());
            devCosts.add(p.devCost());
        })).fit(net, start, train, dev);

        double withoutDropout = net.cost(start, train, net.newWorkspace(train.m()));
        assertNotEquals(withoutDropout, dropped.history().trainingCost(0), 1e-6);
        Parameters afterEpoch = new Parameters(net.layout(), atEpochEnd.get(0));
        assertEquals(net.cost(afterEpoch, dev, net.newWorkspace(dev.m())), devCosts.get(0), 1e-12);
    }

    @Test
    void aKeepProbabilityOfOneOverridesTheDeclaredDropout() {
        Trainer trainer = Trainer.adam(0.01).epochs(2).batchSize(16);
        double[] overridden = trainer.keepProb(1, 1.0).fit(net, start, train).parameters().values();
        double[] off = trainer.withoutDropout().fit(net, start, train).parameters().values();
        double[] declared = trainer.fit(net, start, train).parameters().values();
        assertArrayEquals(off, overridden, 0.0);
        assertFalse(Arrays.equals(off, declared));
    }

    @Test
    void theScheduleSetsEachEpochsLearningRate() {
        LearningRateSchedule schedule = LearningRateSchedule.inverseTime(1.0);
        List<String> mismatches = new ArrayList<>();
        Trainer.sgd(0.2).schedule(schedule).epochs(4).batchSize(16)
                .listener(TrainingListener.everyIterations(1, p -> {
                    int epochOfStep = (int) ((p.iteration() - 1) / 4);
                    if (p.learningRate() != schedule.rate(0.2, epochOfStep)) {
                        mismatches.add(p.iteration() + ": " + p.learningRate());
                    }
                }))
                .fit(net, start, train);
        assertEquals(List.of(), mismatches);
    }

    @Test
    void recordingEveryNthCostKeepsThoseIterations() {
        TrainingResult result = Trainer.sgd(0.1).iterations(10).batchSize(16).recordCostEvery(4).fit(net, start, train);
        assertEquals(2, result.history().trainingCount());
        assertEquals(4, result.history().trainingIteration(0));
        assertEquals(8, result.history().trainingIteration(1));
    }

    private static double mean(double[] values, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += values[i];
        }
        return sum / (to - from);
    }
}
