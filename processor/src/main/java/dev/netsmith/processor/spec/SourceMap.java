package dev.netsmith.processor.spec;

import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Maps the {@link Location}s of one declaration back to the element, annotation mirror and annotation value
 * they came from, so that a diagnostic lands on the exact annotation value in the user's source.
 */
public final class SourceMap {

    /**
     * A source position as javax.annotation.processing.Messager takes it; mirror and value may be null.
     *
     * @param element   the annotated type
     * @param mirror    the annotation, or null for the type itself
     * @param value     the attribute's value as written, or null when it was left at its default
     * @param repeated  for a {@code @Dense} that javac moved into the container it synthesizes for repeated
     *                  annotations, its 0-based position among the type's {@code @Dense} annotations; else -1.
     *                  Messager cannot locate such a mirror in the source, so the caller finds the tree itself.
     * @param attribute the attribute the diagnostic is about, or null for the whole annotation
     */
    public record Position(Element element, AnnotationMirror mirror, AnnotationValue value, int repeated, String attribute) {
    }

    private final Element element;
    private final Map<Location.Target, AnnotationMirror> annotations = new HashMap<>();
    private final Map<Integer, AnnotationMirror> layers = new HashMap<>();
    private final Map<Integer, Integer> repeated = new HashMap<>();

    SourceMap(Element element) {
        this.element = element;
    }

    void putAnnotation(Location.Target target, AnnotationMirror mirror) {
        annotations.put(target, mirror);
    }

    void putLayer(int layer, AnnotationMirror mirror) {
        layers.put(layer, mirror);
    }

    /** A layer read from the {@code @Dense.List} container, at {@code position} in its value array. */
    void putRepeatedLayer(int layer, AnnotationMirror mirror, int position) {
        layers.put(layer, mirror);
        repeated.put(layer, position);
    }

    /** Where a diagnostic at {@code location} should point; falls back to the enclosing annotation or the type. */
    public Position resolve(Location location) {
        AnnotationMirror mirror = switch (location.target()) {
            case TYPE -> null;
            case DENSE -> layers.get(location.layer());
            default -> annotations.get(location.target());
        };
        if (mirror == null) {
            return new Position(element, null, null, -1, null);
        }
        int position = location.target() == Location.Target.DENSE ? repeated.getOrDefault(location.layer(), -1) : -1;
        return new Position(element, mirror, explicitValue(mirror, location.attribute()), position, location.attribute());
    }

    /** The value written in the source, or null when the attribute was left at its default. */
    private static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
        if (attribute == null) {
            return null;
        }
        return mirror.getElementValues().entrySet().stream()
                .filter(e -> e.getKey().getSimpleName().contentEquals(attribute))
                .map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }
}
