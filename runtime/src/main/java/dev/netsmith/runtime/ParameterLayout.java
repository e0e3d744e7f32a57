package dev.netsmith.runtime;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Where every tensor lives in the one flat parameter vector: W1, b1, W2, b2, … in that order, each weight
 * matrix row-major. Names follow the course notes: {@code W2[3][4]} is row 3, column 4 of layer 2's weights
 * and {@code b2[3]} entry 3 of its biases, zero-based. Immutable, so it may be shared by threads.
 */
public final class ParameterLayout {

    /** Whether a tensor holds weights or biases. */
    public enum Kind { WEIGHTS, BIASES }

    /**
     * One tensor of the flat vector.
     *
     * @param name   {@code W<l>} or {@code b<l>}
     * @param layer  l, 1-based
     * @param kind   weights or biases
     * @param rows   n_l
     * @param cols   n_{l-1} for weights, 1 for biases
     * @param offset index of its first entry in the flat vector
     */
    public record Tensor(String name, int layer, Kind kind, int rows, int cols, int offset) {

        /** Number of entries. */
        public int size() {
            return rows * cols;
        }

        /** One past the index of its last entry. */
        public int end() {
            return offset + size();
        }

        /** Whether the flat index lies in this tensor. */
        public boolean contains(int index) {
            return index >= offset && index < end();
        }

        /** The entry's name, e.g. {@code W2[3][4]} or {@code b2[3]}. */
        public String entryName(int index) {
            int local = index - offset;
            return kind == Kind.WEIGHTS
                    ? name + "[" + (local / cols) + "][" + (local % cols) + "]"
                    : name + "[" + local + "]";
        }

        /** The gradient's name, e.g. {@code dW2}. */
        public String gradientName() {
            return "d" + name;
        }
    }

    private final int[] sizes;
    private final List<Tensor> tensors;
    private final Map<String, Tensor> byName;
    private final int size;

