package dev.netsmith.processor.properties;

import com.google.testing.compile.Compilation;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.validation.Declarations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * Random declarations that break one or more rules ({@link Specs#broken()}) get exactly the errors expected, by stable
 * id, each on the annotation value that breaks its rule, and nothing is generated for them; the valid declarations
 * compiled beside them still get all their classes; every declaration gets exactly the warnings it should; and no
 * diagnostic reports an internal error, an exception or a stack trace.
 *
 * <p>Each try compiles {@value #BROKEN_PER_BATCH} broken and {@value #VALID_PER_BATCH} valid declarations in one javac
 * run. The seed is fixed and shrinking off (each step would be another javac run); a failure prints each declaration
 * that went wrong as a source a user could compile, with the diagnostics it got.
 */
class InvalidSpecsPropertyTest {

    static final int BATCHES = 6;
    static final int BROKEN_PER_BATCH = 40;
    static final int VALID_PER_BATCH = 4;
    /** Every rule must be broken at least this often over the whole property. */
    static final int MIN_PER_RULE = 5;

    /** A declaration of a batch: broken, or valid (broken is null). */
    record Entry(NetSpec spec, Specs.Broken broken) {
    }

    private int batches;
    private final Map<String, Integer> perRule = new TreeMap<>();
    private final Stopwatch.Total compiling = new Stopwatch.Total();
    private int brokenCount;
    private int severalCount;
    private int validCount;
    private boolean tryFailed;

    @BeforeProperty
    void reset() {
        batches = 0;
        perRule.clear();
        compiling.clear();
        brokenCount = 0;
        severalCount = 0;
        validCount = 0;
        tryFailed = false;
    }

    @Provide
    Arbitrary<List<Entry>> batches() {
        Arbitrary<List<Specs.Broken>> broken = Specs.broken().list().ofSize(BROKEN_PER_BATCH);
        Arbitrary<List<NetSpec>> valid = Specs.valid().list().ofSize(VALID_PER_BATCH);
        return broken.flatMap(b -> valid.map(v -> interleave(b, v)));
    }

    /** The valid declarations spread evenly among the broken ones. */
    private static List<Entry> interleave(List<Specs.Broken> broken, List<NetSpec> valid) {
        List<Entry> entries = new ArrayList<>();
        int every = broken.size() / valid.size();
        for (int i = 0; i < broken.size(); i++) {
            if (i % every == every / 2 && i / every < valid.size()) {
                entries.add(new Entry(valid.get(i / every), null));
            }
            entries.add(new Entry(broken.get(i).spec(), broken.get(i)));
        }
        return entries;
    }

    @Property(tries = BATCHES, seed = "20250612", shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE,
            afterFailure = AfterFailureMode.PREVIOUS_SEED)
    void brokenRulesGiveExactlyTheirErrorsAndNothingElseBreaks(@ForAll("batches") List<Entry> entries) {
        SpecBatch batch = new SpecBatch("Broken" + batches++, entries.stream().map(Entry::spec).toList());
        Stopwatch watch = new Stopwatch();
        Declarations.Compiled compiled = batch.compile();
        compiling.add(watch);
        SpecBatch.Diagnostics diagnostics = batch.diagnostics(compiled.compilation());

        List<String> failures = new ArrayList<>(diagnostics.unexpected());
        for (int i = 0; i < batch.size(); i++) {
            Specs.Broken broken = entries.get(i).broken();
            List<String> problems = new ArrayList<>(batch.mismatches(i, diagnostics, broken == null ? List.of() : broken.errors()));
            String prefix = batch.qualifiedPrefix(i);
            List<String> generated = compiled.generatedSources().stream().filter(n -> n.startsWith(prefix + "_")).sorted().toList();
            if (broken == null) {
                validCount++;
                List<String> expected = NetworkSpec.GENERATED_SUFFIXES.stream().map(suffix -> prefix + suffix).sorted().toList();
                if (!generated.equals(expected)) {
                    problems.add("a valid declaration compiled beside broken ones generated " + generated + ", expected " + expected);
                }
            } else {
                brokenCount++;
                severalCount += broken.errors().size() > 1 ? 1 : 0;
                broken.errors().forEach(error -> perRule.merge(error.id(), 1, Integer::sum));
                if (!problems.isEmpty()) {
                    problems.add(0, "broke " + String.join(" and ", broken.rules()));
                }
                if (!generated.isEmpty()) {
                    problems.add("sources were generated for a declaration with errors: " + generated);
                }
            }
            if (!problems.isEmpty()) {
                failures.add(batch.describe(i) + String.join("\n", problems));
            }
        }
        if (compiled.compilation().status() != Compilation.Status.FAILURE) {
            failures.add("a batch with broken declarations compiled");
        }
        if (!failures.isEmpty()) {
            tryFailed = true;
            throw SpecBatch.failure(failures.size() + " problems in a batch of " + batch.size() + " declarations", failures);
        }
        // every Netsmith message keeps the "[id] text (fix: hint)" form
        Declarations.assertNoCrash(compiled.compilation());
    }

    /** Prints how often each rule was broken, and checks that every rule was, unless a try already failed. */
    @AfterProperty
    void everyRuleWasBroken() {
        System.out.printf(Locale.ROOT, "%nInvalid declarations: %d broken (%d of them breaking several rules) and %d valid beside"
                        + " them, compiled in %s%n  errors expected: %s%n", brokenCount, severalCount, validCount, compiling, perRule);
        if (tryFailed) {
            return;
        }
        Set<String> rare = new TreeSet<>();
        for (String rule : Specs.RULES) {
            if (perRule.getOrDefault(rule, 0) < MIN_PER_RULE) {
                rare.add(rule + " (" + perRule.getOrDefault(rule, 0) + ")");
            }
        }
        if (!rare.isEmpty()) {
            throw new AssertionError("rules broken fewer than " + MIN_PER_RULE + " times: " + rare);
        }
        Set<String> unknown = new TreeSet<>(perRule.keySet());
        unknown.removeAll(Specs.RULES);
        if (!unknown.isEmpty()) {
            throw new AssertionError("rules not listed in Specs.RULES: " + unknown);
        }
    }
}
