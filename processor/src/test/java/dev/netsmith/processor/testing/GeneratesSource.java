package dev.netsmith.processor.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * Another annotation processor, for tests of how Netsmith lives beside others: it writes one source in its
 * first round. List it before Netsmith: javac offers a round's annotations to processors in order until all
 * are claimed, and Netsmith claims all of that round's.
 */
public final class GeneratesSource extends AbstractProcessor {

    private final String name;
    private final String text;
    private boolean done;

    public GeneratesSource(String name, String text) {
        this.name = name;
        this.text = text;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        if (!done) {
            done = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
