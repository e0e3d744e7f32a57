package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void createsThenReplacesAFile() throws IOException {
        Path target = dir.resolve("model.npz");
        AtomicFiles.write(target, out -> out.write("first".getBytes(UTF_8)));
        AtomicFiles.write(target, out -> out.write("second".getBytes(UTF_8)));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void anIOExceptionMidWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = Files.write(dir.resolve("model.npz"), "previous".getBytes(UTF_8));
        byte[] big = new byte[200_000];
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(target, out -> new TestFiles.FailingStream(out, 100_000).write(big)));
        assertEquals("injected failure", e.getMessage());
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aRuntimeExceptionMidWriteLeavesThePreviousFileAndNoTemporaryFile() throws IOException {
        Path target = Files.write(dir.resolve("model.npz"), "previous".getBytes(UTF_8));
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[100_000]);
            throw new IllegalStateException("bug in the writer");
        }));
        assertEquals("previous", Files.readString(target));
        assertEquals(List.of(target), listing());
    }

    @Test
    void aFailedFirstWriteLeavesNoFile() {
        Path target = dir.resolve("model.npz");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            throw new IOException("disk full");
        }));
        assertFalse(Files.exists(target));
        assertEquals(List.of(), listing());
    }

    @Test
    void aFailedRenameDeletesTheTemporaryFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("model.npz"));
        byte[] previous = "inside".getBytes(UTF_8);
        Files.write(target.resolve("keep"), previous);
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write(1)));
        assertArrayEquals(previous, Files.readAllBytes(target.resolve("keep")));
        assertEquals(List.of(target), listing());
    }

    private List<Path> listing() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
