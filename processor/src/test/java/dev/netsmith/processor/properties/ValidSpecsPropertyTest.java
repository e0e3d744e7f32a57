package dev.netsmith.processor.properties;

import com.google.testing.compile.Compilation;
import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.check.CheckOptions;
import dev.netsmith.check.CheckableNetwork;
import dev.netsmith.check.GradientCheckReport;
import dev.netsmith.check.GradientChecker;
import dev.netsmith.check.Verdict;
import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.processor.validation.Declarations;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.train.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import net.jqwik.api.AfterFailureMode;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

/**
 * Random valid declarations ({@link Specs#valid()}) compile with exactly the warnings they should get, generate the
 * architecture they declare, and their gradients check: a full gradient check with the default options (ε = 1e-7,
 * pass below 1e-7, fail above 1e-3, dropout off) at a seeded initialisation with non-zero biases, and again after a few
 * Adam steps trained with the declared dropout, never FAILs, and PASSes with a difference below 1e-7 for at least 99%
 * of the declarations at each of the two stages.
 *
 * <p>Each try compiles a batch of {@value #SPECS_PER_BATCH} declarations in one javac run; the seed is fixed, so CI
 * runs the same {@value #BATCHES} batches every time, and shrinking is off (each step would be another javac run): a
 * failure prints the declarations that failed as sources a user could compile, with their reports. The pass rate,
 * the largest difference and the times are printed after the property.
 */
class ValidSpecsPropertyTest {

    static final int BATCHES = 4;
    static final int SPECS_PER_BATCH = 30;
    static final int TRAINING_STEPS = 10;
    static final double REQUIRED_PASS_RATE = 0.99;

    private static final String[] STAGES = {"at initialisation", "after " + TRAINING_STEPS + " Adam steps"};

    private int batches;
    private Statistics statistics;

    @BeforeProperty
    void reset() {
        batches = 0;
        statistics = new Statistics();
    }

    @Provide
    Arbitrary<List<NetSpec>> batches() {
        return Specs.valid().list().ofSize(SPECS_PER_BATCH);
    }

    @Property(tries = BATCHES, seed = "20250611", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void validDeclarationsCompileAndTheirGradientsCheck(@ForAll("batches") List<NetSpec> specs) {
        SpecBatch batch = new SpecBatch("Batch" + batches++, specs);
        Stopwatch compiling = new Stopwatch();
        GeneratedClasses generated = compile(batch);
        String compileTime = compiling.toString();
        statistics.compiling.add(compiling);

        Stopwatch checking = new Stopwatch();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            NetSpec spec = batch.specs().get(i);
            CheckableNetwork net = (CheckableNetwork) generated.network(batch.qualifiedPrefix(i));
            List<String> problems = new ArrayList<>(declaredAsGenerated(batch.canonicalName(i), spec, net));
            long started = System.nanoTime();
            problems.addAll(checkAtInitialisationAndAfterTraining(spec, net));
            statistics.count(spec, net.architecture(), System.nanoTime() - started);
            if (!problems.isEmpty()) {
                failures.add(batch.describe(i) + String.join("\n", problems));
            }
        }
        statistics.checking.add(checking);
        System.out.printf(Locale.ROOT, "%s: %d declarations compiled in %s, checked, trained and checked again in %s%n",
                batch.qualifiedClassName(), batch.size(), compileTime, checking);
        if (!failures.isEmpty()) {
            statistics.tryFailed = true;
            throw SpecBatch.failure(failures.size() + " of " + batch.size() + " valid declarations failed", failures);
        }
    }

    @AfterProperty
    void passRateAndCoverage() {
        statistics.print();
        if (!statistics.tryFailed) {
            statistics.assertEnough();
        }
    }

    /** Compiles the batch: it must succeed with exactly the warnings expected of each declaration. */
    private GeneratedClasses compile(SpecBatch batch) {
        Declarations.Compiled compiled = batch.compile();
        SpecBatch.Diagnostics diagnostics = batch.diagnostics(compiled.compilation());
        List<String> failures = new ArrayList<>(diagnostics.unexpected());
        for (int i = 0; i < batch.size(); i++) {
            List<String> problems = batch.mismatches(i, diagnostics, List.of());
            if (!problems.isEmpty()) {
                failures.add(batch.describe(i) + String.join("\n", problems));
            }
        }
        if (!failures.isEmpty() || compiled.compilation().status() != Compilation.Status.SUCCESS) {
            statistics.tryFailed = true;
            throw SpecBatch.failure("a batch of valid declarations did not compile as it should", failures);
        }
        return GeneratedClasses.of(compiled.compilation());
    }

