package dev.netsmith.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netsmith.train.OptimizerState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * numpy itself reads what Netsmith writes (run only where python3 with numpy is installed; elsewhere these
 * tests are skipped, while the golden files numpy wrote are always read by {@link NpzGoldenFilesTest}).
 */
class NumpyInteropTest {

    @TempDir
    Path dir;

    private static Boolean numpyInstalled;

    @BeforeEach
    void numpyIsInstalled() throws InterruptedException {
        if (numpyInstalled == null) {
            try {
                Process p = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                numpyInstalled = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
            } catch (IOException e) {
                numpyInstalled = false;
            }
        }
        assumeTrue(numpyInstalled, "python3 with numpy is not installed");
    }

    @Test
    void numpyLoadsACheckpointWithoutPickle() throws Exception {
        Checkpoint checkpoint = CheckpointIOTest.full();
        Path file = dir.resolve("ckpt.npz");
        CheckpointIO.write(file, checkpoint);
        List<String[]> lines = numpyReads(file);

        Checkpoint.Standardization s = checkpoint.standardization().orElseThrow();
        OptimizerState o = checkpoint.optimizer().orElseThrow();
        List<String> expected = new ArrayList<>();
        expected.add("json\tcheckpoint.json");
        for (String name : List.of("W1", "b1", "W2", "b2")) {
            double[][] t = checkpoint.parameters().tensor(name);
            expected.add(array(name, "(" + t.length + ", " + t[0].length + ")", flat(t)));
        }
        expected.add(array("standardization.means", "(3,)", s.means()));
        expected.add(array("standardization.scales", "(3,)", s.scales()));
        expected.add(array("optimizer.m", "(" + o.arrays().get("m").length + ",)", o.arrays().get("m")));
        expected.add(array("optimizer.v", "(" + o.arrays().get("v").length + ",)", o.arrays().get("v")));
        List<String> actual = new ArrayList<>();
        for (String[] line : lines) {
            actual.add(line[0].equals("json") ? line[0] + "\t" + line[1] : String.join("\t", line));
        }
        assertEquals(expected, actual);

        Json.Fields meta = Json.parseObject(lines.get(0)[2], "numpy's view of checkpoint.json");
        assertEquals("netsmith-checkpoint", meta.string("format"));
        assertEquals(1, meta.integer("version"));
        assertEquals(checkpoint.fingerprint(), meta.string("fingerprint"));
        assertEquals(checkpoint.canonicalForm(), meta.string("architecture"));
        assertEquals(checkpoint.labels(), meta.strings("labels"));
        assertTrue(meta.bool("standardized"));
        Json.Fields optimizer = meta.objectOrNull("optimizer");
        assertEquals("adam", optimizer.string("name"));
        assertEquals(1234, optimizer.integer("step"));
        assertEquals(List.of("m", "v"), optimizer.strings("arrays"));
    }

    @Test
    void numpyLoadsScalarsEmptyAndManyDimensionalArrays() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double[] cube = new double[24];
        for (int i = 0; i < cube.length; i++) {
            cube[i] = i - 0.5;
        }
        try (NpzWriter npz = new NpzWriter(bytes)) {
            npz.write("scalar", NpyArray.of(new double[] {Math.E}));
            npz.write("empty", NpyArray.of(new double[0], 0, 3));
            npz.write("cube", NpyArray.of(cube, 2, 3, 4));
        }
        Path file = Files.write(dir.resolve("arrays.npz"), bytes.toByteArray());
        List<String> actual = numpyReads(file).stream().map(line -> String.join("\t", line)).toList();
        assertEquals(List.of(array("scalar", "()", Math.E), array("empty", "(0, 3)"), array("cube", "(2, 3, 4)", cube)), actual);
        try (NpzReader npz = NpzReader.open(file)) {
            assertArrayEquals(cube, npz.read("cube").data());
        }
    }

    private static List<String[]> numpyReads(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("python3", TestFiles.resource("numpy_reads.py").toString(), file.toString())
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "python3 did not finish");
        assertEquals(0, p.exitValue(), output);
        return output.lines().map(line -> line.split("\t")).toList();
    }

    private static String array(String name, String shape, double... values) {
        return String.join("\t", "array", name, "<f8", shape, sha256(TestFiles.doubles(values)));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static double[] flat(double[][] rows) {
        return Arrays.stream(rows).flatMapToDouble(Arrays::stream).toArray();
    }
}
