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

    /** A source position as javax.annotation.processing.Messager takes it; mirror and value may be null. */
    public record Position(Element element, AnnotationMirror mirror, AnnotationValue value) {
    }

    private final Element element;
    private final Map<Location.Target, AnnotationMirror> annotations = new HashMap<>();
    private final Map<Integer, AnnotationMirror> layers = new HashMap<>();

    SourceMap(Element element) {
        this.element = element;
    }

    void putAnnotation(Location.Target target, AnnotationMirror mirror) {
        annotations.put(target, mirror);
    }

    void putLayer(int layer, AnnotationMirror mirror) {
        layers.put(layer, mirror);
    }

    /** Where a diagnostic at {@code location} should point; falls back to the enclosing annotation or the type. */
    public Position resolve(Location location) {
        AnnotationMirror mirror = switch (location.target()) {
            case TYPE -> null;
            case DENSE -> layers.get(location.layer());
            default -> annotations.get(location.target());
        };
        if (mirror == null) {
            return new Position(element, null, null);
        }
        return new Position(element, mirror, explicitValue(mirror, location.attribute()));
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
