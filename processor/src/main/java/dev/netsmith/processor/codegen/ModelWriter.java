package dev.netsmith.processor.codegen;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.processor.spec.LayerSpec;
import dev.netsmith.processor.spec.NetworkSpec;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code T_Model}, the facade users hold ({@code T_Model.INSTANCE}): the network's shape as constants,
 * its {@code Architecture} and {@code ParameterLayout}, and the hooks the runtime base class calls after it
 * has checked every argument.
 */
final class ModelWriter {

    private static final ClassName GENERATED_NETWORK = ClassName.get("dev.netsmith.runtime", "GeneratedNetwork");
    private static final ClassName ARCHITECTURE = ClassName.get("dev.netsmith.runtime", "Architecture");
    private static final ClassName LAYER = ARCHITECTURE.nestedClass("Layer");
    private static final ClassName LAYOUT = ClassName.get("dev.netsmith.runtime", "ParameterLayout");
    private static final ClassName PARAMETERS = ClassName.get("dev.netsmith.runtime", "Parameters");
    private static final ClassName BATCH = ClassName.get("dev.netsmith.runtime", "Batch");
    private static final ClassName CHECKABLE = ClassName.get("dev.netsmith.check", "CheckableNetwork");
    private static final ClassName CHECK_OPTIONS = ClassName.get("dev.netsmith.check", "CheckOptions");
    private static final ClassName CHECKER = ClassName.get("dev.netsmith.check", "GradientChecker");
    private static final ClassName REPORT = ClassName.get("dev.netsmith.check", "GradientCheckReport");

    private ModelWriter() {
    }

