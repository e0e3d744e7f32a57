package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;

/**
 * −Σ_i y_i·log softmax(z)_i = logΣexp(z) − Σ_i y_i·z_i, with the log-sum-exp shifted by the column's
 * maximum so that it never overflows.
 */
final class SoftmaxCrossEntropyEmitter implements LossEmitter {

    @Override
    public String formula() {
        return "ℓ_j = log Σ_i e^z_i − Σ_i y_i·z_i  (softmax cross-entropy, log-sum-exp shifted by max_i z_i)";
    }

    /** From the column maxima and sums of e^(z − max) that the forward pass's softmax left in the workspace. */
    @Override
    public CodeBlock perExample(String outputs) {
        return CodeBlock.builder()
                .add("// log Σ e^z = max + log Σ e^(z − max), from the maxima and sums the softmax of this pass left\n")
                .addStatement("final double[] max = ws.$L()", SoftmaxEmitter.OUTPUT_MAX)
                .addStatement("final double[] sum = ws.$L()", SoftmaxEmitter.OUTPUT_SUMS)
                .add(VectorBranch.of(VectorBranch.call("log", "sum, out, m"), LossEmitter.overExamples(
                        CodeBlock.builder().addStatement("out[j] = $T.log(sum[j])", Math.class).build())))
                .add(LossEmitter.overExamples(CodeBlock.builder().addStatement("out[j] += max[j]").build()))
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] yi = y[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("out[j] -= yi[j] * zi[j]")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /**
     * ℓ(z + Δ) − ℓ(z) = log Σ_i p_i·e^Δ_i − Σ_i y_i·Δ_i with p = softmax(z), the base output: e^Δ − 1 and
     * log(1 + s) by their series when every |Δ_i| is within the limit, else both log-sum-exps in full.
     */
    @Override
    public CodeBlock changeFromLogits(String outputs) {
        return CodeBlock.builder()
                .addStatement("$T.fill(s, 0, count, 0.0)", Names.ARRAYS)
                .add(LossEmitter.seriesOverRows(outputs, CodeBlock.builder()
                        .addStatement("s[c] += pi[c] * (d + d * d * (0.5 + d / 6.0))")
                        .addStatement("out[c] -= yi[c] * d")
                        .build(), CodeBlock.builder()
                        .beginControlFlow("for (int c = 0; c < count; c++)")
                        .addStatement("final double t = s[c]")
                        .addStatement("out[c] += t - t * t * (0.5 - t * (1.0 / 3.0 - 0.25 * t))")
                        .endControlFlow()
                        .build()))
                .build();
    }

    /**
     * ℓ(zb + v·t) − ℓ(zb) = log(1 + s) − t·Σ_i y_i·v_i with s = Σ_i p_i·(e^{v_i·t} − 1) = a1·t + a2·t² + a3·t³
     * (a_k = Σ_i p_i·v_i^k / k!), so c1 = a1 − Σ y·v, c2 = a2 − a1²/2, c3 = a3 − a1·a2 + a1³/3.
     */
    @Override
    public CodeBlock alongCoefficients(String outputs) {
        return LossEmitter.alongOverRows(outputs, true, CodeBlock.builder()
                .addStatement("final double pw = po[j] * w")
                .addStatement("c1[j] += pw")
                .addStatement("c2[j] += 0.5 * pw * w")
                .addStatement("c3[j] += pw * w * w * (1.0 / 6.0)")
                .addStatement("s[j] += yo[j] * w")
                .build(), CodeBlock.builder()
                .addStatement("final double a1 = c1[j], a2 = c2[j]")
                .addStatement("c1[j] = a1 - s[j]")
                .addStatement("c2[j] = a2 - 0.5 * a1 * a1")
                .addStatement("c3[j] = c3[j] - a1 * a2 + a1 * a1 * a1 * (1.0 / 3.0)")
                .build());
    }

    @Override
    public List<MethodSpec> changeHelpers(String outputs) {
        return List.of(LossEmitter.largestChange(outputs), LossEmitter.exactChange("each from its own shifted log-sum-exp")
                .addStatement("double maxNew = $T.NEGATIVE_INFINITY", Double.class)
                .addStatement("double maxOld = $T.NEGATIVE_INFINITY", Double.class)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("maxNew = $T.max(maxNew, z[i][c])", Math.class)
                .addStatement("maxOld = $T.max(maxOld, zb[i][c])", Math.class)
                .endControlFlow()
                .addStatement("double sumNew = 0.0")
                .addStatement("double sumOld = 0.0")
                .addStatement("double dot = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("sumNew += $T.exp(z[i][c] - maxNew)", Math.class)
                .addStatement("sumOld += $T.exp(zb[i][c] - maxOld)", Math.class)
                .addStatement("dot += yb[i][c] * (z[i][c] - zb[i][c])")
                .endControlFlow()
                .addStatement("return maxNew + $T.log(sumNew) - (maxOld + $T.log(sumOld)) - dot", Math.class, Math.class)
                .build());
    }
}
