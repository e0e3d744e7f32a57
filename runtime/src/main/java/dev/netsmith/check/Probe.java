package dev.netsmith.check;

import dev.netsmith.runtime.Workspace;

/** One thread's scratch for central differences: a workspace and a loss row for each side. */
final class Probe {

    final Workspace plus;
    final Workspace minus;
    final double[] lossPlus;
    final double[] lossMinus;

    Probe(BasePass base) {
        plus = base.newProbe();
        minus = base.newProbe();
        lossPlus = new double[base.m];
        lossMinus = new double[base.m];
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ⁻_j): summed per example, so equal losses cancel exactly. */
    double dataDifference(int m) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += lossPlus[j] - lossMinus[j];
        }
        return sum / m;
    }

    static double mean(double[] losses, int m) {
        double sum = 0;
        for (int j = 0; j < m; j++) {
            sum += losses[j];
        }
        return sum / m;
    }
}
