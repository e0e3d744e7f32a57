package dev.netsmith.processor.validation;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.processor.spec.CheckSpec;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.Location;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.spec.TypeFacts;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every rule a declaration must satisfy, as a pure function of the {@link NetworkSpec}: it reports problems
 * and emits no code. A spec with no error-kind problem is safe to generate from.
 */
public final class Validator {

    /** The largest array the JVM allocates, and so the most parameters one flat vector holds. */
    static final long MAX_PARAMETERS = Integer.MAX_VALUE - 8;

    private Validator() {
    }

    /** All problems of a declaration, errors and warnings, in source order. */
    public static List<Problem> validate(NetworkSpec spec) {
        List<Problem> problems = new ArrayList<>();
        checkTarget(spec, problems);
        checkNetwork(spec, problems);
        for (LayerSpec layer : spec.layers()) {
            checkLayer(spec, layer, problems);
        }
        checkCheck(spec.check(), problems);
        checkSize(spec, problems);
        if (!spec.suppressWarnings()) {
            warn(spec, problems);
        }
        return problems;
    }

    private static void checkTarget(NetworkSpec spec, List<Problem> problems) {
        TypeFacts t = spec.target();
        String kind = describe(t);
        if (t.kind() != TypeFacts.Kind.INTERFACE && !(t.kind() == TypeFacts.Kind.CLASS && t.isAbstract())) {
            problems.add(Problem.of(Message.TARGET_KIND, Location.type(), t.qualifiedName(), kind, simpleName(t.qualifiedName())));
        }
        if (t.isPrivate()) {
            problems.add(Problem.of(Message.TARGET_PRIVATE, Location.type(), t.qualifiedName()));
        }
        if (t.isLocal()) {
            problems.add(Problem.of(Message.TARGET_LOCAL, Location.type(), t.qualifiedName()));
        } else if (t.isInnerClass()) {
            problems.add(Problem.of(Message.TARGET_INNER, Location.type(), t.qualifiedName()));
        }
        for (String name : spec.takenNames()) {
            problems.add(Problem.of(Message.NAME_COLLISION, Location.type(), name, t.qualifiedName()));
        }
    }

    private static String describe(TypeFacts t) {
        return switch (t.kind()) {
            case CLASS -> t.isAbstract() ? "an abstract class" : "a concrete class";
            case ENUM -> "an enum";
            case RECORD -> "a record";
            case ANNOTATION_TYPE -> "an annotation type";
            case INTERFACE -> "an interface";
        };
    }

    private static void checkNetwork(NetworkSpec spec, List<Problem> problems) {
        if (spec.inputs() < 1) {
            problems.add(Problem.of(Message.INPUTS, Location.network("inputs"), spec.inputs()));
        }
        if (!(spec.l2() >= 0) || Double.isInfinite(spec.l2())) {
            problems.add(Problem.of(Message.L2, Location.network("l2"), spec.l2()));
        }
        if (spec.layers().isEmpty()) {
            problems.add(Problem.of(Message.NO_LAYERS, Location.network(null), spec.qualifiedName()));
        }
    }

    private static void checkLayer(NetworkSpec spec, LayerSpec layer, List<Problem> problems) {
        int l = layer.index();
        boolean output = l == spec.depth();
        if (layer.units() < 1) {
            problems.add(Problem.of(Message.UNITS, Location.dense(l, "units"), l, layer.units()));
        }
        if (!(layer.keepProb() > 0 && layer.keepProb() <= 1)) {
            problems.add(Problem.of(Message.KEEP_PROB, Location.dense(l, "keepProb"), l, layer.keepProb()));
        } else if (output && layer.hasDropout()) {
            problems.add(Problem.of(Message.OUTPUT_DROPOUT, Location.dense(l, "keepProb"), l, layer.keepProb(), l));
        }
        checkActivation(spec, layer, output, problems);
        checkCustom(layer, problems);
    }

