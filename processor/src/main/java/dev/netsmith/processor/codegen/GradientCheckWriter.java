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
 * reused from the base pass. Layer l+1 then takes the rank-one update Z[l+1] += W[l+1][:, i] ⊗ ΔA[l][i], for
 * only the examples whose ΔA[l][i] is not zero, and only the layers above it run in full, so a W1
 * perturbation costs O(m·(1 + n2 + n2·n3 + …)) instead of a whole forward pass. Both sides of the central
 * difference run in one call over the same changed examples, whose base values are gathered once.
 */
final class GradientCheckWriter {

    static final ClassName KERNEL = ClassName.get("dev.netsmith.check", "GradientCheckKernel");
    private static final ClassName PROBE = ClassName.get("dev.netsmith.check", "Probe");
    private static final ClassName COMPACTED = ClassName.get("dev.netsmith.check", "Compacted");
    private static final String[] SIDES = {"plus", "minus"};

    private GradientCheckWriter() {
    }

    static ClassName name(NetworkSpec spec) {
        return ClassName.get(spec.packageName(), spec.prefix() + "_GradientCheck");
    }

    static JavaFile write(NetworkSpec spec) {
        ClassName name = name(spec);
        LossEmitter loss = LossEmitter.of(spec.loss());
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(KERNEL)
                .addAnnotation(Names.generatedAnnotation(spec))
                .addJavadoc("Incremental re-evaluation for gradient checks of {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>A perturbed parameter of layer l recomputes one row of Z[l], updates Z[l+1] by a rank-one term for the\n")
                .addJavadoc("examples it changes, and runs only the layers above, for θ+ε and θ−ε together; the base pass is read, never written.\n")
                .addField(FieldSpec.builder(name, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .initializer("new $T()", name).build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(perturbParameter(spec))
                .addMethod(perturbActivation(spec))
                .addMethod(lossesFrom(spec))
                .addMethod(forwardFrom(spec));
        for (int l = 1; l <= spec.depth(); l++) {
            type.addMethod(perturbRow(spec, l));
        }
        for (int n = 2; n <= spec.depth(); n++) {
            type.addMethod(propagate(spec, n));
        }
        for (int n = 1; n < spec.depth(); n++) {
            type.addMethod(above(spec, n));
        }
        type.addMethod(logits(spec)).addMethod(lossChanges(spec)).addMethod(lossChange(spec, loss));
        loss.changeHelpers(Names.units(spec.depth())).forEach(type::addMethod);
        return KernelClasses.file(spec, type.build());
    }

    private static MethodSpec.Builder kernelMethod(String name) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(int.class);
    }

    /** base, probe, labels and batch size, the parameters every entry point takes last. */
    private static MethodSpec.Builder tail(MethodSpec.Builder method) {
        return method.addParameter(Names.WORKSPACE, "base")
                .addParameter(PROBE, "probe")
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m");
    }

    private static MethodSpec perturbParameter(NetworkSpec spec) {
        CodeBlock.Builder code = CodeBlock.builder();
        for (int l = 1; l <= spec.depth(); l++) {
            String w = Names.weights(l);
            String b = Names.biases(l);
            String prev = Names.units(l - 1);
            code.add(l == 1 ? "" : "} else ")
                    .add("if (p >= $L && p < $L) {\n", w, b).indent()
                    .addStatement("return perturbRow$L(theta, (p - $L) / $L, base.layerInput($L)[(p - $L) % $L], up, down, base, probe, y, m)",
                            l, w, prev, l, w, prev)
                    .unindent()
                    .add("} else if (p >= $L && p < $L + $L) {\n", b, b, Names.units(l)).indent()
                    .addStatement("return perturbRow$L(theta, p - $L, null, up, down, base, probe, y, m)", l, b)
                    .unindent();
        }
        code.add("}\n")
                .addStatement("throw new $T(\"parameter \" + p + \" outside [0, \" + SIZE + \")\")", IndexOutOfBoundsException.class);
        return tail(kernelMethod("perturbParameter")
                .addJavadoc("Finds p's tensor by the constant offsets: W[l] moves row (p − W_l) / n_{l-1} of Z[l] by δ·A[l-1][k], b[l] row p − B_l by δ.\n")
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "p")
                .addParameter(double.class, "up")
                .addParameter(double.class, "down"))
                .addCode(code.build())
                .build();
    }

