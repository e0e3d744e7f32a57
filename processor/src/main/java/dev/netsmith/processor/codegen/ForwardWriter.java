package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code T_Forward}: one method per layer, Z = W·A_prev + b then A = g(Z) for the units
 * {@code from ≤ i < to} of the layer, and dropout between layers. {@code run} hands a large layer (unless its
 * input is wide, see {@link #splits}) to
 * {@code Workspace.split}, which runs the layer's method on parts of its units on several threads (each thread
 * writes rows of Z and A of its own, over all m examples), and otherwise calls it for all units itself, as the
 * gradient check does. An activation that needs whole columns (softmax) follows on the calling thread. Each
 * product and activation also has its vector form ({@link VectorBranch}).
 */
final class ForwardWriter {

    /** The field holding the layer methods for {@code Workspace.split}. */
    static final String PARTS = "ROWS";

    private ForwardWriter() {
    }

    static JavaFile write(NetworkSpec spec) {
        ClassName name = Names.forward(spec);
        TypeSpec.Builder type = KernelClasses.builder(spec, name)
                .addJavadoc("Forward propagation of {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>θ is the flat parameter vector W1, b1, W2, b2, …; every A[l] and Z[l] is a row array\n")
                .addJavadoc("{@code double[n_l][m]} in the workspace, one row per unit and one column per example.\n")
                .addJavadoc("A large layer's units are split across the workspace's threads.\n")
                .addField(KernelClasses.splitKernel(name, PARTS, "rows", "Layer l for units [from, to)"))
                .addMethod(run(spec));
        for (int l = 1; l <= spec.depth(); l++) {
            type.addMethod(layer(spec, spec.layer(l)));
            if (activatesColumns(spec.layer(l))) {
                type.addMethod(columnActivation(spec, spec.layer(l)));
            }
        }
        List<Integer> layers = IntStream.rangeClosed(1, spec.depth()).filter(l -> splits(spec, l)).boxed().toList();
        type.addMethod(KernelClasses.splitDispatch("rows", layers, "layer$L(theta, ws, m, from, to)", "the forward pass"));
        return KernelClasses.file(spec, type.build());
    }

    /**
     * Whether {@code run} may split layer l: not when its input is wide enough to be summed in blocks. That product
     * is bound by memory, and each thread of a split by units streams the whole input again: N5's forward pass,
     * whose 12,288-wide first layer is most of it, ran 0.79–0.83× as fast on two threads as on one.
     */
    static boolean splits(NetworkSpec spec, int l) {
        return spec.units(l - 1) < BLOCKED_WIDTH;
    }

    /** Whether the layer's activation needs whole columns of Z (softmax), and so a method of its own after the rows. */
    private static boolean activatesColumns(LayerSpec layer) {
        return !ActivationEmitter.of(layer).applyToColumns(layer.index()).isEmpty();
    }

    /** The multiply-adds of layer l's product for m examples, as a long expression of the generated code. */
    static String work(int l) {
        return "m * (long) (" + Names.units(l) + " * " + Names.units(l - 1) + ")";
    }

    private static MethodSpec run(NetworkSpec spec) {
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Runs every layer over the first m columns of x, caching Z, A and the dropout masks in ws.\n")
                .addJavadoc("{@code ws.split} runs a layer of m·n_l·n_{l−1} multiply-adds at or above the workspace's\n")
                .addJavadoc("split threshold on several threads, its units in parts, and returns false for any other.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(double[][].class, "x")
                .addParameter(int.class, "m")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(Names.DROPOUT, "dropout")
                .addStatement("ws.setLayerInput(1, x)");
        for (int l = 1; l <= spec.depth(); l++) {
            if (splits(spec, l)) {
                run.beginControlFlow("if (!ws.split($L, $L, theta, m, $L, $L))", PARTS, l, Names.units(l), work(l))
                        .addStatement("layer$L(theta, ws, m, 0, $L)", l, Names.units(l))
                        .endControlFlow();
            } else {
                run.addComment("layer $L's $L-wide input is read from memory in blocks: one thread, never split", l, spec.units(l - 1))
                        .addStatement("layer$L(theta, ws, m, 0, $L)", l, Names.units(l));
            }
            if (activatesColumns(spec.layer(l))) {
                run.addStatement("activate$L(ws, m)", l);
            }
            if (l < spec.depth()) {
                run.addComment("inverted dropout on A$L (declared keep probability $L)", l, spec.layer(l).keepProb());
                run.addStatement("ws.setLayerInput($L, dropout.apply($L, $L, ws, m))", l + 1, l, Names.keep(l));
            }
        }
        return run.build();
    }

    private static MethodSpec layer(NetworkSpec spec, LayerSpec layer) {
        int l = layer.index();
        ActivationEmitter activation = ActivationEmitter.of(layer);
        CodeBlock perRow = activation.applyToRow("zi", "ai");
        CodeBlock perRowVector = activation.applyToRowVector("zi", "ai");
        return MethodSpec.methodBuilder("layer" + l)
                .addJavadoc("Layer $L ($L, $L units): Z$L = W$L·A$L + b$L with W$L of $L×$L, then A$L = $L(Z$L)$L; rows from ≤ i < to.\n",
                        l, l == spec.depth() ? "output" : "hidden", spec.units(l), l, l, l - 1, l, l,
                        spec.units(l), spec.units(l - 1), l, activation.name(), l,
                        activatesColumns(layer) ? " (in activate" + l + ", once every row is done)" : "")
                .addModifiers(Modifier.STATIC)
                .addParameters(KernelClasses.rangeParameters())
                .addCode(perRow.isEmpty() ? CodeBlock.of("") : CodeBlock.of("final double[][] a = ws.a($L);\n", l))
                .addCode(affine(spec, l, perRow, perRowVector, "from", "to"))
                .build();
    }

    /** A = g(Z) for an activation that normalises whole columns (softmax): after every row of Z is done. */
    private static MethodSpec columnActivation(NetworkSpec spec, LayerSpec layer) {
        int l = layer.index();
        return MethodSpec.methodBuilder("activate" + l)
                .addJavadoc("A$L = $L(Z$L) over the first m examples, each example's column at once.\n",
                        l, ActivationEmitter.of(layer).name(), l)
                .addModifiers(Modifier.STATIC)
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addStatement("final double[][] z = ws.z($L)", l)
                .addStatement("final double[][] a = ws.a($L)", l)
                .addCode(ActivationEmitter.of(layer).applyToColumns(l))
                .build();
    }

    /**
     * Inputs at least this wide are summed in blocks of rows of A[l-1] that fit in L2 (each block applied to
     * every output row while it is cached), instead of streaming all of A[l-1] once per output row: 6× faster
     * on a 12,288-wide layer, with the same sums in the same order.
     */
    static final int BLOCKED_WIDTH = 256;

    /** W[l][i][q] for the row i whose weights start at w. */
    private static final Function<String, String> COEFFICIENT = q -> "theta[" + RowSums.offset("w", q, null) + "]";
    /** Row q of the layer's input. */
    private static final Function<String, String> ROW = q -> "in[" + q + "]";

    /**
     * Z[l] = W[l]·A[l-1] + b[l] into rows {@code from ≤ i < to} of {@code ws.z(l)} (bounds as expressions of the
     * generated code), one row of Z at a time over all m examples, reading the layer's input from
     * {@code ws.layerInput(l)}; {@code perRow} (may be empty) runs after each finished row i with {@code zi} and
     * {@code ai} in scope, {@code perRowVector} in the vector backend. Each row is the same sum in the same order
     * whichever rows are asked for.
     */
    static CodeBlock affine(NetworkSpec spec, int l, CodeBlock perRow, CodeBlock perRowVector, String from, String to) {
        CodeBlock vector = CodeBlock.builder()
                .add("// four rows of Z at a time, by fused multiply-adds\n")
                .add(VectorBranch.call("affine", String.join(", ", "theta", Names.weights(l), Names.biases(l),
                        Names.units(l - 1), "in", "z", "m", from, to)))
                .add(eachRow(perRowVector, from, to))
                .build();
        return CodeBlock.builder()
                .addStatement("final double[][] in = ws.layerInput($L)", l)
                .addStatement("final double[][] z = ws.z($L)", l)
                .add(VectorBranch.of(vector, scalarAffine(spec, l, perRow, from, to)))
                .build();
    }

    /** {@code perRow} for each row from ≤ i &lt; to of Z once all of them are done; empty if it is. */
    private static CodeBlock eachRow(CodeBlock perRow, String from, String to) {
        if (perRow.isEmpty()) {
            return perRow;
        }
        return CodeBlock.builder()
                .beginControlFlow("for (int i = $L; i < $L; i++)", from, to)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] ai = a[i]")
                .add(perRow)
                .endControlFlow()
                .build();
    }

    /** The network's own loops: row by row, or for a wide input block by block of its rows. */
    private static CodeBlock scalarAffine(NetworkSpec spec, int l, CodeBlock perRow, String from, String to) {
        if (spec.units(l - 1) >= BLOCKED_WIDTH) {
            return CodeBlock.builder().add(blocked(spec, l, from, to)).add(eachRow(perRow, from, to)).build();
        }
        String prev = Names.units(l - 1);
        CodeBlock.Builder code = CodeBlock.builder()
                .beginControlFlow("for (int i = $L; i < $L; i++)", from, to)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final int w = $L + i * $L", Names.weights(l), prev)
                .addStatement("final double bias = theta[$L + i]", Names.biases(l))
                .add(RowSums.emit("zi", spec.units(l - 1), prev, COEFFICIENT, ROW, "bias"));
        if (!perRow.isEmpty()) {
            code.addStatement("final double[] ai = a[i]").add(perRow);
        }
        return code.endControlFlow().build();
    }

    /** The sums of a wide layer, block of input rows by block of input rows, for output rows from ≤ i &lt; to. */
    private static CodeBlock blocked(NetworkSpec spec, int l, String from, String to) {
        String prev = Names.units(l - 1);
        int remainder = spec.units(l - 1) % RowSums.UNROLL;
        return CodeBlock.builder()
                .add("// rows of A$L per block, in fours: about 256 KB of it, half a 512 KB L2 cache\n", l - 1)
                .addStatement("final int block = $T.max($L, (32768 / m) & ~3)", Math.class, RowSums.UNROLL)
                .beginControlFlow("for (int k0 = 0; k0 < $L; k0 += block)", prev)
                .addStatement("final int k1 = $T.min($L, k0 + block)", Math.class, remainder == 0 ? prev : prev + " - " + remainder)
                .beginControlFlow("for (int i = $L; i < $L; i++)", from, to)
                .addStatement("final double[] zi = z[i]")
                .addStatement("final int w = $L + i * $L", Names.weights(l), prev)
                .addStatement("int q = k0")
                .beginControlFlow("if (k0 == 0)")
                .addStatement("final double bias = theta[$L + i]", Names.biases(l))
                .add(RowSums.firstBlock("zi", RowSums.UNROLL, COEFFICIENT, ROW, "bias"))
                .addStatement("q = $L", RowSums.UNROLL)
                .endControlFlow()
                .beginControlFlow("for (; q + $L <= k1; q += $L)", RowSums.UNROLL, RowSums.UNROLL)
                .add(RowSums.loopBlock("zi", COEFFICIENT, ROW))
                .endControlFlow()
                .add(remainder(spec, l))
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /** The last rows when the width is not a multiple of four, added in the last block. */
    private static CodeBlock remainder(NetworkSpec spec, int l) {
        int width = spec.units(l - 1);
        int remainder = width % RowSums.UNROLL;
        if (remainder == 0) {
            return CodeBlock.of("");
        }
        return CodeBlock.builder()
                .beginControlFlow("if (k0 + block >= $L)", Names.units(l - 1))
                .add(RowSums.constantBlock("zi", width - remainder, remainder, COEFFICIENT, ROW))
                .endControlFlow()
                .build();
    }
}
