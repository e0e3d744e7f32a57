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
 *
 * <p>When every hidden layer above layer l is piecewise linear, a change t of row i of A[l] moves each
 * example's logits by exactly v·t until some ReLU above crosses 0, so a W[l][i][k] or b[l][i] perturbation
 * costs O(m): the loss change is a cubic in t whose coefficients are computed once per row ({@code AlongRow});
 * only the examples whose step could cross a kink, or leave the series' range, go through the layers above.
 */
final class GradientCheckWriter {

    static final ClassName KERNEL = ClassName.get("dev.netsmith.check", "GradientCheckKernel");
    private static final ClassName PROBE = ClassName.get("dev.netsmith.check", "Probe");
    private static final ClassName COMPACTED = ClassName.get("dev.netsmith.check", "Compacted");
    private static final ClassName ALONG_ROW = ClassName.get("dev.netsmith.check", "AlongRow");
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
            if (linearAbove(spec, l)) {
                type.addMethod(alongRow(spec, l)).addMethod(coefficients(spec, l, loss));
            }
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
        CodeBlock.Builder code = CodeBlock.builder().addStatement("probe.setWithinReach(0.0, 0.0)");
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
            code.addStatement("probe.setWithinReach(0.0, 0.0)")
                    .add("// only example j changes, by ±delta in row r\n")
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
                .addStatement("probe.setWithinReach(0.0, 0.0)")
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
            code.add("// every example's logit moves by t = z' − z on each side: the loss changes along row i, exactly\n")
                    .addStatement("final double[] dPlus = probe.plus().deltaRow(), dMinus = probe.minus().deltaRow()")
                    .beginControlFlow("for (int j = 0; j < m; j++)")
                    .addStatement("dPlus[j] = zPlus[j] - zBase[j]")
                    .addStatement("dMinus[j] = zMinus[j] - zBase[j]")
                    .endControlFlow()
                    .beginControlFlow("if (alongRow$L(theta, i, base, probe, y, m) == 0)", l)
                    .addStatement("return 0")
                    .endControlFlow()
                    .add("// a step beyond the series' reach (a large ε): every example in full, the output's other rows the base pass's\n")
                    .addStatement("probe.setWithinReach(0.0, 0.0)")
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
                    .add(linearAbove(spec, l) ? CodeBlock.builder()
                            .add("// the layers above are linear in ΔA$L[i] until a ReLU crosses 0\n", l)
                            .addStatement("return alongRow$L(theta, i, base, probe, y, m)", l).build()
                            : CodeBlock.builder()
                            .add("// only the examples whose input to layer $L changed go on (a ReLU that stays off changes nothing)\n", l + 1)
                            .addStatement("return propagate$L(theta, i, $T.changed(dPlus, dMinus, m, probe), base, probe, y)", l + 1, COMPACTED)
                            .build());
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

