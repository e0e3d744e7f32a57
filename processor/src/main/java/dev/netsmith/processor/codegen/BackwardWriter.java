package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.runtime.Workspace;
import java.util.List;
import java.util.stream.IntStream;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code T_Backward}: dZ[L] = A[L] − Y, then for each layer from the top dW, db and, below the top,
 * dA[l-1] = W[l]ᵀ·dZ[l] and dZ[l-1] = dA[l-1] ⊙ D[l-1] ⊙ g'(Z[l-1]). dZ carries no 1/m; dW and db apply it.
 */
final class BackwardWriter {

    private BackwardWriter() {
    }

    /** The field holding the parts of dW products (by columns of dW) for {@code Workspace.split}. */
    static final String WEIGHT_PARTS = "WEIGHT_COLUMNS";
    /** The field holding the parts of backpropagation through a layer (by units of the layer below). */
    static final String DELTA_PARTS = "DELTA_ROWS";

    /**
     * The widest layer input whose dW the default backend computes as dot products ({@code DotProducts}): measured
     * 1.2–3× faster up to 8 inputs, no faster at 16–64 (where the transposed product's inner loop is long enough).
     */
    static final int DOT_PRODUCT_INPUTS = 8;

    private static final ClassName DOT_PRODUCTS = ClassName.get("dev.netsmith.runtime", "DotProducts");

    static JavaFile write(NetworkSpec spec) {
        ClassName name = Names.backward(spec);
        TypeSpec.Builder type = KernelClasses.builder(spec, name)
                .addJavadoc("Backpropagation of {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>Reads what the forward pass cached in the workspace and writes the gradient of the\n")
                .addJavadoc("regularised cost to {@code ws.gradient()} as dW1, db1, dW2, db2, ….\n")
                .addJavadoc("A large product is split across the workspace's threads: dA by its rows, dW of a wide layer by its columns.\n");
        List<Integer> wide = IntStream.rangeClosed(1, spec.depth()).filter(l -> splitsWeights(spec, l)).boxed().toList();
        if (!wide.isEmpty()) {
            type.addField(KernelClasses.splitKernel(name, WEIGHT_PARTS, "weightColumns", "dW[l] = dZ[l]·A[l-1]ᵀ for columns [from, to) of dW"));
        }
        if (spec.depth() > 1) {
            type.addField(KernelClasses.splitKernel(name, DELTA_PARTS, "deltaRows", "dA[l-1] and dZ[l-1] for units [from, to) of layer l-1"));
        }
        type.addMethod(run(spec))
                .addMethod(outputDelta(spec))
                .addMethod(sum());
        for (int l = spec.depth(); l >= 1; l--) {
            type.addMethod(gradients(spec, l));
            if (splitsWeights(spec, l)) {
                type.addMethod(gradientColumns(spec, l));
            }
            if (l > 1) {
                type.addMethod(propagate(spec, l));
            }
        }
        if (!wide.isEmpty()) {
            type.addMethod(KernelClasses.splitDispatch("weightColumns", wide, "gradients$LColumns(ws, m, from, to)", "the dW product"));
        }
        if (spec.depth() > 1) {
            List<Integer> below = IntStream.rangeClosed(2, spec.depth()).boxed().toList();
            type.addMethod(KernelClasses.splitDispatch("deltaRows", below, "propagate$L(theta, ws, m, from, to)", "backpropagation"));
        }
        return KernelClasses.file(spec, type.build());
    }

    /**
     * Whether layer l's weight-gradient product is split (by columns of dW, when large): only for inputs at least
     * {@code Workspace.MIN_SPLIT_INPUTS} wide, where each thread's columns are long enough to pay for the part's
     * loops and the rows of dW the threads share at their boundaries.
     */
    static boolean splitsWeights(NetworkSpec spec, int l) {
        return spec.units(l - 1) >= Workspace.MIN_SPLIT_INPUTS;
    }

    private static MethodSpec run(NetworkSpec spec) {
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Backpropagates from the output of the last forward pass on ws, with labels y.\n")
                .addJavadoc("{@code ws.split} runs a product of m·n_l·n_{l−1} multiply-adds at or above the workspace's\n")
                .addJavadoc("split threshold on several threads, in parts, and returns false for any other.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m")
                .addParameter(Names.WORKSPACE, "ws")
                .addStatement("final double invM = 1.0 / m")
                .addStatement("outputDelta(y, ws, m)");
        for (int l = spec.depth(); l >= 1; l--) {
            run.addStatement("gradients$L(theta, ws, m, invM)", l);
            if (l > 1) {
                run.beginControlFlow("if (!ws.split($L, $L, theta, m, $L, $L))", DELTA_PARTS, l, Names.units(l - 1), ForwardWriter.work(l))
                        .addStatement("propagate$L(theta, ws, m, 0, $L)", l, Names.units(l - 1))
                        .endControlFlow();
            }
        }
        return run.build();
    }

