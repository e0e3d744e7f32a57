package dev.netsmith.train;

import dev.netsmith.data.MiniBatches;
import dev.netsmith.data.Shuffle;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.Workspace;
import java.time.Duration;
import java.util.Arrays;

/**
 * One call of {@link Trainer#fit}: checks its inputs, allocates everything the loop needs once, then runs
 * the loop. It is the {@link TrainingProgress} its listeners and stages see.
 */
final class TrainingRun implements TrainingProgress {

    private final CompiledNetwork net;
    private final Parameters params;
    private final double[] theta;
    private final double[] previous;
    private final Batch train;
    private final Batch dev;
    private final int[] devColumns;
    private final Batch devBuffer;
    private final Workspace ws;
    private final MiniBatches batches;
    private final int batchesPerEpoch;
    private final RandomStreams streams;
    private final Dropout dropout;
    private final Updater updater;
    private final LearningRateSchedule schedule;
    private final double initialRate;
    private final EarlyStopping earlyStopping;
    private final CostHistory history;
    private final TrainingListener[] listeners;
    private final TrainingStage[] stages;
    private final long[] nextStageAt;
    private final long[] lastStageAt;
    private final long iterationLimit;
    private final StopReason limitReason;

    private double learningRate = Double.NaN;
    private double trainingCost = Double.NaN;
    private double devCost = Double.NaN;
    private String stopRequest;
    private StopReason stopReason;
    private String message;

    TrainingRun(Trainer settings, CompiledNetwork net, Parameters params, Batch train, Batch dev, OptimizerState resumeFrom) {
        if (settings.maxEpochs() == 0 && settings.maxIterations() == 0) {
            throw new IllegalArgumentException("no stopping rule: call epochs(n) or iterations(n)");
        }
        if (settings.earlyStops() && dev == null) {
            throw new IllegalArgumentException("early stopping watches the dev cost: call fit(net, params, train, dev)");
        }
        if (net == null) {
            throw new IllegalArgumentException("the network is null");
        }
        this.net = net;
        this.params = copyChecked(params, net.layout());
        this.theta = this.params.values();
        this.previous = new double[theta.length];
        this.train = train;
        this.dev = dev;
        requireExamples("the training batch", train);
        requireFits("the training batch", train);
        this.batches = MiniBatches.of(net.architecture(), train, settings.batchSize());
        this.batchesPerEpoch = batches.batchesPerEpoch();
        this.ws = net.newWorkspace(batches.capacity());
        this.devBuffer = Batch.buffer(net.architecture(), batches.capacity());
        this.devColumns = dev == null ? new int[0] : Shuffle.identity(new int[requireExamples("the dev batch", dev)]);
        if (dev != null) {
            requireFits("the dev batch", dev);
        }
        this.streams = new RandomStreams(settings.seed());
        this.dropout = settings.dropout(net.architecture().depth(), streams.dropout());
        this.updater = settings.optimizer().start(theta.length);
        if (resumeFrom != null) {
            updater.restore(resumeFrom);
        }
        this.schedule = settings.schedule();
        this.initialRate = settings.learningRate();
        long byEpochs = settings.maxEpochs() > 0 ? (long) settings.maxEpochs() * batchesPerEpoch : Long.MAX_VALUE;
        long byIterations = settings.maxIterations() > 0 ? settings.maxIterations() : Long.MAX_VALUE;
        this.iterationLimit = Math.min(byEpochs, byIterations);
        this.limitReason = byEpochs <= byIterations ? StopReason.MAX_EPOCHS : StopReason.MAX_ITERATIONS;
        this.earlyStopping = settings.earlyStops() ? settings.newEarlyStopping(theta.length) : null;
        long start = updater.steps();
        this.history = new CostHistory(start, Math.max(start, iterationLimit), settings.recordCostEvery(), batchesPerEpoch, dev != null);
        this.listeners = settings.listeners().toArray(new TrainingListener[0]);
        this.stages = settings.stages().toArray(new TrainingStage[0]);
        this.nextStageAt = new long[stages.length];
        this.lastStageAt = new long[stages.length];
        java.util.Arrays.fill(lastStageAt, -1);
    }

