package dev.netsmith.io;

import java.nio.ByteBuffer;
import java.nio.DoubleBuffer;

/** The element types Netsmith reads from {@code .npy} data, each converted to double as it is decoded. */
enum NpyType {
    FLOAT64('f', 8),
    FLOAT32('f', 4),
    INT64('i', 8),
    INT32('i', 4);

    /** numpy's kind character: {@code f} for floating point, {@code i} for signed integers. */
    final char kind;
    /** Bytes per element. */
    final int size;

    NpyType(char kind, int size) {
        this.kind = kind;
        this.size = size;
    }

    /** The type of a kind and size, or {@code null} for one Netsmith does not read. */
    static NpyType of(char kind, int size) {
        for (NpyType type : values()) {
            if (type.kind == kind && type.size == size) {
                return type;
            }
        }
        return null;
    }

    /** Decodes every element left in {@code src} (in src's byte order) into {@code dst} from index {@code at}. */
    void decode(ByteBuffer src, double[] dst, int at) {
        int i = at;
        switch (this) {
            case FLOAT64 -> {
                DoubleBuffer doubles = src.asDoubleBuffer();
                doubles.get(dst, at, doubles.remaining());
            }
            case FLOAT32 -> {
                while (src.hasRemaining()) {
                    dst[i++] = src.getFloat();
                }
            }
            case INT64 -> {
                while (src.hasRemaining()) {
                    dst[i++] = src.getLong();
                }
            }
            case INT32 -> {
                while (src.hasRemaining()) {
                    dst[i++] = src.getInt();
                }
            }
        }
    }
}
