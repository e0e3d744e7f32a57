package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.function.Executable;

/** Assertions on the exceptions the runtime throws: the type and the words its message must contain. */
final class Expect {

    private Expect() {
    }

    /** Runs {@code call}, expects {@code type}, and checks that its message contains every fragment. */
    static <T extends Throwable> T thrown(Class<T> type, Executable call, String... fragments) {
        T e = assertThrows(type, call);
        String message = e.getMessage();
        for (String fragment : fragments) {
            assertTrue(message != null && message.contains(fragment),
                    () -> "expected the message to contain \"" + fragment + "\" but it was: " + message);
        }
        return e;
    }
}
