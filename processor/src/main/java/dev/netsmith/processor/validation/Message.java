package dev.netsmith.processor.validation;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic Netsmith reports, each with a stable id that users can search for and tests can match.
 * The text is a {@link String#format} pattern; the hint says how to fix the declaration.
 */
public enum Message {
    TARGET_KIND("Target", Diagnostic.Kind.ERROR,
            "@Network goes on an interface or an abstract class; %s is %s",
            "declare it as `interface %s {}`: the generated classes sit beside it and never extend it"),
    TARGET_PRIVATE("Private", Diagnostic.Kind.ERROR,
            "@Network type %s is private, so the generated classes beside it cannot refer to it",
            "make it package-private or public"),
    TARGET_INNER("InnerType", Diagnostic.Kind.ERROR,
            "@Network type %s is nested but not static",
            "declare it `static`, or make it an interface (nested interfaces are always static)"),
    TARGET_LOCAL("LocalType", Diagnostic.Kind.ERROR,
            "@Network type %s is declared inside a method or initializer body, where annotation processing cannot see it",
            "move it to the top level of a file or make it a static member of a class"),
    NO_NETWORK("NoNetwork", Diagnostic.Kind.ERROR,
            "@%s on %s has no effect without @Network",
            "add @Network(inputs = ..., loss = ...) to declare the network, or remove the @%s"),
    NO_LAYERS("NoLayers", Diagnostic.Kind.ERROR,
            "@Network %s declares no layers",
            "add at least one @Dense, the last of which is the output layer"),
    INPUTS("Inputs", Diagnostic.Kind.ERROR,
            "@Network(inputs) must be at least 1, was %d",
            "set it to the number of features of one example (rows of X)"),
    UNITS("Units", Diagnostic.Kind.ERROR,
            "@Dense(units) of layer %d must be at least 1, was %d",
            "give the number of units of the layer"),
    KEEP_PROB("KeepProb", Diagnostic.Kind.ERROR,
            "@Dense(keepProb) of layer %d must be in (0, 1], was %s",
            "1 keeps every unit (no dropout); 0.8 drops 20%% of them while training"),
    OUTPUT_DROPOUT("OutputDropout", Diagnostic.Kind.ERROR,
            "@Dense(keepProb) of layer %d is %s, but layer %d is the output layer, which must keep every unit",
            "remove keepProb from the output layer; put dropout on hidden layers"),
    SOFTMAX_HIDDEN("SoftmaxHidden", Diagnostic.Kind.ERROR,
            "@Dense(activation = SOFTMAX) on hidden layer %d: softmax is for the output layer only",
            "use RELU, LEAKY_RELU or TANH for hidden layers"),
    SOFTMAX_UNITS("SoftmaxUnits", Diagnostic.Kind.ERROR,
            "@Dense(activation = SOFTMAX) of layer %d has %d unit; softmax needs at least 2 classes",
            "for two classes with one output unit use SIGMOID with loss BINARY_CROSS_ENTROPY"),
    LOSS_ACTIVATION("LossActivation", Diagnostic.Kind.ERROR,
            "loss %s needs output activation %s, but output layer %d uses %s",
            "set the last @Dense to activation = %s%s"),
    CUSTOM_MISSING("CustomMissing", Diagnostic.Kind.ERROR,
            "@Dense(activation = CUSTOM) of layer %d names no class",
            "add custom = YourActivation.class, a public class implementing dev.netsmith.ActivationFunction"),
    CUSTOM_UNUSED("CustomUnused", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d is ignored because its activation is %s",
            "set activation = CUSTOM to use the class, or remove custom"),
    CUSTOM_ABSTRACT("CustomAbstract", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d is abstract, so it cannot be instantiated",
            "name a concrete class implementing dev.netsmith.ActivationFunction"),
    CUSTOM_NOT_PUBLIC("CustomNotPublic", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d is not public (it and every class enclosing it must be)",
            "declare it public so the generated code can create it"),
    CUSTOM_INNER("CustomInner", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d is an inner class, which needs an enclosing instance",
            "declare it static"),
    CUSTOM_CONSTRUCTOR("CustomConstructor", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d has no public no-argument constructor",
            "add `public %s() {}`: the generated code creates one instance with it"),
    CUSTOM_INTERFACE("CustomInterface", Diagnostic.Kind.ERROR,
            "@Dense(custom = %s) of layer %d does not implement dev.netsmith.ActivationFunction",
            "implement value(z) and derivative(z, a) of dev.netsmith.ActivationFunction"),
    L2("L2", Diagnostic.Kind.ERROR,
            "@Network(l2) must be finite and at least 0, was %s",
            "0 turns regularisation off; typical values are 0.001 to 1"),
    EPSILON("Epsilon", Diagnostic.Kind.ERROR,
            "@GradientCheck(epsilon) must be in (0, 1e-2], was %s",
            "1e-7 balances truncation error against rounding error in double precision"),
    THRESHOLD("Threshold", Diagnostic.Kind.ERROR,
            "@GradientCheck(%s) must be a positive finite number, was %s",
            "the defaults are passBelow = 1e-7 and failAbove = 1e-3"),
    THRESHOLD_ORDER("ThresholdOrder", Diagnostic.Kind.ERROR,
            "@GradientCheck(passBelow = %s) must be below failAbove = %s",
            "differences between the two warn; the defaults are 1e-7 and 1e-3"),
    TOO_MANY_PARAMETERS("TooManyParameters", Diagnostic.Kind.ERROR,
            "network %s has %,d parameters, more than a Java array holds (%,d)",
            "make the layers narrower"),
    NAME_COLLISION("NameCollision", Diagnostic.Kind.ERROR,
            "Netsmith generates %s for %s, but a type of that name already exists",
            "rename one of them"),
    DUPLICATE_GENERATED_NAME("DuplicateName", Diagnostic.Kind.ERROR,
            "Netsmith would generate %s for both %s and %s",
            "rename one of the two @Network types"),
    RELU_XAVIER("ReluXavier", Diagnostic.Kind.WARNING,
            "layer %d uses %s with init = XAVIER; ReLU layers keep their variance with He initialisation",
            "use init = AUTO or HE, or add @SuppressWarnings(\"netsmith\")"),
    EPSILON_FAR("EpsilonFar", Diagnostic.Kind.WARNING,
            "@GradientCheck(epsilon = %s) is far from 1e-7: truncation (large ε) or rounding (small ε) error may hide or fake a bug",
            "use 1e-7 unless you know why not, or add @SuppressWarnings(\"netsmith\")"),
    INTERNAL_ERROR("Internal", Diagnostic.Kind.ERROR,
            "Netsmith could not generate code for %s: %s",
            "this is a bug in Netsmith; please report it with the declaration");

    private final String id;
    private final Diagnostic.Kind kind;
    private final String text;
    private final String hint;

    Message(String id, Diagnostic.Kind kind, String text, String hint) {
        this.id = "Netsmith." + id;
        this.kind = kind;
        this.text = text;
        this.hint = hint;
    }

    /** The stable id, e.g. {@code Netsmith.KeepProb}. */
    public String id() {
        return id;
    }

    public Diagnostic.Kind kind() {
        return kind;
    }

    /**
     * The full message: {@code [id] text (fix: hint)}. Arguments fill the text first and then the hint, each
     * taking as many as its pattern uses.
     */
    public String format(Object... args) {
        int textArgs = countPlaceholders(text);
        Object[] hintArgs = java.util.Arrays.copyOfRange(args, Math.min(textArgs, args.length), args.length);
        return "[" + id + "] " + String.format(Locale.ROOT, text, args) + " (fix: " + String.format(Locale.ROOT, hint, hintArgs) + ")";
    }

    private static int countPlaceholders(String pattern) {
        int count = 0;
        for (int i = 0; i < pattern.length() - 1; i++) {
            if (pattern.charAt(i) == '%') {
                if (pattern.charAt(i + 1) != '%') {
                    count++;
                }
                i++;
            }
        }
        return count;
    }
}
