package dev.netsmith.io;

import dev.netsmith.train.OptimizerState;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Saves and loads {@link Checkpoint}s as one {@code .npz} that numpy loads with {@code allow_pickle=False}:
 * <ul>
 *   <li>{@code checkpoint.json}: UTF-8 JSON with the format version, fingerprint, canonical form, labels and
 *       the optimizer's name, step and array names (numpy returns it as bytes);</li>
 *   <li>{@code W1}, {@code b1}, … as {@link ParametersNpz} writes them, so a checkpoint is also a parameters file;</li>
 *   <li>{@code standardization.means} and {@code standardization.scales}, each of shape (n0,);</li>
 *   <li>{@code optimizer.<name>} for each optimizer vector, 1-dimensional.</li>
 * </ul>
 * Writes are atomic; loading checks the fingerprint before anything else, then every shape.
 */
public final class CheckpointIO {

    static final String METADATA = "checkpoint.json";
    private static final String FORMAT = "netsmith-checkpoint";
    private static final long VERSION = 1;
    private static final String MEANS = "standardization.means";
    private static final String SCALES = "standardization.scales";
    private static final String OPTIMIZER_PREFIX = "optimizer.";
    /** Far more than any real metadata (labels included); bounds what a hostile file can make us parse. */
    private static final int MAX_METADATA_BYTES = 16 << 20;

    private CheckpointIO() {
    }

    /** Writes the checkpoint to {@code file}, atomically: a failure leaves any previous file as it was. */
    public static void write(Path file, Checkpoint checkpoint) throws IOException {
        AtomicFiles.write(file, out -> writeTo(out, checkpoint));
    }

    /** The checkpoint's bytes, written to a stream the caller owns. */
    static void writeTo(OutputStream out, Checkpoint checkpoint) throws IOException {
        try (NpzWriter npz = new NpzWriter(out)) {
            npz.writeText(METADATA, Json.write(metadata(checkpoint)));
            ParametersNpz.writeTo(npz, checkpoint.parameters());
            if (checkpoint.standardization().isPresent()) {
                Checkpoint.Standardization s = checkpoint.standardization().get();
                npz.write(MEANS, s.means(), 0, s.means().length);
                npz.write(SCALES, s.scales(), 0, s.scales().length);
            }
            if (checkpoint.optimizer().isPresent()) {
                for (Map.Entry<String, double[]> e : checkpoint.optimizer().get().arrays().entrySet()) {
                    npz.write(OPTIMIZER_PREFIX + e.getKey(), e.getValue(), 0, e.getValue().length);
                }
            }
        }
    }

    private static Map<String, Object> metadata(Checkpoint checkpoint) {
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("format", FORMAT);
        meta.put("version", VERSION);
        meta.put("fingerprint", checkpoint.fingerprint());
        meta.put("architecture", checkpoint.canonicalForm());
        meta.put("labels", checkpoint.labels());
        meta.put("standardized", checkpoint.standardization().isPresent());
        meta.put("optimizer", checkpoint.optimizer().map(o -> {
            Map<String, Object> optimizer = new LinkedHashMap<>();
            optimizer.put("name", o.optimizer());
            optimizer.put("step", o.step());
            optimizer.put("arrays", List.copyOf(o.arrays().keySet()));
            return optimizer;
        }).orElse(null));
        return meta;
    }

    /**
     * Reads a checkpoint for a network of this architecture. Throws {@link ModelMismatchException} when it was
     * saved for another network (naming both canonical forms) or a tensor's shape differs, and
     * {@link NpzFormatException} when the file is damaged or not a checkpoint.
     */
    public static Checkpoint read(Path file, Architecture architecture) throws IOException {
        String fileName = String.valueOf(file.getFileName());
        String where = METADATA + " in " + fileName;
        try (NpzReader npz = NpzReader.open(file)) {
            Json.Fields meta = Json.parseObject(npz.readText(METADATA, MAX_METADATA_BYTES), where);
            String format = meta.string("format");
            if (!format.equals(FORMAT)) {
                throw new NpzFormatException(where, "not a Netsmith checkpoint (format \"" + abbreviate(format) + "\")");
            }
            long version = meta.integer("version");
            if (version != VERSION) {
                throw new NpzFormatException(where, "checkpoint format version " + version + "; this Netsmith reads version " + VERSION);
            }
            checkFingerprint(meta, architecture, fileName);
            Parameters parameters = ParametersNpz.readFrom(npz, ParameterLayout.of(architecture.sizes()), fileName);
            try {
                Checkpoint checkpoint = Checkpoint.of(architecture, parameters).withLabels(meta.strings("labels"));
                if (meta.bool("standardized")) {
                    checkpoint = checkpoint.withStandardization(vector(npz, MEANS, fileName), vector(npz, SCALES, fileName));
                }
                Json.Fields optimizer = meta.objectOrNull("optimizer");
                return optimizer == null ? checkpoint : checkpoint.withOptimizer(optimizerState(npz, optimizer, fileName));
            } catch (IllegalArgumentException e) {
                throw new NpzFormatException(where, e.getMessage(), e);
            }
        }
    }

    private static void checkFingerprint(Json.Fields meta, Architecture architecture, String fileName) throws IOException {
        String saved = meta.string("fingerprint");
        if (saved.equals(architecture.fingerprint())) {
            return;
        }
        String savedForm = meta.string("architecture");
        String form = architecture.canonicalForm();
        throw new ModelMismatchException(fileName + " was saved for another network (fingerprint " + abbreviate(saved)
                + ", this network's is " + architecture.fingerprint() + ")"
                + "\n  saved:   " + abbreviate(savedForm)
                + "\n  network: " + form
                + "\n  " + firstDifference(savedForm, form));
    }

    /** The first ';'-separated part of the canonical forms that differs, which is usually all a reader needs. */
    private static String firstDifference(String saved, String current) {
        String[] a = saved.split(";");
        String[] b = current.split(";");
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            String x = i < a.length ? a[i] : "(nothing)";
            String y = i < b.length ? b[i] : "(nothing)";
            if (!x.equals(y)) {
                return "first difference: " + abbreviate(x) + " saved, " + y + " in the network";
            }
        }
        return "the canonical forms agree: the saved fingerprint is damaged";
    }

    /** Keeps text from a file short enough for a message. */
    private static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 500) + "…";
    }

    private static OptimizerState optimizerState(NpzReader npz, Json.Fields optimizer, String fileName) throws IOException {
        Map<String, double[]> arrays = new TreeMap<>();
        for (String name : optimizer.strings("arrays")) {
            arrays.put(name, vector(npz, OPTIMIZER_PREFIX + name, fileName));
        }
        return new OptimizerState(optimizer.string("name"), optimizer.integer("step"), arrays);
    }

    /** A 1-dimensional array the metadata says is there. */
    private static double[] vector(NpzReader npz, String name, String fileName) throws IOException {
        int[] shape = npz.shape(name);
        if (shape.length != 1) {
            throw new NpzFormatException(name + ".npy in " + fileName, "shape " + Npy.describe(shape) + ", expected a vector (n,)");
        }
        return npz.read(name).data();
    }
}
