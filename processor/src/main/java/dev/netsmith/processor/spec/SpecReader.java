package dev.netsmith.processor.spec;

import dev.netsmith.Activation;
import dev.netsmith.ActivationFunction;
import dev.netsmith.Dense;
import dev.netsmith.GradientCheck;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads a {@code @Network} type's annotation mirrors into a {@link NetworkSpec} and a {@link SourceMap}.
 * It judges nothing: every value is taken as written, and validation decides what is wrong with it.
 */
public final class SpecReader {

    private static final String DENSE = Dense.class.getCanonicalName();
    private static final String DENSE_LIST = Dense.List.class.getCanonicalName();
    private static final String NETWORK = Network.class.getCanonicalName();
    private static final String GRADIENT_CHECK = GradientCheck.class.getCanonicalName();

    private final Elements elements;
    private final Types types;
    private final Predicate<String> isOtherSourceType;

    /**
     * @param isOtherSourceType whether a qualified name belongs to a type in this compilation's sources that
     *                          Netsmith did not generate (a generated name must not collide with it)
     */
    public SpecReader(Elements elements, Types types, Predicate<String> isOtherSourceType) {
        this.elements = elements;
        this.types = types;
        this.isOtherSourceType = isOtherSourceType;
    }

    /** Reads the declaration on {@code type}. */
    public ReadResult read(TypeElement type) {
        try {
            return readUnchecked(type);
        } catch (MalformedValue e) {
            return e.deferrable ? new ReadResult.Deferred(e.getMessage()) : new ReadResult.Unreadable(e.getMessage());
        }
    }

