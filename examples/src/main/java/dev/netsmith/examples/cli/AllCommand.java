package dev.netsmith.examples.cli;

import dev.netsmith.examples.Example;
import dev.netsmith.examples.pipeline.Console;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs every example, each into a directory of its own under {@code --out}. */
@Command(description = "every example above, each into a directory named after it under --out", sortOptions = false)
final class AllCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(names = "--epochs", paramLabel = "N", description = "training epochs of every example (default: each example's own)")
    private Integer epochs;

    @Mixin
    private RunOptions options;

    private final List<Example> examples;
    private final Console console;

    AllCommand(List<Example> examples, Console console) {
        this.examples = examples;
        this.console = console;
    }

    @Override
    public Integer call() throws IOException {
        Runs runs = new Runs(spec, console, options.seed);
        for (Example example : examples) {
            runs.add(example, epochs == null ? example.defaultEpochs() : epochs, options.out.resolve(example.name()));
        }
        return runs.runAll();
    }
}
