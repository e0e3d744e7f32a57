package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import dev.netsmith.processor.codegen.RowSums.Columns;

/** The identity: a = z, derivative 1. */
final class LinearEmitter implements ActivationEmitter {

    @Override
    public String name() {
        return "identity";
    }

    @Override
    public CodeBlock value(String z) {
        return CodeBlock.of("$L", z);
    }

    @Override
    public CodeBlock applyToRow(String z, String a, Columns columns) {
        return CodeBlock.builder()
                .addStatement("$T.arraycopy($L, $L, $L, $L, $L)", System.class, z, columns.from(), a, columns.from(), columns.count())
                .build();
    }

    @Override
    public CodeBlock derivativeTimes(String upstream, String z, String a) {
        return CodeBlock.of("$L", upstream);
    }
}
