package dev.netsmith.check;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.train.TrainingProgress;
import dev.netsmith.train.TrainingStage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Gradient checks at chosen stages of training, as the course recommends: at initialisation, and again
 * after training has moved W and b away from their start. Each stage checks a fixed batch (the first
 * examples of the training data, unless given) with dropout off or a fixed mask, and the reports are kept
 * side by side. A check costs two cost evaluations per parameter, so there is deliberately no way to run one
 * every iteration: stages are a short, explicit list of iteration counts.
 *
 * <pre>{@code
 * StagedChecks checks = StagedChecks.atInitialization().thenAfterIterations(1000).onFailure(OnFailure.STOP);
 * Trainer.adam(1e-3).epochs(50).checks(checks).fit(net, params, train);
 * System.out.println(checks.sideBySide());
 * }</pre>
 *
 * <p>An instance records the reports of one run; it is not thread-safe.
 */
public final class StagedChecks implements TrainingStage {

    /** What a failing stage does to the training run. */
    public enum OnFailure {
        /** Stop training (the run ends with the reason and the report's diagnosis). */
        STOP,
        /** Log a warning and keep training; the report is kept either way. */
        WARN
    }

    /** Examples in the check batch when none is given. */
    public static final int DEFAULT_CHECK_EXAMPLES = 64;

    private static final System.Logger LOG = System.getLogger(StagedChecks.class.getName());

    private final long[] iterations;
    private final boolean atEnd;
    private final OnFailure onFailure;
    private final CheckOptions options;
    private final Batch checkBatch;
    private final int checkExamples;
    private final List<StageReport> reports = new ArrayList<>();
    private Batch fixedBatch;

    private StagedChecks(long[] iterations, boolean atEnd, OnFailure onFailure, CheckOptions options, Batch checkBatch,
                         int checkExamples) {
        this.iterations = iterations;
        this.atEnd = atEnd;
        this.onFailure = onFailure;
        this.options = options;
        this.checkBatch = checkBatch;
        this.checkExamples = checkExamples;
    }

    /** A check before the first training step. */
    public static StagedChecks atInitialization() {
        return new StagedChecks(new long[] {0}, false, OnFailure.STOP, null, null, DEFAULT_CHECK_EXAMPLES);
    }

    /** A first check after n training steps. */
    public static StagedChecks afterIterations(long n) {
        return atInitialization().replaceStages(new long[] {positive(n)});
    }

    /** One more check after n training steps, later than every stage so far. */
    public StagedChecks thenAfterIterations(long n) {
        long last = iterations[iterations.length - 1];
        if (n <= last) {
            throw new IllegalArgumentException("stages must come in order: " + n + " is not after " + last);
        }
        long[] more = Arrays.copyOf(iterations, iterations.length + 1);
        more[iterations.length] = n;
        return replaceStages(more);
    }

    /**
     * One more check when training ends, on the parameters the trainer returns (the best ones under early
     * stopping), however many iterations that took; skipped when a stage just ran at that count.
     */
    public StagedChecks thenAtEnd() {
        return new StagedChecks(iterations, true, onFailure, options, checkBatch, checkExamples);
    }

    /** What a failing stage does: STOP (the default) or WARN. */
    public StagedChecks onFailure(OnFailure action) {
        if (action == null) {
            throw new IllegalArgumentException("onFailure needs STOP or WARN");
        }
        return new StagedChecks(iterations, atEnd, action, options, checkBatch, checkExamples);
    }

    /** The check's options; by default the network's declared {@code @GradientCheck} settings. */
    public StagedChecks withOptions(CheckOptions checkOptions) {
        if (checkOptions == null) {
            throw new IllegalArgumentException("options are null");
        }
        return new StagedChecks(iterations, atEnd, onFailure, checkOptions, checkBatch, checkExamples);
    }

    /** Every stage checks this batch instead of the first examples of the training data. */
    public StagedChecks onBatch(Batch batch) {
        if (batch == null || !batch.hasLabels()) {
            throw new IllegalArgumentException("the check batch needs inputs and labels");
        }
        return new StagedChecks(iterations, atEnd, onFailure, options, batch, checkExamples);
    }

    /** Every stage checks the first n training examples (64 by default). */
    public StagedChecks onFirstExamples(int n) {
        return new StagedChecks(iterations, atEnd, onFailure, options, checkBatch, (int) positive(n));
    }

