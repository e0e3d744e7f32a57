package dev.netsmith.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import dev.netsmith.Dense;
import dev.netsmith.GradientCheck;
import dev.netsmith.Network;
import dev.netsmith.processor.codegen.CodeGenerator;
import dev.netsmith.processor.spec.NetworkSpec;
import dev.netsmith.processor.spec.ReadResult;
import dev.netsmith.processor.spec.SourceMap;
import dev.netsmith.processor.spec.SourceTrees;
import dev.netsmith.processor.spec.SpecReader;
import dev.netsmith.processor.validation.Message;
import dev.netsmith.processor.validation.Problem;
import dev.netsmith.processor.validation.Validator;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
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
public final class NetsmithProcessor extends AbstractProcessor {

    private static final String NETWORK = Network.class.getCanonicalName();
    private static final String DENSE = Dense.class.getCanonicalName();
    private static final String DENSE_LIST = Dense.List.class.getCanonicalName();
    private static final String GRADIENT_CHECK = GradientCheck.class.getCanonicalName();
    private static final String GENERATED = "javax.annotation.processing.Generated";

    private final Set<String> deferred = new LinkedHashSet<>();
    private final Set<String> userSourceTypes = new HashSet<>();
    private final Map<String, String> generatedBy = new HashMap<>();
    private SourceTrees sourceTrees;

