package dev.netsmith.examples.cli;

import dev.netsmith.examples.Example;
import dev.netsmith.examples.pipeline.Console;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs one example; the command's name and description are the example's. */
@Command(sortOptions = false)
final class ExampleCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    // set from the example before picocli reads the field, so that the help shows it as the default
    @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
    private int epochs;

    @Mixin
    private RunOptions options;

    private final Example example;
    private final Console console;

    ExampleCommand(Example example, Console console) {
        this.example = example;
        this.console = console;
        this.epochs = example.defaultEpochs();
    }

    @Override
    public Integer call() throws IOException {
        return new Runs(spec, console, options.seed).add(example, epochs, options.out).runAll();
    }
}
