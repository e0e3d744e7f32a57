package dev.netsmith.processor.validation;

import static com.google.common.truth.Truth.assertWithMessage;
import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.netsmith.processor.NetsmithProcessor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.lang.model.SourceVersion;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticListener;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles declarations with the Netsmith processor and checks its diagnostics precisely: the message (stable id
 * and text), the file, the line and the column, and that nothing else was reported.
 *
 * <p>Lines and columns are found in the source text by a marker that occurs on exactly one line, so that a test
 * says "on the line with {@code keepProb = 1.5}, at {@code 1.5}" rather than a bare number.
 */
public final class Declarations {

    private static final Pattern STACK_FRAME = Pattern.compile("(?m)^\\s*at [\\w$.]+\\(");

    private Declarations() {
    }

    /** A source file of a test compilation. */
    public record Source(String qualifiedName, String text, JavaFileObject file) {

        /** The 1-based number of the one line that contains {@code marker}. */
        public long line(String marker) {
            String[] lines = text.split("\n", -1);
            long found = -1;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].contains(marker)) {
                    if (found >= 0) {
                        throw new AssertionError("marker '" + marker + "' occurs on lines " + found + " and " + (i + 1) + " of " + qualifiedName);
                    }
                    found = i + 1;
                }
            }
            if (found < 0) {
                throw new AssertionError("marker '" + marker + "' does not occur in " + qualifiedName);
            }
            return found;
        }

        /** The 1-based column of {@code at} on the line with {@code marker}. */
        public long column(String marker, String at) {
            String line = text.split("\n", -1)[(int) line(marker) - 1];
            int index = line.indexOf(at);
            if (index < 0 || line.indexOf(at, index + 1) >= 0) {
                throw new AssertionError("'" + at + "' must occur once on the line '" + line + "'");
            }
            return index + 1;
        }
    }

    /** A source file; {@code text} is the whole compilation unit. */
    public static Source source(String qualifiedName, String text) {
        return new Source(qualifiedName, text, JavaFileObjects.forSourceString(qualifiedName, text));
    }

    /** A compilation unit in package {@code demo} importing {@code dev.netsmith.*}; {@code body} follows the imports. */
    public static Source demo(String simpleName, String body) {
        return source("demo." + simpleName, "package demo;\n\nimport dev.netsmith.*;\n\n" + body);
    }

    /** A compilation and the sources the processor generated, known also when the compilation failed. */
    public record Compiled(Compilation compilation, List<String> generatedSources) {
    }

    /** Compiles with the Netsmith processor (and {@code -Xlint:processing}, so unclaimed annotations would show). */
    public static Compiled compile(Source... sources) {
        return compileWith(List.of(new NetsmithProcessor()), sources);
    }

    /** Compiles with these processors, in this order, and {@code -Xlint:processing}. */
    public static Compiled compileWith(List<? extends Processor> processors, Source... sources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (Source source : sources) {
            files.add(source.file());
        }
        RecordingJavac javac = new RecordingJavac();
        Compilation compilation = Compiler.compiler(javac).withProcessors(processors)
                .withOptions("-Xlint:processing").compile(files);
        return new Compiled(compilation, List.copyOf(javac.generatedSources));
    }

    /** Starts the list of every error and warning a compilation must have reported. */
    public static Expected expect(Compiled compiled) {
        assertNoCrash(compiled.compilation());
        return new Expected(compiled.compilation());
    }

    /** No diagnostic reports an internal error or an exception, and every Netsmith diagnostic says how to fix it. */
    public static void assertNoCrash(Compilation compilation) {
        for (Diagnostic<? extends JavaFileObject> d : compilation.diagnostics()) {
            String message = d.getMessage(Locale.ROOT);
            assertWithMessage("diagnostic reports a crash: %s", message).that(reportsCrash(message)).isFalse();
            if (message.contains("[Netsmith.")) {
                assertWithMessage("diagnostic: %s", message).that(message).containsMatch("^\\[Netsmith\\.\\w+\\] .+ \\(fix: .+\\)$");
            }
        }
    }

    /** Whether a diagnostic's message reports Netsmith's internal error, an exception or a stack trace. */
    public static boolean reportsCrash(String message) {
        return message.contains("Netsmith.Internal") || message.contains("Exception") || STACK_FRAME.matcher(message).find();
    }

    /** The {@code _Model}, {@code _Forward}, {@code _Backward} and {@code _Cost} sources of a network were generated. */
    public static void assertGenerated(Compiled compiled, String qualifiedPrefix) {
        for (String suffix : List.of("_Model", "_Forward", "_Backward", "_Cost")) {
            assertWithMessage("generated sources").that(compiled.generatedSources()).contains(qualifiedPrefix + suffix);
        }
    }

    /** No source was generated for a network. */
    public static void assertNothingGenerated(Compiled compiled, String qualifiedPrefix) {
        assertWithMessage("sources generated for %s", qualifiedPrefix)
                .that(compiled.generatedSources().stream().filter(n -> n.startsWith(qualifiedPrefix + "_")).toList()).isEmpty();
    }

    /** javac with a file manager that records the sources annotation processors create, whatever the outcome. */
    private static final class RecordingJavac implements JavaCompiler {
        private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        private final List<String> generatedSources = new ArrayList<>();

        @Override
        public CompilationTask getTask(Writer out, JavaFileManager fileManager, DiagnosticListener<? super JavaFileObject> listener,
                                       Iterable<String> options, Iterable<String> classes, Iterable<? extends JavaFileObject> units) {
            JavaFileManager recording = new ForwardingJavaFileManager<>(fileManager) {
                @Override
                public JavaFileObject getJavaFileForOutput(Location location, String className, JavaFileObject.Kind kind,
                                                           FileObject sibling) throws IOException {
                    if (location == StandardLocation.SOURCE_OUTPUT && kind == JavaFileObject.Kind.SOURCE) {
                        generatedSources.add(className);
                    }
                    return super.getJavaFileForOutput(location, className, kind, sibling);
                }
            };
            return javac.getTask(out, recording, listener, options, classes, units);
        }

        @Override
        public StandardJavaFileManager getStandardFileManager(DiagnosticListener<? super JavaFileObject> listener, Locale locale,
                                                              Charset charset) {
            return javac.getStandardFileManager(listener, locale, charset);
        }

        @Override
        public int isSupportedOption(String option) {
            return javac.isSupportedOption(option);
        }

        @Override
        public int run(InputStream in, OutputStream out, OutputStream err, String... arguments) {
            return javac.run(in, out, err, arguments);
        }

        @Override
        public Set<SourceVersion> getSourceVersions() {
            return javac.getSourceVersions();
        }
    }

    /** The expected diagnostics of one compilation. */
    public static final class Expected {
        private final Compilation compilation;
        private final Set<String> errorLines = new HashSet<>();
        private int errors;
        private int netsmithErrors;
        private int warnings;

        private Expected(Compilation compilation) {
            this.compilation = compilation;
        }

        /**
         * An error whose message contains {@code message}, on the line of {@code source} containing {@code marker},
         * at the column where {@code at} starts on that line.
         */
        public Expected error(String message, Source source, String marker, String at) {
            assertThat(compilation).hadErrorContaining(message).inFile(source.file())
                    .onLine(source.line(marker)).atColumn(source.column(marker, at));
            errorLines.add(source.file().toUri().getPath() + ":" + source.line(marker));
            errors++;
            netsmithErrors++;
            return this;
        }

        /** As {@link #error}, for a warning. */
        public Expected warning(String message, Source source, String marker, String at) {
            assertThat(compilation).hadWarningContaining(message).inFile(source.file())
                    .onLine(source.line(marker)).atColumn(source.column(marker, at));
            warnings++;
            return this;
        }

        /** A warning of javac's own that has no position in a source file. */
        public Expected javacWarning(String message) {
            assertThat(compilation).hadWarningContaining(message);
            warnings++;
            return this;
        }

        /** An error of javac's own (not Netsmith's) on the line of {@code source} containing {@code marker}. */
        public Expected javacError(String message, Source source, String marker) {
            assertThat(compilation).hadErrorContaining(message).inFile(source.file()).onLine(source.line(marker));
            errorLines.add(source.file().toUri().getPath() + ":" + source.line(marker));
            errors++;
            return this;
        }

        /**
         * As {@link #andNothingElse}, but javac may report more than one error on a line with an expected one (the
         * number varies between JDKs, e.g. "expression not allowed as annotation value" after a type error);
         * Netsmith's errors are still counted exactly.
         */
        public Compilation andNothingElseOnOtherLines() {
            int netsmith = 0;
            for (Diagnostic<? extends JavaFileObject> error : compilation.errors()) {
                String at = (error.getSource() == null ? "" : error.getSource().toUri().getPath()) + ":" + error.getLineNumber();
                assertWithMessage("error on a line without an expected one: %s", error).that(errorLines).contains(at);
                if (error.getMessage(Locale.ROOT).contains("[Netsmith.")) {
                    netsmith++;
                }
            }
            assertWithMessage("Netsmith errors: %s", compilation.errors()).that(netsmith).isEqualTo(netsmithErrors);
            assertWithMessage("warnings: %s", compilation.warnings()).that(compilation.warnings()).hasSize(warnings);
            assertThat(compilation).failed();
            return compilation;
        }

        /**
         * The errors and warnings listed are all there are. With {@code -Xlint:processing} that includes javac's
         * "No processor claimed any of these annotations" for Netsmith's annotations and for the {@code @Generated}
         * on the classes Netsmith generates.
         */
        public Compilation andNothingElse() {
            assertWithMessage("errors: %s", compilation.errors()).that(compilation.errors()).hasSize(errors);
            assertWithMessage("warnings: %s", compilation.warnings()).that(compilation.warnings()).hasSize(warnings);
            if (errors == 0) {
                assertThat(compilation).succeeded();
            } else {
                assertThat(compilation).failed();
            }
            return compilation;
        }
    }
}
