package dev.netsmith.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.examples.cli.NetsmithExamples;
import dev.netsmith.examples.pipeline.Console;
import dev.netsmith.examples.planar.PlanarNet_Model;
import dev.netsmith.io.Checkpoint;
import dev.netsmith.io.CheckpointIO;
import dev.netsmith.io.ParametersNpz;
import dev.netsmith.runtime.Parameters;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return runOn(false, args);
    }

    private int runOn(boolean terminal, String... args) {
        Console console = new Console(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal);
        return NetsmithExamples.commandLine(console).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesACheckpointAndChartsThatReadBack() throws IOException {
        Path target = dir.resolve("planar");
        assertEquals(0, run("planar", "--epochs", "300", "--seed", "4", "--out", target.toString()), err());

        Checkpoint checkpoint = CheckpointIO.read(target.resolve("planar.npz"), PlanarNet_Model.ARCHITECTURE);
        assertEquals(List.of("red", "blue"), checkpoint.labels());
        assertTrue(checkpoint.standardization().isPresent());
        assertTrue(checkpoint.optimizer().isPresent());
        Parameters parameters = ParametersNpz.read(target.resolve("planar.npz"), PlanarNet_Model.LAYOUT);
        assertEquals(PlanarNet_Model.LAYOUT.size(), parameters.values().length);
        assertPng(target.resolve("planar-learning-curve.png"));
        assertPng(target.resolve("planar-decision-boundary.png"));

        assertTrue(out().contains("Summary"), out());
        assertTrue(out().contains("planar.npz"), out());
        assertTrue(out().contains("at initialisation") && out().contains("after 300 iterations"), "checks side by side");
    }

    @Test
    void allRunsEveryExampleIntoItsOwnDirectory() throws IOException {
        assertEquals(0, run("all", "--epochs", "1", "--out", dir.toString()), err());
        for (String file : List.of("digits/digits.npz", "digits/digits-learning-curve.png", "breast-cancer/breast-cancer.npz",
                "planar/planar-decision-boundary.png", "regularisation/regularisation-none.npz",
                "regularisation/regularisation-l2-decision-boundary.png", "regularisation/regularisation-dropout.npz",
                "bug-hunt/bug-hunt-swish.npz")) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        assertFalse(Files.exists(dir.resolve("bug-hunt/bug-hunt-wrong-derivative.npz")), "a network that failed its check is not saved");
        assertTrue(out().contains("bug-hunt-wrong-derivative  not trained: gradient check FAIL at initialisation"), out());
    }

    @Test
    void progressIsPrintedAsPlainLinesWhenNotOnATerminal() {
        assertEquals(0, run("breast-cancer", "--epochs", "3", "--out", dir.toString()), err());
        assertFalse(err().contains("\r"));
        assertTrue(err().lines().filter(line -> line.startsWith("breast-cancer [")).count() <= 11, err());
        assertTrue(err().contains("100%"), err());
    }

    @Test
    void progressRedrawsOneLineOnATerminal() {
        assertEquals(0, runOn(true, "breast-cancer", "--epochs", "3", "--out", dir.toString()), err());
        assertTrue(err().startsWith("\rbreast-cancer ["), err());
        assertTrue(err().contains("100%"), err());
        assertEquals(1, err().chars().filter(c -> c == '\n').count(), "one line, ended once training is over");
        assertTrue(err().endsWith("\n"));
    }

    @Test
    void anUnknownExampleIsAnErrorThatListsTheExamples() {
        assertBadInput(run("mnist"), "there is no example 'mnist'; the examples are digits, breast-cancer");
    }

    @Test
    void noExampleIsAnError() {
        assertBadInput(run(), "name an example");
    }

    @Test
    void badOptionsAreErrors() {
        assertBadInput(run("digits", "--epochs", "many"), "'many' is not an int");
        assertBadInput(run("digits", "--epochs", "0"), "--epochs must be at least 1, was 0");
        assertBadInput(run("digits", "--bogus"), "Unknown option: '--bogus'");
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenIsAnErrorBeforeTraining() throws IOException {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        assertBadInput(run("digits", "--out", file.toString()), "cannot write to --out");
        assertBadInput(run("digits", "--out", file.resolve("below").toString()), "cannot write to --out");
        assertFalse(out().contains("== digits"), "no training started");
    }

    @Test
    void aFileThatCannotBeWrittenFailsTheRunWithAMessage() throws IOException {
        Files.createDirectories(dir.resolve("breast-cancer.npz"));
        assertEquals(1, run("breast-cancer", "--epochs", "1", "--out", dir.toString()));
        assertTrue(err().contains("error: ") && err().contains("breast-cancer.npz"), err());
        assertNoStackTrace();
    }

    @Test
    void helpShowsEachExamplesDefaults() {
        assertEquals(0, run("digits", "--help"));
        assertTrue(out().contains("training epochs (default: 150)"), out());
    }

    private void assertBadInput(int exitCode, String message) {
        assertEquals(2, exitCode, err());
        assertTrue(err().contains("error: " + message) || err().contains(message), err());
        assertNoStackTrace();
        err.reset();
    }

    private void assertNoStackTrace() {
        assertFalse(err().contains("\tat "), err());
        assertFalse(err().contains("Exception"), err());
    }

    private static void assertPng(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not an image ImageIO can read");
        assertTrue(image.getWidth() > 100 && image.getHeight() > 100, file + " is " + image.getWidth() + " × " + image.getHeight());
    }
}
