package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;

/**
 * The two forms of a kernel in generated code: {@code if (Backend.VECTOR) { vector } else { scalar }}. The flag is
 * a static final constant, so the JIT compiles only the branch the JVM was started with, and the scalar form stays
 * the network's own unrolled loops.
 */
final class VectorBranch {

    static final ClassName BACKEND = ClassName.get("dev.netsmith.runtime", "Backend");
    static final ClassName KERNELS = ClassName.get("dev.netsmith.runtime", "VectorKernels");

    private VectorBranch() {
    }

    /** Both forms; {@code vector} is the statements of the vector backend, {@code scalar} those of the default. */
    static CodeBlock of(CodeBlock vector, CodeBlock scalar) {
        return CodeBlock.builder()
                .beginControlFlow("if ($T.VECTOR)", BACKEND)
                .add(vector)
                .nextControlFlow("else")
                .add(scalar)
                .endControlFlow()
                .build();
    }

    /** {@code if (Backend.VECTOR) { vector }}: work the scalar form does elsewhere (fused into a later loop). */
    static CodeBlock vectorOnly(CodeBlock vector) {
        return CodeBlock.builder().beginControlFlow("if ($T.VECTOR)", BACKEND).add(vector).endControlFlow().build();
    }

    /** {@code if (!Backend.VECTOR) { scalar }}: work the vector form did before, in one call. */
    static CodeBlock scalarOnly(CodeBlock scalar) {
        return CodeBlock.builder().beginControlFlow("if (!$T.VECTOR)", BACKEND).add(scalar).endControlFlow().build();
    }

    /** The statement {@code VectorKernels.method(arguments);} (arguments as one comma-separated string). */
    static CodeBlock call(String method, String arguments) {
        return CodeBlock.builder().addStatement("$T.$L($L)", KERNELS, method, arguments).build();
    }
}