    private ReadResult readUnchecked(TypeElement type) {
        SourceMap sourceMap = new SourceMap(type);
        AnnotationMirror network = null;
        AnnotationMirror check = null;
        List<AnnotationMirror> dense = new ArrayList<>();
        Map<AnnotationMirror, Integer> contained = new java.util.IdentityHashMap<>();
        for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
            String name = annotationName(mirror);
            if (name.equals(NETWORK)) {
                network = mirror;
            } else if (name.equals(GRADIENT_CHECK)) {
                check = mirror;
            } else if (name.equals(DENSE)) {
                dense.add(mirror);
            } else if (name.equals(DENSE_LIST)) {
                for (AnnotationValue v : arrayValue(mirror, "value")) {
                    AnnotationMirror layer = annotationValue(v, "value");
                    contained.put(layer, contained.size());
                    dense.add(layer);
                }
            }
        }
        if (network == null) {
            return new ReadResult.Unreadable("no @Network on " + type);
        }
        sourceMap.putAnnotation(Location.Target.NETWORK, network);
        List<LayerSpec> layers = new ArrayList<>();
        for (AnnotationMirror mirror : dense) {
            int index = layers.size() + 1;
            Integer position = contained.get(mirror);
            if (position == null) {
                sourceMap.putLayer(index, mirror);
            } else {
                sourceMap.putRepeatedLayer(index, mirror, position);
            }
            layers.add(readLayer(index, mirror));
        }
        CheckSpec checkSpec = CheckSpec.DEFAULTS;
        if (check != null) {
            sourceMap.putAnnotation(Location.Target.GRADIENT_CHECK, check);
            checkSpec = new CheckSpec(true, doubleValue(check, "epsilon"), doubleValue(check, "passBelow"),
                    doubleValue(check, "failAbove"));
        }
        String packageName = packageOf(type).getQualifiedName().toString();
        String prefix = prefixOf(type);
        List<String> taken = new ArrayList<>();
        for (String suffix : NetworkSpec.GENERATED_SUFFIXES) {
            String qualified = packageName.isEmpty() ? prefix + suffix : packageName + "." + prefix + suffix;
            if (isOtherSourceType.test(qualified)) {
                taken.add(prefix + suffix);
            }
        }
        NetworkSpec spec = new NetworkSpec(packageName, type.getQualifiedName().toString(), prefix, facts(type),
                intValue(network, "inputs"), enumValue(network, "loss", Loss.class), doubleValue(network, "l2"),
                enumValue(network, "init", Init.class), layers, checkSpec, suppressesWarnings(type), taken);
        return new ReadResult.Read(spec, sourceMap);
    }

    private LayerSpec readLayer(int index, AnnotationMirror mirror) {
        TypeFacts custom = null;
        AnnotationValue customValue = values(mirror).get("custom");
        if (customValue != null) {
            TypeMirror customType = classValue(customValue);
            TypeElement customElement = (TypeElement) types.asElement(customType);
            if (!customElement.getQualifiedName().contentEquals(ActivationFunction.class.getCanonicalName())) {
                if (hasUnresolvedSupertype(customType)) {
                    // what it implements and inherits is not known yet: another processor may still generate it
                    throw new MalformedValue("a supertype of " + customElement + " does not resolve", true);
                }
                custom = facts(customElement);
            }
        }
        return new LayerSpec(index, intValue(mirror, "units"), enumValue(mirror, "activation", Activation.class),
                doubleValue(mirror, "keepProb"), custom);
    }

    private boolean hasUnresolvedSupertype(TypeMirror type) {
        List<TypeMirror> pending = new ArrayList<>(List.of(type));
        java.util.Set<String> seen = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            for (TypeMirror supertype : types.directSupertypes(pending.remove(pending.size() - 1))) {
                if (supertype.getKind() == TypeKind.ERROR) {
                    return true;
                }
                if (seen.add(types.erasure(supertype).toString())) {
                    pending.add(supertype);
                }
            }
        }
        return false;
    }

    private TypeFacts facts(TypeElement type) {
        TypeFacts.Kind kind = switch (type.getKind()) {
            case INTERFACE -> TypeFacts.Kind.INTERFACE;
            case ENUM -> TypeFacts.Kind.ENUM;
            case ANNOTATION_TYPE -> TypeFacts.Kind.ANNOTATION_TYPE;
            default -> type.getKind().name().equals("RECORD") ? TypeFacts.Kind.RECORD : TypeFacts.Kind.CLASS;
        };
        boolean nested = type.getNestingKind() == NestingKind.MEMBER;
        boolean local = type.getNestingKind() == NestingKind.LOCAL || type.getNestingKind() == NestingKind.ANONYMOUS;
        boolean inner = (nested && kind == TypeFacts.Kind.CLASS && !type.getModifiers().contains(Modifier.STATIC)) || local;
        // the implicit default constructor takes the class's access, so it is public as soon as the class is:
        // a package-private class without constructors is one mistake (not public), not two
        boolean hasNoArgConstructor = ElementFilter.constructorsIn(type.getEnclosedElements()).stream()
                .anyMatch(c -> c.getParameters().isEmpty() && (c.getModifiers().contains(Modifier.PUBLIC)
                        || elements.getOrigin(c) == Elements.Origin.MANDATED));
        TypeElement activationFunction = elements.getTypeElement(ActivationFunction.class.getCanonicalName());
        boolean implementsActivation = activationFunction != null
                && types.isAssignable(types.erasure(type.asType()), types.erasure(activationFunction.asType()));
        return new TypeFacts(packageOf(type).getQualifiedName().toString(), type.getQualifiedName().toString(), kind, isPublicAllTheWayOut(type),
                type.getModifiers().contains(Modifier.PRIVATE), type.getModifiers().contains(Modifier.ABSTRACT)
                || kind == TypeFacts.Kind.INTERFACE || kind == TypeFacts.Kind.ANNOTATION_TYPE,
                inner, local, hasNoArgConstructor, implementsActivation);
    }

    private static boolean isPublicAllTheWayOut(Element type) {
        for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
            if (!e.getModifiers().contains(Modifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    private static boolean suppressesWarnings(Element type) {
        for (Element e = type; e != null && e.getKind() != ElementKind.PACKAGE; e = e.getEnclosingElement()) {
            SuppressWarnings suppress = e.getAnnotation(SuppressWarnings.class);
            if (suppress != null && List.of(suppress.value()).contains("netsmith")) {
                return true;
            }
        }
        return false;
    }

    private static PackageElement packageOf(Element e) {
        while (!(e instanceof PackageElement)) {
            e = e.getEnclosingElement();
        }
        return (PackageElement) e;
    }

    /** {@code Outer_Inner} for {@code Outer.Inner}; the simple name for a top-level type. */
    private static String prefixOf(TypeElement type) {
        StringBuilder prefix = new StringBuilder(type.getSimpleName());
        for (Element e = type.getEnclosingElement(); e instanceof TypeElement; e = e.getEnclosingElement()) {
            prefix.insert(0, e.getSimpleName() + "_");
        }
        return prefix.toString();
    }

    private static String annotationName(AnnotationMirror mirror) {
        Element element = mirror.getAnnotationType().asElement();
        return element instanceof TypeElement t ? t.getQualifiedName().toString() : "";
    }

    private Map<String, AnnotationValue> values(AnnotationMirror mirror) {
        Map<String, AnnotationValue> values = new java.util.HashMap<>();
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            values.put(e.getKey().getSimpleName().toString(), e.getValue());
        }
        return values;
    }

    private AnnotationValue required(AnnotationMirror mirror, String name) {
        AnnotationValue value = values(mirror).get(name);
        if (value == null) {
            throw new MalformedValue("@" + mirror.getAnnotationType().asElement().getSimpleName() + "(" + name + ") is missing", false);
        }
        return value;
    }

    private int intValue(AnnotationMirror mirror, String name) {
        if (required(mirror, name).getValue() instanceof Integer i) {
            return i;
        }
        throw new MalformedValue(name + " is not an int", false);
    }

    private double doubleValue(AnnotationMirror mirror, String name) {
        if (required(mirror, name).getValue() instanceof Number n) {
            return n.doubleValue();
        }
        throw new MalformedValue(name + " is not a number", false);
    }

    private <E extends Enum<E>> E enumValue(AnnotationMirror mirror, String name, Class<E> type) {
        if (required(mirror, name).getValue() instanceof VariableElement constant) {
            try {
                return Enum.valueOf(type, constant.getSimpleName().toString());
            } catch (IllegalArgumentException e) {
                throw new MalformedValue(name + " is not a " + type.getSimpleName(), false);
            }
        }
        throw new MalformedValue(name + " is not a " + type.getSimpleName(), false);
    }

    private List<? extends AnnotationValue> arrayValue(AnnotationMirror mirror, String name) {
        if (required(mirror, name).getValue() instanceof List<?> list) {
            @SuppressWarnings("unchecked")
            List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) list;
            return values;
        }
        throw new MalformedValue(name + " is not an array", false);
    }

    private static AnnotationMirror annotationValue(AnnotationValue value, String name) {
        if (value.getValue() instanceof AnnotationMirror mirror) {
            return mirror;
        }
        throw new MalformedValue(name + " is not an annotation", false);
    }

    private static TypeMirror classValue(AnnotationValue value) {
        if (value.getValue() instanceof DeclaredType type && type.getKind() == TypeKind.DECLARED) {
            return type;
        }
        if (value.getValue() instanceof TypeMirror type && type.getKind() == TypeKind.ERROR) {
            throw new MalformedValue("custom names a type that does not resolve: " + type, true);
        }
        throw new MalformedValue("custom is not a class literal: " + value, true);
    }

    /** A value javac could not make sense of; it reports that itself. */
    private static final class MalformedValue extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final boolean deferrable;

        MalformedValue(String message, boolean deferrable) {
            super(message, null, false, false);
            this.deferrable = deferrable;
        }
    }
}
