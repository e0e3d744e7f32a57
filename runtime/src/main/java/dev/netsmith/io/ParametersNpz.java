package dev.netsmith.io;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import dev.netsmith.runtime.Parameters;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A network's parameters as a {@code .npz}: one float64 array per tensor, named and shaped as in the course,
 * W_l as (n_l, n_{l-1}) and b_l as (n_l, 1), so that {@code numpy.load("model.npz")["W1"]} is the first layer's
 * weights and a file written by numpy in those shapes loads here.
 */
public final class ParametersNpz {

    private static final Pattern TENSOR_NAME = Pattern.compile("[Wb][0-9]+");

    private ParametersNpz() {
    }

    /** Writes the parameters to {@code file}, atomically (see {@link AtomicFiles}). */
    public static void write(Path file, Parameters parameters) throws IOException {
        AtomicFiles.write(file, out -> {
            try (NpzWriter npz = new NpzWriter(out)) {
                writeTo(npz, parameters);
            }
        });
    }

    /**
     * Reads parameters for {@code layout}, after checking that every tensor is present with its shape and that
     * the file holds no tensor the layout lacks; the exception lists every difference.
     */
    public static Parameters read(Path file, ParameterLayout layout) throws IOException {
        try (NpzReader npz = NpzReader.open(file)) {
            return readFrom(npz, layout, String.valueOf(file.getFileName()));
        }
    }

    static void writeTo(NpzWriter npz, Parameters parameters) throws IOException {
        for (Tensor t : parameters.layout().tensors()) {
            npz.write(t.name(), parameters.values(), t.offset(), t.rows(), t.cols());
        }
    }

    static Parameters readFrom(NpzReader npz, ParameterLayout layout, String fileName) throws IOException {
        List<String> problems = new ArrayList<>();
        for (Tensor t : layout.tensors()) {
            if (!npz.contains(t.name())) {
                problems.add(t.name() + " is missing");
            } else {
                int[] shape = npz.shape(t.name());
                if (!Arrays.equals(shape, shapeOf(t))) {
                    problems.add(t.name() + " has shape " + Npy.describe(shape) + ", expected " + Npy.describe(shapeOf(t)));
                }
            }
        }
        for (String name : npz.names()) {
            if (TENSOR_NAME.matcher(name).matches() && layout.tensors().stream().noneMatch(t -> t.name().equals(name))) {
                problems.add(name + " is not a tensor of this network");
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelMismatchException(fileName + " does not fit a network of sizes " + Arrays.toString(layout.sizes())
                    + ": " + String.join("; ", problems));
        }
        double[] values = new double[layout.size()];
        for (Tensor t : layout.tensors()) {
            System.arraycopy(npz.read(t.name()).data(), 0, values, t.offset(), t.size());
        }
        return new Parameters(layout, values);
    }

    private static int[] shapeOf(Tensor t) {
        return new int[] {t.rows(), t.cols()};
    }
}
