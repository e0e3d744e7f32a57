package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClassSharesTest {

    private static void assertRounding(int[] classCounts, int[] sizes, int[][] shares) {
        long m = Arrays.stream(sizes).sum();
        for (int c = 0; c < classCounts.length; c++) {
            assertEquals(classCounts[c], Arrays.stream(shares[c]).sum(), "class " + c + " in " + Arrays.deepToString(shares));
            for (int k = 0; k < sizes.length; k++) {
                double exact = (double) classCounts[c] * sizes[k] / m;
                assertTrue(shares[c][k] == Math.floor(exact) || shares[c][k] == Math.ceil(exact),
                        "share [" + c + "][" + k + "] = " + shares[c][k] + ", exact " + exact);
            }
        }
        for (int k = 0; k < sizes.length; k++) {
            int split = k;
            assertEquals(sizes[k], Arrays.stream(shares).mapToInt(row -> row[split]).sum(), "split " + k);
        }
    }

    @Test
    void exactSharesStayExact() {
        int[][] shares = ClassShares.of(new int[] {60, 30, 10}, new int[] {60, 20, 20});
        assertArrayEquals(new int[] {36, 12, 12}, shares[0]);
        assertArrayEquals(new int[] {18, 6, 6}, shares[1]);
        assertArrayEquals(new int[] {6, 2, 2}, shares[2]);
    }

    @Test
    void finishesWhereLargestRemaindersAloneGetStuck() {
        // largest remainders first round class 1 up in splits 0 and 2 and leave class 2 nowhere to go
        int[] counts = {9, 9, 4};
        int[] sizes = {9, 4, 9};
        assertRounding(counts, sizes, ClassShares.of(counts, sizes));
    }

    @Test
    void everyRoundingAddsUpAndStaysWithinOneOfTheExactShare() {
        Random random = new Random(1);
        for (int trial = 0; trial < 1000; trial++) {
            int[] counts = random.ints(2 + random.nextInt(6), 2, 16).toArray();
            int m = Arrays.stream(counts).sum();
            int train = 1 + random.nextInt(m - 2);
            int dev = 1 + random.nextInt(m - train - 1);
            int[] sizes = {train, dev, m - train - dev};
            assertRounding(counts, sizes, ClassShares.of(counts, sizes));
        }
    }
}