    private static MethodSpec outputDelta(NetworkSpec spec) {
        int top = spec.depth();
        return MethodSpec.methodBuilder("outputDelta")
                .addJavadoc("dZ$L = A$L − Y: the derivative of $L through the $L output, fused (without 1/m).\n",
                        top, top, spec.loss().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '),
                        ActivationEmitter.of(spec.output()).name())
                .addModifiers(Modifier.STATIC)
                .addParameter(double[][].class, "y")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addStatement("final double[][] a = ws.a($L)", top)
                .addStatement("final double[][] dz = ws.dz($L)", top)
                .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(top))
                .addStatement("final double[] ai = a[i]")
                .addStatement("final double[] yi = y[i]")
                .addStatement("final double[] dzi = dz[i]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("dzi[j] = ai[j] - yi[j]")
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    /**
     * Σ_j row[j] for db: in four chains (j mod 4) joined at the end, where one chain would wait on each addition
     * in turn, or in the vector backend lane by lane.
     */
    private static MethodSpec sum() {
        return MethodSpec.methodBuilder("sum")
                .addJavadoc("Σ_j row[j] over the first m examples.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[].class, "row")
                .addParameter(int.class, "m")
                .beginControlFlow("if ($T.VECTOR)", VectorBranch.BACKEND)
                .addStatement("return $T.sum(row, m)", VectorBranch.KERNELS)
                .endControlFlow()
                .addStatement("double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0")
                .addStatement("int j = 0")
                .beginControlFlow("for (; j + 4 <= m; j += 4)")
                .addStatement("s0 += row[j]")
                .addStatement("s1 += row[j + 1]")
                .addStatement("s2 += row[j + 2]")
                .addStatement("s3 += row[j + 3]")
                .endControlFlow()
                .beginControlFlow("for (; j < m; j++)")
                .addStatement("s0 += row[j]")
                .endControlFlow()
                .addStatement("return (s0 + s1) + (s2 + s3)")
                .build();
    }

    /**
     * dW = (1/m)·dZ·A_prevᵀ + (λ/m)·W and db = (1/m)·Σ_j dZ. The product runs over chunks of examples with
     * A_prev transposed, so that its inner loop is an axpy over a row of dW, which C2 vectorises (a dot
     * product over the examples would not be). A large product of a wide layer ({@link #splitsWeights}) is split
     * by columns of dW (input units) across the workspace's threads: each entry of dW is still one sum over the
     * examples in order, so no reduction is needed and the bits do not change. The single-threaded product keeps
     * the constant bounds of its k loops (a run-time bound costs 1.3–1.6× on two-input layers); 1/m, L2 and db
     * follow on the calling thread. The vector backend computes the product as dot products instead
     * ({@code VectorKernels.weightGradient}), which needs no transposed copy, and so does the default backend for a
     * layer of few inputs ({@code DotProducts}, see {@link #DOT_PRODUCT_INPUTS}).
     */
    private static MethodSpec gradients(NetworkSpec spec, int l) {
        String n = Names.units(l);
        String prev = Names.units(l - 1);
        boolean regularised = spec.l2() > 0;
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[][] dz = ws.dz($L)", l)
                .addStatement("final double[][] dw = ws.dw($L)", l)
                .addStatement("final double[] grad = ws.gradient()");
        if (splitsWeights(spec, l)) {
            code.add("// dZ$L·A$Lᵀ into dw, split by columns of dW$L across threads when large\n", l, l - 1, l)
                    .beginControlFlow("if (!ws.split($L, $L, theta, m, $L, $L))", WEIGHT_PARTS, l, prev, ForwardWriter.work(l))
                    .add(product(spec, l, "0", prev))
                    .endControlFlow();
        } else {
            code.add("// dZ$L·A$Lᵀ into dw\n", l, l - 1).add(product(spec, l, "0", prev));
        }
        if (regularised) {
            code.addStatement("final double decay = LAMBDA * invM");
        }
        code.beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] dwi = dw[i]")
                .addStatement("final int w = $L + i * $L", Names.weights(l), prev)
                .beginControlFlow("for (int k = 0; k < $L; k++)", prev)
                .addStatement(regularised ? "grad[w + k] = dwi[k] * invM + decay * theta[w + k]" : "grad[w + k] = dwi[k] * invM")
                .endControlFlow()
                .addStatement("grad[$L + i] = sum(dz[i], m) * invM", Names.biases(l))
                .endControlFlow();
        return MethodSpec.methodBuilder("gradients" + l)
                .addJavadoc("dW$L = (1/m)·dZ$L·A$Lᵀ$L and db$L = (1/m)·Σ_j dZ$L[:, j] (no L2 on b).\n",
                        l, l, l - 1, regularised ? " + (λ/m)·W" + l : "", l, l)
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addParameter(double.class, "invM")
                .addCode(code.build())
                .build();
    }

    /** The product dZ·A_prevᵀ into the columns from ≤ k &lt; to of dW only: one thread's part of a split. */
    private static MethodSpec gradientColumns(NetworkSpec spec, int l) {
        return MethodSpec.methodBuilder("gradients" + l + "Columns")
                .addJavadoc("dW$L = dZ$L·A$Lᵀ (without 1/m) for columns from ≤ k < to: one thread's part when the product is split.\n",
                        l, l, l - 1)
                .addModifiers(Modifier.STATIC)
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addParameter(int.class, "from")
                .addParameter(int.class, "to")
                .addStatement("final double[][] dz = ws.dz($L)", l)
                .addStatement("final double[][] dw = ws.dw($L)", l)
                .addCode(product(spec, l, "from", "to"))
                .build();
    }

    /**
     * dw = dZ·A_prevᵀ for the columns {@code from ≤ k < to} of dW (bounds as expressions; constants when whole). A
     * layer of at most {@link #DOT_PRODUCT_INPUTS} inputs takes dot products instead on the default backend too.
     */
    private static CodeBlock product(NetworkSpec spec, int l, String from, String to) {
        String n = Names.units(l);
        CodeBlock vector = VectorBranch.call("weightGradient", String.join(", ", "dz", n, "in", "m", "dw", from, to));
        CodeBlock scalar = spec.units(l - 1) <= DOT_PRODUCT_INPUTS
                ? CodeBlock.of("$T.weightGradient(dz, $L, in, m, dw, $L, $L);\n", DOT_PRODUCTS, n, from, to)
                : transposedProduct(l, from, to);
        return CodeBlock.builder()
                .addStatement("final double[][] in = ws.layerInput($L)", l)
                .add(VectorBranch.of(vector, scalar))
                .build();
    }

    /** The default backend's dw = dZ·A_prevᵀ over chunks of examples with A_prev transposed (see {@link #gradients}). */
    private static CodeBlock transposedProduct(int l, String from, String to) {
        String n = Names.units(l);
        String k = "int k = " + from + "; k < " + to + "; k++";
        boolean whole = from.equals("0");
        CodeBlock products = CodeBlock.builder()
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement("final double[] dzi = dz[i]")
                .addStatement("final double[] dwi = dw[i]")
                .addStatement("int jj = 0")
                .beginControlFlow("for (; jj + 3 < len; jj += 4)")
                .addStatement("final double s0 = dzi[j0 + jj], s1 = dzi[j0 + jj + 1], s2 = dzi[j0 + jj + 2], s3 = dzi[j0 + jj + 3]")
                .addStatement("final double[] t0 = t[jj], t1 = t[jj + 1], t2 = t[jj + 2], t3 = t[jj + 3]")
                .beginControlFlow("for ($L)", k)
                .addStatement("dwi[k] += s0 * t0[k] + s1 * t1[k] + s2 * t2[k] + s3 * t3[k]")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (; jj < len; jj++)")
                .addStatement("final double s = dzi[j0 + jj]")
                .addStatement("final double[] tj = t[jj]")
                .beginControlFlow("for ($L)", k)
                .addStatement("dwi[k] += s * tj[k]")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
        return CodeBlock.builder()
                .addStatement("final double[][] t = ws.transposed($L)", l)
                .beginControlFlow("for (int i = 0; i < $L; i++)", n)
                .addStatement(whole ? "$T.fill(dw[i], 0.0)" : "$T.fill(dw[i], from, to, 0.0)", Names.ARRAYS)
                .endControlFlow()
                .beginControlFlow("for (int j0 = 0; j0 < m; j0 += t.length)")
                .addStatement("final int len = $T.min(t.length, m - j0)", Math.class)
                .add("// A's rows q copied into t four at a time, so that each row of t takes four entries per pass\n")
                .addStatement("int q = $L", from)
                .beginControlFlow("for (; q + 4 <= $L; q += 4)", to)
                .addStatement("final double[] i0 = in[q], i1 = in[q + 1], i2 = in[q + 2], i3 = in[q + 3]")
                .beginControlFlow("for (int jj = 0; jj < len; jj++)")
                .addStatement("final double[] tj = t[jj]")
                .addStatement("final int j = j0 + jj")
                .addStatement("tj[q] = i0[j]")
                .addStatement("tj[q + 1] = i1[j]")
                .addStatement("tj[q + 2] = i2[j]")
                .addStatement("tj[q + 3] = i3[j]")
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (; q < $L; q++)", to)
                .addStatement("final double[] inq = in[q]")
                .beginControlFlow("for (int jj = 0; jj < len; jj++)")
                .addStatement("t[jj][q] = inq[j0 + jj]")
                .endControlFlow()
                .endControlFlow()
                .add(products)
                .endControlFlow()
                .build();
    }

    /**
     * dA[l-1] = W[l]ᵀ·dZ[l], then dZ[l-1] = dA[l-1] ⊙ D[l-1] ⊙ g'(Z[l-1]), for the rows from ≤ k &lt; to of layer
     * l-1 over all m examples: every row on one thread, or one thread's rows of a split.
     */
    private static MethodSpec propagate(NetworkSpec spec, int l) {
        int below = l - 1;
        String prev = Names.units(below);
        ActivationEmitter activation = ActivationEmitter.of(spec.layer(below));
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[][] dz = ws.dz($L)", l)
                .addStatement("final double[][] da = ws.da($L)", below)
                .addStatement("final double[][] zPrev = ws.z($L)", below)
                .addStatement("final double[][] aPrev = ws.a($L)", below)
                .addStatement("final double[][] dzPrev = ws.dz($L)", below)
                .addStatement("final double[][] mask = ws.activeMask($L)", below)
                .add(VectorBranch.vectorOnly(VectorBranch.call("backpropagate", String.join(", ", "theta", Names.weights(l),
                        Names.units(l), prev, "dz", "da", "m", "from", "to"))))
                .beginControlFlow("for (int k = from; k < to; k++)")
                .addStatement("final double[] dak = da[k]")
                .add(VectorBranch.scalarOnly(CodeBlock.builder()
                        .addStatement("final int w = $L + k", Names.weights(l))
                        .add(RowSums.emit("dak", spec.units(l), Names.units(l),
                                q -> "theta[" + RowSums.offset("w", q, prev) + "]", q -> "dz[" + q + "]", null))
                        .build()))
                .add(derivative(activation))
                .endControlFlow();
        return MethodSpec.methodBuilder("propagate" + l)
                .addJavadoc("dA$L = W$Lᵀ·dZ$L with W$L of $L×$L, then dZ$L = dA$L ⊙ D$L ⊙ $L'(Z$L) (D$L: the dropout mask, if any); "
                                + "rows from ≤ k < to.\n",
                        below, l, l, l, spec.units(l), spec.units(below), below, below, below, activation.name(), below, below)
                .addModifiers(Modifier.STATIC)
                .addParameters(KernelClasses.rangeParameters())
                .addCode(code.build())
                .build();
    }

    /** dZ[k] = dA[k] ⊙ D[k] ⊙ g'(Z[k]): the scalar loops, or in the vector backend a call where the activation has one. */
    private static CodeBlock derivative(ActivationEmitter activation) {
        CodeBlock call = activation.derivativeRowVector("dak", "mask == null ? null : mask[k]", "zPrev[k]", "dzPrev[k]");
        return call.isEmpty() ? scalarDerivative(activation) : VectorBranch.of(call, scalarDerivative(activation));
    }

    /** dZ[k] = dA[k] ⊙ D[k] ⊙ g'(Z[k]) for the row k of the layer below, once dak holds dA[k]. */
    private static CodeBlock scalarDerivative(ActivationEmitter activation) {
        return CodeBlock.builder()
                .addStatement("final double[] zk = zPrev[k]")
                .addStatement("final double[] ak = aPrev[k]")
                .addStatement("final double[] dzk = dzPrev[k]")
                .beginControlFlow("if (mask == null)")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("dzk[j] = $L", activation.derivativeTimes("dak[j]", "zk[j]", "ak[j]"))
                .endControlFlow()
                .nextControlFlow("else")
                .addStatement("final double[] dk = mask[k]")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("dzk[j] = $L", activation.derivativeTimes("dak[j] * dk[j]", "zk[j]", "ak[j]"))
                .endControlFlow()
                .endControlFlow()
                .build();
    }
}
