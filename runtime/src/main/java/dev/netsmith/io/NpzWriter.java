package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDateTime;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes arrays as a {@code .npz} that {@code numpy.load} reads: one {@code .npy} entry per array, little-endian
 * float64 in C order.
 *
 * <p>Entries are stored, not deflated, as {@code numpy.savez} does: trained float64 weights are close to random
 * bits (deflate saves about 5%), so compressing would cost CPU for almost nothing. Entries carry a fixed
 * timestamp, so the same arrays always give the same bytes.
 *
 * <p>{@link #close} finishes the zip but leaves the stream open: the caller owns it.
 */
public final class NpzWriter implements Closeable {

    /** The earliest time a zip entry can hold: a fixed stamp keeps files reproducible. */
    private static final LocalDateTime TIMESTAMP = LocalDateTime.of(1980, 1, 1, 0, 0);

    private final ZipOutputStream zip;

    /** A writer appending entries to {@code out}. */
    public NpzWriter(OutputStream out) {
        this.zip = new ZipOutputStream(out, UTF_8);
    }

    /** Writes an array that numpy will load under the key {@code name}. */
    public void write(String name, NpyArray array) throws IOException {
        write(name, array.data(), 0, array.shape());
    }

    /** Writes {@code elements(shape)} doubles from {@code data[offset..]}, as a slice of a larger vector. */
    void write(String name, double[] data, int offset, int... shape) throws IOException {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an array needs a name");
        }
        CRC32 crc = new CRC32();
        Npy.write(new CheckedOutputStream(OutputStream.nullOutputStream(), crc), data, offset, shape);
        zip.putNextEntry(storedEntry(name + ".npy", Npy.size(shape), crc.getValue()));
        Npy.write(zip, data, offset, shape);
        zip.closeEntry();
    }

    /** Writes a UTF-8 text entry; numpy returns it as {@code bytes} under its full name. */
    void writeText(String entryName, String text) throws IOException {
        byte[] bytes = text.getBytes(UTF_8);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        zip.putNextEntry(storedEntry(entryName, bytes.length, crc.getValue()));
        zip.write(bytes);
        zip.closeEntry();
    }

    /** A stored entry must announce its size and CRC before its data: they are computed by a first pass. */
    private static ZipEntry storedEntry(String name, long size, long crc) {
        ZipEntry entry = new ZipEntry(name);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc);
        entry.setTimeLocal(TIMESTAMP);
        return entry;
    }

    /** Writes the zip directory and flushes; the underlying stream stays open. */
    @Override
    public void close() throws IOException {
        zip.finish();
        zip.flush();
    }
}
