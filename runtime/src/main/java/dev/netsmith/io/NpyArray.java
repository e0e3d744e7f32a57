package dev.netsmith.io;

import java.util.Arrays;

/**
 * An n-dimensional array as numpy stores it, read into doubles: a shape and the entries in C order (row-major,
 * the last index varying fastest), whatever dtype and order the file used. A 0-dimensional array (shape
 * {@code ()}) holds one entry.
 */
public final class NpyArray {

    private final int[] shape;
    private final double[] data;

    private NpyArray(int[] shape, double[] data) {
        this.shape = shape;
        this.data = data;
    }

    /**
     * An array over {@code data} (not copied) in C order, which must have exactly as many entries as the shape
     * implies.
     */
    public static NpyArray of(double[] data, int... shape) {
        long elements = Npy.elements(shape);
        if (elements != data.length) {
            throw new IllegalArgumentException("shape " + Npy.describe(shape) + " holds " + elements
                    + " entries, the data " + data.length);
        }
        return new NpyArray(shape.clone(), data);
    }

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** The live entries in C order. */
    public double[] data() {
        return data;
    }

    @Override
    public String toString() {
        return "NpyArray" + Npy.describe(shape) + (data.length <= 8 ? " " + Arrays.toString(data) : "");
    }
}
