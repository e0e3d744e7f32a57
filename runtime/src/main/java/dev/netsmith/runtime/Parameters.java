package dev.netsmith.runtime;

import dev.netsmith.runtime.ParameterLayout.Tensor;
import java.util.Arrays;

/**
 * A network's parameters: one flat {@code double[]} in the order W1, b1, W2, b2, … described by a
 * {@link ParameterLayout}. Optimizers and the gradient checker see it as one vector; {@link #tensor} gives
 * the course's matrix view.
 *
 * <p>Not synchronised: several threads may read the same parameters at once (each with its own
 * {@link Workspace}) as long as none writes them meanwhile, as an optimizer step or {@link #setTensor} does.
 */
public final class Parameters {

    private final ParameterLayout layout;
    private final double[] values;

    /** Parameters over an existing vector (not copied), which must have {@code layout.size()} entries. */
    public Parameters(ParameterLayout layout, double[] values) {
        if (values.length != layout.size()) {
            throw new IllegalArgumentException("the layout has " + layout.size() + " parameters, the vector " + values.length);
        }
        this.layout = layout;
        this.values = values;
    }

    /** All zeros. */
    public static Parameters zeros(ParameterLayout layout) {
        return new Parameters(layout, new double[layout.size()]);
    }

    public ParameterLayout layout() {
        return layout;
    }

    /** The live flat vector: writes change these parameters. */
    public double[] values() {
        return values;
    }

    /** The entry at a flat index. */
    public double get(int index) {
        return values[index];
    }

    /** The entry given by name, e.g. {@code "W2[3][4]"}. */
    public double get(String entry) {
        return values[layout.indexOf(entry)];
    }

    /** A copy of one tensor as rows × cols, e.g. {@code tensor("W1")} is n1 × n0 and {@code tensor("b1")} n1 × 1. */
    public double[][] tensor(String name) {
        Tensor t = layout.tensor(name);
        double[][] out = new double[t.rows()][];
        for (int i = 0; i < t.rows(); i++) {
            out[i] = Arrays.copyOfRange(values, t.offset() + i * t.cols(), t.offset() + (i + 1) * t.cols());
        }
        return out;
    }

    /** Overwrites one tensor from rows × cols values; on a shape error nothing is written. */
    public void setTensor(String name, double[][] rows) {
        Tensor t = layout.tensor(name);
        if (rows == null || rows.length != t.rows()) {
            throw new IllegalArgumentException(name + " has " + t.rows() + " rows, got " + (rows == null ? "null" : rows.length));
        }
        for (int i = 0; i < t.rows(); i++) {
            if (rows[i] == null || rows[i].length != t.cols()) {
                throw new IllegalArgumentException(name + " is " + t.rows() + " × " + t.cols() + ", row " + i + " has "
                        + (rows[i] == null ? "no array" : rows[i].length + " entries"));
            }
        }
        for (int i = 0; i < t.rows(); i++) {
            System.arraycopy(rows[i], 0, values, t.offset() + i * t.cols(), t.cols());
        }
    }

    /** An independent copy. */
    public Parameters copy() {
        return new Parameters(layout, values.clone());
    }

    /** Overwrites these parameters with another set of the same layout. */
    public void copyFrom(Parameters other) {
        if (!layout.sameShapeAs(other.layout)) {
            throw new IllegalArgumentException("layouts differ: " + layout + " vs " + other.layout);
        }
        System.arraycopy(other.values, 0, values, 0, values.length);
    }

    /** The first non-finite entry's name, or {@code null} when every entry is finite. */
    public String firstNonFinite() {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return layout.nameOf(i) + " = " + values[i];
            }
        }
        return null;
    }
}
