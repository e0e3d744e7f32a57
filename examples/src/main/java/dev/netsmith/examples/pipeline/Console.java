package dev.netsmith.examples.pipeline;

import java.io.OutputStream;
import java.io.PrintStream;

/**
 * Where a run reports: what it found on {@code out}, its progress and errors on {@code err}.
 *
 * @param out           reports: checks, metrics, files
 * @param err           the progress bar and error messages
 * @param rewritesLines whether {@code err} is a terminal that honours {@code \r}, so the bar can redraw one line
 */
public record Console(PrintStream out, PrintStream err, boolean rewritesLines) {

    /** Standard output and standard error, redrawing the bar only on a terminal. */
    public static Console system() {
        return new Console(System.out, System.err, System.console() != null);
    }

    /** Discards everything, for tests. */
    public static Console quiet() {
        PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
        return new Console(nowhere, nowhere, false);
    }
}
