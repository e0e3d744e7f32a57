package dev.netsmith.examples.cli;

import dev.netsmith.examples.Example;
import dev.netsmith.examples.Examples;
import dev.netsmith.examples.pipeline.Console;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code netsmith-examples <example> [--epochs N] [--seed SEED] [--out DIR]}: one sub-command per example,
 * plus {@code all}. Exit codes: 0 done, 1 the run failed (e.g. a file could not be written), 2 bad input.
 * Errors are one message, never a stack trace.
 */
@Command(name = "netsmith-examples",
        description = "Trains Netsmith's example networks on real data: checks their gradients before and after "
                + "training, scores them, saves them as .npz and plots them.",
        synopsisSubcommandLabel = "EXAMPLE",
        footer = {"", "Example: netsmith-examples digits --out target/digits"})
public final class NetsmithExamples implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    private boolean help;

    @Spec
    private CommandSpec spec;

    private NetsmithExamples() {
    }

    public static void main(String[] args) {
        // charts are drawn off-screen; without this a machine with no display may still try to reach one
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        System.exit(commandLine(Console.system()).execute(args));
    }

    /** The command line, reporting to {@code console}. */
    public static CommandLine commandLine(Console console) {
        CommandLine cmd = new CommandLine(new NetsmithExamples());
        List<Example> examples = Examples.all();
        for (Example example : examples) {
            CommandLine sub = new CommandLine(new ExampleCommand(example, console));
            sub.getCommandSpec().usageMessage().description(example.description());
            cmd.addSubcommand(example.name(), sub);
        }
        cmd.addSubcommand("all", new CommandLine(new AllCommand(examples, console)));
        cmd.setOut(new PrintWriter(console.out(), true));
        cmd.setErr(new PrintWriter(console.err(), true));
        cmd.setParameterExceptionHandler(Errors::badInput);
        cmd.setExecutionExceptionHandler(Errors::failure);
        return cmd;
    }

    /** Without an example, say which there are. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name an example; " + Errors.examples(spec.commandLine()));
    }
}
