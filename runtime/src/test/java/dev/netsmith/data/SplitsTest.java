package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Examples whose single feature is their index, with these labels. */
    private static Dataset indexed(int[] labels, int classes) {
        double[][] x = {IntStream.range(0, labels.length).asDoubleStream().toArray()};
        List<String> names = IntStream.range(0, classes).mapToObj(c -> "c" + c).toList();
        return Dataset.classification(x, labels, names);
    }

    /** 60 examples of class 0, 30 of class 1, 10 of class 2, interleaved. */
    private static Dataset unbalanced() {
        int[] labels = new int[100];
        for (int j = 0; j < 100; j++) {
            labels[j] = j % 10 == 9 ? 2 : j % 3 == 0 ? 1 : 0;
        }
        assertEquals(List.of(60L, 30L, 10L), IntStream.range(0, 3).mapToObj(c -> Arrays.stream(labels).filter(l -> l == c).count()).toList());
        return indexed(labels, 3);
    }

    private static int[] ids(Dataset data) {
        return Arrays.stream(data.x()[0]).mapToInt(v -> (int) v).toArray();
    }

    private static int[] classCounts(Dataset data) {
        int[] counts = new int[data.classes()];
        for (int label : data.labels()) {
            counts[label]++;
        }
        return counts;
    }

    private static void assertPartition(Splits splits, int m) {
        List<Integer> all = new ArrayList<>();
        for (Dataset part : List.of(splits.train(), splits.dev(), splits.test())) {
            int[] ids = ids(part);
            int[] sorted = ids.clone();
            Arrays.sort(sorted);
            assertArrayEquals(sorted, ids, "examples keep their file order within a split");
            Arrays.stream(ids).forEach(all::add);
        }
        all.sort(null);
        assertEquals(IntStream.range(0, m).boxed().toList(), all);
    }

    @Test
    void randomSplitPartitionsTheExamplesWithRoundedSizes() {
        Splits splits = Splits.random(unbalanced(), 0.6, 0.2, 0.2, 7);
        assertEquals(60, splits.train().size());
        assertEquals(20, splits.dev().size());
        assertEquals(20, splits.test().size());
        assertPartition(splits, 100);
        Splits odd = Splits.random(indexed(new int[7], 1), 0.5, 0.25, 0.25, 7);
        assertEquals(List.of(3, 2, 2), List.of(odd.train().size(), odd.dev().size(), odd.test().size()));
    }

    @Test
    void sameSeedSameSplitOtherSeedOtherSplit() {
        Dataset data = unbalanced();
        Splits a = Splits.random(data, 0.6, 0.2, 0.2, 42);
        Splits b = Splits.random(data, 0.6, 0.2, 0.2, 42);
        Splits c = Splits.random(data, 0.6, 0.2, 0.2, 43);
        assertArrayEquals(ids(a.train()), ids(b.train()));
        assertArrayEquals(ids(a.dev()), ids(b.dev()));
        assertArrayEquals(ids(a.test()), ids(b.test()));
        assertFalse(Arrays.equals(ids(a.train()), ids(c.train())));
        assertFalse(Arrays.equals(ids(a.test()), ids(c.test())));
        Splits s = Splits.stratified(data, 0.6, 0.2, 0.2, 42);
        assertArrayEquals(ids(s.dev()), ids(Splits.stratified(data, 0.6, 0.2, 0.2, 42).dev()));
        assertFalse(Arrays.equals(ids(s.dev()), ids(Splits.stratified(data, 0.6, 0.2, 0.2, 43).dev())));
    }

    @Test
    void splitsCarryLabelsWithTheirExamples() {
        Dataset data = unbalanced();
        int[] labels = data.labels();
        Dataset train = Splits.random(data, 0.6, 0.2, 0.2, 5).train();
        int[] ids = ids(train);
        int[] trainLabels = train.labels();
        for (int j = 0; j < ids.length; j++) {
            assertEquals(labels[ids[j]], trainLabels[j]);
        }
        assertEquals(data.classNames(), train.classNames());
    }

    @Test
    void stratifiedSplitKeepsClassProportions() {
        Splits splits = Splits.stratified(unbalanced(), 0.6, 0.2, 0.2, 3);
        assertArrayEquals(new int[] {36, 18, 6}, classCounts(splits.train()));
        assertArrayEquals(new int[] {12, 6, 2}, classCounts(splits.dev()));
        assertArrayEquals(new int[] {12, 6, 2}, classCounts(splits.test()));
        assertPartition(splits, 100);
    }

    @Test
    void stratifiedSplitHasTheRandomSplitsSizesWhenSharesDoNotDivide() {
        // 10 classes of 3: rounding each class alone would give the train split every example
        int[] labels = IntStream.range(0, 30).map(j -> j % 10).toArray();
        Splits splits = Splits.stratified(indexed(labels, 10), 0.8, 0.1, 0.1, 11);
        assertEquals(List.of(24, 3, 3), List.of(splits.train().size(), splits.dev().size(), splits.test().size()));
        for (int count : classCounts(splits.train())) {
            assertEquals(2.4, count, 1.0);
        }
        assertPartition(splits, 30);
    }

    @Test
    void refusesFractionsThatDoNotAddUpOrLeaveASplitEmpty() {
        Dataset data = unbalanced();
        assertEquals("split fractions must add up to 1, were 0.6 + 0.2 + 0.1 = 0.9",
                assertThrows(IllegalArgumentException.class, () -> Splits.random(data, 0.6, 0.2, 0.1, 1)).getMessage());
        assertEquals("the dev fraction must be positive (every split needs examples), was 0.0",
                assertThrows(IllegalArgumentException.class, () -> Splits.random(data, 0.8, 0.0, 0.2, 1)).getMessage());
        assertThrows(IllegalArgumentException.class, () -> Splits.random(data, Double.NaN, 0.5, 0.5, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(data, 1.2, -0.1, -0.1, 1));
        assertEquals("a dev fraction of 0.05 of 3 examples leaves the dev split empty",
                assertThrows(IllegalArgumentException.class, () -> Splits.random(indexed(new int[3], 1), 0.9, 0.05, 0.05, 1))
                        .getMessage());
    }

    @Test
    void refusesToStratifyRealTargets() {
        Dataset targets = Dataset.regression(new double[][] {{1, 2, 3}}, new double[] {0.5, 1.5, 2.5});
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(targets, 0.4, 0.3, 0.3, 1));
        assertEquals(1, Splits.random(targets, 0.4, 0.3, 0.3, 1).dev().size());
    }
}
