package dev.netsmith.examples.pipeline;

import dev.netsmith.data.Dataset;
import dev.netsmith.data.Splits;
import dev.netsmith.data.Standardizer;
import java.util.List;

/**
 * A data set's splits as read, and standardised with statistics of the training split only (so that nothing
 * of the dev and test examples leaks into training). The raw splits stay for plotting in the data's own units.
 *
 * @param raw          the splits as read or generated
 * @param standardizer fitted on {@code raw.train()}; saved with the parameters, since new inputs need it too
 * @param standardized the splits the network sees
 */
public record PreparedData(Splits raw, Standardizer standardizer, Splits standardized) {

    public static PreparedData of(Splits raw) {
        Standardizer standardizer = Standardizer.fit(raw.train());
        Splits standardized = new Splits(standardizer.apply(raw.train()), standardizer.apply(raw.dev()),
                standardizer.apply(raw.test()));
        return new PreparedData(raw, standardizer, standardized);
    }

    public List<String> classNames() {
        return raw.train().classNames();
    }

    public int features() {
        return raw.train().features();
    }

    /** e.g. "train 1078, dev 359, test 360 examples". */
    public String sizes() {
        Dataset train = raw.train();
        return "train " + train.size() + ", dev " + raw.dev().size() + ", test " + raw.test().size() + " examples";
    }
}
