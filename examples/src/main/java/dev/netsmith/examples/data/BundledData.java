package dev.netsmith.examples.data;

import dev.netsmith.data.CsvFormat;
import dev.netsmith.data.CsvReader;
import dev.netsmith.data.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The real data sets shipped in this module's resources ({@code data/README.md} there says where they come
 * from), read with the runtime's CSV reader as a user would read them from disk.
 */
public final class BundledData {

    private BundledData() {
    }

    /** 1797 handwritten digits, 8 × 8 pixel counts (0..16), classes "0".."9". */
    public static Dataset digits() {
        return read("digits.csv.gz", CsvFormat.csv().withClassNames("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"));
    }

    /** 569 breast tumours, 30 measurements each, classes "malignant" and "benign" (from the file's header). */
    public static Dataset breastCancer() {
        return read("breast_cancer.csv", CsvFormat.csv().withClassNamesFromHeader());
    }

    private static Dataset read(String file, CsvFormat format) {
        String resource = "/data/" + file;
        try (InputStream in = BundledData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return CsvReader.read(in, resource, format);
        } catch (IOException e) {
            // a resource of our own jar: failing to read it is a broken build, not a user error
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
