package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/**
 * −Σ_i y_i·log softmax(z)_i = logΣexp(z) − Σ_i y_i·z_i, with the log-sum-exp shifted by the column's
 * maximum so that it never overflows.
 */
final class SoftmaxCrossEntropyEmitter implements LossEmitter {

    @Override
    public String formula() {
        return "ℓ_j = log Σ_i e^z_i − Σ_i y_i·z_i  (softmax cross-entropy, log-sum-exp shifted by max_i z_i)";
    }

    @Override
    public CodeBlock perExample(String outputs) {
        return CodeBlock.builder()
                .addStatement("$T.arraycopy(z[0], 0, max, 0, m)", System.class)
                .beginControlFlow("for (int i = 1; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("max[j] = $T.max(max[j], zi[j])", Math.class)
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.fill(out, 0, m, 0.0)", Names.ARRAYS)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("out[j] += $T.exp(zi[j] - max[j])", Math.class)
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("out[j] = max[j] + $T.log(out[j])", Math.class)
                .endControlFlow()
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] yi = y[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("out[j] -= yi[j] * zi[j]")
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
