package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import java.util.function.Function;

/**
 * Emits {@code target[j] = init + Σ_q c_q·row_q[j]} over a constant number of rows, four rows at a time with
 * their coefficients hoisted into final locals, so that each pass over the m examples is one loop C2
 * vectorises. The first block assigns, later blocks accumulate, and a remainder of up to three rows is
 * emitted unrolled. Code size depends on neither the number of rows nor m.
 */
final class RowSums {

    /** Rows combined per pass over the examples. */
    static final int UNROLL = 4;

    private RowSums() {
    }

    /**
     * @param target      the row written, e.g. {@code zi}
     * @param count       the number of rows summed (a compile-time constant of the network)
     * @param countName   the constant's name in generated code, e.g. {@code N1}
     * @param coefficient the coefficient of row q given q's index expression, e.g. {@code q -> "theta[w + " + q + "]"}
     * @param row         the row q given q's index expression, e.g. {@code q -> "in[" + q + "]"}
     * @param init        an expression added once per example (e.g. the bias), or {@code null} for none
     */
    static CodeBlock emit(String target, int count, String countName, Function<String, String> coefficient,
                          Function<String, String> row, String init) {
        CodeBlock.Builder code = CodeBlock.builder();
        code.add(firstBlock(target, Math.min(UNROLL, count), coefficient, row, init));
        int fullBlocks = count / UNROLL;
        if (fullBlocks >= 2) {
            code.beginControlFlow("for (int q = $L; q + $L <= $L; q += $L)", UNROLL, UNROLL, countName, UNROLL)
                    .add(loopBlock(target, coefficient, row))
                    .endControlFlow();
        }
        int remainder = count > UNROLL ? count % UNROLL : 0;
        if (remainder > 0) {
            code.add(constantBlock(target, count - remainder, remainder, coefficient, row));
        }
        return code.build();
    }

    /** target[j] = init + the first n rows (n ≤ 4), in braces; init may be null. */
    static CodeBlock firstBlock(String target, int n, Function<String, String> coefficient, Function<String, String> row,
                                String init) {
        return scoped(block(target, indices(0, n, null), coefficient, row, init, true));
    }

    /** target[j] += rows q … q + 3, for the body of a loop over q. */
    static CodeBlock loopBlock(String target, Function<String, String> coefficient, Function<String, String> row) {
        return block(target, indices(0, UNROLL, "q"), coefficient, row, null, false);
    }

    /** target[j] += rows start … start + n − 1 at constant indices, in braces. */
    static CodeBlock constantBlock(String target, int start, int n, Function<String, String> coefficient,
                                   Function<String, String> row) {
        return scoped(block(target, indices(start, n, null), coefficient, row, null, false));
    }

    /**
     * The index expression {@code base + index·stride} written as a person would: {@code w}, {@code w + 3},
     * {@code w + (q + 1) * N2}; a null stride means 1.
     */
    static String offset(String base, String index, String stride) {
        if (index.equals("0")) {
            return base;
        }
        if (stride == null) {
            return base + " + " + index;
        }
        return base + " + " + (index.matches("\\d+") || index.equals("q") ? index : "(" + index + ")") + " * " + stride;
    }

    /** A block in braces of its own, so that its hoisted locals do not clash with the next block's. */
    private static CodeBlock scoped(CodeBlock block) {
        return CodeBlock.builder().add("{\n").indent().add(block).unindent().add("}\n").build();
    }

    /** Index expressions {@code base + t} (or constants when base is null, counting from start). */
    private static String[] indices(int start, int n, String base) {
        String[] out = new String[n];
        for (int t = 0; t < n; t++) {
            out[t] = base == null ? Integer.toString(start + t) : (t == 0 ? base : base + " + " + t);
        }
        return out;
    }

    private static CodeBlock block(String target, String[] index, Function<String, String> coefficient,
                                   Function<String, String> row, String init, boolean assign) {
        StringBuilder coefficients = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        StringBuilder sum = new StringBuilder(init == null ? "" : init + " + ");
        for (int t = 0; t < index.length; t++) {
            String separator = t == 0 ? "" : ", ";
            coefficients.append(separator).append('c').append(t).append(" = ").append(coefficient.apply(index[t]));
            rows.append(separator).append('r').append(t).append(" = ").append(row.apply(index[t]));
            sum.append(t == 0 ? "" : " + ").append('c').append(t).append(" * r").append(t).append("[j]");
        }
        return CodeBlock.builder()
                .addStatement("final double $L", coefficients)
                .addStatement("final double[] $L", rows)
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("$L[j] $L $L", target, assign ? "=" : "+=", sum)
                .endControlFlow()
                .build();
    }
}
