/**
 * Data sets for training: reading CSV files, splitting, standardising, encoding labels, mini-batches and
 * classification metrics. A typical run on one of scikit-learn's files:
 * <pre>{@code
 * Dataset iris = CsvReader.read(Path.of("iris.csv"), CsvFormat.csv().withClassNamesFromHeader());
 * Splits splits = Splits.stratified(iris, 0.6, 0.2, 0.2, 42);
 * Standardizer standardizer = Standardizer.fit(splits.train());      // training statistics only
 * Batch train = standardizer.apply(splits.train()).toBatch(architecture);
 * for (Batch batch : MiniBatches.of(architecture, train, 32, 7).nextEpoch()) { ... }
 * double accuracy = Metrics.accuracy(outputs, splits.dev().labels());
 * }</pre>
 *
 * <p>Everything is in the course's layout, X {@code n0 × m} with one column per example; a CSV file, one example
 * per line, is transposed once, as it is read. Labels are stored once, as class numbers (or real targets), and
 * encoded for a network's loss only when a {@link dev.netsmith.runtime.Batch} is made
 * ({@link dev.netsmith.data.Dataset#toBatch}). Bad input is an {@link java.lang.IllegalArgumentException} saying
 * what is wrong; for a file, a {@link dev.netsmith.data.CsvFormatException} also says where.
 */
package dev.netsmith.data;
