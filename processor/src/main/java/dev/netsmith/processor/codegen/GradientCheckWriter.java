package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code T_GradientCheck}, the incremental re-evaluation behind the gradient check. A perturbation of
 * W[l][i][k] by δ changes only row i of Z[l] (by δ·A[l-1][k]); the rows of A[l-1] and everything below are
 * reused from the base pass. Layer l+1 then takes the rank-one update Z[l+1] += W[l+1][:, i] ⊗ ΔA[l][i], and
 * only the layers above it run in full, so a W1 perturbation costs O(m·(1 + n2 + n2·n3 + …)) instead of a
 * whole forward pass.
 */
final class GradientCheckWriter {

    static final ClassName KERNEL = ClassName.get("dev.netsmith.check", "GradientCheckKernel");
    private static final String TAIL = "base, probe, y, m, out";

    private GradientCheckWriter() {
    }

    static ClassName name(NetworkSpec spec) {
        return ClassName.get(spec.packageName(), spec.prefix() + "_GradientCheck");
    }

    static JavaFile write(NetworkSpec spec) {
        ClassName name = name(spec);
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(KERNEL)
                .addAnnotation(Names.generatedAnnotation(spec))
                .addJavadoc("Incremental re-evaluation for gradient checks of {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>A perturbed parameter of layer l recomputes one row of Z[l], updates Z[l+1] by a rank-one term and\n")
                .addJavadoc("runs only the layers above; the base pass's caches are read, never written.\n")
                .addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", name).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(perturbParameter(spec))
                .addMethod(perturbActivation(spec))
                .addMethod(lossesFrom(spec));
        for (int l = 1; l <= spec.depth(); l++) {
            type.addMethod(perturbRow(spec, l));
        }
        for (int n = 2; n <= spec.depth(); n++) {
            type.addMethod(propagate(spec, n));
        }
        for (int n = 1; n < spec.depth(); n++) {
            type.addMethod(after(spec, n));
        }
        type.addMethod(logits(spec)).addMethod(lossChanges(spec));
        LossEmitter.of(spec.loss()).changeHelpers(Names.units(spec.depth())).forEach(type::addMethod);
        return KernelClasses.file(spec, type.build());
    }

    private static final ClassName COMPACTED = ClassName.get("dev.netsmith.check", "Compacted");

