package dev.netsmith.examples;

import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import java.io.IOException;
import java.util.List;

/** One example: a network (or a few to compare) on one data set, taken through the {@link Pipeline}. */
public interface Example {

    /** The name on the command line, e.g. {@code breast-cancer}. */
    String name();

    /** One line for the command line's help. */
    String description();

    /** Epochs that reach the accuracy the example is about. */
    int defaultEpochs();

    /** Runs the example, writing into {@code settings.outputDir()}, which exists. */
    List<RunResult> run(RunSettings settings, Pipeline pipeline) throws IOException;
}
