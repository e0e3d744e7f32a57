package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CsvReaderTest {

    private static final CsvFormat SKLEARN = CsvFormat.csv().withClassNamesFromHeader();

    // ---- the shipped formats

    @Test
    void readsIrisWithClassNamesFromItsHeader() throws IOException {
        Dataset iris = CsvReader.read(resource("iris_excerpt.csv"), SKLEARN);
        assertEquals(4, iris.features());
        assertEquals(6, iris.size());
        assertEquals(List.of("setosa", "versicolor", "virginica"), iris.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1, 2, 2}, iris.labels());
        assertArrayEquals(new double[] {5.1, 4.9, 7.0, 6.4, 6.3, 5.8}, iris.x()[0]);
        assertArrayEquals(new double[] {0.2, 0.2, 1.4, 1.5, 2.5, 1.9}, iris.x()[3]);
    }

    @Test
    void readsBreastCancerAsTwoNamedClasses() throws IOException {
        Dataset cancer = CsvReader.read(resource("breast_cancer_excerpt.csv"), SKLEARN);
        assertEquals(30, cancer.features());
        assertEquals(List.of("malignant", "benign"), cancer.classNames());
        assertArrayEquals(new int[] {0, 0, 1, 1}, cancer.labels());
        assertEquals(17.99, cancer.x()[0][0]);
        assertEquals(0.1189, cancer.x()[29][0]);
        assertEquals(0.08183, cancer.x()[29][3]);
    }

    @Test
    void readsGzippedDigitsWithoutHeaderAndInfersTheClasses() throws IOException {
        Dataset gzipped = CsvReader.read(resource("digits_excerpt.csv.gz"), CsvFormat.csv());
        Dataset plain = CsvReader.read(resource("digits_excerpt.csv"), CsvFormat.csv());
        assertEquals(64, gzipped.features());
        assertEquals(5, gzipped.size());
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, gzipped.labels());
        assertEquals(List.of("0", "1", "2", "3", "4"), gzipped.classNames());
        assertEquals(4.0, gzipped.x()[3][2]);
        assertEquals(15.0, gzipped.x()[4][2]);
        assertTrue(Arrays.deepEquals(plain.x(), gzipped.x()));
        Dataset named = CsvReader.read(resource("digits_excerpt.csv.gz"),
                CsvFormat.csv().withClassNames("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
        assertEquals(10, named.classes());
    }

    @Test
    void recognisesGzipByItsMagicBytesNotItsName() throws IOException {
        String text = "1,2,0\n3,4,1\n";
        Dataset gzipped = CsvReader.read(new ByteArrayInputStream(gzip(text)), "misnamed.csv", CsvFormat.csv());
        Dataset plain = CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "misnamed.csv.gz",
                CsvFormat.csv());
        assertArrayEquals(new double[] {1, 3}, gzipped.x()[0]);
        assertArrayEquals(new double[] {1, 3}, plain.x()[0]);
    }

    // ---- options

    @Test
    void skipsHeaderLinesButCountsThemInLineNumbers() throws IOException {
        Dataset data = read("pixel_a,pixel_b,digit\n# a comment line\n1,2,0\n3,4,1\n", CsvFormat.csv().withHeaderLines(2));
        assertArrayEquals(new double[] {2, 4}, data.x()[1]);
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> read("a,b,label\n1,2,0\n3,x,1\n", CsvFormat.csv().withHeaderLines(1)));
        assertEquals("test.csv line 3, column 2: \"x\" is not a number", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(2, e.column());
    }

    @Test
    void takesTheLabelFromAnyColumn() throws IOException {
        Dataset data = read("2,10,20\n0,30,40\n1,50,60\n", CsvFormat.csv().withLabelColumn(0));
        assertArrayEquals(new int[] {2, 0, 1}, data.labels());
        assertArrayEquals(new double[] {10, 30, 50}, data.x()[0]);
        assertArrayEquals(new double[] {20, 40, 60}, data.x()[1]);
    }

    @Test
    void readsOnlyTheChosenFeatureColumnsInTheirOrder() throws IOException {
        Dataset data = read("id-7,1.5,x,2.5,1\nid-8,3.5,y,4.5,0\n", CsvFormat.csv().withFeatureColumns(3, 1));
        assertEquals(2, data.features());
        assertArrayEquals(new double[] {2.5, 4.5}, data.x()[0]);
        assertArrayEquals(new double[] {1.5, 3.5}, data.x()[1]);
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void readsOtherDelimitersLineEndsAndBlankLines() throws IOException {
        Dataset data = read("\uFEFF1;-2.5e1;1\r\n\r\n  \n+3 ; .5;0\r\n", CsvFormat.csv().withDelimiter(';'));
        assertArrayEquals(new double[] {1, 3}, data.x()[0]);
        assertArrayEquals(new double[] {-25, 0.5}, data.x()[1]);
        assertArrayEquals(new int[] {1, 0}, data.labels());
    }

    @Test
    void readsRealTargetsForRegression() throws IOException {
        Dataset data = read("1,2,0.25\n3,4,-7.5\n", CsvFormat.csv().withRealTargets());
        assertFalse(data.isClassification());
        assertArrayEquals(new double[] {0.25, -7.5}, data.targets());
    }

    @Test
    void formatsAreImmutableValues() {
        CsvFormat base = CsvFormat.csv();
        CsvFormat chosen = base.withFeatureColumns(3, 1).withLabelColumn(0).withDelimiter('\t').withHeaderLines(2);
        assertArrayEquals(new int[0], base.featureColumns());
        assertEquals(CsvFormat.LAST, base.labelColumn());
        assertEquals(',', base.delimiter());
        assertEquals(0, base.headerLines());
        assertArrayEquals(new int[] {3, 1}, chosen.featureColumns());
        assertEquals(0, chosen.labelColumn());
        assertEquals('\t', chosen.delimiter());
        assertEquals(2, chosen.headerLines());
        assertEquals(1 << 26, base.maxValues());
    }

    @Test
    void refusesFormatOptionsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.csv().withDelimiter('.'));
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.csv().withDelimiter('\n'));
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.csv().withLabelColumn(-2));
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.csv().withFeatureColumns(1, 1));
        assertThrows(IllegalArgumentException.class, () -> CsvFormat.csv().withClassNames("cat", "cat"));
        assertThrows(IllegalArgumentException.class, () -> SKLEARN.withHeaderLines(0));
        assertEquals(1, SKLEARN.headerLines());
    }

    // ---- malformed input

    static Stream<Arguments> malformedCells() {
        return Stream.of(
                Arguments.of("abc", 2, "\"abc\" is not a number"),
                Arguments.of("", 2, "the value is missing"),
                Arguments.of(" ", 2, "the value is missing"),
                Arguments.of("NaN", 2, "\"NaN\" is not finite: NaN and infinities are not allowed"),
                Arguments.of("-inf", 2, "\"-inf\" is not finite: NaN and infinities are not allowed"),
                Arguments.of("Infinity", 2, "\"Infinity\" is not finite: NaN and infinities are not allowed"),
                Arguments.of("1e999", 2, "\"1e999\" is too large for a double"),
                Arguments.of("0x1p3", 2, "\"0x1p3\" is not a number"),
                Arguments.of("2d", 2, "\"2d\" is not a number"),
                Arguments.of("1e", 2, "\"1e\" is not a number"),
                Arguments.of("1.2.3", 2, "\"1.2.3\" is not a number"));
    }

    @ParameterizedTest
    @MethodSource("malformedCells")
    void namesTheLineAndColumnOfABadCell(String cell, int column, String problem) {
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> read("1,2,0\n3," + cell + ",1\n", CsvFormat.csv()));
        assertEquals("test.csv line 2, column " + column + ": " + problem, e.getMessage());
    }

    @Test
    void namesTheGzippedFileLineAndColumn() {
        StringBuilder text = new StringBuilder();
        String pixels = "0,".repeat(64);
        for (int line = 1; line < 17; line++) {
            text.append(pixels).append(line % 10).append('\n');
        }
        text.append(pixels).append("abc\n");
        CsvFormatException e = assertThrows(CsvFormatException.class,
                () -> CsvReader.read(new ByteArrayInputStream(gzip(text.toString())), "digits.csv.gz", CsvFormat.csv()));
        assertEquals("digits.csv.gz line 17, column 65: \"abc\" is not a number", e.getMessage());
    }

    @Test
    void namesRaggedLines() {
        assertMessage("test.csv line 3: 2 columns, but line 1 has 3", "1,2,0\n3,4,1\n5,0\n", CsvFormat.csv());
        assertMessage("test.csv line 2: 4 columns, but line 1 has 3", "1,2,0\n3,4,1,0\n", CsvFormat.csv());
    }

    @Test
    void refusesLabelsThatAreNotClassNumbers() {
        assertMessage("test.csv line 2, column 3: label 1.5 is not a class number (0, 1, 2, …); for real-valued targets use "
                + "CsvFormat.withRealTargets()", "1,2,0\n3,4,1.5\n", CsvFormat.csv());
        assertMessage("test.csv line 1, column 3: label -1 is out of range: class numbers start at 0", "1,2,-1\n", CsvFormat.csv());
        assertMessage("test.csv line 1, column 3: label 70000 is too large to infer the number of classes from (at most 65536 classes "
                + "are inferred); name the classes with CsvFormat.withClassNames", "1,2,70000\n", CsvFormat.csv());
        assertMessage("test.csv line 2, column 3: label 2 is out of range: the classes are 0..1 [cat, dog]",
                "1,2,0\n3,4,2\n", CsvFormat.csv().withClassNames("cat", "dog"));
        assertMessage("test.csv line 3, column 1: label 3 is out of range: the classes are 0..2 [a, b, c]",
                "2,2,a,b,c\n0,1,2\n3,4,5\n", SKLEARN.withLabelColumn(0));
    }

    @Test
    void refusesEmptyFiles() {
        assertMessage("test.csv: the file is empty", "", CsvFormat.csv());
        assertMessage("test.csv: no examples, only blank lines", "\n \n\n", CsvFormat.csv());
        assertMessage("test.csv: the file is empty", "", SKLEARN);
        assertMessage("test.csv: no examples after the 1 header line(s)", "0,2,a,b\n", SKLEARN);
        assertMessage("test.csv: the file ends inside its 3 header lines", "a\nb\n", CsvFormat.csv().withHeaderLines(3));
    }

    @Test
    void checksTheCountsAScikitLearnHeaderDeclares() {
        assertMessage("test.csv line 1, column 1: the header declares 3 examples, the file has 2", "3,2,a,b\n1,2,0\n3,4,1\n", SKLEARN);
        assertMessage("test.csv line 2: 3 columns, but the header (line 1) declares 4 features and a label",
                "2,4,a,b\n1,2,0\n3,4,1\n", SKLEARN);
        assertMessage("test.csv line 1, column 2: \"four\" is not a number of features (expected a header "
                + "n_samples,n_features,class names…)", "2,four,a,b\n1,2,0\n", SKLEARN);
        assertMessage("test.csv line 1: expected a header n_samples,n_features,class names…, found \"x,y\"", "x,y\n1,2\n", SKLEARN);
        assertMessage("test.csv line 1, column 4: the class name is missing", "1,2,a,,c\n1,2,0\n", SKLEARN);
        assertMessage("test.csv line 1: class name \"a\" appears twice: [a, b, a]", "1,2,a,b,a\n1,2,0\n", SKLEARN);
    }

    @Test
    void namesColumnsThatDoNotExist() {
        assertMessage("test.csv line 1: the label column is column 5, but the line has 3 columns", "1,2,0\n",
                CsvFormat.csv().withLabelColumn(4));
        assertMessage("test.csv line 1: feature column is column 4, but the line has 3 columns", "1,2,0\n",
                CsvFormat.csv().withFeatureColumns(0, 3));
        assertMessage("test.csv line 1, column 3: this column is both the label and a feature", "1,2,0\n",
                CsvFormat.csv().withFeatureColumns(0, 2));
        assertMessage("test.csv line 1: only one column: there is a label but no feature", "1\n", CsvFormat.csv());
    }

    @Test
    void refusesALineLongerThanTheLimitWithoutReadingItAll() {
        long[] served = {0};
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served[0]++;
                return '7';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                Arrays.fill(b, off, off + len, (byte) '7');
                served[0] += len;
                return len;
            }
        };
        CsvFormatException e = assertThrows(CsvFormatException.class, () -> CsvReader.read(endless, "huge.csv", CsvFormat.csv()));
        assertEquals("huge.csv line 1: the line is longer than 1048576 characters (is this a text file with one example per line?)",
                e.getMessage());
        assertTrue(served[0] < 2 * CsvReader.MAX_LINE_LENGTH, "read " + served[0] + " bytes");
    }

    @Test
    void refusesMoreValuesThanTheLimit() throws IOException {
        CsvFormat sixValues = CsvFormat.csv().withMaxValues(6);
        assertEquals(2, read("1,2,0\n3,4,1\n", sixValues).size());
        assertMessage("test.csv line 3: more than 6 values; if the data set really is this large, raise CsvFormat.withMaxValues",
                "1,2,0\n3,4,1\n5,6,0\n", sixValues);
    }

    @Test
    void namesTheFileOfABrokenGzipStream() throws IOException {
        byte[] full = gzip("1,2,0\n".repeat(1000));
        byte[] truncated = Arrays.copyOf(full, full.length / 2);
        IOException e = assertThrows(IOException.class,
                () -> CsvReader.read(new ByteArrayInputStream(truncated), "cut.csv.gz", CsvFormat.csv()));
        assertTrue(e.getMessage().startsWith("cut.csv.gz line "), e.getMessage());
        IOException header = assertThrows(IOException.class,
                () -> CsvReader.read(new ByteArrayInputStream(new byte[] {0x1f, (byte) 0x8b, 1}), "bad.gz", CsvFormat.csv()));
        assertTrue(header.getMessage().startsWith("bad.gz: starts like gzip but is not valid gzip"), header.getMessage());
    }

    // ---- helpers

    private static void assertMessage(String expected, String text, CsvFormat format) {
        assertEquals(expected, assertThrows(CsvFormatException.class, () -> read(text, format)).getMessage());
    }

    private static Dataset read(String text, CsvFormat format) throws IOException {
        return CsvReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "test.csv", format);
    }

    static Path resource(String name) {
        try {
            return Path.of(CsvReaderTest.class.getResource("/data/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
