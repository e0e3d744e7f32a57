package dev.netsmith.examples.cli;

import dev.netsmith.check.StageReport;
import dev.netsmith.examples.Example;
import dev.netsmith.examples.pipeline.Console;
import dev.netsmith.examples.pipeline.Pipeline;
import dev.netsmith.examples.pipeline.RunResult;
import dev.netsmith.examples.pipeline.RunSettings;
import dev.netsmith.examples.pipeline.Scores;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The examples one command runs. Every input is checked, the output directories included, before the first
 * example starts, so that a typo in {@code --out} is reported at once rather than after minutes of training.
 */
final class Runs {

    private record Planned(Example example, RunSettings settings) {
    }

    private final CommandSpec spec;
    private final Console console;
    private final long seed;
    private final List<Planned> planned = new ArrayList<>();

    Runs(CommandSpec spec, Console console, long seed) {
        this.spec = spec;
        this.console = console;
        this.seed = seed;
    }

    Runs add(Example example, int epochs, Path outputDir) {
        if (epochs < 1) {
            throw new ParameterException(spec.commandLine(), "--epochs must be at least 1, was " + epochs);
        }
        planned.add(new Planned(example, new RunSettings(epochs, seed, outputDir)));
        return this;
    }

    /** Runs the examples in order and prints a summary; returns the exit code. */
    int runAll() throws IOException {
        for (Planned p : planned) {
            requireWritable(p.settings().outputDir());
        }
        Pipeline pipeline = new Pipeline(console);
        List<RunResult> results = new ArrayList<>();
        for (Planned p : planned) {
            results.addAll(p.example().run(p.settings(), pipeline));
        }
        printSummary(console.out(), results);
        return 0;
    }

    /** Creates the directory and writes a file into it: the one test of writability that also holds for root. */
    private void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".netsmith-write-test", ".tmp"));
        } catch (FileAlreadyExistsException e) {
            throw new ParameterException(spec.commandLine(), "cannot write to --out " + dir + ": " + e.getFile()
                    + " exists and is not a directory");
        } catch (IOException e) {
            String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.toString();
            throw new ParameterException(spec.commandLine(), "cannot write to --out " + dir + ": " + reason);
        }
    }

    private static void printSummary(PrintStream out, List<RunResult> results) {
        out.println();
        out.println("Summary");
        for (RunResult r : results) {
            String checks = String.join(", ", r.checks().stream().map(Runs::verdict).toList());
            if (r.scores().isEmpty()) {
                out.printf(Locale.ROOT, "  %-26s not trained: gradient check %s%n", r.name(), checks);
                continue;
            }
            Scores s = r.scores().get();
            out.printf(Locale.ROOT, "  %-26s test accuracy %6.2f%% (dev %6.2f%%), gradient check %s%n", r.name(),
                    100 * s.test().accuracy(), 100 * s.dev().accuracy(), checks);
            for (Path file : r.files()) {
                out.println("  " + " ".repeat(26) + " wrote " + file);
            }
        }
    }

    private static String verdict(StageReport stage) {
        return stage.report().verdict() + " " + stage.label();
    }
}
