package dev.netsmith.train;

import static dev.netsmith.train.OptimizerTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LearningRateScheduleTest {

    private static void assertRates(LearningRateSchedule schedule, double... expected) {
        for (int epoch = 0; epoch < expected.length; epoch++) {
            assertEquals(expected[epoch], schedule.rate(0.1, epoch), 1e-15, "epoch " + epoch);
        }
    }

    @Test
    void constantKeepsTheInitialRate() {
        assertRates(LearningRateSchedule.constant(), 0.1, 0.1, 0.1);
    }

    @Test
    void inverseTimeDividesByOnePlusKT() {
        // 0.1 / (1 + 0.5·t)
        assertRates(LearningRateSchedule.inverseTime(0.5), 0.1, 0.1 / 1.5, 0.05, 0.04);
    }

    @Test
    void stepHalvesEveryTwoEpochs() {
        assertRates(LearningRateSchedule.step(0.5, 2), 0.1, 0.1, 0.05, 0.05, 0.025);
    }

    @Test
    void exponentialMultipliesByTheBaseEachEpoch() {
        assertRates(LearningRateSchedule.exponential(0.95), 0.1, 0.095, 0.09025, 0.0857375);
    }

    @Test
    void parametersAreChecked() {
        assertMessage(() -> LearningRateSchedule.inverseTime(-1), "decay rate");
        assertMessage(() -> LearningRateSchedule.inverseTime(Double.NaN), "decay rate");
        assertMessage(() -> LearningRateSchedule.step(1.5, 2), "step factor");
        assertMessage(() -> LearningRateSchedule.step(0.5, 0), "period");
        assertMessage(() -> LearningRateSchedule.exponential(0), "exponential base");
    }
}