    TrainingResult run() {
        long started = System.nanoTime();
        long start = updater.steps();
        for (int s = 0; s < stages.length; s++) {
            nextStageAt[s] = nextAt(s, start);
        }
        beginEpoch(epoch());
        runDueStages();
        while (stopReason == null) {
            long t = updater.steps();
            if (t >= iterationLimit) {
                stop(limitReason, limitReason == StopReason.MAX_EPOCHS
                        ? "completed " + iterationLimit / batchesPerEpoch + " epochs"
                        : "completed " + iterationLimit + " iterations");
                break;
            }
            int k = (int) (t % batchesPerEpoch);
            if (k == 0 && t > start) {
                beginEpoch(epoch());
            }
            if (step(k)) {
                afterStep();
            }
        }
        restoreBestIfAny();
        runEndStages();
        return new TrainingResult(params, stopReason, message, updater.steps(), epoch(), history, updater.export(),
                Duration.ofNanos(System.nanoTime() - started));
    }

    private void beginEpoch(int epoch) {
        batches.startEpoch(streams.shuffling(epoch));
        learningRate = schedule.rate(initialRate, epoch);
        if (!(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("the learning-rate schedule gave " + learningRate + " for epoch " + epoch
                    + " (from α0 = " + initialRate + "); rates must be positive and finite");
        }
    }

    /** One iteration on mini-batch k of the epoch; false when it diverged (and then the parameters are unchanged). */
    private boolean step(int k) {
        long t = updater.steps() + 1;
        Batch buffer = batches.batch(k);
        streams.startIteration(t);
        net.forward(params, buffer, ws, dropout);
        trainingCost = net.dataCost(buffer, ws) + net.l2Cost(params, buffer.m());
        if (!Double.isFinite(trainingCost)) {
            return diverged(t, "the cost is " + trainingCost);
        }
        double[] gradient = net.backward(params, buffer, ws);
        int bad = firstNonFinite(gradient);
        if (bad >= 0) {
            return diverged(t, "the gradient entry d" + net.layout().nameOf(bad) + " is " + gradient[bad]
                    + " (the cost was " + trainingCost + ")");
        }
        System.arraycopy(theta, 0, previous, 0, theta.length);
        updater.step(theta, gradient, learningRate);
        bad = firstNonFinite(theta);
        if (bad >= 0) {
            String what = "the update made " + net.layout().nameOf(bad) + " = " + theta[bad];
            System.arraycopy(previous, 0, theta, 0, theta.length);
            return diverged(t, what);
        }
        history.recordTraining(t, trainingCost);
        return true;
    }

    private boolean diverged(long iteration, String what) {
        stop(StopReason.DIVERGED, "training diverged at iteration " + iteration + " (epoch " + ((iteration - 1) / batchesPerEpoch + 1)
                + "): " + what + ". Returning the last finite parameters, those before this iteration. "
                + "Try a lower learning rate (it was " + learningRate + ")");
        return false;
    }

    private void afterStep() {
        for (TrainingListener listener : listeners) {
            listener.iterationEnd(this);
        }
        if (updater.steps() % batchesPerEpoch == 0) {
            endEpoch();
        }
        runDueStages();
    }

    private void endEpoch() {
        if (dev != null) {
            devCost = evaluateDev();
            history.recordDev(devCost);
            if (earlyStopping != null && earlyStopping.update(epoch(), devCost, theta)) {
                stop(StopReason.EARLY_STOPPING, "stopped early after epoch " + epoch() + ": the dev cost did not improve by more than "
                        + earlyStopping.minDelta() + " for " + earlyStopping.patience() + " epochs");
            }
        }
        for (TrainingListener listener : listeners) {
            listener.epochEnd(this);
        }
    }

    /** The regularised dev cost with dropout off, in chunks of the mini-batch size so the workspace serves it too. */
    private double evaluateDev() {
        int m = dev.m();
        double sum = 0;
        for (int from = 0; from < m; from += devBuffer.capacity()) {
            int to = Math.min(m, from + devBuffer.capacity());
            devBuffer.gather(dev, devColumns, from, to);
            net.forward(params, devBuffer, ws, Dropout.off());
            sum += net.dataCost(devBuffer, ws) * (to - from);
        }
        return sum / m + net.l2Cost(params, m);
    }

    /** Runs the stages that asked to run at the end and have not just run, unless training diverged. */
    private void runEndStages() {
        if (stopReason == StopReason.DIVERGED) {
            return;
        }
        for (int s = 0; s < stages.length; s++) {
            if (stages[s].atEnd() && lastStageAt[s] != updater.steps()) {
                stages[s].run(this);
                lastStageAt[s] = updater.steps();
            }
        }
    }

    /** Runs the stages due at the current iteration count, then honours any stop request of this iteration. */
    private void runDueStages() {
        long t = updater.steps();
        for (int s = 0; s < stages.length; s++) {
            if (nextStageAt[s] == t) {
                stages[s].run(this);
                lastStageAt[s] = t;
                nextStageAt[s] = nextAt(s, t + 1);
            }
        }
        if (stopReason == null && stopRequest != null) {
            stop(StopReason.REQUESTED, "stopped at iteration " + t + " on request: " + stopRequest);
        }
    }

    private long nextAt(int s, long from) {
        long next = stages[s].nextAt(from);
        if (next < from) {
            throw new IllegalStateException(stages[s] + " asked to run at iteration " + next + ", before " + from);
        }
        return next;
    }

    private void restoreBestIfAny() {
        if (earlyStopping != null && stopReason != StopReason.DIVERGED && earlyStopping.hasBest()) {
            earlyStopping.restoreBest(theta);
            message += "; restored the parameters of epoch " + earlyStopping.bestEpoch()
                    + " (dev cost " + earlyStopping.bestCost() + ")";
        }
    }

    private void stop(StopReason reason, String why) {
        stopReason = reason;
        message = why;
    }

    private static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }

    private static Parameters copyChecked(Parameters params, ParameterLayout layout) {
        if (params == null) {
            throw new IllegalArgumentException("the parameters are null");
        }
        if (!params.layout().sameShapeAs(layout)) {
            throw new IllegalArgumentException("parameters of layer sizes " + Arrays.toString(params.layout().sizes())
                    + " do not fit this network's " + Arrays.toString(layout.sizes()));
        }
        String nonFinite = params.firstNonFinite();
        if (nonFinite != null) {
            throw new IllegalArgumentException("the starting parameters must be finite: " + nonFinite);
        }
        return new Parameters(layout, params.values().clone());
    }

    private static int requireExamples(String what, Batch batch) {
        if (batch == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        if (batch.m() == 0) {
            throw new IllegalArgumentException(what + " is empty (m = 0)");
        }
        return batch.m();
    }

    private void requireFits(String what, Batch batch) {
        if (!batch.hasLabels()) {
            throw new IllegalArgumentException(what + " has no labels: make it with Batch.of(architecture, x, y)");
        }
        if (!batch.fits(net.architecture())) {
            throw new IllegalArgumentException(what + " does not fit this network: it was made for other sizes, labels or loss than "
                    + net.architecture());
        }
    }

    @Override
    public CompiledNetwork network() {
        return net;
    }

    @Override
    public Parameters parameters() {
        return params;
    }

    @Override
    public Batch trainingData() {
        return train;
    }

    @Override
    public Batch devData() {
        return dev;
    }

    @Override
    public long iteration() {
        return updater.steps();
    }

    @Override
    public int epoch() {
        return (int) (updater.steps() / batchesPerEpoch);
    }

    @Override
    public double trainingCost() {
        return trainingCost;
    }

    @Override
    public double devCost() {
        return devCost;
    }

    @Override
    public double learningRate() {
        return learningRate;
    }

    @Override
    public OptimizerState optimizerState() {
        return updater.export();
    }

    @Override
    public void requestStop(String reason) {
        if (stopRequest == null) {
            stopRequest = reason == null ? "no reason given" : reason;
        }
    }
}