    private static MethodSpec perturbActivation(NetworkSpec spec) {
        CodeBlock.Builder code = CodeBlock.builder();
        if (spec.depth() == 1) {
            code.addStatement("throw new $T(\"a one-layer network has no hidden activations\")", IllegalArgumentException.class);
        } else {
            code.add("// only example j changes, by ±delta in row r\n")
                    .addStatement("probe.changed()[0] = j")
                    .addStatement("probe.plus().deltaRow()[0] = delta")
                    .addStatement("probe.minus().deltaRow()[0] = -delta")
                    .add("return switch (layer) {\n").indent();
            for (int l = 1; l < spec.depth(); l++) {
                code.addStatement("case $L -> propagate$L(theta, r, 1, base, probe, y)", l, l + 1);
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
        return tail(kernelMethod("lossesFrom")
                .addParameter(double[].class, "thetaPlus")
                .addParameter(double[].class, "thetaMinus")
                .addParameter(int.class, "from"))
                .addStatement("$T.all(m, probe)", COMPACTED)
                .addStatement("forwardFrom(thetaPlus, from, base, probe.plus(), probe, m)")
                .addStatement("forwardFrom(thetaMinus, from, base, probe.minus(), probe, m)")
                .addStatement("return lossChanges(m, base, probe, y)")
                .build();
    }

    private static MethodSpec forwardFrom(NetworkSpec spec) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("side.setLayerInput(from, base.layerInput(from))")
                .beginControlFlow("switch (from)");
        for (int l = 1; l < top; l++) {
            code.add("case $L -> {\n", l).indent()
                    .addStatement("$T.layer$L(theta, side, m, 0, $L)", Names.forward(spec), l, Names.units(l))
                    .addStatement("above$L(theta, m, base, side, probe)", l)
                    .unindent().add("}\n");
        }
        return MethodSpec.methodBuilder("forwardFrom")
                .addJavadoc("One side's forward pass from layer {@code from} to the logits, for every example.\n")
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "from")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(Names.WORKSPACE, "side")
                .addParameter(PROBE, "probe")
                .addParameter(int.class, "m")
                .addCode(code.addStatement("case $L -> logits(theta, side, m)", top)
                        .addStatement("default -> throw new $T(\"layers are 1..$L, was \" + from)", IllegalArgumentException.class, top)
                        .endControlFlow()
                        .build())
                .build();
    }

