package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * −[y·log σ(z) + (1 − y)·log(1 − σ(z))] rewritten from the logit z as max(z, 0) − z·y + log(1 + e^−|z|),
 * which is finite for every finite z even where σ(z) rounds to exactly 0 or 1. log(1 + e) rather than
 * log1p(e): e ≤ 1, so the absolute error stays below one ulp of 1 while Math.log, unlike Math.log1p, is a
 * fast intrinsic, and the gradient check evaluates this loss twice per parameter.
 */
final class BinaryCrossEntropyEmitter implements LossEmitter {

    @Override
    public String formula() {
        return "ℓ_j = Σ_i max(z, 0) − z·y + log(1 + e^−|z|)  (binary cross-entropy from the logits Z)";
    }

    @Override
    public CodeBlock perExample(String outputs) {
        CodeBlock scalar = LossEmitter.overExamples(CodeBlock.builder()
                .addStatement("out[j] += $T.max(zi[j], 0.0) - zi[j] * yi[j] + $T.log(1.0 + $T.exp(-$T.abs(zi[j])))",
                        Math.class, Math.class, Math.class, Math.class)
                .build());
        return LossEmitter.sumOverRows(outputs,
                VectorBranch.of(VectorBranch.call("addBinaryCrossEntropy", "zi, yi, out, ws.columnScratch(), m"), scalar));
    }

    /**
     * softplus(z + Δ) − softplus(z) − y·Δ = log(1 + σ(z)·(e^Δ − 1)) − y·Δ with σ(z) the base output, by the
     * series of e^Δ − 1 and log(1 + t) within the limit, else from both softplus values.
     */
    @Override
    public CodeBlock changeFromLogits(String outputs) {
        return LossEmitter.seriesOverRows(outputs, CodeBlock.builder()
                .addStatement("final double t = pi[c] * (d + d * d * (0.5 + d / 6.0))")
                .addStatement("out[c] += t - t * t * (0.5 - t * (1.0 / 3.0 - 0.25 * t)) - yi[c] * d")
                .build(), CodeBlock.of(""));
    }

    /**
     * Σ_i softplus(zb_i + v_i·t) − softplus(zb_i) − y_i·v_i·t, with softplus' = σ = p, softplus'' = p(1 − p)
     * and its third derivative p(1 − p)(1 − 2p): c1 = Σ (p − y)·v, c2 = Σ p(1 − p)·v²/2,
     * c3 = Σ p(1 − p)(1 − 2p)·v³/6.
     */
    @Override
    public CodeBlock alongCoefficients(String outputs) {
        return LossEmitter.alongOverRows(outputs, true, CodeBlock.builder()
                .addStatement("final double p = po[j], q = p * (1.0 - p)")
                .addStatement("c1[j] += (p - yo[j]) * w")
                .addStatement("c2[j] += 0.5 * q * w * w")
                .addStatement("c3[j] += q * (1.0 - 2.0 * p) * w * w * w * (1.0 / 6.0)")
                .build(), CodeBlock.of(""));
    }

    @Override
    public List<MethodSpec> changeHelpers(String outputs) {
        return List.of(LossEmitter.largestChange(outputs), LossEmitter.exactChange("from both softplus values")
                .addStatement("double change = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("change += softplus(z[i][c]) - softplus(zb[i][c]) - yb[i][c] * (z[i][c] - zb[i][c])")
                .endControlFlow()
                .addStatement("return change")
                .build(), MethodSpec.methodBuilder("softplus")
                .addJavadoc("log(1 + e^x), finite for every finite x.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double.class, "x")
                .addStatement("return $T.max(x, 0.0) + $T.log(1.0 + $T.exp(-$T.abs(x)))", Math.class, Math.class, Math.class, Math.class)
                .build());
    }
}
