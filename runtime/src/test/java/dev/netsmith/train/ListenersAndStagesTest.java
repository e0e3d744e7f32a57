package dev.netsmith.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersAndStagesTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 4, 1, 1.0, 0.0);
    private final Batch train = SeparableData.blobs(net.architecture(), 60, 0.8, 1);
    private final Parameters start = net.initialize(3);
    private final Trainer trainer = Trainer.sgd(0.1).batchSize(16);

    /** Runs at fixed iteration counts and remembers when it ran and how often it was asked. */
    private static class Recorder implements TrainingStage {
        private final long[] at;
        final List<Long> ranAt = new ArrayList<>();
        final List<double[]> parameters = new ArrayList<>();
        final List<Double> learningRates = new ArrayList<>();
        int asked;

        Recorder(long... at) {
            this.at = at;
        }

        @Override
        public long nextAt(long from) {
            asked++;
            for (long t : at) {
                if (t >= from) {
                    return t;
                }
            }
            return NEVER;
        }

        @Override
        public void run(TrainingProgress progress) {
            ranAt.add(progress.iteration());
            parameters.add(progress.parameters().values().clone());
            learningRates.add(progress.learningRate());
        }
    }

    @Test
    void aStageRunsAtInitialisationAndAtItsIterationCountsOnly() {
        Recorder stage = new Recorder(0, 5, 12);
        TrainingResult result = trainer.iterations(20).checks(stage).fit(net, start, train);

        assertEquals(List.of(0L, 5L, 12L), stage.ranAt);
        assertEquals(4, stage.asked, "asked once at the start and once after each run, never every iteration");
        assertArrayEquals(start.values(), stage.parameters.get(0), 0.0);
        assertEquals(List.of(0.1, 0.1, 0.1), stage.learningRates);
        assertEquals(20, result.iterations());
    }

    @Test
    void aStageCanStopTheRun() {
        TrainingStage failing = new Recorder(8) {
            @Override
            public void run(TrainingProgress progress) {
                progress.requestStop("gradient check failed");
            }
        };
        TrainingResult result = trainer.epochs(10).checks(failing).fit(net, start, train);
        assertEquals(StopReason.REQUESTED, result.stopReason());
        assertEquals(8, result.iterations());
        assertEquals("stopped at iteration 8 on request: gradient check failed", result.message());
    }

    @Test
    void aListenerCanStopTheRun() {
        List<Long> seen = new ArrayList<>();
        TrainingResult result = trainer.epochs(10)
                .listener(TrainingListener.everyIterations(3, p -> {
                    seen.add(p.iteration());
                    if (p.iteration() == 9) {
                        p.requestStop("enough");
                    }
                }))
                .fit(net, start, train);
        assertEquals(List.of(3L, 6L, 9L), seen);
        assertEquals(StopReason.REQUESTED, result.stopReason());
        assertEquals(9, result.iterations());
        assertTrue(result.message().endsWith("enough"));
    }

    @Test
    void epochEndListenersSeeEachEpochAndItsDevCost() {
        Batch dev = SeparableData.blobs(net.architecture(), 20, 0.8, 2);
        List<String> seen = new ArrayList<>();
        TrainingResult result = trainer.epochs(3)
                .listener(TrainingListener.atEpochEnd(p -> seen.add(p.epoch() + "@" + p.iteration() + ":" + p.devCost())))
                .fit(net, start, train, dev);
        double[] devCosts = result.history().devCosts();
        assertEquals(List.of("1@4:" + devCosts[0], "2@8:" + devCosts[1], "3@12:" + devCosts[2]), seen);
    }
}
