package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

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

    /**
     * ℓ(z + Δ) − ℓ(z) = log Σ_i p_i·e^Δ_i − Σ_i y_i·Δ_i with p = softmax(z), the base output: e^Δ − 1 and
     * log(1 + s) by their series when every |Δ_i| is within the limit, else both log-sum-exps in full.
     */
    @Override
    public CodeBlock changeFromLogits(String outputs) {
        return CodeBlock.builder()
                .addStatement("final double[] s = probe.columnScratch()")
                .addStatement("$T.fill(s, 0, count, 0.0)", Names.ARRAYS)
                .addStatement("$T.fill(out, 0, count, 0.0)", Names.ARRAYS)
                .addStatement("double largest = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("final double[] zi = z[i], bi = zBase[i], pi = aBase[i], yi = y[i]")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("final int j = changed[c]")
                .addStatement("final double d = zi[c] - bi[j]")
                .addStatement("s[c] += pi[j] * (d + d * d * (0.5 + d / 6.0))")
                .addStatement("out[c] -= yi[j] * d")
                .addStatement("largest = $T.max(largest, $T.abs(d))", Math.class, Math.class)
                .endControlFlow()
                .endControlFlow()
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .addStatement("final double t = s[c]")
                .addStatement("out[c] += t - t * t * (0.5 - t * (1.0 / 3.0 - 0.25 * t))")
                .endControlFlow()
                .beginControlFlow("if (largest > $L)", SERIES_LIMIT)
                .add("// a step too large for the series somewhere (a large ε): those examples exactly\n")
                .beginControlFlow("for (int c = 0; c < count; c++)")
                .beginControlFlow("if (largestChange(z, c, zBase, changed[c]) > $L)", SERIES_LIMIT)
                .addStatement("out[c] = exactChange(z, c, zBase, changed[c], y)")
                .endControlFlow()
                .endControlFlow()
                .endControlFlow()
                .build();
    }

    @Override
    public List<MethodSpec> changeHelpers(String outputs) {
        MethodSpec largest = MethodSpec.methodBuilder("largestChange")
                .addJavadoc("max_i |z[i][c] − zBase[i][j]|.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[][].class, "z")
                .addParameter(int.class, "c")
                .addParameter(double[][].class, "zBase")
                .addParameter(int.class, "j")
                .addStatement("double largest = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("largest = $T.max(largest, $T.abs(z[i][c] - zBase[i][j]))", Math.class, Math.class)
                .endControlFlow()
                .addStatement("return largest")
                .build();
        return List.of(largest, MethodSpec.methodBuilder("exactChange")
                .addJavadoc("ℓ of column c of z minus ℓ of column j of zBase, each from its own shifted log-sum-exp.\n")
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[][].class, "z")
                .addParameter(int.class, "c")
                .addParameter(double[][].class, "zBase")
                .addParameter(int.class, "j")
                .addParameter(double[][].class, "y")
                .addStatement("double maxNew = $T.NEGATIVE_INFINITY", Double.class)
                .addStatement("double maxOld = $T.NEGATIVE_INFINITY", Double.class)
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("maxNew = $T.max(maxNew, z[i][c])", Math.class)
                .addStatement("maxOld = $T.max(maxOld, zBase[i][j])", Math.class)
                .endControlFlow()
                .addStatement("double sumNew = 0.0")
                .addStatement("double sumOld = 0.0")
                .addStatement("double dot = 0.0")
                .beginControlFlow("for (int i = 0; i < $L; i++)", outputs)
                .addStatement("sumNew += $T.exp(z[i][c] - maxNew)", Math.class)
                .addStatement("sumOld += $T.exp(zBase[i][j] - maxOld)", Math.class)
                .addStatement("dot += y[i][j] * (z[i][c] - zBase[i][j])")
                .endControlFlow()
                .addStatement("return maxNew + $T.log(sumNew) - (maxOld + $T.log(sumOld)) - dot", Math.class, Math.class)
                .build());
    }
}
