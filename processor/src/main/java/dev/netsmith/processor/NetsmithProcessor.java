package dev.netsmith.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.netsmith.Network;
import dev.netsmith.processor.codegen.CodeGenerator;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.spec.ReadResult;
import dev.netsmith.processor.spec.SourceMap;
import dev.netsmith.processor.spec.SpecReader;
import dev.netsmith.processor.validation.Message;
import dev.netsmith.processor.validation.Problem;
import dev.netsmith.processor.validation.Validator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * The Netsmith annotation processor: for each {@code @Network} type it reads the annotations into a
 * {@link NetworkSpec}, validates it, reports every problem on the exact annotation value, and, when there is
 * no error, writes the generated classes. A user's mistake never escapes as an exception.
 */
@AutoService(Processor.class)
@SupportedAnnotationTypes("dev.netsmith.Network")
public final class NetsmithProcessor extends AbstractProcessor {

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> userSourceTypes = new HashSet<>();
    private final Map<String, String> generatedBy = new HashMap<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        recordUserTypes(ElementFilter.typesIn(round.getRootElements()));
        List<TypeElement> targets = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                targets.add(type);
            }
        }
        deferred.clear();
        targets.addAll(ElementFilter.typesIn(round.getElementsAnnotatedWith(Network.class)));
        for (TypeElement type : targets) {
            try {
                process(type, round.processingOver());
            } catch (RuntimeException | LinkageError e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.INTERNAL_ERROR.format(type.getQualifiedName(), e), type);
            }
        }
        return true;
    }

    private void process(TypeElement type, boolean lastRound) {
        SpecReader reader = new SpecReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), userSourceTypes::contains);
        ReadResult result = reader.read(type);
        if (result instanceof ReadResult.Deferred && !lastRound) {
            deferred.add(type.getQualifiedName().toString());
        }
        if (!(result instanceof ReadResult.Read read)) {
            return;
        }
        NetworkSpec spec = read.spec();
        List<Problem> problems = new ArrayList<>(Validator.validate(spec));
        problems.addAll(duplicateNames(spec));
        boolean errors = false;
        for (Problem problem : problems) {
            report(problem, read.sourceMap());
            errors |= problem.isError();
        }
        if (!errors) {
            write(spec, type);
        }
    }

    /** Two declarations whose generated names coincide (e.g. {@code A.B} and a top-level {@code A_B}). */
    private List<Problem> duplicateNames(NetworkSpec spec) {
        List<Problem> problems = new ArrayList<>();
        for (String name : spec.generatedNames()) {
            String qualified = spec.packageName().isEmpty() ? name : spec.packageName() + "." + name;
            String other = generatedBy.putIfAbsent(qualified, spec.qualifiedName());
            if (other != null && !other.equals(spec.qualifiedName())) {
                problems.add(Problem.duplicate(name, other, spec.qualifiedName()));
                break;
            }
        }
        return problems;
    }

    private void report(Problem problem, SourceMap sourceMap) {
        SourceMap.Position at = sourceMap.resolve(problem.location());
        if (at.value() != null) {
            processingEnv.getMessager().printMessage(problem.message().kind(), problem.text(), at.element(), at.mirror(), at.value());
        } else if (at.mirror() != null) {
            processingEnv.getMessager().printMessage(problem.message().kind(), problem.text(), at.element(), at.mirror());
        } else {
            processingEnv.getMessager().printMessage(problem.message().kind(), problem.text(), at.element());
        }
    }

    private void write(NetworkSpec spec, TypeElement type) {
        for (JavaFile file : CodeGenerator.generate(spec)) {
            String name = file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
            try {
                JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
                try (Writer writer = source.openWriter()) {
                    file.writeTo(writer);
                }
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.INTERNAL_ERROR.format(spec.qualifiedName(), "cannot write " + name + ": " + e.getMessage()), type);
            }
        }
    }

    /** Remembers the types of this compilation written by hand (not by Netsmith), for the name-collision rule. */
    private void recordUserTypes(Iterable<TypeElement> types) {
        for (TypeElement type : types) {
            if (!isGeneratedByNetsmith(type)) {
                userSourceTypes.add(type.getQualifiedName().toString());
            }
            recordUserTypes(ElementFilter.typesIn(type.getEnclosedElements()));
        }
    }

    private static boolean isGeneratedByNetsmith(Element type) {
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().toString().equals("javax.annotation.processing.Generated")
                    && mirror.getElementValues().values().stream().anyMatch(v -> v.toString().contains(NetsmithProcessor.class.getName()))) {
                return true;
            }
        }
        return false;
    }
}
