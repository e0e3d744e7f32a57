package dev.netsmith.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.Activation;
import dev.netsmith.Init;
import dev.netsmith.Loss;
import dev.netsmith.train.OptimizerState;
import dev.netsmith.runtime.Architecture;
import dev.netsmith.runtime.Architecture.Layer;
import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CheckpointIOTest {

    static final Architecture NET = architecture(4, 0.01);

    @TempDir
    Path dir;

    static Architecture architecture(int hidden, double l2) {
        return new Architecture("test.IrisNet", 3, List.of(new Layer(hidden, Activation.RELU, 0.8, null), Layer.of(2, Activation.SOFTMAX)),
                Loss.SOFTMAX_CROSS_ENTROPY, l2, Init.AUTO);
    }

    /** A checkpoint with every part filled in, with values that survive only an exact round trip. */
    static Checkpoint full() {
        Parameters params = ParametersNpzTest.sample(ParameterLayout.of(NET.sizes()));
        double[] m = new double[params.values().length];
        double[] v = new double[params.values().length];
        for (int i = 0; i < m.length; i++) {
            m[i] = Math.sin(i) * 1e-3;
            v[i] = Math.ulp(1.0) * (i + 1);
        }
        return Checkpoint.of(NET, params)
                .withStandardization(new double[] {5.843333333333334, -3.05, 1e-300}, new double[] {0.8253012917851409, 0.4344109677354946, 1.0})
                .withLabels(List.of("setosa", "versi\"color\\", "café ☕"))
                .withOptimizer(new OptimizerState("adam", 1234, Map.of("m", m, "v", v)));
    }

    @Test
    void fullRoundTrip() throws IOException {
        Checkpoint saved = full();
        Path file = dir.resolve("ckpt.npz");
        CheckpointIO.write(file, saved);
        Checkpoint loaded = CheckpointIO.read(file, NET);

        assertArrayEquals(saved.parameters().values(), loaded.parameters().values());
        assertEquals(NET.fingerprint(), loaded.fingerprint());
        assertEquals(NET.canonicalForm(), loaded.canonicalForm());
        assertEquals(saved.labels(), loaded.labels());
        assertArrayEquals(saved.standardization().orElseThrow().means(), loaded.standardization().orElseThrow().means());
        assertArrayEquals(saved.standardization().orElseThrow().scales(), loaded.standardization().orElseThrow().scales());
        OptimizerState before = saved.optimizer().orElseThrow();
        OptimizerState after = loaded.optimizer().orElseThrow();
        assertEquals(before.optimizer(), after.optimizer());
        assertEquals(before.step(), after.step());
        assertEquals(before.arrays().keySet(), after.arrays().keySet());
        assertArrayEquals(before.arrays().get("m"), after.arrays().get("m"));
        assertArrayEquals(before.arrays().get("v"), after.arrays().get("v"));
    }

    @Test
    void aCheckpointWithOnlyParametersRoundTrips() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        Parameters params = ParametersNpzTest.sample(ParameterLayout.of(NET.sizes()));
        CheckpointIO.write(file, Checkpoint.of(NET, params));
        Checkpoint loaded = CheckpointIO.read(file, NET);
        assertArrayEquals(params.values(), loaded.parameters().values());
        assertEquals(List.of(), loaded.labels());
        assertFalse(loaded.standardization().isPresent());
        assertFalse(loaded.optimizer().isPresent());
    }

    @Test
    void aCheckpointIsAlsoAParametersFile() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        CheckpointIO.write(file, full());
        assertArrayEquals(full().parameters().values(), ParametersNpz.read(file, ParameterLayout.of(NET.sizes())).values());
    }

    @Test
    void anotherNetworkIsRejectedNamingBothCanonicalForms() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        CheckpointIO.write(file, full());
        Architecture wider = architecture(5, 0.01);
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> CheckpointIO.read(file, wider));
        assertEquals("ckpt.npz was saved for another network (fingerprint " + NET.fingerprint() + ", this network's is "
                + wider.fingerprint() + ")"
                + "\n  saved:   inputs=3;dense(4,RELU,keep=0.8);dense(2,SOFTMAX,keep=1.0);loss=SOFTMAX_CROSS_ENTROPY;l2=0.01;init=AUTO"
                + "\n  network: inputs=3;dense(5,RELU,keep=0.8);dense(2,SOFTMAX,keep=1.0);loss=SOFTMAX_CROSS_ENTROPY;l2=0.01;init=AUTO"
                + "\n  first difference: dense(4,RELU,keep=0.8) saved, dense(5,RELU,keep=0.8) in the network", e.getMessage());
    }

    @Test
    void aNetworkWithTheSameShapesButAnotherL2IsStillAnotherNetwork() throws IOException {
        Path file = dir.resolve("ckpt.npz");
        CheckpointIO.write(file, full());
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> CheckpointIO.read(file, architecture(4, 0.1)));
        assertTrue(e.getMessage().endsWith("first difference: l2=0.01 saved, l2=0.1 in the network"), e.getMessage());
    }

    @Test
    void aMisshapenTensorBehindAMatchingFingerprintIsNamed() throws IOException {
        Path file = rewrite(full(), "W2", NpyArray.of(new double[8], 4, 2));
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> CheckpointIO.read(file, NET));
        assertEquals("ckpt.npz does not fit a network of sizes [3, 4, 2]: W2 has shape (4, 2), expected (2, 4)", e.getMessage());
    }

    @Test
    void aParametersFileIsNotACheckpoint() throws IOException {
        Path file = dir.resolve("params.npz");
        ParametersNpz.write(file, full().parameters());
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> CheckpointIO.read(file, NET));
        assertEquals("params.npz: no entry checkpoint.json; it holds the arrays [W1, b1, W2, b2]", e.getMessage());
    }

    @Test
    void aMissingOptimizerArrayIsNamed() throws IOException {
        Path file = rewrite(full(), "optimizer.v", null);
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> CheckpointIO.read(file, NET));
        assertTrue(e.getMessage().startsWith("ckpt.npz: no entry optimizer.v.npy"), e.getMessage());
    }

    @Test
    void standardisationOfTheWrongLengthIsNamed() throws IOException {
        Path file = rewrite(full(), "standardization.means", NpyArray.of(new double[4], 4));
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> CheckpointIO.read(file, NET));
        assertEquals("checkpoint.json in ckpt.npz: the network has 3 inputs; got 4 means and 3 scales", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"format\": \"netsmith-checkpoint\", \"version\": 1,|malformed JSON: expected a member name at character 47",
            "{\"format\": \"netsmith-checkpoint\", \"version\": 2}|checkpoint format version 2; this Netsmith reads version 1",
            "{\"format\": \"pickle\"}|not a Netsmith checkpoint (format \"pickle\")",
            "{\"format\": \"netsmith-checkpoint\", \"version\": \"1\"}|\"version\" must be an integer, was a string",
            "{\"format\": \"netsmith-checkpoint\", \"version\": 1}|missing \"fingerprint\"",
            "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]|malformed JSON: nested deeper than 16 levels at character 17"})
    void damagedMetadataIsNamed(String metadataAndProblem) throws IOException {
        String[] parts = metadataAndProblem.split("\\|");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.writeText(CheckpointIO.METADATA, parts[0]);
            ParametersNpz.writeTo(npz, full().parameters());
        }
        Path file = Files.write(dir.resolve("ckpt.npz"), bytes.toByteArray());
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> CheckpointIO.read(file, NET));
        assertEquals("checkpoint.json in ckpt.npz: " + parts[1], e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1, 100, 0.25, 0.5, 0.75, -1})
    void aFailureAnywhereInAWriteLeavesThePreviousCheckpointIntact(double where) throws IOException {
        Path file = dir.resolve("ckpt.npz");
        Parameters older = ParametersNpzTest.sample(ParameterLayout.of(NET.sizes()));
        older.values()[0] = 42;
        CheckpointIO.write(file, Checkpoint.of(NET, older).withLabels(List.of("old")));
        byte[] previous = Files.readAllBytes(file);

        Checkpoint newer = full();
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        CheckpointIO.writeTo(whole, newer);
        long size = whole.size();
        long failAfter = where == -1 ? size - 1 : where < 1 ? (long) (where * size) : (long) where;

        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.write(file, out -> CheckpointIO.writeTo(new TestFiles.FailingStream(out, failAfter), newer)));
        assertEquals("injected failure", e.getMessage());
        assertArrayEquals(previous, Files.readAllBytes(file));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
        assertEquals(42, CheckpointIO.read(file, NET).parameters().get(0));
    }

    /** Copies a checkpoint's entries, replacing one array (or dropping it, for {@code null}). */
    private Path rewrite(Checkpoint checkpoint, String name, NpyArray replacement) throws IOException {
        Path original = dir.resolve("original.npz");
        CheckpointIO.write(original, checkpoint);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzReader in = NpzReader.open(original); NpzWriter out = new NpzWriter(bytes)) {
            out.writeText(CheckpointIO.METADATA, in.readText(CheckpointIO.METADATA, 1 << 20));
            for (String entry : in.names()) {
                NpyArray array = entry.equals(name) ? replacement : in.read(entry);
                if (array != null) {
                    out.write(entry, array);
                }
            }
        }
        Files.delete(original);
        return Files.write(dir.resolve("ckpt.npz"), bytes.toByteArray());
    }
}
