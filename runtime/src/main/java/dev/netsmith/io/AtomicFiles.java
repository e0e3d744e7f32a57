package dev.netsmith.io;

import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;
import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces files all at once: readers, and the file left after a crash or a failed write, see either the old
 * contents or the complete new ones, never a half-written file.
 *
 * <p>The content goes to a temporary file in the target's directory (so the final rename never crosses file
 * systems), which is flushed and fsynced, then renamed over the target with {@code ATOMIC_MOVE}; the directory
 * is fsynced too, so the rename survives a power cut. A failed write deletes its temporary file. Only a crash
 * of the JVM itself can leave one behind, named {@code .<target>.<random>.tmp}; it is safe to delete.
 */
public final class AtomicFiles {

    /** Writes a file's whole content to a stream, which it must not close. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final int BUFFER_BYTES = 1 << 16;

    private AtomicFiles() {
    }

    /** Replaces (or creates) {@code target} with what {@code content} writes, atomically. */
    public static void write(Path target, Content content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Path temp = directory.resolve("." + target.getFileName() + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, CREATE_NEW, WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            Files.move(temp, target, ATOMIC_MOVE, REPLACE_EXISTING);
        } catch (Throwable failure) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        }
        syncDirectory(directory);
    }

    /**
     * Makes the rename durable. Some platforms (Windows) cannot open a directory for fsync; there the rename is
     * as durable as the file system makes it, and the new file's content was already fsynced.
     */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, READ)) {
            channel.force(true);
        } catch (IOException e) {
            // best effort, see above: the write itself has succeeded
        }
    }
}
