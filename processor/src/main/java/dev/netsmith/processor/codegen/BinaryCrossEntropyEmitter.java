package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

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
        return LossEmitter.sumOverRows(outputs, CodeBlock.builder()
                .addStatement("out[j] += $T.max(zi[j], 0.0) - zi[j] * yi[j] + $T.log(1.0 + $T.exp(-$T.abs(zi[j])))",
                        Math.class, Math.class, Math.class, Math.class)
                .build());
    }
}
