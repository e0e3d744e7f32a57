package dev.netsmith.processor.codegen;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import dev.netsmith.processor.spec.NetworkSpec;

/** The names generated code uses, in one place so that every writer agrees on them. */
final class Names {

    static final String PROCESSOR = "dev.netsmith.processor.NetsmithProcessor";
    static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
    static final ClassName WORKSPACE = ClassName.get("dev.netsmith.runtime", "Workspace");
    static final ClassName DROPOUT = ClassName.get("dev.netsmith.runtime", "Dropout");
    static final ClassName SPLIT_KERNEL = ClassName.get("dev.netsmith.runtime", "SplitKernel");
    static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");

    private Names() {
    }

    static ClassName forward(NetworkSpec spec) {
        return generated(spec, "_Forward");
    }

    static ClassName backward(NetworkSpec spec) {
        return generated(spec, "_Backward");
    }

    static ClassName cost(NetworkSpec spec) {
        return generated(spec, "_Cost");
    }

    static ClassName model(NetworkSpec spec) {
        return generated(spec, "_Model");
    }

    private static ClassName generated(NetworkSpec spec, String suffix) {
        return ClassName.get(spec.packageName(), spec.prefix() + suffix);
    }

    /** The declaring type, for Javadoc links. */
    static ClassName declaring(NetworkSpec spec) {
        return className(spec.packageName(), spec.qualifiedName());
    }

    /** A possibly nested class, given its package and canonical name. */
    static ClassName className(String packageName, String qualifiedName) {
        String relative = packageName.isEmpty() ? qualifiedName : qualifiedName.substring(packageName.length() + 1);
        String[] parts = relative.split("\\.");
        return ClassName.get(packageName, parts[0], java.util.Arrays.copyOfRange(parts, 1, parts.length));
    }

    /** {@code @Generated} with the declaring type in the comments; no date, so output is deterministic. */
    static AnnotationSpec generatedAnnotation(NetworkSpec spec) {
        return AnnotationSpec.builder(GENERATED)
                .addMember("value", "$S", PROCESSOR)
                .addMember("comments", "$S", "from " + spec.qualifiedName())
                .build();
    }

    /** n_l, e.g. {@code N2}. */
    static String units(int l) {
        return "N" + l;
    }

    /** Offset of W_l in θ, e.g. {@code W2}. */
    static String weights(int l) {
        return "W" + l;
    }

    /** Offset of b_l in θ, e.g. {@code B2}. */
    static String biases(int l) {
        return "B" + l;
    }

    /** The declared keep probability of layer l. */
    static String keep(int l) {
        return "KEEP" + l;
    }

    /** The instance of layer l's custom activation. */
    static String customActivation(int l) {
        return "ACTIVATION" + l;
    }
}
