package dev.netsmith.train;

import static dev.netsmith.train.OptimizerTest.assertMessage;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.testing.HandWrittenTanhSigmoid;
import dev.netsmith.testing.SeparableData;
import org.junit.jupiter.api.Test;

/** Every setting and argument is checked before training starts, and the message names the problem. */
class TrainerValidationTest {

    private final HandWrittenTanhSigmoid net = new HandWrittenTanhSigmoid(2, 4, 1, 0.8, 0.0);
    private final HandWrittenTanhSigmoid wider = new HandWrittenTanhSigmoid(3, 4, 1, 0.8, 0.0);
    private final Batch train = SeparableData.blobs(net.architecture(), 20, 0.8, 1);
    private final Batch dev = SeparableData.blobs(net.architecture(), 10, 0.8, 2);
    private final Parameters params = net.initialize(1);
    private final Trainer trainer = Trainer.sgd(0.1).epochs(1);

    @Test
    void settings() {
        assertMessage(() -> Trainer.sgd(0), "learning rate must be positive and finite, was 0.0");
        assertMessage(() -> Trainer.adam(-1e-3), "learning rate");
        assertMessage(() -> Trainer.momentum(Double.NaN), "was NaN");
        assertMessage(() -> Trainer.sgd(Double.POSITIVE_INFINITY), "learning rate");
        assertMessage(() -> Trainer.with(null, 0.1), "optimizer is null");
        assertMessage(() -> trainer.batchSize(0), "batch size must be positive, was 0");
        assertMessage(() -> trainer.epochs(-1), "number of epochs");
        assertMessage(() -> trainer.iterations(0), "number of iterations");
        assertMessage(() -> trainer.earlyStopping(0, 0), "patience");
        assertMessage(() -> trainer.earlyStopping(3, -1e-3), "min delta");
        assertMessage(() -> trainer.keepProb(0, 0.5), "numbered from 1");
        assertMessage(() -> trainer.keepProb(1, 1.5), "(0, 1]");
        assertMessage(() -> trainer.recordCostEvery(0), "recording interval");
        assertMessage(() -> trainer.schedule(null), "schedule is null");
        assertMessage(() -> trainer.listener(null), "listener is null");
        assertMessage(() -> trainer.checks(null), "stage is null");
    }

    @Test
    void aStoppingRuleIsNeeded() {
        assertMessage(() -> Trainer.sgd(0.1).fit(net, params, train), "no stopping rule: call epochs(n) or iterations(n)");
    }

    @Test
    void theParametersMustFitTheNetworkAndBeFinite() {
        assertMessage(() -> trainer.fit(net, null, train), "parameters are null");
        assertMessage(() -> trainer.fit(net, wider.initialize(1), train), "parameters of layer sizes [3, 4, 1] do not fit this network's [2, 4, 1]");
        Parameters broken = params.copy();
        broken.values()[2] = Double.NaN;
        assertMessage(() -> trainer.fit(net, broken, train), "starting parameters must be finite: W1[1][0] = NaN");
    }

    @Test
    void theDataMustBelongToTheNetwork() {
        assertMessage(() -> trainer.fit(null, params, train), "network is null");
        assertMessage(() -> trainer.fit(net, params, null), "training batch is null");
        assertMessage(() -> trainer.fit(net, params, Batch.buffer(net.architecture(), 4)), "training batch is empty");
        assertMessage(() -> trainer.fit(net, params, train, null), "dev batch is null");
        Batch otherDev = SeparableData.blobs(wider.architecture(), 10, 0.8, 2);
        assertMessage(() -> trainer.fit(net, params, train, otherDev), "the dev batch does not fit");
        Batch unlabelled = Batch.inputs(net.architecture(), dev.x());
        assertMessage(() -> trainer.fit(net, params, train, unlabelled), "no labels");
        assertMessage(() -> trainer.fit(net, params, SeparableData.blobs(wider.architecture(), 10, 0.8, 2)),
                "the training batch does not fit");
    }

    @Test
    void earlyStoppingNeedsDevData() {
        assertMessage(() -> trainer.earlyStopping(2, 0).fit(net, params, train), "early stopping watches the dev cost");
    }

    @Test
    void dropoutOverridesMustNameAHiddenLayerOfADropoutRun() {
        assertMessage(() -> trainer.keepProb(2, 0.5).fit(net, params, train), "hidden layers are 1..1");
        assertMessage(() -> trainer.keepProb(1, 0.5).withoutDropout().fit(net, params, train), "dropout is off");
    }

    @Test
    void aScheduleMustGivePositiveRates() {
        assertMessage(() -> trainer.schedule((rate, epoch) -> 0).fit(net, params, train), "schedule gave 0.0 for epoch 0");
    }

    @Test
    void resumingNeedsAStateForThisOptimizerAndNetwork() {
        OptimizerState momentum = Trainer.momentum(0.1).iterations(2).fit(net, params, train).optimizerState();
        assertMessage(() -> Trainer.adam(0.1).epochs(1).resume(net, params, momentum, train), "saved by momentum");
        OptimizerState wide = Trainer.adam(0.1).iterations(2).fit(wider, wider.initialize(1),
                SeparableData.blobs(wider.architecture(), 10, 0.8, 2)).optimizerState();
        assertMessage(() -> Trainer.adam(0.1).epochs(1).resume(net, params, wide, train), "entries, the parameters 17");
        assertMessage(() -> trainer.resume(net, params, null, train), "state to resume from is null");
    }
}
