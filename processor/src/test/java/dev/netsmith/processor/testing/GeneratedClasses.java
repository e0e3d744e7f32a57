package dev.netsmith.processor.testing;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.netsmith.processor.NetsmithProcessor;
import dev.netsmith.runtime.CompiledNetwork;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Compiles sources in memory (with or without the Netsmith processor) and loads the resulting classes,
 * so that tests can run generated networks and read their bytecode.
 */
public final class GeneratedClasses {

    private final Compilation compilation;
    private final Map<String, byte[]> classes = new HashMap<>();
    private final ClassLoader loader;

    private GeneratedClasses(Compilation compilation) {
        this.compilation = compilation;
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                classes.put(binaryName(file), bytes(file));
            }
        }
        this.loader = new ClassLoader(GeneratedClasses.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String name) throws ClassNotFoundException {
                byte[] bytes = classes.get(name);
                if (bytes == null) {
                    throw new ClassNotFoundException(name);
                }
                return defineClass(name, bytes, 0, bytes.length);
            }
        };
    }

    /** Compiles with the Netsmith processor and asserts success. */
    public static GeneratedClasses process(JavaFileObject... sources) {
        return of(Compiler.javac().withProcessors(new NetsmithProcessor()).compile(sources));
    }

    /** The classes of a compilation made elsewhere, which must have succeeded. */
    public static GeneratedClasses of(Compilation compilation) {
        assertThat(compilation).succeeded();
        return new GeneratedClasses(compilation);
    }

    /** Compiles without annotation processing (e.g. generated sources edited by a test) and asserts success. */
    public static GeneratedClasses compileOnly(List<JavaFileObject> sources) {
        Compilation compilation = Compiler.javac().withOptions("-proc:none").compile(sources);
        assertThat(compilation).succeeded();
        return new GeneratedClasses(compilation);
    }

    public Compilation compilation() {
        return compilation;
    }

    /** The generated source file of a class, e.g. {@code "demo.Net_Backward"}. */
    public JavaFileObject generatedSource(String qualifiedName) {
        return compilation.generatedSourceFile(qualifiedName)
                .orElseThrow(() -> new AssertionError("no generated source " + qualifiedName));
    }

    /** The text of a generated source file. */
    public String sourceText(String qualifiedName) {
        try {
            return generatedSource(qualifiedName).getCharContent(true).toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Class files by binary name. */
    public Map<String, byte[]> classFiles() {
        return classes;
    }

    /** A loaded class. */
    public Class<?> load(String binaryName) {
        try {
            return Class.forName(binaryName, true, loader);
        } catch (ClassNotFoundException e) {
            throw new AssertionError("no class " + binaryName + " in " + classes.keySet(), e);
        }
    }

    /** {@code <prefix>_Model.INSTANCE} of a generated network, e.g. {@code network("demo.Net")}. */
    public CompiledNetwork network(String qualifiedModelPrefix) {
        try {
            return (CompiledNetwork) load(qualifiedModelPrefix + "_Model").getField("INSTANCE").get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    /** A new instance of a class with a public no-argument constructor. */
    public <T> T instantiate(String binaryName, Class<T> type) {
        try {
            return type.cast(load(binaryName).getConstructor().newInstance());
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static String binaryName(JavaFileObject file) {
        String path = file.toUri().getPath();
        int start = path.indexOf("/CLASS_OUTPUT/");
        String relative = start >= 0 ? path.substring(start + "/CLASS_OUTPUT/".length()) : path.substring(1);
        return relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    }

    private static byte[] bytes(JavaFileObject file) {
        try (InputStream in = file.openInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