    /**
     * A layout for layer sizes [n0, …, nL] whose tensors start at the given offsets (W1, b1, W2, b2, …), as the
     * generated code declares them; they must be the contiguous offsets that the sizes imply.
     */
    public ParameterLayout(int[] sizes, int[] offsets) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least the input size and one layer, got " + Arrays.toString(sizes));
        }
        if (offsets.length != 2 * (sizes.length - 1)) {
            throw new IllegalArgumentException("need one offset per tensor (" + 2 * (sizes.length - 1) + "), got " + offsets.length);
        }
        this.sizes = sizes.clone();
        List<Tensor> list = new ArrayList<>();
        long next = 0;
        for (int l = 1; l < sizes.length; l++) {
            if (sizes[l - 1] <= 0 || sizes[l] <= 0) {
                throw new IllegalArgumentException("layer sizes must be positive: " + Arrays.toString(sizes));
            }
            next = add(list, new Tensor("W" + l, l, Kind.WEIGHTS, sizes[l], sizes[l - 1], offsets[2 * l - 2]), next);
            next = add(list, new Tensor("b" + l, l, Kind.BIASES, sizes[l], 1, offsets[2 * l - 1]), next);
        }
        this.tensors = List.copyOf(list);
        this.byName = tensors.stream().collect(Collectors.toUnmodifiableMap(Tensor::name, Function.identity()));
        this.size = (int) next;
    }

    private static long add(List<Tensor> list, Tensor t, long expectedOffset) {
        if (t.offset() != expectedOffset) {
            throw new IllegalArgumentException(t.name() + " must start at " + expectedOffset + ", declared at " + t.offset());
        }
        long end = expectedOffset + (long) t.rows() * t.cols();
        if (end > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("more parameters than a Java array holds (" + end + " at " + t.name() + ")");
        }
        list.add(t);
        return end;
    }

    /** The layout implied by layer sizes [n0, …, nL]. */
    public static ParameterLayout of(int... sizes) {
        int[] offsets = new int[2 * Math.max(0, sizes.length - 1)];
        long next = 0;
        for (int l = 1; l < sizes.length; l++) {
            offsets[2 * l - 2] = (int) Math.min(next, Integer.MAX_VALUE);
            next += (long) sizes[l] * sizes[l - 1];
            offsets[2 * l - 1] = (int) Math.min(next, Integer.MAX_VALUE);
            next += sizes[l];
        }
        return new ParameterLayout(sizes, offsets);
    }

    /** Total number of parameters. */
    public int size() {
        return size;
    }

    /** L, the number of layers. */
    public int depth() {
        return sizes.length - 1;
    }

    /** [n0, …, nL] (a copy). */
    public int[] sizes() {
        return sizes.clone();
    }

    /** n_l. */
    public int units(int l) {
        return sizes[l];
    }

    /** All tensors in flat order W1, b1, W2, b2, …. */
    public List<Tensor> tensors() {
        return tensors;
    }

    /** W_l. */
    public Tensor weights(int l) {
        return tensor("W" + l);
    }

    /** b_l. */
    public Tensor biases(int l) {
        return tensor("b" + l);
    }

    /** The tensor called {@code name} ({@code W2}, {@code b1}, …). */
    public Tensor tensor(String name) {
        Tensor t = byName.get(name);
        if (t == null) {
            throw new IllegalArgumentException("no tensor " + name + "; this network has " + byName.keySet().stream().sorted().toList());
        }
        return t;
    }

    /** The tensor holding the flat index. */
    public Tensor tensorAt(int index) {
        checkIndex(index);
        int lo = 0;
        int hi = tensors.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (tensors.get(mid).offset() <= index) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return tensors.get(lo);
    }

    /** The name of the entry at a flat index, e.g. {@code W2[3][4]}. */
    public String nameOf(int index) {
        return tensorAt(index).entryName(index);
    }

    /** Flat index of {@code name[row][col]} for a weight matrix. */
    public int indexOf(String name, int row, int col) {
        Tensor t = tensor(name);
        if (row < 0 || row >= t.rows() || col < 0 || col >= t.cols()) {
            throw new IndexOutOfBoundsException(name + "[" + row + "][" + col + "] is outside " + t.rows() + " × " + t.cols());
        }
        return t.offset() + row * t.cols() + col;
    }

    /** Flat index of {@code name[row]} for a bias vector. */
    public int indexOf(String name, int row) {
        Tensor t = tensor(name);
        if (t.kind() != Kind.BIASES) {
            throw new IllegalArgumentException(name + " is a matrix: give a row and a column");
        }
        return indexOf(name, row, 0);
    }

    /** Flat index of an entry given by name, e.g. {@code "W2[3][4]"} or {@code "b1[0]"}. */
    public int indexOf(String entry) {
        int open = entry.indexOf('[');
        if (open < 0 || !entry.endsWith("]")) {
            throw new IllegalArgumentException("not an entry name like W2[3][4] or b2[3]: " + entry);
        }
        String[] parts = entry.substring(open + 1, entry.length() - 1).split("\\]\\[", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException("not an entry name like W2[3][4] or b2[3]: " + entry);
        }
        try {
            return parts.length == 1
                    ? indexOf(entry.substring(0, open), Integer.parseInt(parts[0]))
                    : indexOf(entry.substring(0, open), Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an entry name like W2[3][4] or b2[3]: " + entry, e);
        }
    }

    private void checkIndex(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("parameter index " + index + " outside [0, " + size + ")");
        }
    }

    /** Whether two layouts describe the same sizes. */
    public boolean sameShapeAs(ParameterLayout other) {
        return hasSizes(other.sizes);
    }

    /** Whether this layout's sizes are [n0, …, nL] = {@code sizes} (compared without copying). */
    public boolean hasSizes(int[] sizes) {
        return Arrays.equals(this.sizes, sizes);
    }

    @Override
    public String toString() {
        return tensors.stream().map(t -> t.name() + " " + t.rows() + "×" + t.cols() + " @" + t.offset())
                .collect(Collectors.joining(", ", "ParameterLayout[", "]"));
    }
}
