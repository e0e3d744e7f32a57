package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.netsmith.Activation;
import dev.netsmith.processor.spec.LayerSpec;

/**
 * The code of one activation, forward and backward side by side: g applied to a row of Z, and the upstream
 * gradient times g'(Z) for backpropagation through a hidden layer.
 */
interface ActivationEmitter {

    /** The emitter of a layer's activation. */
    static ActivationEmitter of(LayerSpec layer) {
        return switch (layer.activation()) {
            case RELU -> new ReluEmitter();
            case LEAKY_RELU -> new LeakyReluEmitter();
            case TANH -> new TanhEmitter();
            case SIGMOID -> new SigmoidEmitter();
            case LINEAR -> new LinearEmitter();
            case SOFTMAX -> new SoftmaxEmitter();
            case CUSTOM -> new CustomEmitter(layer.index(), layer.custom().qualifiedName());
        };
    }

    /** The function's name in comments, e.g. {@code relu}. */
    String name();

    /** The expression g(z) for one element, given z as an expression; safe as an operand (parenthesised if needed). */
    CodeBlock value(String z);

    /** Statements setting {@code a[j] = g(z[j])} for j &lt; m, for one row. */
    default CodeBlock applyToRow(String z, String a) {
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("$L[j] = $L", a, value(z + "[j]"))
                .endControlFlow()
                .build();
    }

    /**
     * {@link #applyToRow} in the vector backend: a call of {@code VectorKernels} for the functions with an exp in them;
     * by default the scalar loop, which C2 vectorises by itself.
     */
    default CodeBlock applyToRowVector(String z, String a) {
        return applyToRow(z, a);
    }

    /**
     * In the vector backend, statements setting {@code dz[j] = upstream[j]·mask[j]·g'(z[j])} for j &lt; m given the
     * rows' names ({@code mask} an expression that may be null: no dropout); empty where the scalar loop is kept.
     */
    default CodeBlock derivativeRowVector(String upstream, String mask, String z, String dz) {
        return CodeBlock.of("");
    }

    /** {@link #applyToRow} in both backends, for code outside a {@link VectorBranch} of its own. */
    default CodeBlock applyToRowEither(String z, String a) {
        CodeBlock scalar = applyToRow(z, a);
        CodeBlock vector = applyToRowVector(z, a);
        return vector.equals(scalar) ? scalar : VectorBranch.of(vector, scalar);
    }

    /** Statements run once all rows of Z are computed (softmax normalises whole columns); empty for most. */
    default CodeBlock applyToColumns(int layer) {
        return CodeBlock.of("");
    }

    /** The expression upstream·g'(z), given z and a = g(z) as expressions; safe as an operand. */
    CodeBlock derivativeTimes(String upstream, String z, String a);

    /** Whether the derivative jumps at z = 0, so that a perturbation crossing 0 makes a difference quotient meaningless. */
    default boolean hasKink() {
        return false;
    }

    /**
     * Whether g is linear on each side of 0 (and so on any interval that does not contain 0 inside it): the
     * change of the layers above a perturbation is then exactly linear in it until a pre-activation crosses 0.
     */
    default boolean piecewiseLinear() {
        return false;
    }

    /**
     * g(z)/z, g's slope on z's side of 0 for a piecewise-linear g with a kink at 0, from g's value alone (0 at
     * z = 0, where an evaluation along a row never relies on it; the identity needs no slope); safe as an operand.
     */
    default CodeBlock slope(String z) {
        return CodeBlock.of("($L == 0.0 ? 0.0 : $L / $L)", z, value(z), z);
    }

    /** Leaky ReLU's slope for z &lt; 0, as a literal of the generated code; below 1, so max(z, slope·z) is g. */
    String LEAKY_SLOPE = Double.toString(Activation.LEAKY_SLOPE);

    /** The runtime's scalar activation functions (tanh from one exp, the branch-free step). */
    ClassName ACTIVATIONS = ClassName.get("dev.netsmith.runtime", "Activations");
}
