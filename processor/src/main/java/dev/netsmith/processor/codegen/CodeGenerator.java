package dev.netsmith.processor.codegen;

import com.palantir.javapoet.JavaFile;
import dev.netsmith.processor.spec.NetworkSpec;
import java.util.List;

/** Turns a validated spec into the generated classes' sources; it never sees javax.lang.model elements. */
public final class CodeGenerator {

    private CodeGenerator() {
    }

    /** T_Model, T_Forward, T_Backward, T_Cost and T_GradientCheck for a spec that passed validation. */
    public static List<JavaFile> generate(NetworkSpec spec) {
        return List.of(ModelWriter.write(spec), ForwardWriter.write(spec), BackwardWriter.write(spec), CostWriter.write(spec),
                GradientCheckWriter.write(spec));
    }
}
