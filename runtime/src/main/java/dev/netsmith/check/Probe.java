package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/**
 * One thread's scratch for central differences: a workspace and a loss row for each side, and how many
 * examples each side changed (their indices are in each workspace's {@code changed()}).
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

    /**
     * (1/m)·Σ_j (ℓ⁺_j − ℓ⁻_j), summed as each side's change from the base losses: examples a side did not
     * change contribute exactly 0, and a change ℓ⁺_j − ℓ_j of two nearby numbers is exact.
     */
    double dataDifference(double[] baseLosses, int m) {
        return (change(plus, lossPlus, countPlus, baseLosses) - change(minus, lossMinus, countMinus, baseLosses)) / m;
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ_j): J(θ+ε)'s data term minus J(θ)'s. */
    double plusChange(double[] baseLosses, int m) {
        return change(plus, lossPlus, countPlus, baseLosses) / m;
    }

    /** (1/m)·Σ_j (ℓ⁻_j − ℓ_j). */
    double minusChange(double[] baseLosses, int m) {
        return change(minus, lossMinus, countMinus, baseLosses) / m;
    }

    private static double change(Workspace side, double[] losses, int count, double[] baseLosses) {
        int[] changed = side.changed();
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += losses[c] - baseLosses[changed[c]];
        }
        return sum;
    }
}
