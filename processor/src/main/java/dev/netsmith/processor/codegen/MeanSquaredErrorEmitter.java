package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/** ½·‖a − y‖² per example, so that with a linear output dZ = A − Y exactly; a = z for the linear output. */
final class MeanSquaredErrorEmitter implements LossEmitter {

    @Override
    public String formula() {
        return "ℓ_j = ½·Σ_i (a_i − y_i)²  (squared error of the linear output)";
    }

    @Override
    public CodeBlock perExample(String outputs) {
        return LossEmitter.sumOverRows(outputs, LossEmitter.overExamples(CodeBlock.builder()
                .addStatement("final double d = zi[j] - yi[j]")
                .addStatement("out[j] += 0.5 * d * d")
                .build()));
    }

    /** ½(z + Δ − y)² − ½(z − y)² = Δ·((z − y) + Δ/2), exactly. */
    @Override
    public CodeBlock changeFromLogits(String outputs) {
        return CodeBlock.builder()
                .addStatement("$T.fill(out, 0, count, 0.0)", Names.ARRAYS)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i], bi = zb[i], yi = yb[i]")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("final double d = zi[c] - bi[c]")
                .addStatement("out[c] += d * ((bi[c] - yi[c]) + 0.5 * d)")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /** ½(zb + v·t − y)² − ½(zb − y)² = (zb − y)·v·t + v²·t²/2, exactly, for any t. */
    @Override
    public CodeBlock alongCoefficients(String outputs) {
        return LossEmitter.alongOverRows(outputs, false, CodeBlock.builder()
                .addStatement("c1[j] += (zo[j] - yo[j]) * w")
                .addStatement("c2[j] += 0.5 * w * w")
                .build(), CodeBlock.of(""));
    }
}
