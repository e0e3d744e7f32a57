package dev.netsmith.processor.spec;

/**
 * What validation needs to know about a class named in a declaration (the annotated type or a custom
 * activation), read once from javax.lang.model so that the rules themselves stay free of it.
 *
 * @param packageName     its package ("" for the unnamed package)
 * @param qualifiedName   the canonical name, e.g. {@code demo.Net.Swish}
 * @param kind            its kind
 * @param isPublic        declared public, and so is every enclosing type
 * @param isPrivate       declared private
 * @param isAbstract      abstract (an interface counts)
 * @param isInnerClass    nested and not static, so it needs an enclosing instance
 * @param isLocal         declared inside a method
 * @param hasPublicNoArgConstructor whether it has a public no-argument constructor, or only the implicit default
 *                  constructor (which is public as soon as the class is)
 * @param implementsActivationFunction whether it is a {@code dev.netsmith.ActivationFunction}
 */
public record TypeFacts(String packageName, String qualifiedName, Kind kind, boolean isPublic, boolean isPrivate, boolean isAbstract,
                        boolean isInnerClass, boolean isLocal, boolean hasPublicNoArgConstructor,
                        boolean implementsActivationFunction) {

    /** The kinds of type a declaration can name. */
    public enum Kind { INTERFACE, CLASS, ENUM, RECORD, ANNOTATION_TYPE }
}
