package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;

/**
 * softmax over each example's column, shifted by the column's maximum so that exp never overflows. It is
 * the output activation of softmax cross-entropy, whose backward step is fused into dZ = A − Y.
 */
final class SoftmaxEmitter implements ActivationEmitter {

    /** The workspace rows where the forward pass leaves each column's maximum and Σ e^(z − max) for the cost. */
    static final String OUTPUT_MAX = "columnScratch";
    static final String OUTPUT_SUMS = "columnScratch2";

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public CodeBlock value(String z) {
        throw new IllegalStateException("softmax normalises whole columns; it has no elementwise form");
    }

    @Override
    public CodeBlock applyToRow(String z, String a) {
        return CodeBlock.of("");
    }

    @Override
    public CodeBlock applyToColumns(int layer) {
        String n = Names.units(layer);
        CodeBlock scalar = CodeBlock.builder()
                .addStatement("$T.arraycopy(z[0], 0, max, 0, m)", System.class)
                .beginControlFlow("for (int i = 1; i < $L; i++)", n)
                .addStatement("final double[] zi = z[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("max[j] = $T.max(max[j], zi[j])", Math.class)
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.fill(sum, 0, m, 0.0)", Names.ARRAYS)
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] ai = a[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("final double e = $T.exp(zi[j] - max[j])", Math.class)
                .addStatement("ai[j] = e")
                .addStatement("sum[j] += e")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("scale[j] = 1.0 / sum[j]")
                .endControlFlow()
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] ai = a[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("ai[j] *= scale[j]")
                .endControlFlow()
                .endControlFlow()
                .build();
        return CodeBlock.builder()
                .add("// softmax column by column: a = e^(z − max) / Σ e^(z − max); max and the sums stay in the\n")
                .add("// workspace for the cost of this pass, which needs log Σ e^z = max + log Σ e^(z − max)\n")
                .addStatement("final double[] max = ws.$L()", OUTPUT_MAX)
                .addStatement("final double[] sum = ws.$L()", OUTPUT_SUMS)
                .addStatement("final double[] scale = ws.lossScratch()")
                .add(VectorBranch.of(VectorBranch.call("softmaxColumns", "z, a, " + n + ", m, max, sum, scale"), scalar))
                .build();
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        throw new IllegalStateException("softmax is an output activation; its derivative is fused into the loss");
    }
}
