package dev.netsmith.examples.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every example command takes besides {@code --epochs}. */
final class RunOptions {

    @Option(names = "--seed", paramLabel = "SEED", description = "seed of the initial weights, the shuffles and the dropout "
            + "masks; the data and its splits stay fixed (default: ${DEFAULT-VALUE})")
    long seed = 1;

    @Option(names = "--out", paramLabel = "DIR", description = "directory for the parameters (.npz) and charts (.png), "
            + "created if missing (default: ${DEFAULT-VALUE})")
    Path out = Path.of("netsmith-output");

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;
}