    private static MethodSpec.Builder kernelMethod(String name) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class);
    }

    /** base, probe, labels, batch size and the loss row every kernel entry point takes last. */
    private static MethodSpec.Builder tail(MethodSpec.Builder method) {
        return method.addParameter(Names.WORKSPACE, "base")
                .addParameter(Names.WORKSPACE, "probe")
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m")
                .addParameter(double[].class, "out");
    }

    /** The same for the inner steps, which see only the {@code count} changed examples. */
    private static MethodSpec.Builder compactedTail(MethodSpec.Builder method) {
        return method.addParameter(int.class, "count")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(Names.WORKSPACE, "probe")
                .addParameter(double[][].class, "y")
                .addParameter(double[].class, "out");
    }

    private static MethodSpec perturbParameter(NetworkSpec spec) {
        return tail(kernelMethod("perturbParameter")
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "p")
                .addParameter(double.class, "delta"))
                .addCode(dispatchByRange(spec))
                .build();
    }

    /** Finds p's tensor by its constant offsets: W[l] moves row (p − W_l) / n_{l-1} by δ·A[l-1][k]; b[l] moves row p − B_l by δ. */
    private static CodeBlock dispatchByRange(NetworkSpec spec) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int l = 1; l <= spec.depth(); l++) {
            String w = Names.weights(l);
            String b = Names.biases(l);
            String prev = Names.units(l - 1);
            code.add(l == 1 ? "" : "} else ")
                    .add("if (p >= $L && p < $L) {\n", w, b).indent()
                    .addStatement("return perturbRow$L(theta, (p - $L) / $L, base.layerInput($L)[(p - $L) % $L], delta, $L)",
                            l, w, prev, l, w, prev, TAIL)
                    .unindent()
                    .add("} else if (p >= $L && p < $L + $L) {\n", b, b, Names.units(l)).indent()
                    .addStatement("return perturbRow$L(theta, p - $L, null, delta, $L)", l, b, TAIL)
                    .unindent();
        }
        return code.add("}\n")
                .addStatement("throw new $T(\"parameter \" + p + \" outside [0, \" + SIZE + \")\")", IndexOutOfBoundsException.class)
                .build();
    }

    private static MethodSpec perturbActivation(NetworkSpec spec) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (spec.depth() == 1) {
            code.addStatement("throw new $T(\"a one-layer network has no hidden activations\")", IllegalArgumentException.class);
        } else {
            code.add("// only example j changes, by delta in row r\n")
                    .addStatement("final double[] d = probe.deltaRow()")
                    .addStatement("d[j] = delta")
                    .addStatement("probe.changed()[0] = j")
                    .add("return switch (layer) {\n").indent();
            for (int l = 1; l < spec.depth(); l++) {
                code.addStatement("case $L -> propagate$L(theta, r, d, 1, base, probe, y, out)", l, l + 1);
            }
            code.addStatement("default -> throw new $T(\"hidden layers are 1..$L, was \" + layer)", IllegalArgumentException.class, spec.depth() - 1)
                    .unindent().add("};\n");
        }
        return tail(kernelMethod("perturbActivation")
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "layer")
                .addParameter(int.class, "r")
                .addParameter(int.class, "j")
                .addParameter(double.class, "delta"))
                .addCode(code.build())
                .build();
    }

    private static MethodSpec lossesFrom(NetworkSpec spec) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("$T.all(m, probe)", COMPACTED)
                .addStatement("probe.setLayerInput(from, base.layerInput(from))")
                .beginControlFlow("switch (from)");
        for (int l = 1; l < top; l++) {
            code.add("case $L -> {\n", l).indent()
                    .addStatement("$T.layer$L(theta, probe, m)", Names.forward(spec), l)
                    .addStatement("return after$L(theta, m, base, probe, y, out)", l)
                    .unindent().add("}\n");
        }
        code.add("case $L -> {\n", top).indent()
                .addStatement("logits(theta, probe, m)")
                .addStatement("lossChanges(probe.z($L), m, base, probe, y, out)", top)
                .addStatement("return m")
                .unindent().add("}\n")
                .addStatement("default -> throw new $T(\"layers are 1..$L, was \" + from)", IllegalArgumentException.class, top)
                .endControlFlow();
        return tail(kernelMethod("lossesFrom")
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "from"))
                .addCode(code.build())
                .build();
    }

    /** Row i of Z[l] moves by δ·in (in = A[l-1][k] for W[l][i][k], or null for b[l][i], which moves it by δ). */
    private static MethodSpec perturbRow(NetworkSpec spec, int l) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[] z = probe.z($L)[i]", l)
                .addStatement("final double[] zBase = base.z($L)[i]", l)
                .beginControlFlow("if (in == null)")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("z[j] = zBase[j] + delta")
                .endControlFlow()
                .nextControlFlow("else")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("z[j] = zBase[j] + delta * in[j]")
                .endControlFlow()
                .endControlFlow();
        if (l == top) {
            code.add("// every example's output changes; the output's other rows are the base pass's\n")
                    .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(top))
                    .beginControlFlow("if (r != i)")
                    .addStatement("$T.arraycopy(base.z($L)[r], 0, probe.z($L)[r], 0, m)", System.class, top, top)
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("$T.all(m, probe)", COMPACTED)
                    .addStatement("lossChanges(probe.z($L), m, base, probe, y, out)", top)
                    .addStatement("return m");
        } else {
            CodeBlock value = ActivationEmitter.of(spec.layer(l)).value("z[j]");
            code.add("// ΔA$L[i] = g(z')·D − A$L[i], the change the layer above sees (after dropout)\n", l, l)
                    .addStatement("final double[] d = probe.deltaRow()")
                    .addStatement("final double[] before = base.layerInput($L)[i]", l + 1)
                    .addStatement("final double[][] mask = base.activeMask($L)", l)
                    .beginControlFlow("if (mask == null)")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .addStatement("d[j] = $L - before[j]", value)
                    .endControlFlow()
                    .nextControlFlow("else")
                    .addStatement("final double[] keep = mask[i]")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .addStatement("d[j] = $L * keep[j] - before[j]", value)
                    .endControlFlow()
                    .endControlFlow()
                    .add("// only the examples whose input to layer $L changed go on (a ReLU that stays off changes nothing)\n", l + 1)
                    .addStatement("final int[] changed = probe.changed()")
                    .addStatement("int count = 0")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .add("// without a branch: whether a ReLU is on is as good as random, and mispredictions cost more\n")
                    .addStatement("changed[count] = j")
                    .addStatement("count += d[j] != 0.0 ? 1 : 0")
                    .endControlFlow()
                    .addStatement("return propagate$L(theta, i, d, count, base, probe, y, out)", l + 1);
        }
        return tail(MethodSpec.methodBuilder("perturbRow" + l)
                .addJavadoc("Z$L[i] moves by δ·in (δ alone when in is null); the layers above follow.\n", l)
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "i")
                .addParameter(double[].class, "in")
                .addParameter(double.class, "delta"))
                .addCode(code.build())
                .build();
    }

    /**
     * Z[n] = base Z[n] + W[n][:, r] ⊗ d for the changed examples, compacted into the first count columns: the
     * rank-one change from one row of the layer below; then the rest.
     */
    private static MethodSpec propagate(NetworkSpec spec, int n) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final int[] changed = probe.changed()")
                .addStatement("final double[][] z = probe.z($L)", n)
                .addStatement("final double[][] zBase = base.z($L)", n)
                .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(n))
                .addStatement("final double w = theta[$L + i * $L + r]", Names.weights(n), Names.units(n - 1))
                .addStatement("final double[] zi = z[i]")
                .addStatement("final double[] bi = zBase[i]")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("final int j = changed[c]")
                .addStatement("zi[c] = bi[j] + w * d[j]")
                .endControlFlow()
                .endControlFlow();
        if (n == top) {
            code.addStatement("lossChanges(z, count, base, probe, y, out)")
                    .addStatement("return count");
        } else {
            code.addStatement("final double[][] a = probe.a($L)", n)
                    .addStatement("final int m = count")
                    .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(n))
                    .addStatement("final double[] zi = z[i]")
                    .addStatement("final double[] ai = a[i]")
                    .add(ActivationEmitter.of(spec.layer(n)).applyToRow("zi", "ai"))
                    .endControlFlow()
                    .addStatement("return after$L(theta, count, base, probe, y, out)", n);
        }
        return compactedTail(MethodSpec.methodBuilder("propagate" + n)
                .addJavadoc("Z$L moves by W$L[:, r] ⊗ d, where d is the change of row r of its input; the layers above follow.\n", n, n)
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "r")
                .addParameter(double[].class, "d"))
                .addCode(code.build())
                .build();
    }

    /** A[n] in the probe is final: the base pass's dropout mask, then every layer above in full, then the losses. */
    private static MethodSpec after(NetworkSpec spec, int n) {
        int top = spec.depth();
        MethodSpec.Builder method = compactedTail(MethodSpec.methodBuilder("after" + n)
                .addJavadoc("A$L of the changed examples is final: its dropout mask, the layers above it, and the losses.\n", n)
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta"))
                .addStatement("probe.setLayerInput($L, $T.masked($L, count, base, probe))", n + 1, COMPACTED, n);
        for (int q = n + 1; q < top; q++) {
            method.addStatement("$T.layer$L(theta, probe, count)", Names.forward(spec), q)
                    .addStatement("probe.setLayerInput($L, $T.masked($L, count, base, probe))", q + 1, COMPACTED, q);
        }
        return method.addStatement("logits(theta, probe, count)")
                .addStatement("lossChanges(probe.z($L), count, base, probe, y, out)", top)
                .addStatement("return count")
                .build();
    }

    /** Each changed example's loss change, from its new logits and the base pass's logits and outputs. */
    private static MethodSpec lossChanges(NetworkSpec spec) {
        int top = spec.depth();
        LossEmitter loss = LossEmitter.of(spec.loss());
        return MethodSpec.methodBuilder("lossChanges")
                .addJavadoc("out[c] = ℓ(new logits) − ℓ(base logits) of changed example c: $L.\n", loss.formula())
                .addModifiers(Modifier.STATIC)
                .addParameter(double[][].class, "z")
                .addParameter(int.class, "count")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(Names.WORKSPACE, "probe")
                .addParameter(double[][].class, "y")
                .addParameter(double[].class, "out")
                .addStatement("final int[] changed = probe.changed()")
                .addStatement("final double[][] zBase = base.z($L)", top)
                .addStatement("final double[][] aBase = base.a($L)", top)
                .addCode(loss.changeFromLogits(Names.units(top)))
                .build();
    }

    /** Z[L] only: every loss is computed from the logits, so the output activation is not needed. */
    private static MethodSpec logits(NetworkSpec spec) {
        int top = spec.depth();
        return MethodSpec.methodBuilder("logits")
                .addJavadoc("Z$L = W$L·A$L + b$L into ws.z($L), without the output activation (the losses use the logits).\n",
                        top, top, top - 1, top, top)
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addCode(ForwardWriter.affine(spec, top, CodeBlock.of("")))
                .build();
    }
}
