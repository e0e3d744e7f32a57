package dev.netsmith.processor.validation;

import dev.netsmith.processor.spec.Location;

/**
 * One finding of validation.
 *
 * @param message  which rule
 * @param location where in the declaration
 * @param text     the formatted text, id and hint included
 */
public record Problem(Message message, Location location, String text) {

    static Problem of(Message message, Location location, Object... args) {
        return new Problem(message, location, message.format(args));
    }

    /** Two declarations that would generate the same class name. */
    public static Problem duplicate(String generatedName, String first, String second) {
        return of(Message.DUPLICATE_GENERATED_NAME, Location.type(), generatedName, first, second);
    }

    /** Whether this stops code generation. */
    public boolean isError() {
        return message.kind() == javax.tools.Diagnostic.Kind.ERROR;
    }
}
