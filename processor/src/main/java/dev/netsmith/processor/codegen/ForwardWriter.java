package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import javax.lang.model.element.Modifier;

/** Writes {@code T_Forward}: one method per layer, Z = W·A_prev + b then A = g(Z), and dropout between layers. */
final class ForwardWriter {

    private ForwardWriter() {
    }

    static JavaFile write(NetworkSpec spec) {
        TypeSpec.Builder type = KernelClasses.builder(spec, Names.forward(spec))
                .addJavadoc("Forward propagation of {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>θ is the flat parameter vector W1, b1, W2, b2, …; every A[l] and Z[l] is a row array\n")
                .addJavadoc("{@code double[n_l][m]} in the workspace, one row per unit and one column per example.\n")
                .addMethod(run(spec));
        for (int l = 1; l <= spec.depth(); l++) {
            type.addMethod(layer(spec, spec.layer(l)));
        }
        return KernelClasses.file(spec, type.build());
    }

    private static MethodSpec run(NetworkSpec spec) {
        MethodSpec.Builder run = MethodSpec.methodBuilder("run")
                .addJavadoc("Runs every layer over the first m columns of x, caching Z, A and the dropout masks in ws.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(double[][].class, "x")
                .addParameter(int.class, "m")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(Names.DROPOUT, "dropout")
                .addStatement("ws.setLayerInput(1, x)");
        for (int l = 1; l <= spec.depth(); l++) {
            run.addStatement("layer$L(theta, ws, m)", l);
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
        return MethodSpec.methodBuilder("layer" + l)
                .addJavadoc("Layer $L ($L, $L units): Z$L = W$L·A$L + b$L with W$L of $L×$L, then A$L = $L(Z$L).\n",
                        l, l == spec.depth() ? "output" : "hidden", spec.units(l), l, l, l - 1, l, l,
                        spec.units(l), spec.units(l - 1), l, activation.name(), l)
                .addModifiers(Modifier.STATIC)
                .addParameter(double[].class, "theta")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(int.class, "m")
                .addStatement("final double[][] a = ws.a($L)", l)
                .addCode(affine(spec, l, activation.applyToRow("zi", "ai")))
                .addCode(activation.applyToColumns(l))
                .build();
    }

    /**
     * Z[l] = W[l]·A[l-1] + b[l] into {@code ws.z(l)}, one row of Z at a time, reading the layer's input from
     * {@code ws.layerInput(l)}; {@code perRow} (may be empty) runs after each row i with {@code zi} and
     * {@code ai} in scope.
     */
    static CodeBlock affine(NetworkSpec spec, int l, CodeBlock perRow) {
        String prev = Names.units(l - 1);
        CodeBlock.Builder code = CodeBlock.builder()
                .addStatement("final double[][] in = ws.layerInput($L)", l)
                .addStatement("final double[][] z = ws.z($L)", l)
                .beginControlFlow("for (int i = 0; i < $L; i++)", Names.units(l))
                .addStatement("final double[] zi = z[i]")
                .addStatement("final int w = $L + i * $L", Names.weights(l), prev)
                .addStatement("final double bias = theta[$L + i]", Names.biases(l))
                .add(RowSums.emit("zi", spec.units(l - 1), prev, q -> "theta[" + RowSums.offset("w", q, null) + "]",
                        q -> "in[" + q + "]", "bias"));
        if (!perRow.isEmpty()) {
            code.addStatement("final double[] ai = a[i]").add(perRow);
        }
        return code.endControlFlow().build();
    }
}
