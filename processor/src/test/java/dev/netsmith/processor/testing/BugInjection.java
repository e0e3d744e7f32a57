package dev.netsmith.processor.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.check.CheckableNetwork;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Plants a bug in a generated backward pass, the way bugs happen: the processor generates a network, a test
 * edits the generated {@code T_Backward} source, and everything is recompiled without the processor. The bug
 * then propagates through backprop like a real one. Nothing of it reaches the processor's output.
 */
public final class BugInjection {

    private final List<JavaFileObject> userSources;
    private final GeneratedClasses original;
    private final String backwardName;
    private String backward;

    /** Generates {@code qualifiedPrefix}'s classes from the given sources. */
    public BugInjection(String qualifiedPrefix, JavaFileObject... sources) {
        this.userSources = List.of(sources);
        this.original = GeneratedClasses.process(sources);
        this.backwardName = qualifiedPrefix + "_Backward";
        this.backward = original.sourceText(backwardName);
    }

    /** The generated backward source as it is now. */
    public String backward() {
        return backward;
    }

    /**
     * Replaces every occurrence of {@code from} with {@code to} inside one method of the backward class (or the
     * whole class when {@code method} is null), asserting how many there were so that a stale pattern cannot
     * leave the network silently correct.
     */
    public BugInjection replace(String method, String from, String to, int expectedOccurrences) {
        int start = 0;
        int end = backward.length();
        if (method != null) {
            start = backward.indexOf("static void " + method + "(");
            if (start < 0) {
                throw new AssertionError("no method " + method + " in\n" + backward);
            }
            end = backward.indexOf("\n    }\n", start);
        }
        String body = backward.substring(start, end);
        int occurrences = body.split(java.util.regex.Pattern.quote(from), -1).length - 1;
        assertEquals(expectedOccurrences, occurrences, "occurrences of «" + from + "» in " + (method == null ? "the class" : method));
        backward = backward.substring(0, start) + body.replace(from, to) + backward.substring(end);
        return this;
    }

    /** Compiles the user sources with the generated ones, the backward class as edited, and loads the network. */
    public CheckableNetwork compile(String qualifiedPrefix) {
        List<JavaFileObject> sources = new ArrayList<>(userSources);
        for (JavaFileObject generated : original.compilation().generatedSourceFiles()) {
            String name = binaryName(generated);
            sources.add(name.equals(backwardName) ? JavaFileObjects.forSourceString(name, backward) : generated);
        }
        return (CheckableNetwork) GeneratedClasses.compileOnly(sources).network(qualifiedPrefix);
    }

    private static String binaryName(JavaFileObject file) {
        try {
            String text = file.getCharContent(true).toString();
            String pkg = text.startsWith("package ") ? text.substring(8, text.indexOf(';')) : "";
            String path = file.toUri().getPath();
            String simple = path.substring(path.lastIndexOf('/') + 1, path.length() - ".java".length());
            return pkg.isEmpty() ? simple : pkg + "." + simple;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