    /** Whether every hidden layer above layer l is piecewise linear (none is, above the output), so that {@link #alongRow} applies. */
    static boolean linearAbove(NetworkSpec spec, int l) {
        for (int q = l + 1; q < spec.depth(); q++) {
            if (!ActivationEmitter.of(spec.layer(q)).piecewiseLinear()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Both sides' loss changes for a change d of row i of A[l] (in probe's delta rows, every example): the cubic
     * in d where d is within reach, the layers above in full for the examples beyond it.
     */
    private static MethodSpec alongRow(NetworkSpec spec, int l) {
        CodeBlock code = CodeBlock.builder()
                .addStatement("final $T along = probe.alongRow()", ALONG_ROW)
                .beginControlFlow("if (!along.holds($L, i, theta, base))", l)
                .addStatement("coefficients$L(theta, i, base, along, y, m)", l)
                .addStatement("along.hold($L, i, theta, base)", l)
                .endControlFlow()
                .addStatement("final double[] dPlus = probe.plus().deltaRow(), dMinus = probe.minus().deltaRow()")
                .addStatement("final double[] c1 = along.c1(), c2 = along.c2(), c3 = along.c3(), reach = along.reach()")
                .addStatement("double plus = 0.0, minus = 0.0")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("final double tp = dPlus[j], tm = dMinus[j]")
                .addStatement("final boolean within = $T.abs(tp) < reach[j] & $T.abs(tm) < reach[j]", Math.class, Math.class)
                .addStatement("plus += within ? tp * (c1[j] + tp * (c2[j] + tp * c3[j])) : 0.0")
                .addStatement("minus += within ? tm * (c1[j] + tm * (c2[j] + tm * c3[j])) : 0.0")
                .endControlFlow()
                .addStatement("probe.setWithinReach(plus, minus)")
                .add(l == spec.depth()
                        ? CodeBlock.builder()
                                .add("// how many examples a step takes beyond reach: the caller evaluates those in full\n")
                                .addStatement("return $T.beyond(dPlus, dMinus, reach, m, probe)", COMPACTED).build()
                        : CodeBlock.builder()
                                .add("// the examples a step takes beyond reach on either side: through the layers above\n")
                                .addStatement("return propagate$L(theta, i, $T.beyond(dPlus, dMinus, reach, m, probe), base, probe, y)",
                                        l + 1, COMPACTED).build())
                .build();
        return tail(MethodSpec.methodBuilder("alongRow" + l)
                .addJavadoc("ℓ_j(θ±ε) − ℓ_j(θ) for a change t_j of $L$L[i][j] (the delta rows): c1·t + c2·t² + c3·t³ within reach$L\n",
                        l == spec.depth() ? "Z" : "A", l, l == spec.depth() ? "; returns how many examples are beyond it." : ",")
                .addJavadoc(l == spec.depth() ? "" : "the layers above in full beyond it.\n")
                .addModifiers(Modifier.STATIC)
                .returns(int.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "i"))
                .addCode(code)
                .build();
    }

    /**
     * The coefficients and reach of row i of A[l]: the direction P[q] = W[q]·D[q-1] (P[l+1] = W[l+1][:, i]), each
     * hidden layer's D[q] = slope(Z[q]) ⊙ P[q] times its dropout mask, v = P[L], then the loss's own terms.
     */
    private static MethodSpec coefficients(NetworkSpec spec, int l, LossEmitter loss) {
        int top = spec.depth();
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[] reach = along.reach()")
                .addStatement("$T.fill(reach, 0, m, $T.POSITIVE_INFINITY)", Names.ARRAYS, Double.class)
                .add(l == top ? CodeBlock.builder()
                        .add("// P$L = e_i: row i of the logits itself\n", top)
                        .addStatement("final double[][] p$L = along.rows($L)", top, top)
                        .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(top))
                        .addStatement("$T.fill(p$L[r], 0, m, r == i ? 1.0 : 0.0)", Names.ARRAYS, top)
                        .endControlFlow()
                        .build() : CodeBlock.builder()
                        .add("// P$L = W$L[:, i], the same for every example\n", l + 1, l + 1)
                        .addStatement("final double[][] p$L = along.rows($L)", l + 1, l + 1)
                        .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(l + 1))
                        .addStatement("$T.fill(p$L[r], 0, m, theta[$L + r * $L + i])", Names.ARRAYS, l + 1, Names.weights(l + 1), Names.units(l))
                        .endControlFlow()
                        .build());
        for (int q = l + 1; q < top; q++) {
            if (q > l + 1) {
                code.add(direction(spec, q));
            }
            code.add(slopes(spec, q));
        }
        if (top > l + 1) {
            code.add(direction(spec, top));
        }
        code.add("// the loss along v = P$L: its Taylor coefficients in t\n", top)
                .addStatement("final double[][] v = p$L, zb = base.z($L), pb = base.a($L)", top, top, top)
                .addStatement("final double[] c1 = along.c1(), c2 = along.c2(), c3 = along.c3()")
                .add(loss.alongCoefficients(Names.units(top)));
        return MethodSpec.methodBuilder("coefficients" + l)
                .addJavadoc("Along row i of $L$L: the logits' change v per unit of t; the loss's coefficients in t and the reach of t.\n",
                        l == top ? "Z" : "A", l)
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "i")
                .addParameter(Names.WORKSPACE, "base")
                .addParameter(ALONG_ROW, "along")
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m")
                .addCode(code.build())
                .build();
    }

    /** P[q] = W[q]·D[q-1], every example, in along.rows(q). */
    private static CodeBlock direction(NetworkSpec spec, int q) {
        String prev = Names.units(q - 1);
        return CodeBlock.builder()
                .add("// P$L = W$L·D$L\n", q, q, q - 1)
                .addStatement("final double[][] p$L = along.rows($L)", q, q)
                .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(q))
                .addStatement("final double[] pr = p$L[r]", q)
                .addStatement("final double[][] in = p$L", q - 1)
                .addStatement("final int w = $L + r * $L", Names.weights(q), prev)
                .add(RowSums.emit("pr", spec.units(q - 1), prev, k -> "theta[" + RowSums.offset("w", k, null) + "]",
                        k -> "in[" + k + "]", null))
                .endControlFlow()
                .build();
    }

    /**
     * D[q] = slope(Z[q]) ⊙ P[q] (times the dropout mask), in place; a ReLU-like layer first bounds the reach by
     * half of |Z[q]| / |P[q]|, so that no pre-activation comes within half of its distance from 0.
     */
    private static CodeBlock slopes(NetworkSpec spec, int q) {
        ActivationEmitter activation = ActivationEmitter.of(spec.layer(q));
        CodeBlock.Builder code = CodeBlock.builder()
                .add("// D$L = $L'(Z$L) ⊙ P$L, by the slope of $L's value$L\n", q, activation.name(), q, q, activation.name(),
                        activation.hasKink() ? "; a step reaching half of |Z" + q + "| / |P" + q + "| could cross the kink" : "")
                .addStatement("final double[][] mask$L = base.activeMask($L)", q, q)
                .beginControlFlow("for (int r = 0; r < $L; r++)", Names.units(q))
                .addStatement("final double[] z = base.z($L)[r], d = p$L[r]", q, q);
        // the identity's slope is 1: D = P, but for the mask
        if (!(activation instanceof LinearEmitter)) {
            code.beginControlFlow("for (int j = 0; j < m; j++)");
            if (activation.hasKink()) {
                code.addStatement("reach[j] = $T.min(reach[j], 0.5 * $T.abs(z[j]) / $T.abs(d[j]))", Math.class, Math.class, Math.class);
            }
            code.addStatement("d[j] *= $L", activation.slope("z[j]")).endControlFlow();
        }
        return code.beginControlFlow("if (mask$L != null)", q)
                .addStatement("final double[] keep = mask$L[r]", q)
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("d[j] *= keep[j]")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
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
                    .add(activation.applyToRowEither("zp", "ap"))
                    .add(activation.applyToRowEither("zm", "am"))
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
                .addCode(ForwardWriter.affine(spec, top, CodeBlock.of(""), CodeBlock.of(""), "0", Names.units(top)))
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
