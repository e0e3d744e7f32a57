package dev.netsmith.io;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Truncated, corrupt and hostile files: each must fail with an {@link NpzFormatException} that names the entry
 * and the problem, quickly and without allocating what the file merely claims.
 */
class HostileNpzTest {

    private static final String F8_2x3 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }";
    private static final byte[] SIX_DOUBLES = TestFiles.doubles(1, 2, 3, 4, 5, 6);

    @TempDir
    Path dir;

    static Stream<Arguments> hostileEntries() {
        return Stream.of(
                Arguments.of("bad magic", "not a .npy array", TestFiles.concat("\u0093NUMPZ".getBytes(StandardCharsets.ISO_8859_1),
                        new byte[] {1, 0, 0, 0})),
                Arguments.of("unknown version", "unsupported .npy format version 9.0", TestFiles.preamble(9, 118, 2)),
                Arguments.of("v1 header too long", "header of 60000 bytes is longer than the 10000", TestFiles.preamble(1, 60000, 2)),
                Arguments.of("v2 header too long", "header of 4294967295 bytes", TestFiles.preamble(2, 0xFFFFFFFFL, 4)),
                Arguments.of("truncated preamble", "truncated: the entry ends inside its header length", Arrays.copyOf(TestFiles.preamble(1, 118, 2), 9)),
                Arguments.of("truncated header", "truncated: the entry ends inside its header",
                        Arrays.copyOf(TestFiles.npy(F8_2x3, SIX_DOUBLES), 40)),
                Arguments.of("1e12 elements", "claims 1000000000000 elements",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 1000000), }")),
                Arguments.of("overflowing product", "claims more than 2^63 elements",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2000000000, 2000000000, 2000000000), }")),
                Arguments.of("negative dimension", "negative dimension -1",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 3), }")),
                Arguments.of("absurd dimension", "dimension 99999999999999999999999 is larger than any array",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999999999999999, 1), }")),
                Arguments.of("NaN dimension", "dimension 'nan' is not a non-negative integer",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (nan, 3), }")),
                Arguments.of("fractional dimension", "dimension '2.5' is not a non-negative integer",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2.5, 3), }")),
                Arguments.of("too many dimensions", "more than 64 dimensions",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (" + "1, ".repeat(65) + "), }")),
                Arguments.of("shape not a tuple", "the shape (n) is a number, not a tuple",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (6), }")),
                Arguments.of("complex dtype", "unsupported dtype '<c16'",
                        npy("{'descr': '<c16', 'fortran_order': False, 'shape': (2, 3), }")),
                Arguments.of("object dtype", "unsupported dtype '|O'",
                        npy("{'descr': '|O', 'fortran_order': False, 'shape': (2, 3), }")),
                Arguments.of("unicode dtype", "unsupported dtype '<U5'",
                        npy("{'descr': '<U5', 'fortran_order': False, 'shape': (2, 3), }")),
                Arguments.of("structured dtype", "expected the dtype as a quoted string",
                        npy("{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2, 3), }")),
                Arguments.of("missing key", "the header lacks shape",
                        npy("{'descr': '<f8', 'fortran_order': False, }")),
                Arguments.of("unknown key", "unexpected key 'evil'",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'evil': 1, }")),
                Arguments.of("duplicate key", "key 'shape' appears twice",
                        npy("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), 'shape': (1, 1), }")),
                Arguments.of("bad fortran_order", "fortran_order must be True or False",
                        npy("{'descr': '<f8', 'fortran_order': 'yes', 'shape': (2, 3), }")),
                Arguments.of("not a dict", "expected '{'",
                        npy("[('descr', '<f8')]")),
                Arguments.of("python code", "expected a key as a quoted string",
                        npy("{__import__('os').system('true'): 1}")),
                Arguments.of("text after the dict", "unexpected text after the dictionary",
                        npy(F8_2x3 + " junk")),
                Arguments.of("data shorter than claimed", "header claims 1248 (128 of header and 1120 of data for <f8, shape (20, 7))",
                        TestFiles.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (20, 7), }", new byte[100])),
                Arguments.of("data longer than claimed", "the zip directory gives it 184 bytes, its header claims 176",
                        TestFiles.npy(F8_2x3, TestFiles.concat(SIX_DOUBLES, new byte[8]))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEntries")
    void storedEntry(String description, String problem, byte[] entry) throws IOException {
        assertRejected(write(false, entry), problem);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileEntries")
    void deflatedEntry(String description, String problem, byte[] entry) throws IOException {
        assertRejected(write(true, entry), problem);
    }

    @Test
    void zipBombIsRejectedFromTheDirectoryBeforeInflating() throws IOException {
        byte[] bomb = TestFiles.npy(F8_2x3, TestFiles.concat(SIX_DOUBLES, new byte[8 << 20]));
        assertRejected(write(true, bomb), "the zip directory gives it 8388784 bytes, its header claims 176");
    }

    @Test
    void zipBombWithALyingDirectoryIsReadOnlyAsFarAsTheHeaderClaims() throws IOException {
        byte[] bomb = TestFiles.npy(F8_2x3, TestFiles.concat(SIX_DOUBLES, new byte[8 << 20]));
        byte[] zip = TestFiles.claimSize(TestFiles.zip(true, Map.of("x.npy", bomb)), "x.npy", 128 + 48);
        assertRejected(TestFiles.file(dir, "hostile.npz", zip), "more data follows the 48 bytes its header claims");
    }

    @Test
    void dataEndingEarlyBehindALyingDirectoryIsReported() throws IOException {
        byte[] entry = TestFiles.npy("{'descr': '<f8', 'fortran_order': False, 'shape': (20, 7), }", new byte[100]);
        byte[] zip = TestFiles.claimSize(TestFiles.zip(true, Map.of("x.npy", entry)), "x.npy", 128 + 1120);
        assertRejected(TestFiles.file(dir, "hostile.npz", zip), "data ends after 100 of the 1120 bytes its header claims (<f8, shape (20, 7))");
    }

    /** Without reading in chunks into a growing array, this would allocate 8 GB for a 1 kB file. */
    @Test
    void aConsistentButFalseClaimCostsMemoryOnlyForTheDataThatExists() throws IOException {
        byte[] entry = TestFiles.npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1000000000,), }", new byte[1000]);
        byte[] zip = TestFiles.claimSize(TestFiles.zip(true, Map.of("x.npy", entry)), "x.npy", 128 + 4_000_000_000L);
        assertRejected(TestFiles.file(dir, "hostile.npz", zip), "data ends after 1000 of the 4000000000 bytes");
    }

    @Test
    void corruptDataFailsTheCrc() throws IOException {
        byte[] zip = TestFiles.zip(false, Map.of("x.npy", TestFiles.npy(F8_2x3, SIX_DOUBLES)));
        byte[] sixth = TestFiles.doubles(6);
        int at = indexOf(zip, sixth);
        zip[at + 7] ^= 0x10;
        assertRejected(TestFiles.file(dir, "hostile.npz", zip), "CRC mismatch");
    }

    @Test
    void corruptDeflateStreamIsReported() throws IOException {
        byte[] zip = TestFiles.zip(true, Map.of("x.npy", TestFiles.npy(F8_2x3, SIX_DOUBLES)));
        int data = 30 + "x.npy".length();
        zip[data] = 0b111;
        assertRejected(TestFiles.file(dir, "hostile.npz", zip), "corrupt zip entry (invalid block type)");
    }

    @Test
    void notAZipFile() throws IOException {
        Path file = TestFiles.file(dir, "random.npz", "this is not a zip file at all, just text".getBytes(StandardCharsets.US_ASCII));
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzReader.open(file).close());
        assertTrue(e.getMessage().contains("random.npz: not a readable .npz (zip) file"), e.getMessage());
    }

    @Test
    void truncatedZipFile() throws IOException {
        byte[] whole = Files.readAllBytes(TestFiles.resource("golden_savez.npz"));
        Path file = TestFiles.file(dir, "truncated.npz", Arrays.copyOf(whole, whole.length / 2));
        NpzFormatException e = assertThrows(NpzFormatException.class, () -> NpzReader.open(file).close());
        assertTrue(e.getMessage().contains("truncated.npz: not a readable .npz (zip) file, it may be truncated"), e.getMessage());
    }

    @Test
    void emptyFile() throws IOException {
        Path file = TestFiles.file(dir, "empty.npz", new byte[0]);
        assertThrows(NpzFormatException.class, () -> NpzReader.open(file).close());
    }

    @Test
    void missingArrayIsNamedWithWhatTheFileHolds() throws IOException {
        Path file = write(false, TestFiles.npy(F8_2x3, SIX_DOUBLES));
        try (NpzReader npz = NpzReader.open(file)) {
            NpzFormatException e = assertThrows(NpzFormatException.class, () -> npz.read("W1"));
            assertTrue(e.getMessage().contains("no entry W1.npy; it holds the arrays [x]"), e.getMessage());
        }
    }

    private static byte[] npy(String dict) {
        return TestFiles.npy(dict, SIX_DOUBLES);
    }

    private Path write(boolean deflate, byte[] entry) throws IOException {
        return TestFiles.file(dir, "hostile.npz", TestFiles.zip(deflate, Map.of("x.npy", entry)));
    }

    private static NpzFormatException assertRejected(Path file, String problem) throws IOException {
        try (NpzReader npz = NpzReader.open(file)) {
            NpzFormatException e = assertThrows(NpzFormatException.class, () -> npz.read("x"));
            assertTrue(e.getMessage().startsWith("x.npy in hostile.npz: "), e.getMessage());
            assertTrue(e.getMessage().contains(problem), () -> "expected \"" + problem + "\" in: " + e.getMessage());
            return e;
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(haystack, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
