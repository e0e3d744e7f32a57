package dev.netsmith.processor.properties;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.processor.testing.TestNetworks;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/** jqwik arbitraries of network declarations: valid ones, and ones that break one or more rules ({@link Broken}). */
public final class Specs {

    /** Fewest and most layers (the output layer included) of a valid spec. */
    public static final int MIN_DEPTH = 1;
    public static final int MAX_DEPTH = 6;
    /** Narrowest and widest layer (and input) of a valid spec. */
    public static final int MIN_WIDTH = 1;
    public static final int MAX_WIDTH = 64;

    private Specs() {
    }

    // ----------------------------------------------------------------------------------------------- valid specs

    /**
     * Valid declarations: 1 to 6 layers, inputs and widths 1 to 64, any hidden activation (custom ones included) in
     * any order, the output layer tied to the loss, keep probabilities in (0, 1] on hidden layers, λ ≥ 0, any init,
     * sometimes a valid {@code @GradientCheck} and {@code @SuppressWarnings("netsmith")}.
     */
    public static Arbitrary<NetSpec> valid() {
        Arbitrary<List<NetSpec.Layer>> hidden = Arbitraries.integers().between(MIN_DEPTH - 1, MAX_DEPTH - 1)
                .withDistribution(RandomDistribution.uniform())
                .flatMap(n -> hiddenLayer().list().ofSize(n));
        return Arbitraries.of(Loss.class).flatMap(loss -> Combinators.combine(width(), hidden, outputLayer(loss), l2(),
                        Arbitraries.of(Init.class), check().injectNull(0.6), Arbitraries.of(false, true), Arbitraries.longs())
                .as((inputs, layers, output, l2, init, check, suppress, seed) -> {
                    List<NetSpec.Layer> all = new ArrayList<>(layers);
                    all.add(output);
                    return new NetSpec(inputs, loss, l2, init, all, check, suppress, seed);
                }));
    }

