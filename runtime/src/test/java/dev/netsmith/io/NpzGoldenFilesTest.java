package dev.netsmith.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Files written by numpy itself (see src/test/resources/io/make_golden.py), each value recomputed here. */
class NpzGoldenFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"golden_savez.npz", "golden_savez_compressed.npz"})
    void readsEveryDtypeAndOrderNumpyWrote(String file) throws IOException {
        try (NpzReader npz = NpzReader.open(TestFiles.resource(file))) {
            assertEquals(List.of("f8", "f8_big", "f4", "i8", "i4", "fortran", "fortran3d", "deep", "scalar", "empty"), npz.names());

            double[] sevenths = new double[12];
            for (int i = 0; i < 12; i++) {
                sevenths[i] = i / 7.0 - 0.5;
            }
            assertArray(npz.read("f8"), new int[] {3, 4}, sevenths);
            assertArray(npz.read("fortran"), new int[] {3, 4}, sevenths);
            assertArray(npz.read("f8_big"), new int[] {2, 3}, 0 / 7.0, 1 / 7.0, 2 / 7.0, 3 / 7.0, 4 / 7.0, 5 / 7.0);
            assertArray(npz.read("f4"), new int[] {2, 3}, (float) (0 / 3.0), (float) (1 / 3.0), (float) (2 / 3.0), (float) (3 / 3.0),
                    (float) (4 / 3.0), (float) (5 / 3.0));
            assertArray(npz.read("i8"), new int[] {2, 3}, 0, -1, 0x1p53, 7, -0x1p40, 123456789012.0);
            assertArray(npz.read("i4"), new int[] {5}, Integer.MIN_VALUE, -1, 0, 1, Integer.MAX_VALUE);
            double[] counting = new double[24];
            for (int i = 0; i < 24; i++) {
                counting[i] = i;
            }
            assertArray(npz.read("fortran3d"), new int[] {2, 3, 4}, counting);
            int[] deep = new int[15];
            Arrays.fill(deep, 1);
            deep[0] = 2;
            assertArray(npz.read("deep"), deep, 0, 1);
            assertArray(npz.read("scalar"), new int[] {}, 2.5);
            assertArray(npz.read("empty"), new int[] {0, 3});
        }
    }

    @Test
    void writesTheSameNpyBytesAsNumpy() throws IOException {
        Path golden = TestFiles.resource("golden_savez.npz");
        try (NpzReader npz = NpzReader.open(golden)) {
            for (String name : List.of("f8", "deep", "scalar", "empty")) {
                NpyArray array = npz.read(name);
                ByteArrayOutputStream java = new ByteArrayOutputStream();
                Npy.write(java, array.data(), 0, array.shape());
                assertArrayEquals(TestFiles.entryBytes(golden, name + ".npy"), java.toByteArray(), name);
            }
        }
    }

    private static void assertArray(NpyArray actual, int[] shape, double... data) {
        assertArrayEquals(shape, actual.shape(), "shape");
        assertArrayEquals(data, actual.data(), "data");
    }
}
