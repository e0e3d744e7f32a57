package dev.netsmith.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a data set from a CSV file, plain or gzip-compressed, one example per line, and transposes it into
 * the course's layout on the way in. Every problem with the file is a {@link CsvFormatException} naming the
 * file, the line (1-based, header lines included) and, for a bad cell, the column (1-based); blank lines are
 * skipped. Memory stays bounded whatever the input: lines longer than {@link #MAX_LINE_LENGTH} characters and
 * files of more than {@link CsvFormat#maxValues()} values are refused, and nothing is allocated from counts
 * a header declares.
 */
public final class CsvReader {

    /** The longest line read, in characters: 1 MiB, room for over 100,000 features. */
    public static final int MAX_LINE_LENGTH = 1 << 20;

    /** The most classes inferred from the labels alone; with more, the format must name them. */
    static final int MAX_INFERRED_CLASSES = 1 << 16;

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int QUOTED_LENGTH = 40;

    private final String source;
    private final CsvFormat format;
    private final LineReader lines;
    /** ends[c] is the index just past column c in the current line; column c starts after ends[c - 1]. */
    private int[] ends = new int[64];
    /** The class names when known before the examples (given or from the header), else null. */
    private List<String> classNames;
    private long declaredExamples = -1;
    private int declaredFeatures = -1;
    private int columns;
    private long firstExampleLine;
    private int labelColumn;
    private int[] featureColumns;
    private double[] row;
    private ColumnBuffer data;
    private int largestLabel = -1;

    private CsvReader(String source, CsvFormat format, LineReader lines) {
        this.source = source;
        this.format = format;
        this.lines = lines;
    }

    /** Reads a file; gzip compression is recognised by its magic bytes, whatever the file's name. */
    public static Dataset read(Path file, CsvFormat format) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), format);
        }
    }

    /**
     * Reads a stream to its end (the caller closes it), e.g. a class-path resource; gzip compression is
     * recognised by its magic bytes. {@code source} names the stream in error messages.
     */
    public static Dataset read(InputStream in, String source, CsvFormat format) throws IOException {
        InputStreamReader text = new InputStreamReader(decompressed(in, source), StandardCharsets.UTF_8);
        return new CsvReader(source, format, new LineReader(text, source, MAX_LINE_LENGTH)).read();
    }

    private static InputStream decompressed(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        boolean gzip = buffered.read() == GZIP_MAGIC_1 && buffered.read() == GZIP_MAGIC_2;
        buffered.reset();
        if (!gzip) {
            return buffered;
        }
        try {
            return new GZIPInputStream(buffered);
        } catch (IOException e) {
            throw new IOException(source + ": starts like gzip but is not valid gzip: " + e.getMessage(), e);
        }
    }

    private Dataset read() throws IOException {
        readHeader();
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (!line.isBlank()) {
                readExample(line);
            }
        }
        if (data == null) {
            throw new CsvFormatException(source, 0, 0, lines.number() == 0 ? "the file is empty"
                    : format.headerLines() == 0 ? "no examples, only blank lines"
                    : "no examples after the " + format.headerLines() + " header line(s)");
        }
        if (declaredExamples >= 0 && declaredExamples != data.rows()) {
            throw new CsvFormatException(source, 1, 1, "the header declares " + declaredExamples + " examples, the file has "
                    + data.rows());
        }
        double[][] values = data.columns();
        return new Dataset(Arrays.copyOf(values, values.length - 1), values[values.length - 1], finalClassNames());
    }

    private void readHeader() throws IOException {
        for (int h = 1; h <= format.headerLines(); h++) {
            String line = lines.next();
            if (line == null) {
                throw new CsvFormatException(source, 0, 0, h == 1 ? "the file is empty"
                        : "the file ends inside its " + format.headerLines() + " header lines");
            }
            if (h == 1 && format.labels() == CsvFormat.Labels.CLASSES_FROM_HEADER) {
                readScikitLearnHeader(line);
            }
        }
        if (format.labels() == CsvFormat.Labels.NAMED_CLASSES) {
            classNames = format.classNames();
        }
    }

    /** {@code n_samples,n_features,name_0,name_1,…}, as in the CSV files scikit-learn ships. */
    private void readScikitLearnHeader(String line) {
        int count = split(line);
        if (count < 3) {
            throw new CsvFormatException(source, 1, 0, "expected a header n_samples,n_features,class names…, found "
                    + quote(line));
        }
        declaredExamples = headerCount(line, 0, "examples");
        declaredFeatures = headerCount(line, 1, "features");
        List<String> names = new ArrayList<>(count - 2);
        for (int c = 2; c < count; c++) {
            if (cell(line, c).isEmpty()) {
                throw new CsvFormatException(source, 1, c + 1, "the class name is missing");
            }
            names.add(cell(line, c));
        }
        try {
            classNames = Dataset.checkClassNames(names);
        } catch (IllegalArgumentException e) {
            throw new CsvFormatException(source, 1, 0, e.getMessage());
        }
    }

    private int headerCount(String line, int column, String what) {
        String text = cell(line, column);
        if (!NumberSyntax.isDigits(text) || text.length() > 9) {
            throw new CsvFormatException(source, 1, column + 1, quote(text) + " is not a number of " + what
                    + " (expected a header n_samples,n_features,class names…)");
        }
        return Integer.parseInt(text);
    }

    private void readExample(String line) {
        int count = split(line);
        if (data == null) {
            startExamples(count);
        } else if (count != columns) {
            throw new CsvFormatException(source, lines.number(), 0, count + " columns, but line " + firstExampleLine
                    + " has " + columns);
        }
        if (data.isFull()) {
            throw new CsvFormatException(source, lines.number(), 0, "more than " + format.maxValues()
                    + " values; if the data set really is this large, raise CsvFormat.withMaxValues");
        }
        for (int i = 0; i < featureColumns.length; i++) {
            row[i] = number(line, featureColumns[i]);
        }
        row[featureColumns.length] = label(line);
        data.append(row);
    }

    /** The first example fixes the number of columns and so where the label and features are. */
    private void startExamples(int count) {
        long at = lines.number();
        if (declaredFeatures >= 0 && count != declaredFeatures + 1) {
            throw new CsvFormatException(source, at, 0, count + " columns, but the header (line 1) declares "
                    + declaredFeatures + " features and a label");
        }
        labelColumn = format.labelColumn() == CsvFormat.LAST ? count - 1 : format.labelColumn();
        checkColumnExists("the label column", labelColumn, count, at);
        featureColumns = format.featureColumns();
        if (featureColumns.length == 0) {
            featureColumns = new int[count - 1];
            for (int c = 0, i = 0; c < count; c++) {
                if (c != labelColumn) {
                    featureColumns[i++] = c;
                }
            }
        }
        for (int column : featureColumns) {
            checkColumnExists("feature column", column, count, at);
            if (column == labelColumn) {
                throw new CsvFormatException(source, at, column + 1, "this column is both the label and a feature");
            }
        }
        if (featureColumns.length == 0) {
            throw new CsvFormatException(source, at, 0, "only one column: there is a label but no feature");
        }
        columns = count;
        firstExampleLine = at;
        row = new double[featureColumns.length + 1];
        data = new ColumnBuffer(row.length, format.maxValues() / row.length);
    }

    private void checkColumnExists(String what, int column, int count, long at) {
        if (column >= count) {
            throw new CsvFormatException(source, at, 0, what + " is column " + (column + 1) + ", but the line has "
                    + count + " columns");
        }
    }

    private double label(String line) {
        double value = number(line, labelColumn);
        if (format.labels() == CsvFormat.Labels.TARGETS) {
            return value;
        }
        String text = cell(line, labelColumn);
        if (value != Math.rint(value)) {
            throw labelError(text + " is not a class number (0, 1, 2, …); for real-valued targets use "
                    + "CsvFormat.withRealTargets()");
        }
        if (value < 0) {
            throw labelError(text + " is out of range: class numbers start at 0");
        }
        if (classNames != null && value >= classNames.size()) {
            throw labelError(text + " is out of range: the classes are 0.." + (classNames.size() - 1) + " " + classNames);
        }
        if (classNames == null && value >= MAX_INFERRED_CLASSES) {
            throw labelError(text + " is too large to infer the number of classes from (at most " + MAX_INFERRED_CLASSES
                    + " classes are inferred); name the classes with CsvFormat.withClassNames");
        }
        int label = (int) value;
        largestLabel = Math.max(largestLabel, label);
        return label;
    }

    private CsvFormatException labelError(String problem) {
        return new CsvFormatException(source, lines.number(), labelColumn + 1, "label " + problem);
    }

    private List<String> finalClassNames() {
        return switch (format.labels()) {
            case TARGETS -> List.of();
            case NAMED_CLASSES, CLASSES_FROM_HEADER -> classNames;
            case INFERRED_CLASSES -> {
                List<String> numbers = new ArrayList<>(largestLabel + 1);
                for (int c = 0; c <= largestLabel; c++) {
                    numbers.add(Integer.toString(c));
                }
                yield List.copyOf(numbers);
            }
        };
    }

    /** A finite number in plain decimal notation (see {@link NumberSyntax}). */
    private double number(String line, int column) {
        String text = cell(line, column);
        if (text.isEmpty()) {
            throw new CsvFormatException(source, lines.number(), column + 1, "the value is missing");
        }
        if (!NumberSyntax.isDecimal(text)) {
            throw new CsvFormatException(source, lines.number(), column + 1, quote(text)
                    + (NumberSyntax.isNonFinite(text) ? " is not finite: NaN and infinities are not allowed" : " is not a number"));
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new CsvFormatException(source, lines.number(), column + 1, quote(text) + " is too large for a double");
        }
        return value;
    }

    /** Splits a line at the delimiter into {@link #ends}; returns the number of columns. */
    private int split(String line) {
        char delimiter = format.delimiter();
        int count = 0;
        for (int i = 0, n = line.length(); i <= n; i++) {
            if (i == n || line.charAt(i) == delimiter) {
                if (count == ends.length) {
                    ends = Arrays.copyOf(ends, 2 * count);
                }
                ends[count++] = i;
            }
        }
        return count;
    }

    /** Column c of the line last split, without surrounding white space. */
    private String cell(String line, int c) {
        return line.substring(c == 0 ? 0 : ends[c - 1] + 1, ends[c]).strip();
    }

    private static String quote(String text) {
        return "\"" + (text.length() <= QUOTED_LENGTH ? text : text.substring(0, QUOTED_LENGTH) + "…") + "\"";
    }
}
