package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;

/**
 * The {@code .npy} codec: writes format version 1.0 (little-endian float64, C order, byte for byte what
 * {@code numpy.save} writes) and reads versions 1.0 to 3.0 in any dtype of {@link NpyType}. Data moves in
 * fixed-size chunks, and the array being read grows only as bytes actually arrive, so a header that lies about
 * its size costs memory in proportion to the real data, never to the claim.
 */
final class Npy {

    /** The most elements a Java array holds. */
    static final int MAX_ELEMENTS = Integer.MAX_VALUE - 8;

    /** The longest header accepted: numpy's own default limit ({@code max_header_size}). */
    private static final int MAX_HEADER_BYTES = 10_000;

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    /** numpy pads the preamble so the data starts at a multiple of this (it allows memory-mapping any dtype). */
    private static final int ALIGNMENT = 64;
    private static final int CHUNK_BYTES = 1 << 16;

    private Npy() {
    }

    /** The product of the dimensions, saturating at {@link Long#MAX_VALUE}. */
    static long elements(int[] shape) {
        long n = 1;
        for (int d : shape) {
            if (d < 0) {
                throw new IllegalArgumentException("negative dimension in " + Arrays.toString(shape));
            }
            n = d == 0 ? 0 : n > Long.MAX_VALUE / d ? Long.MAX_VALUE : n * d;
        }
        return n;
    }

    /** A shape as Python writes a tuple: {@code ()}, {@code (5,)}, {@code (20, 7)}. */
    static String describe(int[] shape) {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    /** Number of bytes {@link #write} produces. */
    static long size(int[] shape) {
        return preamble(shape).length + 8 * elements(shape);
    }

    /** Writes {@code elements(shape)} doubles from {@code data[offset..]} as a float64 C-order {@code .npy}. */
    static void write(OutputStream out, double[] data, int offset, int[] shape) throws IOException {
        out.write(preamble(shape));
        int count = (int) elements(shape);
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, 8L * count)];
        DoubleBuffer view = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer();
        for (int done = 0; done < count; ) {
            int n = Math.min(view.capacity(), count - done);
            view.clear();
            view.put(data, offset + done, n);
            out.write(chunk, 0, 8 * n);
            done += n;
        }
    }

    /** Magic, version 1.0, header length and the header padded with spaces and a newline to the alignment. */
    private static byte[] preamble(int[] shape) {
        byte[] dict = NpyHeader.dictionary(shape).getBytes(ISO_8859_1);
        int fixed = MAGIC.length + 2 + 2;
        int padding = ALIGNMENT - (fixed + dict.length + 1) % ALIGNMENT;
        int headerLength = dict.length + padding + 1;
        ByteBuffer b = ByteBuffer.allocate(fixed + headerLength).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) headerLength).put(dict);
        while (b.remaining() > 1) {
            b.put((byte) ' ');
        }
        return b.put((byte) '\n').array();
    }

    /** Reads and checks the preamble of the entry called {@code where}, leaving {@code in} at the data. */
    static NpyHeader readHeader(InputStream in, String where) throws IOException {
        byte[] start = readFully(in, MAGIC.length + 2, where, "its magic string");
        if (!Arrays.equals(start, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new NpzFormatException(where, "not a .npy array (it does not start with \\x93NUMPY)");
        }
        int major = start[6] & 0xff;
        int minor = start[7] & 0xff;
        if (major < 1 || major > 3 || minor != 0) {
            throw new NpzFormatException(where, "unsupported .npy format version " + major + "." + minor + " (Netsmith reads 1.0 to 3.0)");
        }
        int lengthBytes = major == 1 ? 2 : 4;
        ByteBuffer field = ByteBuffer.wrap(readFully(in, lengthBytes, where, "its header length")).order(ByteOrder.LITTLE_ENDIAN);
        long length = lengthBytes == 2 ? Short.toUnsignedLong(field.getShort()) : Integer.toUnsignedLong(field.getInt());
        if (length > MAX_HEADER_BYTES) {
            throw new NpzFormatException(where, "header of " + length + " bytes is longer than the " + MAX_HEADER_BYTES
                    + " accepted (numpy's own limit)");
        }
        String text = new String(readFully(in, (int) length, where, "its header"), major == 3 ? UTF_8 : ISO_8859_1);
        return NpyHeader.parse(text, MAGIC.length + 2 + lengthBytes + (int) length, where);
    }

    /**
     * Reads exactly the data {@code header} claims, in C order whatever the file's order, and checks that nothing
     * follows it.
     */
    static double[] readData(InputStream in, NpyHeader header, String where) throws IOException {
        int count = (int) header.elements();
        long total = header.dataBytes();
        byte[] chunk = new byte[(int) Math.min(CHUNK_BYTES, total)];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(header.order());
        double[] values = new double[Math.min(count, chunk.length / header.type().size)];
        int filled = 0;
        for (long read = 0; read < total; ) {
            int want = (int) Math.min(chunk.length, total - read);
            int got = in.readNBytes(chunk, 0, want);
            if (got < want) {
                throw new NpzFormatException(where, "data ends after " + (read + got) + " of the " + total + " bytes its header claims ("
                        + header.descr() + ", shape " + describe(header.shape()) + ")");
            }
            int items = want / header.type().size;
            if (filled + items > values.length) {
                values = Arrays.copyOf(values, (int) Math.min(count, Math.max(2L * values.length, filled + items)));
            }
            buffer.clear().limit(want);
            header.type().decode(buffer, values, filled);
            filled += items;
            read += want;
        }
        if (in.read() != -1) {
            throw new NpzFormatException(where, "more data follows the " + total + " bytes its header claims ("
                    + header.descr() + ", shape " + describe(header.shape()) + ")");
        }
        return header.fortranOrder() ? toRowMajor(values, header.shape()) : values;
    }

    private static byte[] readFully(InputStream in, int n, String where, String what) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new NpzFormatException(where, "truncated: the entry ends inside " + what);
        }
        return bytes;
    }

    /** Reorders column-major (Fortran) data into row-major (C) order, for any number of dimensions. */
    private static double[] toRowMajor(double[] columnMajor, int[] shape) {
        if (shape.length < 2) {
            return columnMajor;
        }
        int[] stride = new int[shape.length];
        stride[0] = 1;
        for (int k = 1; k < shape.length; k++) {
            stride[k] = stride[k - 1] * shape[k - 1];
        }
        double[] rowMajor = new double[columnMajor.length];
        int[] index = new int[shape.length];
        int from = 0;
        for (int to = 0; to < rowMajor.length; to++) {
            rowMajor[to] = columnMajor[from];
            for (int k = shape.length - 1; k >= 0; k--) {
                if (++index[k] < shape[k]) {
                    from += stride[k];
                    break;
                }
                from -= (shape[k] - 1) * stride[k];
                index[k] = 0;
            }
        }
        return rowMajor;
    }
}
