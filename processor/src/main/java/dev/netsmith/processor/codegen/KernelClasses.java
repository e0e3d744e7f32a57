package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * What every generated kernel class shares: {@code public final}, {@code @Generated}, no instances, and the
 * network's shape constants imported statically from the model, so that kernels read {@code N1} and {@code W2}
 * as in the maths.
 */
final class KernelClasses {

    private KernelClasses() {
    }

    static TypeSpec.Builder builder(NetworkSpec spec, ClassName name) {
        return TypeSpec.classBuilder(name)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addAnnotation(Names.generatedAnnotation(spec))
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    }

    /**
     * {@code static final SplitKernel field = Type::method}: one shared instance of the kernel's parts for
     * {@code Workspace.split}, nothing allocated per call.
     */
    static FieldSpec splitKernel(ClassName type, String field, String method, String what) {
        return FieldSpec.builder(Names.SPLIT_KERNEL, field, Modifier.STATIC, Modifier.FINAL)
                .addJavadoc("$L: the parts {@code ws.split} hands to threads.\n", what)
                .initializer("$T::$L", type, method)
                .build();
    }

    /**
     * The method behind a {@link #splitKernel} field: the kernel of layer {@code layer} (one of {@code layers}) over
     * {@code [from, to)}, by a switch on the layer; {@code call} has a {@code $L} for the layer number.
     */
    static MethodSpec splitDispatch(String method, List<Integer> layers, String call, String what) {
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (layer)");
        for (int l : layers) {
            cases.addStatement("case $L -> " + call, l, l);
        }
        cases.addStatement("default -> throw new $T(\"no part of $L for layer \" + layer)", IllegalArgumentException.class, what)
                .endControlFlow();
        return MethodSpec.methodBuilder(method)
                .addJavadoc("Layer l's part of $L for [from, to): what a thread of a split runs.\n", what)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(int.class, "layer")
                .addParameters(rangeParameters())
                .addCode(cases.build())
                .build();
    }

    /** The parameters of a kernel over part of a layer: θ, the workspace, m and the units from ≤ i &lt; to. */
    static List<ParameterSpec> rangeParameters() {
        return List.of(
                ParameterSpec.builder(double[].class, "theta").build(),
                ParameterSpec.builder(Names.WORKSPACE, "ws").build(),
                ParameterSpec.builder(int.class, "m").build(),
                ParameterSpec.builder(int.class, "from").build(),
                ParameterSpec.builder(int.class, "to").build());
    }

    /**
     * The file of a kernel class. java.lang types are imported explicitly (a class called {@code Math} in the
     * user's package must not shadow {@code java.lang.Math}); the unnamed package cannot be imported from, so
     * there the model's constants are aliased as private constants instead.
     */
    static JavaFile file(NetworkSpec spec, TypeSpec type) {
        if (!spec.packageName().isEmpty()) {
            return JavaFile.builder(spec.packageName(), type)
                    .addStaticImport(Names.model(spec), constants(spec).toArray(String[]::new))
                    .indent("    ")
                    .build();
        }
        TypeSpec.Builder aliased = type.toBuilder();
        for (String constant : constants(spec)) {
            aliased.addField(FieldSpec.builder(constantType(spec, constant), constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                    .initializer("$T.$L", Names.model(spec), constant)
                    .build());
        }
        return JavaFile.builder("", aliased.build()).indent("    ").build();
    }

    private static TypeName constantType(NetworkSpec spec, String constant) {
        if (constant.startsWith("KEEP") || constant.equals("LAMBDA")) {
            return TypeName.DOUBLE;
        }
        if (constant.startsWith("ACTIVATION")) {
            LayerSpec layer = spec.layer(Integer.parseInt(constant.substring("ACTIVATION".length())));
            return Names.className(layer.custom().packageName(), layer.custom().qualifiedName());
        }
        return TypeName.INT;
    }

    /** The model's constants the kernels may use. */
    static List<String> constants(NetworkSpec spec) {
        List<String> names = new ArrayList<>();
        for (int l = 0; l <= spec.depth(); l++) {
            names.add(Names.units(l));
        }
        for (int l = 1; l <= spec.depth(); l++) {
            names.add(Names.weights(l));
            names.add(Names.biases(l));
        }
        for (int l = 1; l < spec.depth(); l++) {
            names.add(Names.keep(l));
        }
        for (int l = 1; l <= spec.depth(); l++) {
            if (spec.layer(l).custom() != null) {
                names.add(Names.customActivation(l));
            }
        }
        names.add("SIZE");
        names.add("LAMBDA");
        return names;
    }

    /** A description of the network for class Javadoc, e.g. {@code 64 → 32 relu (keep 0.8) → 10 softmax}. */
    static String shape(NetworkSpec spec) {
        StringBuilder s = new StringBuilder().append(spec.inputs());
        for (int l = 1; l <= spec.depth(); l++) {
            s.append(" → ").append(spec.units(l)).append(' ').append(ActivationEmitter.of(spec.layer(l)).name());
            if (spec.layer(l).hasDropout()) {
                s.append(" (keep ").append(spec.layer(l).keepProb()).append(')');
            }
        }
        return s.toString();
    }
}
