package dev.netsmith.processor.properties;

import com.google.testing.compile.Compilation;
import dev.netsmith.processor.validation.Declarations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * Many {@link NetSpec}s rendered as nested interfaces {@code N0, N1, …} of one class {@code props.<Name>}, so that one
 * javac run compiles all of them. The line of every annotation is remembered, so that each diagnostic is traced back
 * to its declaration and to the annotation value it points at ({@link #diagnostics}), and a failure prints just the
 * declarations that went wrong.
 */
public final class SpecBatch {

    /**
     * The classes of {@link #ACTIVATIONS} that are correct custom activations (a value and its true derivative); the
     * others there are unusable ones, for invalid specs.
     */
    public static final List<String> CORRECT_CUSTOM = List.of("Swish", "Softplus", "ScaledTanh", "Elu");

    /** The custom activation classes every batch compiles with (package {@code props}). */
    public static final String ACTIVATIONS = """
            package props;

            import dev.netsmith.ActivationFunction;

            public final class Activations {
                private Activations() {}

                /** z·σ(z). */
                public static class Swish implements ActivationFunction {
                    public double value(double z) { return z / (1 + Math.exp(-z)); }
                    public double derivative(double z, double a) {
                        double s = 1 / (1 + Math.exp(-z));
                        return s + z * s * (1 - s);
                    }
                }

                /** log(1 + e^z), computed without overflow; its derivative is σ(z). */
                public static class Softplus implements ActivationFunction {
                    public double value(double z) { return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))); }
                    public double derivative(double z, double a) { return 1 / (1 + Math.exp(-z)); }
                }

                /** LeCun's 1.7159·tanh(2z/3); the derivative from the activation a. */
                public static class ScaledTanh implements ActivationFunction {
                    public double value(double z) { return 1.7159 * Math.tanh(z * 2 / 3); }
                    public double derivative(double z, double a) {
                        double t = a / 1.7159;
                        return 1.7159 * 2 / 3 * (1 - t * t);
                    }
                }

                /** ELU with α = 1: z for z > 0, e^z − 1 otherwise; its derivative 1 or a + 1 is continuous. */
                public static class Elu implements ActivationFunction {
                    public double value(double z) { return z > 0 ? z : Math.expm1(z); }
                    public double derivative(double z, double a) { return z > 0 ? 1 : a + 1; }
                }

                public abstract static class Abstract implements ActivationFunction {
                }

                static class Hidden extends Swish {
                }

                public class Inner extends Swish {
                }

                public static class WithArgument extends Swish {
                    public WithArgument(double slope) {}
                }
            }
            """;

    private static final int INDENT = 4;
    private static final Pattern NETSMITH_ID = Pattern.compile("^\\[(Netsmith\\.\\w+)\\] ");

    private final String className;
    private final List<NetSpec> specs;
    private final String source;
    /** Per spec, the 1-based lines of its annotations in order, then the line of its interface. */
    private final List<int[]> lines = new ArrayList<>();
    /** The batch's file, and the files generated for its declarations (the group is the declaration's number). */
    private final Pattern batchFile;
    private final Pattern generatedFile;

    public SpecBatch(String simpleClassName, List<NetSpec> specs) {
        this.className = simpleClassName;
        this.specs = List.copyOf(specs);
        this.batchFile = Pattern.compile("(^|/)props/" + Pattern.quote(simpleClassName) + "\\.java$");
        this.generatedFile = Pattern.compile("(^|/)props/" + Pattern.quote(simpleClassName) + "_N(\\d+)_\\w+\\.java$");
        StringBuilder s = new StringBuilder("package props;\n\nimport dev.netsmith.*;\n\npublic class ").append(simpleClassName)
                .append(" {\n");
        int line = 5;
        for (int i = 0; i < this.specs.size(); i++) {
            List<String> annotations = this.specs.get(i).annotations();
            int[] at = new int[annotations.size() + 1];
            s.append('\n');
            line++;
            for (int a = 0; a < annotations.size(); a++) {
                s.append(" ".repeat(INDENT)).append(annotations.get(a)).append('\n');
                at[a] = ++line;
            }
            s.append(" ".repeat(INDENT)).append("interface ").append(name(i)).append(" {}\n");
            at[annotations.size()] = ++line;
            lines.add(at);
        }
        this.source = s.append("}\n").toString();
    }

    /** The batch's class, e.g. {@code props.Batch3}. */
    public String qualifiedClassName() {
        return "props." + className;
    }

    public List<NetSpec> specs() {
        return specs;
    }

    public int size() {
        return specs.size();
    }

    static String name(int i) {
        return "N" + i;
    }

    /** The prefix of spec i's generated classes, e.g. {@code props.Batch3_N7}. */
    public String qualifiedPrefix(int i) {
        return "props." + className + "_" + name(i);
    }

    /** The canonical name of spec i's type, e.g. {@code props.Batch3.N7}. */
    public String canonicalName(int i) {
        return "props." + className + "." + name(i);
    }

    /** Compiles the batch and {@link #ACTIVATIONS} with the Netsmith processor, in one javac run. */
    public Declarations.Compiled compile() {
        return Declarations.compile(Declarations.source(qualifiedClassName(), source), Declarations.source("props.Activations", ACTIVATIONS));
    }

    /**
     * A compilation's diagnostics sorted out by declaration.
     *
     * @param errors     per spec, its errors located as {@link NetSpec.Expected#toString()} writes expected ones
     * @param warnings   per spec, its Netsmith warnings, located the same way
     * @param unexpected diagnostics that report a crash of the processor, and errors or Netsmith warnings that belong
     *                   to no declaration
     */
    public record Diagnostics(List<List<String>> errors, List<List<String>> warnings, List<String> unexpected) {
    }

    /**
     * Sorts out the diagnostics of {@link #compile()}: an error or warning in the batch belongs to the declaration whose
     * lines it is on, and one in a generated source (say {@code Batch3_N7_Forward.java}) to the declaration it was
     * generated for.
     */
    public Diagnostics diagnostics(Compilation compilation) {
        List<List<String>> errors = new ArrayList<>();
        List<List<String>> warnings = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            errors.add(new ArrayList<>());
            warnings.add(new ArrayList<>());
        }
        List<String> unexpected = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            int i = specOf(d);
            boolean error = d.getKind() == Diagnostic.Kind.ERROR;
            boolean netsmithWarning = d.getKind() == Diagnostic.Kind.WARNING && message.startsWith("[Netsmith.");
            if (Declarations.reportsCrash(message)) {
                unexpected.add("the processor failed" + (i >= 0 ? " on\n" + describe(i) : ":") + "\n" + d);
            } else if ((error || netsmithWarning) && i < 0) {
                unexpected.add("a diagnostic outside the declarations: " + d);
            } else if (error) {
                errors.get(i).add(located(i, d));
            } else if (netsmithWarning) {
                warnings.get(i).add(located(i, d));
            }
        }
        errors.replaceAll(SpecBatch::sorted);
        warnings.replaceAll(SpecBatch::sorted);
        return new Diagnostics(errors, warnings, unexpected);
    }

    /**
     * What is wrong with spec i's diagnostics: its errors are not exactly {@code expectedErrors}, or its warnings not
     * exactly {@link NetSpec#expectedWarnings()}.
     */
    public List<String> mismatches(int i, Diagnostics diagnostics, List<NetSpec.Expected> expectedErrors) {
        List<String> problems = new ArrayList<>();
        compare("errors", diagnostics.errors().get(i), expectedErrors, problems);
        compare("warnings", diagnostics.warnings().get(i), specs.get(i).expectedWarnings(), problems);
        return problems;
    }

    private static void compare(String what, List<String> got, List<NetSpec.Expected> expected, List<String> problems) {
        List<String> wanted = sorted(expected.stream().map(NetSpec.Expected::toString).toList());
        if (!got.equals(wanted)) {
            problems.add(what + ": expected " + listing(wanted) + "\n  got " + listing(got));
        }
    }

    private static String listing(List<String> items) {
        return items.isEmpty() ? "none" : items.stream().map(item -> "\n    " + item).collect(Collectors.joining());
    }

    private static List<String> sorted(List<String> items) {
        return items.stream().sorted().toList();
    }

    /** The spec a diagnostic belongs to, or -1. */
    private int specOf(Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : d.getSource().getName();
        if (batchFile.matcher(file).find()) {
            return specAt(d.getLineNumber());
        }
        Matcher generated = generatedFile.matcher(file);
        return generated.find() ? Integer.parseInt(generated.group(2)) : -1;
    }

    /** The spec whose declaration spans {@code line} (annotations through interface), or -1. */
    private int specAt(long line) {
        for (int i = 0; i < lines.size(); i++) {
            int[] at = lines.get(i);
            if (line >= at[0] && line <= at[at.length - 1]) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A diagnostic of spec i as {@link NetSpec.Expected#toString()} would write it: its id, the annotation of its line
     * and the attribute whose {@code name = value} spans its column (none when it points at the annotation itself).
     * Anything else (a message of javac's own, a position elsewhere) is written out in full, so it matches nothing.
     */
    private String located(int i, Diagnostic<? extends JavaFileObject> d) {
        String message = d.getMessage(Locale.ROOT);
        Matcher id = NETSMITH_ID.matcher(message);
        List<String> annotations = specs.get(i).annotations();
        int[] at = lines.get(i);
        int a = batchFile.matcher(d.getSource().getName()).find() ? indexOf(at, d.getLineNumber()) : -1;
        if (!id.find() || a < 0 || a == annotations.size()) {
            return d.getKind() + " " + d.getSource().getName() + ":" + d.getLineNumber() + ":" + d.getColumnNumber() + " " + message;
        }
        String annotation = annotations.get(a);
        String kind = annotation.substring(0, annotation.indexOf('('));
        int layer = 0;
        if (kind.equals("@Dense")) {
            for (int b = 0; b <= a; b++) {
                layer += annotations.get(b).startsWith("@Dense(") ? 1 : 0;
            }
        }
        return new NetSpec.Expected(id.group(1), kind, layer, attributeAt(annotation, (int) d.getColumnNumber() - 1 - INDENT)).toString();
    }

    private static int indexOf(int[] lines, long line) {
        for (int a = 0; a < lines.length; a++) {
            if (lines[a] == line) {
                return a;
            }
        }
        return -1;
    }

    /** The attribute of an annotation whose {@code name = value} spans the 0-based index, or null. */
    private static String attributeAt(String annotation, int index) {
        int start = annotation.indexOf('(') + 1;
        for (String pair : annotation.substring(start, annotation.length() - 1).split(", ")) {
            if (index >= start && index < start + pair.length()) {
                return pair.contains(" = ") ? pair.substring(0, pair.indexOf(" = ")) : null;
            }
            start += pair.length() + 2;
        }
        return null;
    }

    /** Spec i as a file a user could compile on its own (with {@link #ACTIVATIONS}), to reproduce a failure. */
    private String standalone(int i) {
        StringBuilder s = new StringBuilder("package props;\n\nimport dev.netsmith.*;\n\n");
        for (String annotation : specs.get(i).annotations()) {
            s.append(annotation).append('\n');
        }
        return s.append("public interface ").append(name(i)).append(" {}\n").toString();
    }

    /** A failure listing what went wrong (each as {@link #describe} starts it), then the custom activations they name. */
    static AssertionError failure(String heading, List<String> failures) {
        return new AssertionError(heading + ":\n\n" + String.join("\n\n", failures) + "\n\nthe custom activations:\n" + ACTIVATIONS);
    }

    /** {@link #standalone} with a heading naming the spec and the record (with its seed), for assertion messages. */
    public String describe(int i) {
        return "--- " + canonicalName(i) + " (" + specs.get(i) + ")\n" + standalone(i);
    }
}
