package dev.netsmith.examples.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/** How the command line reports errors: one message and a hint, with picocli's exit codes, never a stack trace. */
final class Errors {

    private Errors() {
    }

    /** An unknown example, a bad option or an unusable --out: exit code 2. */
    static int badInput(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("error: " + e.getMessage());
        UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** A run that failed, e.g. a file that could not be written: exit code 1. */
    static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("error: " + describe(e));
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(Throwable e) {
        String message = e instanceof FileSystemException f
                ? f.getFile() + (f.getReason() != null ? ": " + f.getReason() : ": " + e.getClass().getSimpleName())
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return e.getCause() != null && e.getCause() != e ? message + " (" + describe(e.getCause()) + ")" : message;
    }
}