    /** The generated model's architecture, parameter count and declared check options are the declaration's. */
    private static List<String> declaredAsGenerated(String canonicalName, NetSpec spec, CheckableNetwork net) {
        List<Architecture.Layer> layers = new ArrayList<>();
        for (NetSpec.Layer layer : spec.layers()) {
            layers.add(new Architecture.Layer(layer.units(), layer.activation(), layer.keepProb(),
                    layer.custom() == null ? null : "props.Activations." + layer.custom()));
        }
        Architecture declared = new Architecture(canonicalName, spec.inputs(), layers, spec.loss(), spec.l2(), spec.init());
        List<String> problems = new ArrayList<>();
        if (!declared.equals(net.architecture())) {
            problems.add("generated architecture " + net.architecture() + ", declared " + declared);
        }
        if (net.layout().size() != spec.parameterCount()) {
            problems.add("layout of " + net.layout().size() + " parameters, declared " + spec.parameterCount());
        }
        CheckOptions options = net.declaredCheckOptions();
        NetSpec.Check check = spec.check() != null ? spec.check() : new NetSpec.Check(1e-7, 1e-7, 1e-3);
        if (options.epsilon() != check.epsilon() || options.passBelow() != check.passBelow() || options.failAbove() != check.failAbove()) {
            problems.add("declared check options ε = " + options.epsilon() + ", " + options.passBelow() + ", " + options.failAbove()
                    + "; declared " + check);
        }
        return problems;
    }

    /**
     * The default check at a seeded initialisation, and again after a few Adam steps (with the declared dropout) on the
     * same examples: a FAIL, or a check that left entries out, is a problem; a WARN only counts against the pass rate.
     */
    private List<String> checkAtInitialisationAndAfterTraining(NetSpec spec, CheckableNetwork net) {
        int m = 8 + (int) Math.floorMod(spec.seed(), 9L);
        Batch data = net.batch(TestData.inputs(net.architecture(), m, spec.seed()),
                TestData.labels(net.architecture(), m, spec.seed() + 1));
        Parameters initial = TestData.parameters(net, spec.seed());
        GradientCheckReport atInit = GradientChecker.check(net, initial, data, CheckOptions.defaults());
        Parameters trained = Trainer.adam(0.01).iterations(TRAINING_STEPS).batchSize(m).seed(spec.seed())
                .fit(net, initial, data).parameters();
        GradientCheckReport afterTraining = GradientChecker.check(net, trained, data, CheckOptions.defaults());

        List<String> problems = new ArrayList<>();
        GradientCheckReport[] reports = {atInit, afterTraining};
        for (int s = 0; s < reports.length; s++) {
            GradientCheckReport report = reports[s];
            boolean passed = statistics.record(s, report);
            if (report.verdict() == Verdict.FAIL || report.checkedEntries() != net.layout().size() || !report.complete()) {
                problems.add("check " + STAGES[s] + " (m = " + m + "):\n" + report);
            } else if (!passed) {
                statistics.notPassed.add(spec + " " + STAGES[s] + " (m = " + m + "):\n" + report);
            }
        }
        return problems;
    }

    /** What the checks measured over all batches, and how much of the declaration space the specs covered. */
    static final class Statistics {
        final int[] checks = new int[2];
        final int[] passed = new int[2];
        final double[] largest = new double[2];
        final int[] kinks = new int[2];
        final List<String> notPassed = new ArrayList<>();
        final Stopwatch.Total compiling = new Stopwatch.Total();
        final Stopwatch.Total checking = new Stopwatch.Total();
        boolean tryFailed;
        long slowestNanos;
        String slowest;
        long parameters;
        int specs;
        final Set<String> hiddenByLoss = new TreeSet<>();
        final Set<Integer> depths = new TreeSet<>();
        final Set<Integer> widths = new TreeSet<>();
        final Set<String> features = new TreeSet<>();

