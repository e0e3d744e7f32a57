package dev.netsmith.examples.cli;

import java.io.PrintWriter;
import java.nio.file.FileSystemException;
import java.util.List;
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
        if (cmd.getParent() == null && e instanceof UnmatchedArgumentException u && !u.getUnmatched().get(0).startsWith("-")) {
            err.println("error: there is no example '" + u.getUnmatched().get(0) + "'; " + examples(cmd));
        } else {
            err.println("error: " + e.getMessage());
            UnmatchedArgumentException.printSuggestions(e, err);
        }
        err.println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /** e.g. "the examples are digits, planar and all". */
    static String examples(CommandLine top) {
        List<String> names = List.copyOf(top.getSubcommands().keySet());
        return "the examples are " + String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    /** A run that failed, e.g. a file that could not be written: exit code 1. */
    static int failure(Exception e, CommandLine cmd, ParseResult parsed) {
        cmd.getErr().println("error: " + describe(e));
        return cmd.getCommandSpec().exitCodeOnExecutionException();
    }

    private static String describe(Throwable e) {
        // a FileSystemException's message is "file[ -> other]: reason"; without a reason its type says what happened
        String message = e instanceof FileSystemException f && f.getReason() == null
                ? e.getMessage() + ": " + e.getClass().getSimpleName()
                : e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return e.getCause() != null && e.getCause() != e ? message + " (" + describe(e.getCause()) + ")" : message;
    }
}