    private StagedChecks replaceStages(long[] stages) {
        return new StagedChecks(stages, atEnd, onFailure, options, checkBatch, checkExamples);
    }

    private static long positive(long n) {
        if (n < 1) {
            throw new IllegalArgumentException("must be at least 1, was " + n);
        }
        return n;
    }

    /** The iteration counts at which a check runs. */
    public long[] stages() {
        return iterations.clone();
    }

    @Override
    public boolean atEnd() {
        return atEnd;
    }

    @Override
    public long nextAt(long from) {
        for (long at : iterations) {
            if (at >= from) {
                return at;
            }
        }
        return NEVER;
    }

    /** Called by the trainer at each stage. */
    @Override
    public void run(TrainingProgress progress) {
        StageReport stage = check(progress.iteration(), progress.network(), progress.parameters(), progress.trainingData());
        if (!stage.report().passed()) {
            String message = "gradient check " + stage.label() + " " + stage.report().verdict() + ": "
                    + stage.report().diagnosis().summary();
            if (onFailure == OnFailure.STOP && stage.report().verdict() == Verdict.FAIL) {
                progress.requestStop(message);
            } else {
                LOG.log(System.Logger.Level.WARNING, message);
            }
        }
    }

    /**
     * Runs the check of the stage at {@code iteration} by hand, for a training loop of one's own; the
     * iteration must be one of {@link #stages()}, or any count when {@link #thenAtEnd()} asked for a check at the
     * end. The report is also kept in {@link #reports()}.
     */
    public StageReport check(long iteration, CompiledNetwork network, Parameters params, Batch trainingData) {
        if (!atEnd && Arrays.stream(iterations).noneMatch(at -> at == iteration)) {
            throw new IllegalArgumentException("no stage at iteration " + iteration + "; the stages are " + Arrays.toString(iterations));
        }
        if (!(network instanceof CheckableNetwork checkable)) {
            throw new IllegalArgumentException("staged gradient checks need a generated network (a CheckableNetwork), not "
                    + network.getClass().getName());
        }
        Batch batch = batch(checkable, trainingData);
        GradientCheckReport report = GradientChecker.check(checkable, params, batch,
                options == null ? checkable.declaredCheckOptions() : options);
        StageReport stage = new StageReport(iteration, report);
        reports.add(stage);
        return stage;
    }

    /** The fixed check batch: the one given, or the first examples of the data seen at the first stage. */
    private Batch batch(CompiledNetwork network, Batch trainingData) {
        if (checkBatch != null) {
            return checkBatch;
        }
        if (fixedBatch == null) {
            int n = Math.min(checkExamples, trainingData.m());
            fixedBatch = Batch.buffer(network.architecture(), n);
            int[] first = new int[n];
            Arrays.setAll(first, i -> i);
            fixedBatch.gather(trainingData, first, 0, n);
        }
        return fixedBatch;
    }

    /** The reports so far, in stage order. */
    public List<StageReport> reports() {
        return List.copyOf(reports);
    }

    /** The stages' per-tensor differences and verdicts in columns, e.g. at initialisation beside after training. */
    public String sideBySide() {
        if (reports.isEmpty()) {
            return "no gradient check has run yet";
        }
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s", "tensor"));
        for (StageReport stage : reports) {
            s.append(String.format(Locale.ROOT, "  %-26s", stage.label()));
        }
        s.append('\n');
        List<TensorResult> first = reports.get(0).report().tensors();
        for (int t = 0; t < first.size(); t++) {
            s.append(String.format(Locale.ROOT, "%-8s", first.get(t).name()));
            for (StageReport stage : reports) {
                TensorResult result = stage.report().tensors().get(t);
                s.append(String.format(Locale.ROOT, "  %-26s", result.covered()
                        ? String.format(Locale.ROOT, "%.2e %s%s", result.difference(), result.verdict(),
                        result.withinNoise() ? " (noise)" : "") : "not run"));
            }
            s.append('\n');
        }
        s.append(String.format(Locale.ROOT, "%-8s", "overall"));
        for (StageReport stage : reports) {
            s.append(String.format(Locale.ROOT, "  %-26s", String.format(Locale.ROOT, "%.2e %s", stage.report().difference(),
                    stage.report().verdict())));
        }
        s.append('\n');
        if (reports.stream().anyMatch(r -> r.report().tensors().stream().anyMatch(TensorResult::withinNoise))) {
            s.append("(noise): above passBelow only by rounding error, which the report's notes show\n");
        }
        return s.toString();
    }
}