    /** Row i of Z[l] moves by δ·in on each side (in = A[l-1][k] for W[l][i][k], or null for b[l][i]: δ alone). */
    private static MethodSpec perturbRow(NetworkSpec spec, int l) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[] zPlus = probe.plus().z($L)[i], zMinus = probe.minus().z($L)[i]", l, l)
                .addStatement("final double[] zBase = base.z($L)[i]", l)
                .beginControlFlow("if (in == null)")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("zPlus[j] = zBase[j] + up")
                .addStatement("zMinus[j] = zBase[j] + down")
                .endControlFlow()
                .nextControlFlow("else")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("zPlus[j] = zBase[j] + up * in[j]")
                .addStatement("zMinus[j] = zBase[j] + down * in[j]")
                .endControlFlow()
                .endControlFlow();
        if (l == top) {
            code.add("// every example's output changes; the output's other rows are the base pass's\n")
                    .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(top))
                    .beginControlFlow("if (r != i)")
                    .addStatement("$T.arraycopy(base.z($L)[r], 0, probe.plus().z($L)[r], 0, m)", System.class, top, top)
                    .addStatement("$T.arraycopy(base.z($L)[r], 0, probe.minus().z($L)[r], 0, m)", System.class, top, top)
                    .endControlFlow()
                    .endControlFlow()
                    .addStatement("return lossChanges($T.all(m, probe), base, probe, y)", COMPACTED);
        } else {
            ActivationEmitter activation = ActivationEmitter.of(spec.layer(l));
            code.add("// ΔA$L[i] = g(z')·D − A$L[i] on each side, the change the layer above sees (after dropout)\n", l, l)
                    .addStatement("final double[] dPlus = probe.plus().deltaRow(), dMinus = probe.minus().deltaRow()")
                    .addStatement("final double[] before = base.layerInput($L)[i]", l + 1)
                    .addStatement("final double[][] mask = base.activeMask($L)", l)
                    .beginControlFlow("if (mask == null)")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .addStatement("dPlus[j] = $L - before[j]", activation.value("zPlus[j]"))
                    .addStatement("dMinus[j] = $L - before[j]", activation.value("zMinus[j]"))
                    .endControlFlow()
                    .nextControlFlow("else")
                    .addStatement("final double[] keep = mask[i]")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .addStatement("dPlus[j] = $L * keep[j] - before[j]", activation.value("zPlus[j]"))
                    .addStatement("dMinus[j] = $L * keep[j] - before[j]", activation.value("zMinus[j]"))
                    .endControlFlow()
                    .endControlFlow()
                    .add("// only the examples whose input to layer $L changed go on (a ReLU that stays off changes nothing)\n", l + 1)
                    .addStatement("return propagate$L(theta, i, $T.changed(dPlus, dMinus, m, probe), base, probe, y)", l + 1, COMPACTED);
        }
        return tail(MethodSpec.methodBuilder("perturbRow" + l)
                .addJavadoc("Z$L[i] moves by up·in and down·in (up and down alone when in is null); the layers above follow.\n", l)
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "i")
                .addParameter(double[].class, "in")
                .addParameter(double.class, "up")
                .addParameter(double.class, "down"))
                .addCode(code.build())
                .build();
    }

    /**
     * Z[n] = base Z[n] + W[n][:, r] ⊗ d on each side, for the changed examples compacted into the first count
     * columns (d: each side's change of row r of the layer's input); then the rest.
     */
    private static MethodSpec propagate(NetworkSpec spec, int n) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[] dPlus = probe.plus().deltaRow(), dMinus = probe.minus().deltaRow()")
                .addStatement("final double[][] zBase = $T.gather(base.z($L), count, probe, probe.gathered().z($L))", COMPACTED, n, n)
                .addStatement("final double[][] zPlus = probe.plus().z($L), zMinus = probe.minus().z($L)", n, n)
                .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(n))
                .addStatement("final double w = theta[$L + i * $L + r]", Names.weights(n), Names.units(n - 1))
                .addStatement("final double[] bi = zBase[i], zp = zPlus[i], zm = zMinus[i]")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("zp[c] = bi[c] + w * dPlus[c]")
                .addStatement("zm[c] = bi[c] + w * dMinus[c]")
                .endControlFlow()
                .endControlFlow();
        if (n < top) {
            ActivationEmitter activation = ActivationEmitter.of(spec.layer(n));
            code.addStatement("final double[][] aPlus = probe.plus().a($L), aMinus = probe.minus().a($L)", n, n)
                    .addStatement("final int m = count")
                    .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(n))
                    .addStatement("final double[] zp = zPlus[i], zm = zMinus[i], ap = aPlus[i], am = aMinus[i]")
                    .add(activation.applyToRow("zp", "ap"))
                    .add(activation.applyToRow("zm", "am"))
                    .endControlFlow()
                    .addStatement("above$L(theta, count, base, probe.plus(), probe)", n)
                    .addStatement("above$L(theta, count, base, probe.minus(), probe)", n);
        }
        return MethodSpec.methodBuilder("propagate" + n)
                .addJavadoc("Z$L moves by W$L[:, r] ⊗ d on each side, d being the change of row r of its input; the layers above follow.\n", n, n)
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "r")
                .addParameter(int.class, "count")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(PROBE, "probe")
                .addParameter(double[][].class, "y")
                .addCode(code.addStatement("return lossChanges(count, base, probe, y)").build())
                .build();
    }

    /** A[n] on one side is final: the base pass's dropout mask, then every layer above in full, up to the logits. */
    private static MethodSpec above(NetworkSpec spec, int n) {
        int top = spec.depth();
        MethodSpec.Builder method = MethodSpec.methodBuilder("above" + n)
                .addJavadoc("A$L of one side's changed examples is final: its dropout mask and the layers above it, up to the logits.\n", n)
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "count")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(Names.WORKSPACE, "side")
                .addParameter(PROBE, "probe")
                .addStatement("side.setLayerInput($L, $T.masked($L, count, base, side, probe))", n + 1, COMPACTED, n);
        for (int q = n + 1; q < top; q++) {
            method.addStatement("$T.layer$L(theta, side, count, 0, $L)", Names.forward(spec), q, Names.units(q))
                    .addStatement("side.setLayerInput($L, $T.masked($L, count, base, side, probe))", q + 1, COMPACTED, q);
        }
        return method.addStatement("logits(theta, side, count)").build();
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
                .addCode(ForwardWriter.affine(spec, top, CodeBlock.of(""), "0", Names.units(top)))
                .build();
    }

    /** Both sides' loss changes over the changed examples, from their logits and the base values gathered once. */
    private static MethodSpec lossChanges(NetworkSpec spec) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final $T gathered = probe.gathered()", Names.WORKSPACE)
                .addStatement("final double[][] zBase = $T.gather(base.z($L), count, probe, gathered.z($L))", COMPACTED, top, top)
                .addStatement("final double[][] aBase = $T.gather(base.a($L), count, probe, gathered.a($L))", COMPACTED, top, top)
                .addStatement("final double[][] labels = $T.gather(y, count, probe, gathered.labels())", COMPACTED);
        for (String side : SIDES) {
            String out = side.equals("plus") ? "outPlus" : "outMinus";
            code.addStatement("lossChange(probe.$L().z($L), zBase, aBase, labels, count, probe.$L(), probe.$L().columnScratch())",
                    side, top, out, side);
        }
        return MethodSpec.methodBuilder("lossChanges")
                .addJavadoc("ℓ(θ±ε) − ℓ(θ) of each changed example on both sides; returns their count.\n")
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(int.class, "count")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(PROBE, "probe")
                .addParameter(double[][].class, "y")
                .addCode(code.addStatement("return count").build())
                .build();
    }

    private static MethodSpec lossChange(NetworkSpec spec, LossEmitter loss) {
        return MethodSpec.methodBuilder("lossChange")
                .addJavadoc("out[c] = ℓ(z[:, c]) − ℓ(zb[:, c]) with $L; zb, pb and yb are the base logits, outputs and labels, s is scratch.\n",
                        loss.formula())
                .addModifiers(Modifier.STATIC)
                .addParameter(double[][].class, "z")
                .addParameter(double[][].class, "zb")
                .addParameter(double[][].class, "pb")
                .addParameter(double[][].class, "yb")
                .addParameter(int.class, "count")
                .addParameter(double[].class, "out")
                .addParameter(double[].class, "s")
                .addCode(loss.changeFromLogits(Names.units(spec.depth())))
                .build();
    }
}
