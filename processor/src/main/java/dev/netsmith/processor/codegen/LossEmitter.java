package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.netsmith.Loss;

/**
 * The code of one loss: each example's loss ℓ_j from the output layer's Z and A, computed so that it stays
 * finite for any finite Z. The backward step is the same for all three losses with their matching output
 * activations, dZ = A − Y, which is why it is fused rather than chained through g'.
 */
interface LossEmitter {

    static LossEmitter of(Loss loss) {
        return switch (loss) {
            case BINARY_CROSS_ENTROPY -> new BinaryCrossEntropyEmitter();
            case SOFTMAX_CROSS_ENTROPY -> new SoftmaxCrossEntropyEmitter();
            case MEAN_SQUARED_ERROR -> new MeanSquaredErrorEmitter();
        };
    }

    /** The per-example loss in words and symbols, for the Javadoc. */
    String formula();

    /**
     * Statements writing ℓ_j into {@code out[j]} for j &lt; m after a forward pass, given locals {@code z} (rows of
     * Z[L]), {@code y}, {@code m} and {@code ws} (the pass's workspace; its {@code lossScratch} row may be
     * {@code out}) and the output width's constant name. No loss needs A[L]: cross-entropies are computed from the
     * logits for stability (softmax's from the column maxima and sums its forward pass left in the workspace), and
     * the linear output of squared error is Z itself.
     */
    CodeBlock perExample(String outputs);

    /**
     * Statements writing each changed example's loss change ℓ(z) − ℓ(zb) into {@code out[c]} for c &lt; count,
     * given locals {@code z} (the new logits), {@code zb}, {@code pb} and {@code yb} (the base pass's logits,
     * outputs and labels, gathered for the same examples), a scratch row {@code s}, and the output width's
     * constant name. A check's steps are tiny, so the change is computed from Δ = z − zb directly (series exact
     * to rounding while |Δ| ≤ {@link #SERIES_LIMIT}, the exact difference beyond), which needs no exp or log
     * and does not subtract two nearly equal losses.
     */
    CodeBlock changeFromLogits(String outputs);

    /** Helper methods {@link #changeFromLogits} calls, written once into the check class. */
    default java.util.List<com.palantir.javapoet.MethodSpec> changeHelpers(String outputs) {
        return java.util.List.of();
    }

    /**
     * Statements writing, for each example j &lt; m, the Taylor coefficients of t ↦ ℓ(zb + v·t) − ℓ(zb) into
     * {@code c1}, {@code c2}, {@code c3} (of t, t², t³; exact to rounding while |v_i·t| stays within the
     * series' limit, which tightens {@code reach}), given locals {@code v} (the logits' change per unit of t),
     * {@code zb}, {@code pb} and {@code y} (the base pass's logits, outputs and labels, all rows of m examples)
     * and an {@code along} ({@code AlongRow}) for scratch rows. Forward values only: p and y, never a gradient.
     */
    CodeBlock alongCoefficients(String outputs);

    /** Where e^Δ − 1 ≈ Δ + Δ²/2 + Δ³/6 is exact to rounding: its first omitted term, Δ⁴/24, is below u·|Δ|. */
    String SERIES_LIMIT = "1e-5";

