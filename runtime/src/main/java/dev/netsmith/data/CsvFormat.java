package dev.netsmith.data;

import java.util.Arrays;
import java.util.List;

/**
 * How {@link CsvReader} reads a file: one example per line, numbers separated by a delimiter, no quoting.
 * Immutable; start from {@link #csv()} and change what differs, e.g. for scikit-learn's bundled files
 * ({@code iris.csv} begins {@code 150,4,setosa,versicolor,virginica}):
 * <pre>{@code CsvFormat.csv().withClassNamesFromHeader()}</pre>
 *
 * <p>Columns are numbered from 0 here, as Java indexes arrays; error messages number them from 1, as they
 * number lines, so that they match what an editor shows.
 */
public final class CsvFormat {

    /** The label column meaning "the last column, whatever the width of the file". */
    public static final int LAST = -1;

    /** Where the class names come from, or that there are none. */
    enum Labels {
        /** Classes 0..max label, named "0", "1", …. */
        INFERRED_CLASSES,
        /** Classes named by {@link #withClassNames}. */
        NAMED_CLASSES,
        /** Classes named by the first header line, scikit-learn style. */
        CLASSES_FROM_HEADER,
        /** Real-valued targets (regression). */
        TARGETS
    }

    private static final String NUMBER_CHARACTERS = "0123456789+-.eE";
    private static final CsvFormat DEFAULT = new CsvFormat(',', 0, LAST, new int[0], Labels.INFERRED_CLASSES, List.of(), 1 << 26);

    private final char delimiter;
    private final int headerLines;
    private final int labelColumn;
    private final int[] featureColumns;
    private final Labels labels;
    private final List<String> classNames;
    private final int maxValues;

    private CsvFormat(char delimiter, int headerLines, int labelColumn, int[] featureColumns, Labels labels,
            List<String> classNames, int maxValues) {
        if (labels == Labels.CLASSES_FROM_HEADER && headerLines == 0) {
            throw new IllegalArgumentException("class names from the header need at least one header line");
        }
        this.delimiter = delimiter;
        this.headerLines = headerLines;
        this.labelColumn = labelColumn;
        this.featureColumns = featureColumns;
        this.labels = labels;
        this.classNames = classNames;
        this.maxValues = maxValues;
    }

    /**
     * Commas, no header, the label in the last column and every other column a feature, labels are class numbers
     * 0, 1, … (the number of classes is the largest label + 1), at most 2<sup>26</sup> values (512 MiB of doubles).
     */
    public static CsvFormat csv() {
        return DEFAULT;
    }

    /** Another delimiter, e.g. {@code ';'} or {@code '\t'}; not a line break or a character numbers contain. */
    public CsvFormat withDelimiter(char delimiter) {
        if (delimiter == '\n' || delimiter == '\r' || NUMBER_CHARACTERS.indexOf(delimiter) >= 0) {
            throw new IllegalArgumentException("'" + delimiter + "' cannot separate numbers");
        }
        return new CsvFormat(delimiter, headerLines, labelColumn, featureColumns, labels, classNames, maxValues);
    }

    /** Skips the first {@code lines} lines (they still count in line numbers). */
    public CsvFormat withHeaderLines(int lines) {
        if (lines < 0) {
            throw new IllegalArgumentException("header lines must be >= 0, was " + lines);
        }
        return new CsvFormat(delimiter, lines, labelColumn, featureColumns, labels, classNames, maxValues);
    }

    /** The label's column, 0-based, or {@link #LAST}. */
    public CsvFormat withLabelColumn(int column) {
        if (column < 0 && column != LAST) {
            throw new IllegalArgumentException("the label column must be >= 0 or CsvFormat.LAST, was " + column);
        }
        return new CsvFormat(delimiter, headerLines, column, featureColumns, labels, classNames, maxValues);
    }

    /**
     * Only these columns (0-based) are features, in this order; the others, except the label's, are skipped
     * unread, so they may hold anything (identifiers, names).
     */
    public CsvFormat withFeatureColumns(int... columns) {
        if (columns.length == 0) {
            throw new IllegalArgumentException("a data set needs at least one feature column");
        }
        int[] sorted = columns.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) {
            if (sorted[i] < 0 || i > 0 && sorted[i] == sorted[i - 1]) {
                throw new IllegalArgumentException("feature columns must be distinct and >= 0, were " + Arrays.toString(columns));
            }
        }
        return new CsvFormat(delimiter, headerLines, labelColumn, columns.clone(), labels, classNames, maxValues);
    }

    /** Labels are class numbers 0..names.length - 1 with these names; a label outside that range is an error. */
    public CsvFormat withClassNames(String... names) {
        return new CsvFormat(delimiter, headerLines, labelColumn, featureColumns, Labels.NAMED_CLASSES,
                Dataset.checkClassNames(Arrays.asList(names)), maxValues);
    }

    /**
     * The first line is a scikit-learn header, {@code n_samples,n_features,name_0,name_1,…}: it names the classes,
     * and the file must have exactly n_samples examples of n_features + 1 columns (which catches truncated files).
     * Implies at least one header line.
     */
    public CsvFormat withClassNamesFromHeader() {
        return new CsvFormat(delimiter, Math.max(1, headerLines), labelColumn, featureColumns, Labels.CLASSES_FROM_HEADER,
                List.of(), maxValues);
    }

    /** Labels are real-valued targets (regression), not class numbers. */
    public CsvFormat withRealTargets() {
        return new CsvFormat(delimiter, headerLines, labelColumn, featureColumns, Labels.TARGETS, List.of(), maxValues);
    }

    /**
     * At most this many values (features and labels) in the whole file; a larger file gets an error before it can
     * exhaust the heap. Raise it for data sets larger than the default.
     */
    public CsvFormat withMaxValues(int values) {
        if (values < 1) {
            throw new IllegalArgumentException("the value limit must be positive, was " + values);
        }
        return new CsvFormat(delimiter, headerLines, labelColumn, featureColumns, labels, classNames, values);
    }

    public char delimiter() {
        return delimiter;
    }

    public int headerLines() {
        return headerLines;
    }

    /** The label's column, 0-based, or {@link #LAST}. */
    public int labelColumn() {
        return labelColumn;
    }

    /** The feature columns, 0-based, or none for every column but the label's. */
    public int[] featureColumns() {
        return featureColumns.clone();
    }

    public int maxValues() {
        return maxValues;
    }

    Labels labels() {
        return labels;
    }

    /** The names given to {@link #withClassNames}, else empty. */
    List<String> classNames() {
        return classNames;
    }
}
