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
        return CodeBlock.builder()
                .addStatement("$T.fill(out, 0, m, 0.0)", Names.ARRAYS)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] yi = y[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("final double d = zi[j] - yi[j]")
                .addStatement("out[j] += 0.5 * d * d")
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
