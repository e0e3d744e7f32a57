package dev.netsmith.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How many examples of each class go into each split of a stratified split: a matrix whose rows add up to the
 * class counts and whose columns add up to the split sizes, each entry the exact share n_c·size_k/m rounded down
 * or up. Rounding each class on its own would not make the columns add up; this rounds down, then rounds up the
 * largest remainders whose class and split both still need an example, then finishes along augmenting paths
 * (class c takes split k's place from class c', which rounds up in another split instead). Such a rounding always
 * exists: the remainders themselves are a fractional one.
 */
final class ClassShares {

    private final int[][] shares;
    private final double[][] remainders;
    private final boolean[][] roundedUp;
    private final int[] splitLeft;

    private ClassShares(int classes, int splits) {
        shares = new int[classes][splits];
        remainders = new double[classes][splits];
        roundedUp = new boolean[classes][splits];
        splitLeft = new int[splits];
    }

    /** shares[c][k]: how many of the classCounts[c] examples of class c go to split k of sizes[k] examples. */
    static int[][] of(int[] classCounts, int[] sizes) {
        int classes = classCounts.length;
        int splits = sizes.length;
        long m = Arrays.stream(sizes).asLongStream().sum();
        ClassShares s = new ClassShares(classes, splits);
        int[] classLeft = classCounts.clone();
        System.arraycopy(sizes, 0, s.splitLeft, 0, splits);
        for (int c = 0; c < classes; c++) {
            for (int k = 0; k < splits; k++) {
                long exact = (long) classCounts[c] * sizes[k];
                s.shares[c][k] = (int) (exact / m);
                s.remainders[c][k] = (double) (exact % m) / m;
                classLeft[c] -= s.shares[c][k];
                s.splitLeft[k] -= s.shares[c][k];
            }
        }
        int[] byRemainder = IntStream.range(0, classes * splits).boxed()
                .sorted(Comparator.comparingDouble((Integer cell) -> -s.remainders[cell / splits][cell % splits]))
                .mapToInt(Integer::intValue).toArray();
        for (int cell : byRemainder) {
            int c = cell / splits;
            int k = cell % splits;
            if (s.remainders[c][k] > 0 && classLeft[c] > 0 && s.splitLeft[k] > 0) {
                s.roundUp(c, k);
                classLeft[c]--;
            }
        }
        for (int c = 0; c < classes; c++) {
            for (; classLeft[c] > 0; classLeft[c]--) {
                if (!s.augment(c, new boolean[classes])) {
                    throw new IllegalStateException("no rounding of the class shares; the remainders guarantee one");
                }
            }
        }
        return s.shares;
    }

    /** Rounds one more of class c's shares up, moving other classes' round-ups between splits as needed. */
    private boolean augment(int c, boolean[] visited) {
        visited[c] = true;
        for (int k = 0; k < splitLeft.length; k++) {
            if (remainders[c][k] == 0 || roundedUp[c][k]) {
                continue;
            }
            if (splitLeft[k] > 0) {
                roundUp(c, k);
                return true;
            }
            for (int other = 0; other < shares.length; other++) {
                if (roundedUp[other][k] && !visited[other] && augment(other, visited)) {
                    roundedUp[other][k] = false;
                    shares[other][k]--;
                    roundedUp[c][k] = true;
                    shares[c][k]++;
                    return true;
                }
            }
        }
        return false;
    }

    private void roundUp(int c, int k) {
        roundedUp[c][k] = true;
        shares[c][k]++;
        splitLeft[k]--;
    }
}
