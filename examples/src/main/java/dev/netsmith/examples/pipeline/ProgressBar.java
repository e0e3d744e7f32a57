package dev.netsmith.examples.pipeline;

import dev.netsmith.train.TrainingListener;
import dev.netsmith.train.TrainingProgress;
import java.io.PrintStream;
import java.util.Locale;

/**
 * Training progress: on a terminal one line redrawn with {@code \r} at each whole percent; elsewhere (a log
 * file, CI) a plain line at every tenth of the run, since {@code \r} would pile up there as garbage.
 */
final class ProgressBar implements TrainingListener {

    private static final int WIDTH = 30;
    private static final int PLAIN_LINES = 10;

    private final PrintStream out;
    private final String label;
    private final long iterations;
    private final boolean rewrite;
    private long drawn = -1;
    private int lastLength;

    ProgressBar(Console console, String label, long iterations) {
        this.out = console.err();
        this.label = label;
        this.iterations = iterations;
        this.rewrite = console.rewritesLines();
    }

    @Override
    public void iterationEnd(TrainingProgress progress) {
        long step = progress.iteration() * (rewrite ? 100 : PLAIN_LINES) / iterations;
        if (step != drawn) {
            drawn = step;
            draw(progress);
        }
    }

    private void draw(TrainingProgress progress) {
        long percent = progress.iteration() * 100 / iterations;
        int filled = (int) (WIDTH * progress.iteration() / iterations);
        String line = String.format(Locale.ROOT, "%s [%s%s] %3d%%  epoch %d  cost %.4f", label, "#".repeat(filled),
                ".".repeat(WIDTH - filled), percent, progress.epoch(), progress.trainingCost());
        if (!Double.isNaN(progress.devCost())) {
            line += String.format(Locale.ROOT, "  dev cost %.4f", progress.devCost());
        }
        if (rewrite) {
            // pad over what is left of a longer previous line
            out.print("\r" + line + " ".repeat(Math.max(0, lastLength - line.length())));
            lastLength = line.length();
        } else {
            out.println(line);
        }
        out.flush();
    }

    /** Ends the redrawn line, so that what follows starts on a line of its own. */
    void finish() {
        if (rewrite && drawn >= 0) {
            out.println();
        }
    }
}
