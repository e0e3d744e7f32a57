package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * One thread's scratch for central differences: for each side a workspace and a row of loss changes, and how
 * many examples the side changed (their indices are in its workspace's {@code changed()}).
 */
final class Probe {

    final Workspace plus;
    final Workspace minus;
    final double[] lossPlus;
    final double[] lossMinus;
    int countPlus;
    int countMinus;

    Probe(BasePass base) {
        plus = base.newProbe();
        minus = base.newProbe();
        lossPlus = new double[base.m];
        lossMinus = new double[base.m];
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ⁻_j), as each side's change from the base losses: unchanged examples add exactly 0. */
    double dataDifference(int m) {
        return (sum(lossPlus, countPlus) - sum(lossMinus, countMinus)) / m;
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ_j): J(θ+ε)'s data term minus J(θ)'s. */
    double plusChange(int m) {
        return sum(lossPlus, countPlus) / m;
    }

    /** (1/m)·Σ_j (ℓ⁻_j − ℓ_j). */
    double minusChange(int m) {
        return sum(lossMinus, countMinus) / m;
    }

    private static double sum(double[] changes, int count) {
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += changes[c];
        }
        return sum;
    }
}
