package dev.netsmith.check;

import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Workspace;

/**
 * One thread's scratch for central differences, read and written by the generated kernel: a workspace for
 * each side (θ+ε and θ−ε), one for the base pass's values gathered for the examples a perturbation changed
 * ({@link #changed()}, shared by both sides), and each side's loss changes: per changed example, plus the sums
 * of the examples a kernel evaluated along a row ({@link AlongRow}) without listing them.
 */
public final class Probe {

    private final Workspace plus;
    private final Workspace minus;
    private final Workspace gathered;
    private final double[] outPlus;
    private final double[] outMinus;
    private final AlongRow alongRow;
    private int count;
    private double withinReachPlus;
    private double withinReachMinus;

    private Probe(CompiledNetwork net, int m) {
        plus = net.newWorkspace(m);
        minus = net.newWorkspace(m);
        gathered = net.newWorkspace(m);
        outPlus = new double[m];
        outMinus = new double[m];
        alongRow = new AlongRow(net.architecture(), m);
    }

    /** Scratch for a network's kernel on batches of at most m examples. */
    public static Probe of(CompiledNetwork net, int m) {
        return new Probe(net, m);
    }

    /** The θ+ε side: its rows above the perturbed layer hold only the changed examples, compacted. */
    public Workspace plus() {
        return plus;
    }

    /** The θ−ε side. */
    public Workspace minus() {
        return minus;
    }

    /** The base pass's values (Z, A, masks, labels) gathered for the changed examples. */
    public Workspace gathered() {
        return gathered;
    }

    /** The examples either side changed, in increasing order; the first {@link #count()} are valid. */
    public int[] changed() {
        return gathered.changed();
    }

    /** ℓ_j(θ+ε) − ℓ_j(θ) of the changed examples. */
    public double[] outPlus() {
        return outPlus;
    }

    /** ℓ_j(θ−ε) − ℓ_j(θ) of the changed examples. */
    public double[] outMinus() {
        return outMinus;
    }

    /** The coefficients of the row last evaluated along, kept while θ and the base pass stay the same. */
    public AlongRow alongRow() {
        return alongRow;
    }

    /**
     * Σ_j of ℓ_j(θ±ε) − ℓ_j(θ) over the examples the kernel evaluated along a row rather than listed in
     * {@link #changed()}; every entry point of a kernel sets it (to 0 when it lists every changed example).
     */
    public void setWithinReach(double plus, double minus) {
        withinReachPlus = plus;
        withinReachMinus = minus;
    }

    /** How many examples the last perturbation changed. */
    public int count() {
        return count;
    }

    void setCount(int count) {
        this.count = count;
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ⁻_j): unchanged examples add exactly 0. */
    double dataDifference(int m) {
        return (withinReachPlus + sum(outPlus) - (withinReachMinus + sum(outMinus))) / m;
    }

    /** (1/m)·Σ_j (ℓ⁺_j − ℓ_j): J(θ+ε)'s data term minus J(θ)'s. */
    double plusChange(int m) {
        return (withinReachPlus + sum(outPlus)) / m;
    }

    /** (1/m)·Σ_j (ℓ⁻_j − ℓ_j). */
    double minusChange(int m) {
        return (withinReachMinus + sum(outMinus)) / m;
    }

    private double sum(double[] changes) {
        double sum = 0;
        for (int c = 0; c < count; c++) {
            sum += changes[c];
        }
        return sum;
    }
}
