package dev.netsmith.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.Parameters;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParametersNpzTest {

    private static final ParameterLayout LAYOUT = ParameterLayout.of(3, 4, 2);

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryBitAndTheCourseShapes() throws IOException {
        Parameters params = sample(LAYOUT);
        Path file = dir.resolve("params.npz");
        ParametersNpz.write(file, params);

        Parameters back = ParametersNpz.read(file, LAYOUT);
        assertArrayEquals(params.values(), back.values());
        try (NpzReader npz = NpzReader.open(file)) {
            assertEquals(List.of("W1", "b1", "W2", "b2"), npz.names());
            assertArrayEquals(new int[] {4, 3}, npz.shape("W1"));
            assertArrayEquals(new int[] {4, 1}, npz.shape("b1"));
            assertArrayEquals(new int[] {2, 4}, npz.shape("W2"));
            assertArrayEquals(new int[] {2, 1}, npz.shape("b2"));
            assertArrayEquals(flat(params.tensor("W2")), npz.read("W2").data());
        }
    }

    @Test
    void theSameParametersGiveTheSameBytes() throws IOException {
        Path a = dir.resolve("a.npz");
        Path b = dir.resolve("b.npz");
        ParametersNpz.write(a, sample(LAYOUT));
        ParametersNpz.write(b, sample(LAYOUT));
        assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
    }

    @Test
    void readsParametersNumpyWroteInTheCourseShapes() throws IOException {
        Parameters p = ParametersNpz.read(TestFiles.resource("golden_parameters_3_4_2.npz"), LAYOUT);
        for (int l = 1; l <= 2; l++) {
            double[][] w = p.tensor("W" + l);
            for (int i = 0; i < w.length; i++) {
                for (int k = 0; k < w[i].length; k++) {
                    assertEquals((i * w[i].length + k + 10 * l) / 8.0, w[i][k], "W" + l + "[" + i + "][" + k + "]");
                }
                assertEquals(-i / 4.0 - l, p.get("b" + l + "[" + i + "]"), "b" + l + "[" + i + "]");
            }
        }
    }

    @Test
    void aMissingTensorIsNamed() throws IOException {
        Path file = write(npz -> {
            npz.write("W1", NpyArray.of(new double[12], 4, 3));
            npz.write("b1", NpyArray.of(new double[4], 4, 1));
            npz.write("b2", NpyArray.of(new double[2], 2, 1));
        });
        assertMismatch(file, "params.npz does not fit a network of sizes [3, 4, 2]: W2 is missing");
    }

    @Test
    void everyMisshapenTensorIsNamedWithBothShapes() throws IOException {
        Path file = write(npz -> {
            npz.write("W1", NpyArray.of(new double[12], 3, 4));
            npz.write("b1", NpyArray.of(new double[4], 4));
            npz.write("W2", NpyArray.of(new double[8], 2, 4));
            npz.write("b2", NpyArray.of(new double[2], 2, 1));
        });
        assertMismatch(file, "params.npz does not fit a network of sizes [3, 4, 2]: "
                + "W1 has shape (3, 4), expected (4, 3); b1 has shape (4,), expected (4, 1)");
    }

    @Test
    void parametersOfADeeperNetworkDoNotLoad() throws IOException {
        Path file = dir.resolve("params.npz");
        ParametersNpz.write(file, sample(ParameterLayout.of(3, 4, 2, 2)));
        assertMismatch(file, "params.npz does not fit a network of sizes [3, 4, 2]: "
                + "W3 is not a tensor of this network; b3 is not a tensor of this network");
    }

    private void assertMismatch(Path file, String message) {
        ModelMismatchException e = assertThrows(ModelMismatchException.class, () -> ParametersNpz.read(file, LAYOUT));
        assertEquals(message, e.getMessage());
    }

    private interface Entries {
        void writeTo(NpzWriter npz) throws IOException;
    }

    private Path write(Entries entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (NpzWriter npz = new NpzWriter(bytes)) {
            entries.writeTo(npz);
        }
        return Files.write(dir.resolve("params.npz"), bytes.toByteArray());
    }

    /** Distinct, non-round values: entry i is i·π/10 − 1. */
    static Parameters sample(ParameterLayout layout) {
        double[] values = new double[layout.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * Math.PI / 10 - 1;
        }
        return new Parameters(layout, values);
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}