        /** Records a report; whether it passed: verdict PASS and a difference below 1e-7. */
        boolean record(int stage, GradientCheckReport report) {
            boolean pass = report.verdict() == Verdict.PASS && report.difference() < 1e-7;
            checks[stage]++;
            passed[stage] += pass ? 1 : 0;
            largest[stage] = Math.max(largest[stage], report.difference());
            kinks[stage] += report.inconclusive();
            return pass;
        }

        void count(NetSpec spec, Architecture architecture, long nanos) {
            if (nanos > slowestNanos) {
                slowestNanos = nanos;
                slowest = architecture.toString();
            }
            specs++;
            parameters += spec.parameterCount();
            depths.add(spec.depth());
            widths.add(spec.inputs());
            for (int l = 1; l <= spec.depth(); l++) {
                NetSpec.Layer layer = spec.layer(l);
                widths.add(layer.units());
                if (l < spec.depth()) {
                    hiddenByLoss.add(layer.activation() + "/" + spec.loss());
                    if (layer.keepProb() < 1) {
                        features.add("dropout");
                    }
                    if (layer.custom() != null) {
                        features.add("custom " + layer.custom());
                    }
                }
            }
            features.add("init " + spec.init());
            features.add(spec.l2() > 0 ? "l2 > 0" : "l2 = 0");
            features.add(spec.check() != null ? "@GradientCheck" : "no @GradientCheck");
            features.add(spec.suppressWarnings() ? "@SuppressWarnings" : "warnings on");
        }

        void print() {
            System.out.printf(Locale.ROOT, "%nValid declarations: %d specs (%d parameters on average, depths %s); compiled in %s;"
                            + " checked, trained and checked again in %s%n", specs, specs == 0 ? 0 : parameters / specs, depths,
                    compiling, checking);
            for (int s = 0; s < 2; s++) {
                System.out.printf(Locale.ROOT, "  %-22s PASS below 1e-7: %d of %d (%.1f%%), largest difference %.2e, %d entries at"
                        + " ReLU kinks%n", STAGES[s], passed[s], checks[s], 100.0 * passed[s] / Math.max(1, checks[s]), largest[s], kinks[s]);
            }
            System.out.printf(Locale.ROOT, "  slowest to check, train and check: %s, %.2f s%n", slowest, slowestNanos / 1e9);
            for (String report : notPassed) {
                System.out.println("  not PASS: " + report);
            }
        }

        void assertEnough() {
            List<String> problems = new ArrayList<>();
            if (specs != BATCHES * SPECS_PER_BATCH) {
                problems.add(specs + " specs were checked, not " + BATCHES * SPECS_PER_BATCH);
            }
            for (int s = 0; s < 2; s++) {
                if (passed[s] < REQUIRED_PASS_RATE * checks[s]) {
                    problems.add(String.format(Locale.ROOT, "%s only %d of %d checks passed below 1e-7", STAGES[s], passed[s], checks[s]));
                }
            }
            for (Activation hidden : TestNetworks.HIDDEN) {
                for (Loss loss : Loss.values()) {
                    if (!hiddenByLoss.contains(hidden + "/" + loss)) {
                        problems.add("no spec had a " + hidden + " hidden layer with " + loss);
                    }
                }
            }
            for (int depth = Specs.MIN_DEPTH; depth <= Specs.MAX_DEPTH; depth++) {
                if (!depths.contains(depth)) {
                    problems.add("no spec had " + depth + " layers");
                }
            }
            if (!widths.contains(Specs.MIN_WIDTH) || !widths.contains(Specs.MAX_WIDTH)) {
                problems.add("widths " + Specs.MIN_WIDTH + " and " + Specs.MAX_WIDTH + " must both occur, widths were " + widths);
            }
            Set<String> wanted = new TreeSet<>(List.of("dropout", "l2 > 0", "l2 = 0", "@GradientCheck", "no @GradientCheck",
                    "@SuppressWarnings", "warnings on"));
            SpecBatch.CORRECT_CUSTOM.forEach(c -> wanted.add("custom " + c));
            for (Init init : Init.values()) {
                wanted.add("init " + init);
            }
            wanted.removeAll(features);
            if (!wanted.isEmpty()) {
                problems.add("no spec had " + wanted);
            }
            if (!problems.isEmpty()) {
                throw new AssertionError(String.join("\n", problems));
            }
        }
    }
}