    static JavaFile write(NetworkSpec spec) {
        ClassName model = Names.model(spec);
        TypeSpec.Builder type = TypeSpec.classBuilder(model)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .superclass(GENERATED_NETWORK)
                .addSuperinterface(CHECKABLE)
                .addAnnotation(Names.generatedAnnotation(spec))
                .addJavadoc("The network declared by {@link $T}: $L.\n\n", Names.declaring(spec), KernelClasses.shape(spec))
                .addJavadoc("<p>Stateless and shared: use {@link #INSTANCE} from any number of threads, each with its own workspace.\n")
                .addJavadoc("{@code N<l>} is the width of layer l (N0: inputs); {@code W<l>} and {@code B<l>} are the offsets of\n")
                .addJavadoc("W[l] and b[l] in the flat parameter vector θ:\n<pre>\n$L</pre>\n", layoutTable(spec));
        addShapeConstants(spec, type);
        type.addField(FieldSpec.builder(ARCHITECTURE, "ARCHITECTURE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("What the declaration fixed.\n")
                        .initializer(architecture(spec)).build())
                .addField(FieldSpec.builder(LAYOUT, "LAYOUT", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The flat parameter vector's tensors at the offsets above.\n")
                        .initializer(layout(spec)).build())
                .addField(FieldSpec.builder(model, "INSTANCE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The one instance.\n")
                        .initializer("new $T()", model).build())
                .addField(FieldSpec.builder(CHECK_OPTIONS, "CHECK_OPTIONS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The declared gradient-check settings$L.\n", spec.check().declared() ? " (@GradientCheck)" : " (the course's defaults)")
                        .initializer("$T.defaults().withEpsilon($L).withThresholds($L, $L)", CHECK_OPTIONS,
                                spec.check().epsilon(), spec.check().passBelow(), spec.check().failAbove())
                        .build())
                .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE)
                        .addStatement("super(ARCHITECTURE, LAYOUT)").build())
                .addMethod(MethodSpec.methodBuilder("gradientCheckKernel")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(GradientCheckWriter.KERNEL)
                        .addStatement("return $T.INSTANCE", GradientCheckWriter.name(spec))
                        .build())
                .addMethod(MethodSpec.methodBuilder("declaredCheckOptions")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(CHECK_OPTIONS)
                        .addStatement("return CHECK_OPTIONS")
                        .build())
                .addMethod(MethodSpec.methodBuilder("gradientCheck")
                        .addJavadoc("Checks backprop's gradient at params on batch, with the declared settings and dropout off.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(REPORT)
                        .addParameter(PARAMETERS, "params")
                        .addParameter(BATCH, "batch")
                        .addStatement("return $T.check(this, params, batch, CHECK_OPTIONS)", CHECKER)
                        .build())
                .addMethod(MethodSpec.methodBuilder("gradientCheck")
                        .addJavadoc("Checks backprop's gradient at params on batch with the given options.\n")
                        .addModifiers(Modifier.PUBLIC)
                        .returns(REPORT)
                        .addParameter(PARAMETERS, "params")
                        .addParameter(BATCH, "batch")
                        .addParameter(CHECK_OPTIONS, "options")
                        .addStatement("return $T.check(this, params, batch, options)", CHECKER)
                        .build())
                .addMethod(hook("runForward", TypeName.VOID, "$T.run(theta, x, m, ws, dropout)", Names.forward(spec),
                        double[].class, "theta", double[][].class, "x", int.class, "m", Names.WORKSPACE, "ws", Names.DROPOUT, "dropout"))
                .addMethod(hook("runDataCost", TypeName.DOUBLE, "return $T.dataCost(y, m, ws)", Names.cost(spec),
                        double[][].class, "y", int.class, "m", Names.WORKSPACE, "ws"))
                .addMethod(hook("runLossPerExample", TypeName.VOID, "$T.lossPerExample(y, m, ws, out)", Names.cost(spec),
                        double[][].class, "y", int.class, "m", Names.WORKSPACE, "ws", double[].class, "out"))
                .addMethod(hook("runL2Cost", TypeName.DOUBLE, "return $T.l2(theta, m)", Names.cost(spec),
                        double[].class, "theta", int.class, "m"))
                .addMethod(hook("runBackward", TypeName.VOID, "$T.run(theta, y, m, ws)", Names.backward(spec),
                        double[].class, "theta", double[][].class, "y", int.class, "m", Names.WORKSPACE, "ws"));
        return JavaFile.builder(spec.packageName(), type.build()).indent("    ").build();
    }

    /** One line per tensor: name, shape, offset. */
    private static String layoutTable(NetworkSpec spec) {
        StringBuilder table = new StringBuilder();
        for (int l = 1; l <= spec.depth(); l++) {
            table.append(String.format(java.util.Locale.ROOT, "W%d  %d×%d at %d%n", l, spec.units(l), spec.units(l - 1), offsetOfWeights(spec, l)));
            table.append(String.format(java.util.Locale.ROOT, "b%d  %d×1 at %d%n", l, spec.units(l), offsetOfWeights(spec, l) + (long) spec.units(l) * spec.units(l - 1)));
        }
        return table.toString();
    }

    private static long offsetOfWeights(NetworkSpec spec, int layer) {
        long offset = 0;
        for (int l = 1; l < layer; l++) {
            offset += (long) spec.units(l) * (spec.units(l - 1) + 1);
        }
        return offset;
    }

    private static void addShapeConstants(NetworkSpec spec, TypeSpec.Builder type) {
        for (int l = 0; l <= spec.depth(); l++) {
            type.addField(constant(int.class, Names.units(l), CodeBlock.of("$L", spec.units(l))));
        }
        for (int l = 1; l <= spec.depth(); l++) {
            long weights = offsetOfWeights(spec, l);
            type.addField(constant(int.class, Names.weights(l), CodeBlock.of("$L", weights)));
            type.addField(constant(int.class, Names.biases(l), CodeBlock.of("$L", weights + (long) spec.units(l) * spec.units(l - 1))));
        }
        type.addField(constant(int.class, "SIZE", CodeBlock.of("$L", spec.parameterCount())));
        for (int l = 1; l < spec.depth(); l++) {
            type.addField(constant(double.class, Names.keep(l), CodeBlock.of("$L", spec.layer(l).keepProb())));
        }
        type.addField(constant(double.class, "LAMBDA", CodeBlock.of("$L", spec.l2())));
        for (LayerSpec layer : spec.layers()) {
            if (layer.custom() != null) {
                ClassName custom = Names.className(layer.custom().packageName(), layer.custom().qualifiedName());
                type.addField(FieldSpec.builder(custom, Names.customActivation(layer.index()), Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("Layer $L's activation, called directly by the kernels.\n", layer.index())
                        .initializer("new $T()", custom).build());
            }
        }
    }

    private static FieldSpec constant(Class<?> type, String name, CodeBlock value) {
        return FieldSpec.builder(type, name, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL).initializer(value).build();
    }

    private static CodeBlock architecture(NetworkSpec spec) {
        CodeBlock.Builder layers = CodeBlock.builder();
        for (int l = 1; l <= spec.depth(); l++) {
            LayerSpec layer = spec.layer(l);
            layers.add(l == 1 ? "\n" : ",\n")
                    .add("new $T($L, $T.$L, $L, $L)", LAYER, Names.units(l), Activation.class, layer.activation(),
                            l < spec.depth() ? Names.keep(l) : "1.0",
                            layer.custom() == null ? "null" : CodeBlock.of("$S", layer.custom().qualifiedName()));
        }
        return CodeBlock.builder()
                .add("new $T($S, $L, $T.of(", ARCHITECTURE, spec.qualifiedName(), Names.units(0), List.class)
                .indent().indent().add(layers.build())
                .add("),\n$T.$L, LAMBDA, $T.$L)", Loss.class, spec.loss(), Init.class, spec.init())
                .unindent().unindent()
                .build();
    }

    private static CodeBlock layout(NetworkSpec spec) {
        CodeBlock.Builder sizes = CodeBlock.builder();
        CodeBlock.Builder offsets = CodeBlock.builder();
        for (int l = 0; l <= spec.depth(); l++) {
            sizes.add(l == 0 ? "$L" : ", $L", Names.units(l));
        }
        for (int l = 1; l <= spec.depth(); l++) {
            offsets.add(l == 1 ? "$L, $L" : ", $L, $L", Names.weights(l), Names.biases(l));
        }
        return CodeBlock.of("new $T(new int[] {$L}, new int[] {$L})", LAYOUT, sizes.build(), offsets.build());
    }

    /** An override of one of the base class's protected hooks that delegates to a kernel class. */
    private static MethodSpec hook(String name, TypeName returns, String statement, ClassName target, Object... parameters) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PROTECTED)
                .returns(returns);
        for (int p = 0; p < parameters.length; p += 2) {
            Object type = parameters[p];
            method.addParameter(type instanceof Class<?> c ? TypeName.get(c) : (TypeName) type, (String) parameters[p + 1]);
        }
        return method.addStatement(statement, target).build();
    }
}