    @Override
    public synchronized void init(ProcessingEnvironment env) {
        super.init(env);
        sourceTrees = SourceTrees.of(env);
        sourceTrees.onLocalTypesAnnotatedWith(NETWORK,
                local -> sourceTrees.print(Diagnostic.Kind.ERROR, Message.TARGET_LOCAL.format(local.name()), local),
                (type, e) -> processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.INTERNAL_ERROR.format(type.getQualifiedName(), e), type));
    }

    /**
     * Every Netsmith annotation, so that none is left unclaimed (javac's -Xlint:processing would warn, and fail a
     * build with -Werror), and {@code @Generated}, which the generated classes carry; see {@link #claims}.
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(NETWORK, DENSE, DENSE_LIST, GRADIENT_CHECK, GENERATED);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        recordUserTypes(ElementFilter.typesIn(round.getRootElements()));
        reportLayersWithoutNetwork(round);
        Map<String, TypeElement> targets = new LinkedHashMap<>();
        for (String name : deferred) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                targets.put(name, type);
            }
        }
        deferred.clear();
        for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(Network.class))) {
            targets.putIfAbsent(type.getQualifiedName().toString(), type);
        }
        Map<TypeElement, ReadResult.Read> read = new LinkedHashMap<>();
        for (TypeElement type : targets.values()) {
            try {
                read(type, round.processingOver()).ifPresent(r -> read.put(type, r));
            } catch (RuntimeException | LinkageError e) {
                internalError(type, e);
            }
        }
        Map<TypeElement, Problem> duplicates = duplicateNames(read);
        for (Map.Entry<TypeElement, ReadResult.Read> entry : read.entrySet()) {
            TypeElement type = entry.getKey();
            try {
                process(type, entry.getValue(), duplicates.get(type));
            } catch (RuntimeException | LinkageError e) {
                internalError(type, e);
            }
        }
        return claims(annotations, round);
    }

    /**
     * Whether to claim this round's annotations: Netsmith's own always, but {@code @Generated} only when every
     * element carrying it is Netsmith's output, so that another processor's generated code stays visible to
     * processors that look for it.
     */
    private boolean claims(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        for (TypeElement annotation : annotations) {
            if (annotation.getQualifiedName().contentEquals(GENERATED)) {
                for (Element element : round.getElementsAnnotatedWith(annotation)) {
                    if (!isGeneratedByNetsmith(element)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private java.util.Optional<ReadResult.Read> read(TypeElement type, boolean lastRound) {
        SpecReader reader = new SpecReader(processingEnv.getElementUtils(), processingEnv.getTypeUtils(), userSourceTypes::contains);
        ReadResult result = reader.read(type);
        if (result instanceof ReadResult.Deferred && !lastRound) {
            deferred.add(type.getQualifiedName().toString());
        }
        return result instanceof ReadResult.Read r ? java.util.Optional.of(r) : java.util.Optional.empty();
    }

    private void process(TypeElement type, ReadResult.Read read, Problem duplicate) {
        NetworkSpec spec = read.spec();
        List<Problem> problems = new ArrayList<>(Validator.validate(spec));
        if (duplicate != null) {
            problems.add(duplicate);
        }
        boolean errors = false;
        for (Problem problem : problems) {
            report(problem, read.sourceMap());
            errors |= problem.isError();
        }
        if (!errors) {
            write(spec, type);
        }
    }

    private void internalError(TypeElement type, Throwable e) {
        processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                Message.INTERNAL_ERROR.format(type.getQualifiedName(), e), type);
    }

    /**
     * Declarations whose generated names coincide (e.g. {@code A.B} and a top-level {@code A_B}): each one of this
     * round gets an error (neither is generated), and so does one whose name an earlier round already took.
     */
    private Map<TypeElement, Problem> duplicateNames(Map<TypeElement, ReadResult.Read> read) {
        Map<String, List<TypeElement>> claims = new LinkedHashMap<>();
        for (Map.Entry<TypeElement, ReadResult.Read> entry : read.entrySet()) {
            for (String qualified : qualifiedGeneratedNames(entry.getValue().spec())) {
                claims.computeIfAbsent(qualified, k -> new ArrayList<>()).add(entry.getKey());
            }
        }
        Map<TypeElement, Problem> problems = new HashMap<>();
        for (Map.Entry<String, List<TypeElement>> claim : claims.entrySet()) {
            String qualified = claim.getKey();
            String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
            List<String> names = claim.getValue().stream().map(t -> t.getQualifiedName().toString()).toList();
            String earlier = generatedBy.get(qualified);
            for (int i = 0; i < names.size(); i++) {
                Problem problem = null;
                if (earlier != null && !earlier.equals(names.get(i))) {
                    problem = Problem.duplicate(simple, earlier, names.get(i));
                } else if (names.size() > 1) {
                    // names in alphabetical order: the same text on both declarations, whatever order javac uses
                    String self = names.get(i);
                    String other = names.stream().filter(n -> !n.equals(self)).sorted().findFirst().orElseThrow();
                    problem = self.compareTo(other) < 0 ? Problem.duplicate(simple, self, other) : Problem.duplicate(simple, other, self);
                }
                if (problem != null) {
                    problems.putIfAbsent(claim.getValue().get(i), problem);
                }
            }
            generatedBy.putIfAbsent(qualified, names.get(0));
        }
        return problems;
    }

    private static List<String> qualifiedGeneratedNames(NetworkSpec spec) {
        return spec.generatedNames().stream()
                .map(name -> spec.packageName().isEmpty() ? name : spec.packageName() + "." + name)
                .toList();
    }

    private void report(Problem problem, SourceMap sourceMap) {
        SourceMap.Position at = sourceMap.resolve(problem.location());
        Diagnostic.Kind kind = problem.message().kind();
        if (at.repeated() >= 0 && sourceTrees.printOnRepeated(kind, problem.text(), at.element(), DENSE, DENSE_LIST,
                at.repeated(), at.attribute())) {
            return;
        }
        if (at.value() != null) {
            processingEnv.getMessager().printMessage(kind, problem.text(), at.element(), at.mirror(), at.value());
        } else if (at.mirror() != null) {
            processingEnv.getMessager().printMessage(kind, problem.text(), at.element(), at.mirror());
        } else {
            processingEnv.getMessager().printMessage(kind, problem.text(), at.element());
        }
    }

    /** {@code @Dense} or {@code @GradientCheck} on a type without {@code @Network} would be ignored in silence. */
    private void reportLayersWithoutNetwork(RoundEnvironment round) {
        Set<TypeElement> annotated = ElementFilter.typesIn(
                round.getElementsAnnotatedWithAny(Set.of(Dense.class, Dense.List.class, GradientCheck.class)));
        for (TypeElement type : annotated) {
            if (type.getAnnotation(Network.class) != null) {
                continue;
            }
            for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
                String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
                if (!name.equals(DENSE) && !name.equals(DENSE_LIST) && !name.equals(GRADIENT_CHECK)) {
                    continue;
                }
                String shown = name.equals(GRADIENT_CHECK) ? "GradientCheck" : "Dense";
                String text = Message.NO_NETWORK.format(shown, type.getQualifiedName(), shown);
                if (!name.equals(DENSE_LIST) || !sourceTrees.printOnRepeated(Message.NO_NETWORK.kind(), text, type,
                        DENSE, DENSE_LIST, 0, null)) {
                    processingEnv.getMessager().printMessage(Message.NO_NETWORK.kind(), text, type, mirror);
                }
                break;
            }
        }
    }

    /**
     * Writes the generated classes, stopping at the first that cannot be written: the others refer to it. The
     * Filer refuses a name another processor of this compilation has already generated: that is a name collision.
     */
    private void write(NetworkSpec spec, TypeElement type) {
        for (JavaFile file : CodeGenerator.generate(spec)) {
            String name = file.packageName().isEmpty() ? file.typeSpec().name() : file.packageName() + "." + file.typeSpec().name();
            try {
                JavaFileObject source = processingEnv.getFiler().createSourceFile(name, type);
                try (Writer writer = source.openWriter()) {
                    file.writeTo(writer);
                }
            } catch (FilerException e) {
                processingEnv.getMessager().printMessage(Message.NAME_COLLISION.kind(),
                        Message.NAME_COLLISION.format(file.typeSpec().name(), spec.qualifiedName()), type);
                return;
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
                        Message.INTERNAL_ERROR.format(spec.qualifiedName(), "cannot write " + name + ": " + e.getMessage()), type);
                return;
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
