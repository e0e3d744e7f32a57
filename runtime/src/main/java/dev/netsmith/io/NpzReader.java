package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads arrays from a {@code .npz} file (what {@code numpy.savez} and {@code numpy.savez_compressed} write: a zip
 * of {@code .npy} entries, stored or deflated), one array at a time and on demand.
 *
 * <p>Files are treated as untrusted. An entry is read only as far as its header claims: a header must agree
 * with the size the zip directory gives the entry, the data must end exactly where the header says, and the
 * CRC must match, so that truncated, corrupt and over-inflating (zip bomb) entries fail with an
 * {@link NpzFormatException} naming the entry instead of exhausting memory. Callers that know the shape they
 * expect can check {@link #shape} before paying for {@link #read}.
 */
public final class NpzReader implements Closeable {

    private static final String SUFFIX = ".npy";

    private final ZipFile zip;
    private final String fileName;
    private final List<String> names;

    private NpzReader(ZipFile zip, String fileName) {
        this.zip = zip;
        this.fileName = fileName;
        this.names = zip.stream().map(ZipEntry::getName).filter(n -> n.endsWith(SUFFIX))
                .map(n -> n.substring(0, n.length() - SUFFIX.length())).toList();
    }

    /** Opens a file, reading only its zip directory. */
    public static NpzReader open(Path file) throws IOException {
        try {
            return new NpzReader(new ZipFile(file.toFile()), String.valueOf(file.getFileName()));
        } catch (ZipException e) {
            throw new NpzFormatException(String.valueOf(file), "not a readable .npz (zip) file, it may be truncated (" + e.getMessage() + ")", e);
        }
    }

    /** The arrays' names (numpy's keys: entry names without {@code .npy}), in the file's order. */
    public List<String> names() {
        return names;
    }

    /** Whether the file holds an array called {@code name}. */
    public boolean contains(String name) {
        return zip.getEntry(name + SUFFIX) != null;
    }

    /** The shape an array's header declares, read without its data. */
    public int[] shape(String name) throws IOException {
        return withEntry(name + SUFFIX, false, (in, entry, where) -> Npy.readHeader(in, where).shape());
    }

    /** The array called {@code name}, converted to doubles in C order. */
    public NpyArray read(String name) throws IOException {
        return withEntry(name + SUFFIX, true, (in, entry, where) -> {
            NpyHeader header = Npy.readHeader(in, where);
            long claimed = header.preambleBytes() + header.dataBytes();
            if (entry.getSize() != claimed) {
                throw new NpzFormatException(where, "the zip directory gives it " + entry.getSize() + " bytes, its header claims "
                        + claimed + " (" + header.preambleBytes() + " of header and " + header.dataBytes() + " of data for "
                        + header.descr() + ", shape " + Npy.describe(header.shape()) + ")");
            }
            return NpyArray.of(Npy.readData(in, header, where), header.shape());
        });
    }

    /** A UTF-8 text entry (named in full, e.g. {@code checkpoint.json}) of at most {@code maxBytes} bytes. */
    String readText(String entryName, int maxBytes) throws IOException {
        return withEntry(entryName, true, (in, entry, where) -> {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw new NpzFormatException(where, "longer than the " + maxBytes + " bytes accepted");
            }
            try {
                return UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw new NpzFormatException(where, "not UTF-8 text", e);
            }
        });
    }

    /** What to do with one entry's bytes; {@code where} names the entry for messages. */
    @FunctionalInterface
    private interface EntryBody<T> {
        T read(InputStream in, ZipEntry entry, String where) throws IOException;
    }

    /**
     * Runs {@code body} over an entry's uncompressed bytes. With {@code verify}, the body must have read the
     * entry to its end, and the bytes' CRC must match the directory's.
     */
    private <T> T withEntry(String entryName, boolean verify, EntryBody<T> body) throws IOException {
        ZipEntry entry = zip.getEntry(entryName);
        if (entry == null) {
            throw new NpzFormatException(fileName, "no entry " + entryName + "; it holds the arrays " + names);
        }
        String where = entryName + " in " + fileName;
        CRC32 crc = new CRC32();
        try (InputStream in = new CheckedInputStream(zip.getInputStream(entry), crc)) {
            T result = body.read(in, entry, where);
            if (verify && crc.getValue() != entry.getCrc()) {
                throw new NpzFormatException(where, "CRC mismatch: the entry's bytes are corrupt");
            }
            return result;
        } catch (ZipException | EOFException e) {
            throw new NpzFormatException(where, "corrupt zip entry (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