    /**
     * Widths 1 to 64, mostly small: every width occurs, but a network of six 64-wide layers (25,000 parameters, each
     * checked by two cost evaluations) is rare enough for the suite to stay within CI's time.
     */
    static Arbitrary<Integer> width() {
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of(MIN_WIDTH, MAX_WIDTH)),
                Tuple.of(6, Arbitraries.integers().between(1, 8).withDistribution(RandomDistribution.uniform())),
                Tuple.of(3, Arbitraries.integers().between(9, 24).withDistribution(RandomDistribution.uniform())),
                Tuple.of(1, Arbitraries.integers().between(25, MAX_WIDTH).withDistribution(RandomDistribution.uniform())));
    }

    static Arbitrary<NetSpec.Layer> hiddenLayer() {
        Arbitrary<Double> keep = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(1.0)),
                Tuple.of(1, Arbitraries.doubles().between(0.05, 1.0).ofScale(2)));
        return Combinators.combine(width(), Arbitraries.of(TestNetworks.HIDDEN), keep, Arbitraries.of(SpecBatch.CORRECT_CUSTOM))
                .as((units, activation, keepProb, custom) ->
                        new NetSpec.Layer(units, activation, keepProb, activation == Activation.CUSTOM ? custom : null));
    }

    /** The output layer a loss needs: sigmoid ≥ 1 unit, softmax ≥ 2, linear ≥ 1; no dropout. */
    static Arbitrary<NetSpec.Layer> outputLayer(Loss loss) {
        Arbitrary<Integer> units = loss == Loss.SOFTMAX_CROSS_ENTROPY ? width().map(n -> Math.max(n, 2)) : width();
        return units.map(n -> new NetSpec.Layer(n, loss.outputActivation(), 1.0, null));
    }

    static Arbitrary<Double> l2() {
        return Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0.0)),
                Tuple.of(3, Arbitraries.doubles().between(0, 1).ofScale(4)),
                Tuple.of(1, Arbitraries.doubles().between(1, 10).ofScale(2)));
    }

    /** 10^e for e uniform in [from, to]: a positive double spread evenly over orders of magnitude. */
    static Arbitrary<Double> powerOfTen(double from, double to) {
        return Arbitraries.doubles().between(from, to).ofScale(3).withDistribution(RandomDistribution.uniform())
                .map(e -> Math.pow(10, e));
    }

    /** A valid {@code @GradientCheck}: ε in (0, 1e-2], 0 < passBelow < failAbove, all finite. */
    static Arbitrary<NetSpec.Check> check() {
        Arbitrary<Double> epsilon = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(1e-7)),
                Tuple.of(1, Arbitraries.just(1e-2)),
                Tuple.of(3, powerOfTen(-10, -2)));
        return Combinators.combine(epsilon, powerOfTen(-12, -2), powerOfTen(0.1, 6))
                .as((eps, passBelow, factor) -> new NetSpec.Check(eps, passBelow, passBelow * factor));
    }

    // --------------------------------------------------------------------------------------------- invalid specs

    /**
     * A declaration that breaks one or more rules, and the errors the processor must report for it.
     *
     * @param spec   the declaration
     * @param rules  what was broken, in words
     * @param errors the errors expected, each on the annotation value that breaks its rule
     */
    public record Broken(NetSpec spec, List<String> rules, List<NetSpec.Expected> errors) {

        public Broken {
            rules = List.copyOf(rules);
            errors = List.copyOf(errors);
        }

        Broken(NetSpec spec, String rule, NetSpec.Expected error) {
            this(spec, List.of(rule), List.of(error));
        }

        /** This, broken further by {@code next}: both sets of errors are expected. */
        Arbitrary<Broken> andThen(Breaker next) {
            return next.apply(spec).map(more -> new Broken(more.spec, concat(rules, more.rules), concat(errors, more.errors)));
        }

        private static <T> List<T> concat(List<T> a, List<T> b) {
            List<T> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }
    }

    /** Breaks a valid declaration. */
    interface Breaker {
        Arbitrary<Broken> apply(NetSpec valid);
    }

    /** Rules of {@code @Network}'s values; they are independent of each other and of the rest. */
    private static final List<Breaker> NETWORK = List.of(Specs::badInputs, Specs::badL2);
    /**
     * Rules of one layer, or of the output layer and the loss. Two of them could interact (units 0 and one softmax unit
     * on the same layer), so a declaration breaks at most one.
     */
    private static final List<Breaker> LAYER = List.of(Specs::badUnits, Specs::badKeepProb, Specs::outputDropout,
            Specs::softmaxHidden, Specs::softmaxOneUnit, Specs::lossActivationMismatch, Specs::customMissing, Specs::customUnused,
            valid -> customUnusable(valid, "Abstract", "Netsmith.CustomAbstract"),
            valid -> customUnusable(valid, "Hidden", "Netsmith.CustomNotPublic"),
            valid -> customUnusable(valid, "Inner", "Netsmith.CustomInner"),
            valid -> customUnusable(valid, "WithArgument", "Netsmith.CustomConstructor"));
    /** Rules of {@code @GradientCheck}: ε is independent of the thresholds, whose order is judged only when both are valid. */
    private static final List<Breaker> CHECK = List.of(Specs::badEpsilon, Specs::badThreshold, Specs::thresholdOrder);
    /** Rules about the whole network, which hide or exclude the others. */
    private static final List<Breaker> WHOLE = List.of(Specs::noLayers, Specs::tooManyParameters);

    /** Every error id {@link #broken()} expects: every one of {@code Message}'s errors that an annotation value can cause. */
    public static final List<String> RULES = List.of("Netsmith.Inputs", "Netsmith.L2", "Netsmith.Units", "Netsmith.KeepProb",
            "Netsmith.OutputDropout", "Netsmith.SoftmaxHidden", "Netsmith.SoftmaxUnits", "Netsmith.LossActivation",
            "Netsmith.CustomMissing", "Netsmith.CustomUnused", "Netsmith.CustomAbstract", "Netsmith.CustomNotPublic",
            "Netsmith.CustomInner", "Netsmith.CustomConstructor", "Netsmith.Epsilon", "Netsmith.Threshold", "Netsmith.ThresholdOrder",
            "Netsmith.NoLayers", "Netsmith.TooManyParameters");

    /**
     * Broken declarations: three in four break exactly one rule, each rule about equally often; the rest break two or
     * three independent ones (of {@code @Network}'s values, one layer, {@code @GradientCheck}), or ε and a threshold.
     */
    public static Arbitrary<Broken> broken() {
        List<Breaker> single = new ArrayList<>();
        List.of(NETWORK, LAYER, CHECK, WHOLE).forEach(single::addAll);
        Arbitrary<Broken> one = Arbitraries.of(single).flatMap(breaker -> valid().flatMap(breaker::apply));
        Arbitrary<Broken> several = Arbitraries.of(
                        List.of(NETWORK, LAYER), List.of(NETWORK, CHECK), List.of(LAYER, CHECK), List.of(NETWORK, LAYER, CHECK),
                        List.of(List.<Breaker>of(Specs::badInputs), List.<Breaker>of(Specs::badL2)),
                        List.of(List.<Breaker>of(Specs::badEpsilon), List.<Breaker>of(Specs::badThreshold, Specs::thresholdOrder)))
                .flatMap(groups -> valid().flatMap(valid -> breakEach(valid, groups)));
        return Arbitraries.frequencyOf(Tuple.of(3, one), Tuple.of(1, several));
    }

    /** One rule of each group broken, in order. */
    private static Arbitrary<Broken> breakEach(NetSpec valid, List<List<Breaker>> groups) {
        Arbitrary<Broken> broken = Arbitraries.of(groups.get(0)).flatMap(breaker -> breaker.apply(valid));
        for (List<Breaker> group : groups.subList(1, groups.size())) {
            broken = broken.flatMap(b -> Arbitraries.of(group).flatMap(b::andThen));
        }
        return broken;
    }

    private static Broken onNetwork(NetSpec spec, String rule, String id, String attribute) {
        return new Broken(spec, rule, NetSpec.Expected.onNetwork(id, attribute));
    }

    private static Broken onDense(NetSpec spec, int layer, String rule, String id, String attribute) {
        return new Broken(spec, rule, NetSpec.Expected.onDense(id, layer, attribute));
    }

    private static Broken onCheck(NetSpec spec, String rule, String id, String attribute) {
        return new Broken(spec, rule, NetSpec.Expected.onCheck(id, attribute));
    }

    /** A 1-based layer number in [from, to]. */
    private static Arbitrary<Integer> layer(int from, int to) {
        return Arbitraries.integers().between(from, to).withDistribution(RandomDistribution.uniform());
    }

    /** The spec with at least one hidden layer (a tanh layer is put in front when it has none). */
    private static NetSpec withHidden(NetSpec spec) {
        if (spec.depth() >= 2) {
            return spec;
        }
        List<NetSpec.Layer> layers = new ArrayList<>();
        layers.add(new NetSpec.Layer(5, Activation.TANH, 1.0, null));
        layers.addAll(spec.layers());
        return spec.withLayers(layers);
    }

    private static NetSpec withCheck(NetSpec spec) {
        return spec.check() != null ? spec : spec.withCheck(new NetSpec.Check(1e-7, 1e-7, 1e-3));
    }

    /** Zero, negative, or the most negative int. */
    private static Arbitrary<Integer> notPositive() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-64, 0)),
                Tuple.of(1, Arbitraries.of(0, Integer.MIN_VALUE)));
    }

    static Arbitrary<Broken> badInputs(NetSpec valid) {
        return notPositive().map(n -> onNetwork(valid.withInputs(n), "inputs = " + n, "Netsmith.Inputs", "inputs"));
    }

    static Arbitrary<Broken> badL2(NetSpec valid) {
        return Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -Double.MIN_VALUE)),
                        Tuple.of(1, Arbitraries.doubles().between(-10, -0.0001).ofScale(4)))
                .map(l2 -> onNetwork(valid.withL2(l2), "l2 = " + l2, "Netsmith.L2", "l2"));
    }

    static Arbitrary<Broken> badUnits(NetSpec valid) {
        return Combinators.combine(layer(1, valid.depth()), notPositive()).as((l, n) ->
                onDense(valid.withLayer(l, valid.layer(l).withUnits(n)), l, "units = " + n + " on layer " + l, "Netsmith.Units", "units"));
    }

    /** Outside (0, 1] on any layer (the output layer included: the range is checked before the output rule). */
    static Arbitrary<Broken> badKeepProb(NetSpec valid) {
        Arbitrary<Double> keep = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Math.nextUp(1.0), -Double.MIN_VALUE)),
                Tuple.of(1, Arbitraries.doubles().between(-10, 0).ofScale(3)),
                Tuple.of(1, Arbitraries.doubles().between(1.001, 10).ofScale(3)));
        return Combinators.combine(layer(1, valid.depth()), keep).as((l, k) ->
                onDense(valid.withLayer(l, valid.layer(l).withKeepProb(k)), l, "keepProb = " + k + " on layer " + l,
                        "Netsmith.KeepProb", "keepProb"));
    }

    static Arbitrary<Broken> outputDropout(NetSpec valid) {
        Arbitrary<Double> keep = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.01, 0.99).ofScale(2)),
                Tuple.of(1, Arbitraries.of(Double.MIN_VALUE, Math.nextDown(1.0))));
        int l = valid.depth();
        return keep.map(k -> onDense(valid.withLayer(l, valid.output().withKeepProb(k)), l, "keepProb = " + k + " on the output layer",
                "Netsmith.OutputDropout", "keepProb"));
    }

    static Arbitrary<Broken> softmaxHidden(NetSpec valid) {
        NetSpec deep = withHidden(valid);
        return layer(1, deep.depth() - 1).map(l -> onDense(deep.withLayer(l, deep.layer(l).withActivation(Activation.SOFTMAX, null)),
                l, "SOFTMAX on hidden layer " + l, "Netsmith.SoftmaxHidden", "activation"));
    }

    static Arbitrary<Broken> softmaxOneUnit(NetSpec valid) {
        int l = valid.depth();
        NetSpec spec = valid.withLoss(Loss.SOFTMAX_CROSS_ENTROPY)
                .withLayer(l, new NetSpec.Layer(1, Activation.SOFTMAX, 1.0, null));
        return Arbitraries.just(onDense(spec, l, "SOFTMAX output with 1 unit", "Netsmith.SoftmaxUnits", "units"));
    }

    /** An output activation the loss does not go with: either the activation or the loss changed. */
    static Arbitrary<Broken> lossActivationMismatch(NetSpec valid) {
        int l = valid.depth();
        Arbitrary<Broken> otherActivation = Combinators.combine(Arbitraries.of(Activation.class), Arbitraries.of(SpecBatch.CORRECT_CUSTOM))
                .filter((activation, custom) -> activation != valid.loss().outputActivation())
                .as((activation, custom) -> onDense(valid.withLayer(l, valid.output().withActivation(activation,
                                activation == Activation.CUSTOM ? custom : null)), l,
                        "output " + activation + " with " + valid.loss(), "Netsmith.LossActivation", "activation"));
        Arbitrary<Broken> otherLoss = Arbitraries.of(Loss.class).filter(loss -> loss != valid.loss())
                .map(loss -> onDense(valid.withLoss(loss), l, "loss " + loss + " with output " + valid.output().activation(),
                        "Netsmith.LossActivation", "activation"));
        return Arbitraries.oneOf(otherActivation, otherLoss);
    }

    /** CUSTOM on a hidden layer with no class, or with the interface itself (the default, which means none). */
    static Arbitrary<Broken> customMissing(NetSpec valid) {
        NetSpec deep = withHidden(valid);
        return Combinators.combine(layer(1, deep.depth() - 1), Arbitraries.of(false, true)).as((l, named) ->
                onDense(deep.withLayer(l, deep.layer(l).withActivation(Activation.CUSTOM, named ? "ActivationFunction" : null)), l,
                        "CUSTOM without a class on layer " + l, "Netsmith.CustomMissing", "activation"));
    }

    /** A correct custom class on a layer whose activation is not CUSTOM. */
    static Arbitrary<Broken> customUnused(NetSpec valid) {
        return Combinators.combine(layer(1, valid.depth()), Arbitraries.of(SpecBatch.CORRECT_CUSTOM)).as((l, custom) -> {
            NetSpec.Layer layer = valid.layer(l);
            NetSpec.Layer changed = layer.activation() == Activation.CUSTOM ? layer.withActivation(Activation.TANH, custom)
                    : layer.withActivation(layer.activation(), custom);
            return onDense(valid.withLayer(l, changed), l, "custom = " + custom + " with " + changed.activation() + " on layer " + l,
                    "Netsmith.CustomUnused", "custom");
        });
    }

    /**
     * CUSTOM on a hidden layer naming a class of {@link SpecBatch#ACTIVATIONS} the generated code cannot instantiate:
     * abstract, not public, inner, or without a public no-argument constructor.
     */
    static Arbitrary<Broken> customUnusable(NetSpec valid, String customClass, String id) {
        NetSpec deep = withHidden(valid);
        return layer(1, deep.depth() - 1).map(l -> onDense(deep.withLayer(l, deep.layer(l).withActivation(Activation.CUSTOM, customClass)),
                l, "custom = " + customClass + " on layer " + l, id, "custom"));
    }

    static Arbitrary<Broken> badEpsilon(NetSpec valid) {
        NetSpec spec = withCheck(valid);
        return Arbitraries.frequencyOf(
                        Tuple.of(2, Arbitraries.of(0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                                Math.nextUp(1e-2), -1e-7)),
                        Tuple.of(1, Arbitraries.doubles().between(0.011, 1).ofScale(3)))
                .map(eps -> onCheck(spec.withCheck(new NetSpec.Check(eps, spec.check().passBelow(), spec.check().failAbove())),
                        "epsilon = " + eps, "Netsmith.Epsilon", "epsilon"));
    }

    /** One threshold not a positive finite number (so their order is not judged). */
    static Arbitrary<Broken> badThreshold(NetSpec valid) {
        NetSpec spec = withCheck(valid);
        NetSpec.Check c = spec.check();
        Arbitrary<Double> bad = Arbitraries.of(0.0, -0.0, -1e-7, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
        return Combinators.combine(Arbitraries.of("passBelow", "failAbove"), bad).as((name, value) -> onCheck(
                spec.withCheck(name.equals("passBelow") ? new NetSpec.Check(c.epsilon(), value, c.failAbove())
                        : new NetSpec.Check(c.epsilon(), c.passBelow(), value)),
                name + " = " + value, "Netsmith.Threshold", name));
    }

    static Arbitrary<Broken> thresholdOrder(NetSpec valid) {
        NetSpec spec = withCheck(valid);
        NetSpec.Check c = spec.check();
        return Arbitraries.frequencyOf(
                        Tuple.of(1, Arbitraries.just(1.0)),
                        Tuple.of(3, powerOfTen(-6, 0)))
                .map(factor -> new NetSpec.Check(c.epsilon(), c.passBelow(), c.passBelow() * factor))
                .map(check -> onCheck(spec.withCheck(check), "passBelow = " + check.passBelow() + " >= failAbove = " + check.failAbove(),
                        "Netsmith.ThresholdOrder", "passBelow"));
    }

    static Arbitrary<Broken> noLayers(NetSpec valid) {
        return Arbitraries.just(onNetwork(valid.withLayers(List.of()), "no @Dense", "Netsmith.NoLayers", null));
    }

    /** More parameters than a Java array holds: n0 · n1 alone exceeds it. */
    static Arbitrary<Broken> tooManyParameters(NetSpec valid) {
        return Arbitraries.integers().between(1 << 30, Integer.MAX_VALUE).map(n -> {
            NetSpec.Layer first = valid.layer(1);
            NetSpec spec = valid.withInputs(n).withLayer(1, first.withUnits(Math.max(first.units(), 2)));
            return onNetwork(spec, "inputs = " + n + " (" + spec.parameterCount() + " parameters)", "Netsmith.TooManyParameters", null);
        });
    }
}