    private static void checkActivation(NetworkSpec spec, LayerSpec layer, boolean output, List<Problem> problems) {
        int l = layer.index();
        Activation activation = layer.activation();
        if (output) {
            Activation needed = spec.loss().outputActivation();
            if (activation != needed) {
                String otherLoss = java.util.Arrays.stream(Loss.values()).filter(loss -> loss.outputActivation() == activation)
                        .findFirst().map(loss -> ", or use loss = " + loss + ", which goes with " + activation).orElse("");
                problems.add(Problem.of(Message.LOSS_ACTIVATION, Location.dense(l, "activation"),
                        spec.loss(), needed, l, activation, needed, otherLoss));
            } else if (activation == Activation.SOFTMAX && layer.units() == 1) {
                problems.add(Problem.of(Message.SOFTMAX_UNITS, Location.dense(l, "units"), l, layer.units()));
            }
        } else if (activation == Activation.SOFTMAX) {
            problems.add(Problem.of(Message.SOFTMAX_HIDDEN, Location.dense(l, "activation"), l));
        }
    }

    private static void checkCustom(LayerSpec layer, List<Problem> problems) {
        int l = layer.index();
        TypeFacts custom = layer.custom();
        if (layer.activation() == Activation.CUSTOM && custom == null) {
            problems.add(Problem.of(Message.CUSTOM_MISSING, Location.dense(l, "activation"), l));
            return;
        }
        if (custom == null) {
            return;
        }
        Location at = Location.dense(l, "custom");
        String name = custom.qualifiedName();
        if (layer.activation() != Activation.CUSTOM) {
            problems.add(Problem.of(Message.CUSTOM_UNUSED, at, name, l, layer.activation()));
            return;
        }
        if (!custom.implementsActivationFunction()) {
            problems.add(Problem.of(Message.CUSTOM_INTERFACE, at, name, l));
        }
        if (custom.isAbstract()) {
            problems.add(Problem.of(Message.CUSTOM_ABSTRACT, at, name, l));
            return;
        }
        if (!custom.isPublic()) {
            problems.add(Problem.of(Message.CUSTOM_NOT_PUBLIC, at, name, l));
        }
        if (custom.isInnerClass()) {
            problems.add(Problem.of(Message.CUSTOM_INNER, at, name, l));
        }
        if (!custom.hasPublicNoArgConstructor()) {
            problems.add(Problem.of(Message.CUSTOM_CONSTRUCTOR, at, name, l, simpleName(name)));
        }
    }

    private static void checkCheck(CheckSpec check, List<Problem> problems) {
        if (!(check.epsilon() > 0 && check.epsilon() <= 1e-2)) {
            problems.add(Problem.of(Message.EPSILON, Location.gradientCheck("epsilon"), check.epsilon()));
        }
        boolean thresholdsValid = true;
        for (String name : List.of("passBelow", "failAbove")) {
            double value = name.equals("passBelow") ? check.passBelow() : check.failAbove();
            if (!(value > 0) || Double.isInfinite(value)) {
                problems.add(Problem.of(Message.THRESHOLD, Location.gradientCheck(name), name, value));
                thresholdsValid = false;
            }
        }
        if (thresholdsValid && check.passBelow() >= check.failAbove()) {
            problems.add(Problem.of(Message.THRESHOLD_ORDER, Location.gradientCheck("passBelow"),
                    check.passBelow(), check.failAbove()));
        }
    }

    private static void checkSize(NetworkSpec spec, List<Problem> problems) {
        boolean sizesValid = spec.inputs() >= 1 && spec.layers().stream().allMatch(layer -> layer.units() >= 1);
        BigInteger count = spec.exactParameterCount();
        if (sizesValid && count.compareTo(BigInteger.valueOf(MAX_PARAMETERS)) > 0) {
            problems.add(Problem.of(Message.TOO_MANY_PARAMETERS, Location.network(null), spec.qualifiedName(),
                    count, MAX_PARAMETERS));
        }
    }

    private static void warn(NetworkSpec spec, List<Problem> problems) {
        if (spec.init() == Init.XAVIER) {
            for (LayerSpec layer : spec.layers()) {
                if (layer.activation().isReluFamily()) {
                    problems.add(Problem.of(Message.RELU_XAVIER, Location.network("init"), layer.index(),
                            layer.activation().name().toLowerCase(Locale.ROOT)));
                }
            }
        }
        double epsilon = spec.check().epsilon();
        if (epsilon > 0 && epsilon <= 1e-2 && (epsilon < 1e-8 || epsilon > 1e-6)) {
            problems.add(Problem.of(Message.EPSILON_FAR, Location.gradientCheck("epsilon"), epsilon));
        }
    }

    private static String simpleName(String qualifiedName) {
        return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
    }
}