    /** ℓ_j as a sum over the output rows: {@code row} adds row i's terms to out, with zi and yi in scope. */
    static CodeBlock sumOverRows(String outputs, CodeBlock row) {
        return CodeBlock.builder()
                .addStatement("$T.fill(out, 0, m, 0.0)", Names.ARRAYS)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] yi = y[i]")
                .add(row)
                .endControlFlow()
                .build();
    }

    /** {@code body} for each example j &lt; m. */
    static CodeBlock overExamples(CodeBlock body) {
        return CodeBlock.builder()
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .add(body)
                .endControlFlow()
                .build();
    }

    /**
     * A loss change built from series per output row: {@code body} adds row i's share for example c to out[c]
     * (and may track the largest |d|), with zi, bi, pi, yi and d = zi[c] − bi[c] in scope; examples with a Δ
     * beyond the series' limit are then computed exactly by the loss's own {@code exactChange}.
     */
    static CodeBlock seriesOverRows(String outputs, CodeBlock body, CodeBlock finish) {
        return CodeBlock.builder()
                .addStatement("$T.fill(out, 0, count, 0.0)", Names.ARRAYS)
                .addStatement("double largest = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i], bi = zb[i], pi = pb[i], yi = yb[i]")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("final double d = zi[c] - bi[c]")
                .add(body)
                .addStatement("largest = $T.max(largest, $T.abs(d))", Math.class, Math.class)
                .endControlFlow()
                .endControlFlow()
                .add(finish)
                .beginControlFlow("if (largest > $L)", SERIES_LIMIT)
                .add("// a step too large for the series somewhere (a large ε): those examples exactly\n")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .beginControlFlow("if (largestChange(z, zb, c) > $L)", SERIES_LIMIT)
                .addStatement("out[c] = exactChange(z, zb, yb, c)")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /**
     * Coefficients summed over the output rows: {@code body} adds row o's share for example j, with w = v[o][j]
     * and the rows vo, zo, po, yo in scope; for a series loss the largest |w| of each example bounds its reach
     * after {@code finish} (a loop body over j) has combined the sums.
     */
    static CodeBlock alongOverRows(String outputs, boolean series, CodeBlock body, CodeBlock finish) {
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[] s = along.scratch(), largest = along.scratch2()");
        for (String row : new String[] {"c1", "c2", "c3", "s", "largest"}) {
            code.addStatement("$T.fill($L, 0, m, 0.0)", Names.ARRAYS, row);
        }
        code.beginControlFlow("for (int o = 0; o < $L; o++)", outputs)
                .addStatement("final double[] vo = v[o], zo = zb[o], po = pb[o], yo = y[o]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("final double w = vo[j]")
                .add(body);
        if (series) {
            code.addStatement("largest[j] = $T.max(largest[j], $T.abs(w))", Math.class, Math.class);
        }
        code.endControlFlow().endControlFlow()
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .add(finish);
        if (series) {
            code.add("// every |Δ_i| = |v_i·t| within the series' limit\n")
                    .addStatement("reach[j] = $T.min(reach[j], $L / largest[j])", Math.class, SERIES_LIMIT);
        }
        return code.endControlFlow().build();
    }

    /**
     * The start of a series loss's {@code double exactChange(z, zb, yb, c)}: ℓ of column c of z minus ℓ of
     * column c of zb, computed {@code how}, for steps beyond the series' limit.
     */
    static com.palantir.javapoet.MethodSpec.Builder exactChange(String how) {
        return com.palantir.javapoet.MethodSpec.methodBuilder("exactChange")
                .addJavadoc("ℓ of column c of z minus ℓ of column c of zb, $L.\n", how)
                .addModifiers(javax.lang.model.element.Modifier.PRIVATE, javax.lang.model.element.Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[][].class, "z")
                .addParameter(double[][].class, "zb")
                .addParameter(double[][].class, "yb")
                .addParameter(int.class, "c");
    }

    /** max_i |z[i][c] − zb[i][c]|, which the series losses need. */
    static com.palantir.javapoet.MethodSpec largestChange(String outputs) {
        return com.palantir.javapoet.MethodSpec.methodBuilder("largestChange")
                .addJavadoc("max_i |z[i][c] − zb[i][c]|.\n")
                .addModifiers(javax.lang.model.element.Modifier.PRIVATE, javax.lang.model.element.Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[][].class, "z")
                .addParameter(double[][].class, "zb")
                .addParameter(int.class, "c")
                .addStatement("double largest = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("largest = $T.max(largest, $T.abs(z[i][c] - zb[i][c]))", Math.class, Math.class)
                .endControlFlow()
                .addStatement("return largest")
                .build();
    }
}
