package dev.netsmith.processor.codegen;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code T_Cost}: J = (1/m)·Σ_j ℓ_j + (λ/2m)·Σ_l ‖W[l]‖², with the data term and the L2 term also
 * available apart (a gradient check inspects them separately).
 */
final class CostWriter {

    private CostWriter() {
    }

    static JavaFile write(NetworkSpec spec) {
        LossEmitter loss = LossEmitter.of(spec.loss());
        TypeSpec type = KernelClasses.builder(spec, Names.cost(spec))
                .addJavadoc("The regularised cost of {@link $T}: J = (1/m)·Σ_j ℓ_j + (λ/2m)·Σ_l ‖W[l]‖² with\n",
                        Names.declaring(spec))
                .addJavadoc("$L, λ = $L.\n", loss.formula(), spec.l2())
                .addMethod(lossPerExample(spec, loss))
                .addMethod(dataCost())
                .addMethod(l2(spec))
                .build();
        return KernelClasses.file(spec, type);
    }

    private static MethodSpec lossPerExample(NetworkSpec spec, LossEmitter loss) {
        return MethodSpec.methodBuilder("lossPerExample")
                .addJavadoc("Writes each example's loss ℓ_j of the last forward pass into out[0..m).\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m")
                .addParameter(Names.WORKSPACE, "ws")
                .addParameter(double[].class, "out")
                .addStatement("final double[][] z = ws.z($L)", spec.depth())
                .addCode(loss.perExample(Names.units(spec.depth())))
                .build();
    }

    private static MethodSpec dataCost() {
        return MethodSpec.methodBuilder("dataCost")
                .addJavadoc("The data term (1/m)·Σ_j ℓ_j of the last forward pass.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[][].class, "y")
                .addParameter(int.class, "m")
                .addParameter(Names.WORKSPACE, "ws")
                .addStatement("final double[] losses = ws.lossScratch()")
                .addStatement("lossPerExample(y, m, ws, losses)")
                .addStatement("double sum = 0.0")
                .beginControlFlow("for (int j = 0; j < m; j++)")
                .addStatement("sum += losses[j]")
                .endControlFlow()
                .addStatement("return sum / m")
                .build();
    }

    private static MethodSpec l2(NetworkSpec spec) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("l2")
                .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
                .returns(double.class)
                .addParameter(double[].class, "theta")
                .addParameter(int.class, "m");
        if (spec.l2() == 0) {
            return method.addJavadoc("The L2 term, 0: the network declares l2 = 0.\n").addStatement("return 0.0").build();
        }
        CodeBlock.Builder sum = CodeBlock.builder().addStatement("double sum = 0.0");
        for (int l = 1; l <= spec.depth(); l++) {
            sum.beginControlFlow("for (int p = $L; p < $L; p++)", Names.weights(l), Names.biases(l))
                    .addStatement("sum += theta[p] * theta[p]")
                    .endControlFlow();
        }
        return method.addJavadoc("The L2 term (λ/2m)·Σ_l ‖W[l]‖²_F; biases are not regularised.\n")
                .addCode(sum.build())
                .addStatement("return LAMBDA / (2.0 * m) * sum")
                .build();
    }
}
