package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.netsmith.processor.codegen.RowSums.Columns;

/**
 * softmax over each example's column, shifted by the column's maximum so that exp never overflows. It is
 * the output activation of softmax cross-entropy, whose backward step is fused into dZ = A − Y. Each example's
 * column is normalised on its own, so the threads of a split layer each take their own columns (and their own
 * entries of the two scratch rows).
 */
final class SoftmaxEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "softmax";
    }

    @Override
    public CodeBlock value(String z) {
        throw new IllegalStateException("softmax normalises whole columns; it has no elementwise form");
    }

    @Override
    public CodeBlock applyToRow(String z, String a, Columns columns) {
        return CodeBlock.of("");
    }

    @Override
    public CodeBlock applyToColumns(int layer, Columns columns) {
        String n = Names.units(layer);
        String loop = columns.loop("j");
        return CodeBlock.builder()
                .add("// softmax column by column: a = e^(z − max) / Σ e^(z − max)\n")
                .addStatement("final double[] max = ws.columnScratch()")
                .addStatement("final double[] sum = ws.columnScratch2()")
                .addStatement("$T.arraycopy(z[0], $L, max, $L, $L)", System.class, columns.from(), columns.from(), columns.count())
                .beginControlFlow("for (int i = 1; i < $L; i++)", n)
                .addStatement("final double[] zi = z[i]")
                .beginControlFlow("for ($L)", loop)
                .addStatement("max[j] = $T.max(max[j], zi[j])", Math.class)
                .endControlFlow()
                .endControlFlow()
                .addStatement("$T.fill(sum, $L, $L, 0.0)", Names.ARRAYS, columns.from(), columns.to())
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] ai = a[i]")
                .beginControlFlow("for ($L)", loop)
                .addStatement("final double e = $T.exp(zi[j] - max[j])", Math.class)
                .addStatement("ai[j] = e")
                .addStatement("sum[j] += e")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for ($L)", loop)
                .addStatement("sum[j] = 1.0 / sum[j]")
                .endControlFlow()
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] ai = a[i]")
                .beginControlFlow("for ($L)", loop)
                .addStatement("ai[j] *= sum[j]")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        throw new IllegalStateException("softmax is an output activation; its derivative is fused into the loss");
    }
}
