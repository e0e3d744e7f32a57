package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/** Builds raw .npy and .npz bytes, well-formed or not, for tests that must control every byte. */
final class TestFiles {

    private TestFiles() {
    }

    /** A version 1.0 .npy with this header text (padded as numpy pads it) followed by {@code data}. */
    static byte[] npy(String dict, byte[] data) {
        int padding = 64 - (10 + dict.length() + 1) % 64;
        String header = dict + " ".repeat(padding) + "\n";
        return concat(preamble(1, header.length(), 2), header.getBytes(ISO_8859_1), data);
    }

    /** Magic, a version and a header length field of {@code lengthBytes} bytes, nothing else. */
    static byte[] preamble(int major, long headerLength, int lengthBytes) {
        ByteBuffer b = ByteBuffer.allocate(8 + lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (lengthBytes == 2) {
            b.putShort((short) headerLength);
        } else {
            b.putInt((int) headerLength);
        }
        return b.array();
    }

    /** Doubles as little-endian bytes. */
    static byte[] doubles(double... values) {
        ByteBuffer b = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** A zip of the entries in order, deflated or stored, with honest sizes and CRCs. */
    static byte[] zip(boolean deflate, Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(e.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Makes the zip's central directory claim {@code size} uncompressed bytes for an entry, as a hostile file may. */
    static byte[] claimSize(byte[] zip, String entryName, long size) {
        byte[] patched = zip.clone();
        ByteBuffer b = ByteBuffer.wrap(patched).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = entryName.getBytes(StandardCharsets.UTF_8);
        for (int at = 0; at + 46 <= patched.length; at++) {
            if (b.getInt(at) == 0x02014b50 && (b.getShort(at + 28) & 0xffff) == name.length
                    && ByteBuffer.wrap(patched, at + 46, name.length).equals(ByteBuffer.wrap(name))) {
                b.putInt(at + 24, (int) size);
                return patched;
            }
        }
        throw new IllegalArgumentException("no directory record for " + entryName);
    }

    /** Writes bytes to {@code dir/name} and returns the path. */
    static Path file(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    /** A test resource under /io/. */
    static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/io/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource io/" + name, e);
        }
    }

    /** The raw bytes of one zip entry. */
    static byte[] entryBytes(Path zipFile, String entryName) throws IOException {
        try (ZipFile zip = new ZipFile(zipFile.toFile());
             InputStream in = zip.getInputStream(zip.getEntry(entryName))) {
            return in.readAllBytes();
        }
    }

    /** Passes bytes through until {@code limit} have been written, then fails as a full disk or a pulled cable would. */
    static final class FailingStream extends FilterOutputStream {
        private long left;

        FailingStream(OutputStream out, long limit) {
            super(out);
            this.left = limit;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            int now = (int) Math.min(len, left);
            out.write(b, off, now);
            left -= now;
            if (now < len) {
                throw new IOException("injected failure");
            }
        }
    }
}
