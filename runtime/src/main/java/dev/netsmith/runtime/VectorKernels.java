package dev.netsmith.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernels of the vector backend ({@link Backend}), called by generated code when {@link Backend#VECTOR} is on.
 * Loaded only then: this class needs the incubating {@code jdk.incubator.vector} module.
 *
 * <p>Products. Z = W·A and dA = Wᵀ·dZ are one shape, {@code out[i][j] += Σ_q c(i, q)·rows[q][j]} over row arrays,
 * with the coefficients c in a flat array at run-time strides (c = W, or W read down its columns). Four output rows
 * take four input rows per pass over the columns, their sixteen coefficients broadcast once into registers, with
 * fused multiply-adds: 17–19 GFLOP/s on the N3 and N4 hidden layers against 11–14 for the scalar loops C2
 * vectorises, which have no FMA (one core, AVX2). dW = dZ·Aᵀ is dot products over the examples instead
 * ({@link #weightGradient}), 16–22 GFLOP/s.
 *
 * <p>Each entry of {@code out} is the same chain of fused multiply-adds whichever rows and columns a call covers
 * (the rows of a group of four are added innermost last, {@code o + c₃r₃ + c₂r₂ + c₁r₁ + c₀r₀}, in a lane or in
 * the scalar tail alike), so a product split across threads gives the bits of one call.
 *
 * <p>Elementwise functions use {@link VectorMath}'s exp and log, which give the same bits interpreted and compiled;
 * the last {@code m mod lanes} elements of a row use {@code Math}.
 */
public final class VectorKernels {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    static {
        VectorWarmUp.start();
    }

    private VectorKernels() {
    }

    /**
     * out[i][j] += Σ_{q0 ≤ q &lt; q1} c[c0 + i·rowStride + q·colStride]·rows[q][j] for i0 ≤ i &lt; i1 and
     * lo ≤ j &lt; hi.
     */
    public static void accumulate(double[] c, int c0, int rowStride, int colStride, double[][] rows, int q0, int q1,
                                  double[][] out, int i0, int i1, int lo, int hi) {
        int i = i0;
        for (; i + 4 <= i1; i += 4) {
            fourRows(c, c0 + i * rowStride, rowStride, colStride, rows, q0, q1, out, i, lo, hi);
        }
        for (; i < i1; i++) {
            oneRow(c, c0 + i * rowStride, colStride, rows, q0, q1, out[i], lo, hi);
        }
    }

    /**
     * Z = W·A + b for rows from ≤ i &lt; to of z over m examples, W of {@code inputs} columns at theta[w], b at
     * theta[b]. Inputs of 256 or more are summed in blocks of rows of A that stay in L2 while every output row uses
     * them (about 256 KB of A), as the scalar kernel does.
     */
    public static void affine(double[] theta, int w, int b, int inputs, double[][] in, double[][] z, int m, int from,
                              int to) {
        for (int i = from; i < to; i++) {
            java.util.Arrays.fill(z[i], 0, m, theta[b + i]);
        }
        int block = inputs >= 256 ? Math.max(4, (32768 / m) & ~3) : inputs;
        for (int k0 = 0; k0 < inputs; k0 += block) {
            accumulate(theta, w, inputs, 1, in, k0, Math.min(inputs, k0 + block), z, from, to, 0, m);
        }
    }

    /** dA = Wᵀ·dZ for rows from ≤ k &lt; to of da over m examples, W of n rows and {@code inputs} columns at theta[w]. */
    public static void backpropagate(double[] theta, int w, int n, int inputs, double[][] dz, double[][] da, int m,
                                     int from, int to) {
        for (int k = from; k < to; k++) {
            java.util.Arrays.fill(da[k], 0, m, 0.0);
        }
        accumulate(theta, w, 1, inputs, dz, 0, n, da, from, to, 0, m);
    }

    /**
     * dW = dZ·Aᵀ (without 1/m) for columns from ≤ k &lt; to of dW: each entry one dot product over the m examples,
     * four rows of dZ against two rows of A at a time, two rows of dZ left over against four rows of A. Dot products
     * need no transposed copy of A, and their eight sums run in vector registers, where plain Java cannot vectorise
     * a sum: 16–26 GFLOP/s on the N1–N4 shapes, 20× the transposed product on the tiny layers of N1 and N2.
     */
    public static void weightGradient(double[][] dz, int n, double[][] in, int m, double[][] dw, int from, int to) {
        int i = 0;
        for (; i + 4 <= n; i += 4) {
            final double[] d0 = dz[i], d1 = dz[i + 1], d2 = dz[i + 2], d3 = dz[i + 3];
            int k = from;
            for (; k + 2 <= to; k += 2) {
                fourByTwo(d0, d1, d2, d3, in[k], in[k + 1], m, dw, i, k);
            }
            dots(dz, i, i + 4, in, k, to, m, dw);
        }
        if (i + 2 <= n) {
            int k = from;
            for (; k + 4 <= to; k += 4) {
                twoByFour(dz[i], dz[i + 1], in[k], in[k + 1], in[k + 2], in[k + 3], m, dw, i, k);
            }
            dots(dz, i, i + 2, in, k, to, m, dw);
            i += 2;
        }
        dots(dz, i, n, in, from, to, m, dw);
    }

    /** dw[i][k] = Σ_j dz[i][j]·in[k][j] for i0 ≤ i &lt; i1 and k0 ≤ k &lt; k1, one {@link #dot} each. */
    private static void dots(double[][] dz, int i0, int i1, double[][] in, int k0, int k1, int m, double[][] dw) {
        for (int i = i0; i < i1; i++) {
            for (int k = k0; k < k1; k++) {
                dw[i][k] = dot(dz[i], in[k], m);
            }
        }
    }

    /** Σ_j row[j] over the first m elements: a sum per lane, then the lanes and the tail in order (same bits always). */
    public static double sum(double[] row, int m) {
        final int bound = SPECIES.loopBound(m);
        DoubleVector lanes = DoubleVector.zero(SPECIES);
        for (int j = 0; j < bound; j += LANES) {
            lanes = lanes.add(DoubleVector.fromArray(SPECIES, row, j));
        }
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += lanes.lane(lane);
        }
        for (int j = bound; j < m; j++) {
            sum += row[j];
        }
        return sum;
    }

    /** a = tanh(z) over the first m elements, as (1 − e)/(1 + e)·sign(z) with e = e^−2|z| (never overflows). */
    public static void tanh(double[] z, double[] a, int m) {
        for (int j = 0; j < m; j++) {
            a[j] = -2.0 * Math.abs(z[j]);
        }
        VectorMath.exp(a, a, m);
        // z's sign by a blend: C2 does not vectorise Math.copySign here
        final int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j < bound; j += LANES) {
            final DoubleVector e = DoubleVector.fromArray(SPECIES, a, j);
            final DoubleVector t = e.neg().add(1.0).div(e.add(1.0));
            t.blend(t.neg(), DoubleVector.fromArray(SPECIES, z, j).test(VectorOperators.IS_NEGATIVE)).intoArray(a, j);
        }
        for (; j < m; j++) {
            a[j] = Math.copySign((1.0 - a[j]) / (1.0 + a[j]), z[j]);
        }
    }

    /** a = z for z &gt; 0, else slope·z (leaky ReLU), over the first m elements, branch-free. */
    public static void leaky(double[] z, double[] a, double slope, int m) {
        final int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j < bound; j += LANES) {
            final DoubleVector v = DoubleVector.fromArray(SPECIES, z, j);
            v.mul(slope).blend(v, v.compare(VectorOperators.GT, 0.0)).intoArray(a, j);
        }
        for (; j < m; j++) {
            a[j] = z[j] > 0.0 ? z[j] : slope * z[j];
        }
    }

    /**
     * dz = u·g'(z) with u = upstream ⊙ mask (mask null: u = upstream) and g' = 1 for z &gt; 0, else slope, over the
     * first m elements: backpropagation through ReLU (slope 0) or leaky ReLU with its dropout mask, branch-free
     * (C2 compiles the scalar form to a branch per example, mispredicted half the time on random signs).
     */
    public static void piecewiseLinearBackward(double[] upstream, double[] mask, double[] z, double slope, double[] dz,
                                               int m) {
        final int bound = SPECIES.loopBound(m);
        int j = 0;
        for (; j < bound; j += LANES) {
            DoubleVector u = DoubleVector.fromArray(SPECIES, upstream, j);
            if (mask != null) {
                u = u.mul(DoubleVector.fromArray(SPECIES, mask, j));
            }
            below(u, slope).blend(u, DoubleVector.fromArray(SPECIES, z, j).compare(VectorOperators.GT, 0.0))
                    .intoArray(dz, j);
        }
        for (; j < m; j++) {
            final double u = mask == null ? upstream[j] : upstream[j] * mask[j];
            dz[j] = z[j] > 0.0 ? u : slope == 0.0 ? 0.0 : slope * u;
        }
    }

    /** slope·v, or exactly 0 for slope 0 (as the scalar kernels' ReLU, even where v is infinite). */
    private static DoubleVector below(DoubleVector v, double slope) {
        return slope == 0.0 ? DoubleVector.zero(SPECIES) : v.mul(slope);
    }

    /** a = 1 / (1 + e^−z) over the first m elements. */
    public static void sigmoid(double[] z, double[] a, int m) {
        for (int j = 0; j < m; j++) {
            a[j] = -z[j];
        }
        VectorMath.exp(a, a, m);
        for (int j = 0; j < m; j++) {
            a[j] = 1.0 / (1.0 + a[j]);
        }
    }

    /**
     * out[j] += max(z, 0) − z·y + log(1 + e^−|z|), the binary cross-entropy of logit z, over the first m elements;
     * {@code scratch} is a row of at least m.
     */
    public static void addBinaryCrossEntropy(double[] z, double[] y, double[] out, double[] scratch, int m) {
        for (int j = 0; j < m; j++) {
            scratch[j] = -Math.abs(z[j]);
        }
        VectorMath.exp(scratch, scratch, m);
        for (int j = 0; j < m; j++) {
            scratch[j] += 1.0;
        }
        VectorMath.log(scratch, scratch, m);
        for (int j = 0; j < m; j++) {
            out[j] += Math.max(z[j], 0.0) - z[j] * y[j] + scratch[j];
        }
    }

    /**
     * Softmax over each of the first m columns of the n rows of z into a: e^(z − max) / Σ e^(z − max). Leaves each
     * column's maximum in {@code max} and its sum Σ e^(z − max) in {@code sum}, from which the cost of the same pass
     * takes log Σ e^z without another exponential; {@code scale} is scratch. All three are rows of at least m.
     */
    public static void softmaxColumns(double[][] z, double[][] a, int n, int m, double[] max, double[] sum, double[] scale) {
        columnMax(z, n, m, max);
        java.util.Arrays.fill(sum, 0, m, 0.0);
        for (int i = 0; i < n; i++) {
            addShiftedExponentials(z[i], max, a[i], sum, m);
        }
        for (int j = 0; j < m; j++) {
            scale[j] = 1.0 / sum[j];
        }
        for (int i = 0; i < n; i++) {
            double[] ai = a[i];
            for (int j = 0; j < m; j++) {
                ai[j] *= scale[j];
            }
        }
    }

    /** out[j] = log x[j] for j &lt; m (out may be x), within 2 ulp (absolute near 1, relative elsewhere). */
    public static void log(double[] x, double[] out, int m) {
        VectorMath.log(x, out, m);
    }

    /** max[j] = max_i z[i][j] over the first m columns. */
    private static void columnMax(double[][] z, int n, int m, double[] max) {
        System.arraycopy(z[0], 0, max, 0, m);
        for (int i = 1; i < n; i++) {
            double[] zi = z[i];
            for (int j = 0; j < m; j++) {
                max[j] = Math.max(max[j], zi[j]);
            }
        }
    }

    /** e[j] = e^(zi[j] − max[j]) and sum[j] += e[j] over the first m columns. */
    private static void addShiftedExponentials(double[] zi, double[] max, double[] e, double[] sum, int m) {
        for (int j = 0; j < m; j++) {
            e[j] = zi[j] - max[j];
        }
        VectorMath.exp(e, e, m);
        for (int j = 0; j < m; j++) {
            sum[j] += e[j];
        }
    }

    /** dw[i + r][k + c] = Σ_j d_r[j]·a_c[j]: eight dot products with the chains of {@link #dot}. */
    private static void fourByTwo(double[] d0, double[] d1, double[] d2, double[] d3, double[] a0, double[] a1, int m,
                                  double[][] dw, int i, int k) {
        final int bound = SPECIES.loopBound(m);
        DoubleVector s00 = DoubleVector.zero(SPECIES), s01 = s00, s10 = s00, s11 = s00;
        DoubleVector s20 = s00, s21 = s00, s30 = s00, s31 = s00;
        for (int j = 0; j < bound; j += LANES) {
            final DoubleVector x0 = DoubleVector.fromArray(SPECIES, a0, j), x1 = DoubleVector.fromArray(SPECIES, a1, j);
            DoubleVector y = DoubleVector.fromArray(SPECIES, d0, j);
            s00 = y.fma(x0, s00);
            s01 = y.fma(x1, s01);
            y = DoubleVector.fromArray(SPECIES, d1, j);
            s10 = y.fma(x0, s10);
            s11 = y.fma(x1, s11);
            y = DoubleVector.fromArray(SPECIES, d2, j);
            s20 = y.fma(x0, s20);
            s21 = y.fma(x1, s21);
            y = DoubleVector.fromArray(SPECIES, d3, j);
            s30 = y.fma(x0, s30);
            s31 = y.fma(x1, s31);
        }
        dw[i][k] = finish(s00, d0, a0, bound, m);
        dw[i][k + 1] = finish(s01, d0, a1, bound, m);
        dw[i + 1][k] = finish(s10, d1, a0, bound, m);
        dw[i + 1][k + 1] = finish(s11, d1, a1, bound, m);
        dw[i + 2][k] = finish(s20, d2, a0, bound, m);
        dw[i + 2][k + 1] = finish(s21, d2, a1, bound, m);
        dw[i + 3][k] = finish(s30, d3, a0, bound, m);
        dw[i + 3][k + 1] = finish(s31, d3, a1, bound, m);
    }

    /**
     * dw[i + r][k + c] = Σ_j d_r[j]·a_c[j] for two rows of dZ (those left after the groups of four) against four
     * rows of A: eight dot products again, with the chains of {@link #dot}; one dot product alone waits on its own
     * chain of additions and loads two rows per multiply-add.
     */
    private static void twoByFour(double[] d0, double[] d1, double[] a0, double[] a1, double[] a2, double[] a3, int m,
                                  double[][] dw, int i, int k) {
        final int bound = SPECIES.loopBound(m);
        DoubleVector s00 = DoubleVector.zero(SPECIES), s01 = s00, s02 = s00, s03 = s00;
        DoubleVector s10 = s00, s11 = s00, s12 = s00, s13 = s00;
        for (int j = 0; j < bound; j += LANES) {
            final DoubleVector y0 = DoubleVector.fromArray(SPECIES, d0, j), y1 = DoubleVector.fromArray(SPECIES, d1, j);
            DoubleVector x = DoubleVector.fromArray(SPECIES, a0, j);
            s00 = y0.fma(x, s00);
            s10 = y1.fma(x, s10);
            x = DoubleVector.fromArray(SPECIES, a1, j);
            s01 = y0.fma(x, s01);
            s11 = y1.fma(x, s11);
            x = DoubleVector.fromArray(SPECIES, a2, j);
            s02 = y0.fma(x, s02);
            s12 = y1.fma(x, s12);
            x = DoubleVector.fromArray(SPECIES, a3, j);
            s03 = y0.fma(x, s03);
            s13 = y1.fma(x, s13);
        }
        dw[i][k] = finish(s00, d0, a0, bound, m);
        dw[i][k + 1] = finish(s01, d0, a1, bound, m);
        dw[i][k + 2] = finish(s02, d0, a2, bound, m);
        dw[i][k + 3] = finish(s03, d0, a3, bound, m);
        dw[i + 1][k] = finish(s10, d1, a0, bound, m);
        dw[i + 1][k + 1] = finish(s11, d1, a1, bound, m);
        dw[i + 1][k + 2] = finish(s12, d1, a2, bound, m);
        dw[i + 1][k + 3] = finish(s13, d1, a3, bound, m);
    }

    /** Σ_j d[j]·a[j] over j &lt; m: fused multiply-adds lane by lane, then {@link #finish}. */
    private static double dot(double[] d, double[] a, int m) {
        final int bound = SPECIES.loopBound(m);
        DoubleVector sum = DoubleVector.zero(SPECIES);
        for (int j = 0; j < bound; j += LANES) {
            sum = DoubleVector.fromArray(SPECIES, d, j).fma(DoubleVector.fromArray(SPECIES, a, j), sum);
        }
        return finish(sum, d, a, bound, m);
    }

    /**
     * The lanes of a dot product's sums added in lane order, then the scalar tail j ≥ bound, fused: a fixed order
     * (a vector reduction's order is unspecified), so an entry has the same bits in every tile and every split.
     */
    private static double finish(DoubleVector lanes, double[] d, double[] a, int bound, int m) {
        double sum = 0.0;
        for (int lane = 0; lane < LANES; lane++) {
            sum += lanes.lane(lane);
        }
        for (int j = bound; j < m; j++) {
            sum = Math.fma(d[j], a[j], sum);
        }
        return sum;
    }

    /** Rows i … i + 3 of out: coefficients of row i + r at c[base + r·rowStride + q·colStride]. */
    private static void fourRows(double[] c, int base, int rowStride, int colStride, double[][] rows, int q0, int q1,
                                 double[][] out, int i, int lo, int hi) {
        final double[] o0 = out[i], o1 = out[i + 1], o2 = out[i + 2], o3 = out[i + 3];
        final int b0 = base, b1 = base + rowStride, b2 = b1 + rowStride, b3 = b2 + rowStride;
        final int bound = lo + SPECIES.loopBound(hi - lo);
        int q = q0;
        for (; q + 4 <= q1; q += 4) {
            final double[] r0 = rows[q], r1 = rows[q + 1], r2 = rows[q + 2], r3 = rows[q + 3];
            final int p0 = q * colStride, p1 = p0 + colStride, p2 = p1 + colStride, p3 = p2 + colStride;
            final DoubleVector w00 = broadcast(c, b0 + p0), w01 = broadcast(c, b0 + p1), w02 = broadcast(c, b0 + p2), w03 = broadcast(c, b0 + p3);
            final DoubleVector w10 = broadcast(c, b1 + p0), w11 = broadcast(c, b1 + p1), w12 = broadcast(c, b1 + p2), w13 = broadcast(c, b1 + p3);
            final DoubleVector w20 = broadcast(c, b2 + p0), w21 = broadcast(c, b2 + p1), w22 = broadcast(c, b2 + p2), w23 = broadcast(c, b2 + p3);
            final DoubleVector w30 = broadcast(c, b3 + p0), w31 = broadcast(c, b3 + p1), w32 = broadcast(c, b3 + p2), w33 = broadcast(c, b3 + p3);
            int j = lo;
            for (; j < bound; j += LANES) {
                final DoubleVector x0 = DoubleVector.fromArray(SPECIES, r0, j), x1 = DoubleVector.fromArray(SPECIES, r1, j);
                final DoubleVector x2 = DoubleVector.fromArray(SPECIES, r2, j), x3 = DoubleVector.fromArray(SPECIES, r3, j);
                x0.fma(w00, x1.fma(w01, x2.fma(w02, x3.fma(w03, DoubleVector.fromArray(SPECIES, o0, j))))).intoArray(o0, j);
                x0.fma(w10, x1.fma(w11, x2.fma(w12, x3.fma(w13, DoubleVector.fromArray(SPECIES, o1, j))))).intoArray(o1, j);
                x0.fma(w20, x1.fma(w21, x2.fma(w22, x3.fma(w23, DoubleVector.fromArray(SPECIES, o2, j))))).intoArray(o2, j);
                x0.fma(w30, x1.fma(w31, x2.fma(w32, x3.fma(w33, DoubleVector.fromArray(SPECIES, o3, j))))).intoArray(o3, j);
            }
            if (j < hi) {
                fourTail(c, rows, q, b0 + p0, colStride, o0, j, hi);
                fourTail(c, rows, q, b1 + p0, colStride, o1, j, hi);
                fourTail(c, rows, q, b2 + p0, colStride, o2, j, hi);
                fourTail(c, rows, q, b3 + p0, colStride, o3, j, hi);
            }
        }
        remainder(c, b0, colStride, rows, q, q1, o0, lo, hi);
        remainder(c, b1, colStride, rows, q, q1, o1, lo, hi);
        remainder(c, b2, colStride, rows, q, q1, o2, lo, hi);
        remainder(c, b3, colStride, rows, q, q1, o3, lo, hi);
    }

    /** One row of out, with the same chains as a row of {@link #fourRows}. */
    private static void oneRow(double[] c, int base, int colStride, double[][] rows, int q0, int q1, double[] o,
                               int lo, int hi) {
        final int bound = lo + SPECIES.loopBound(hi - lo);
        int q = q0;
        for (; q + 4 <= q1; q += 4) {
            final double[] r0 = rows[q], r1 = rows[q + 1], r2 = rows[q + 2], r3 = rows[q + 3];
            final int p0 = base + q * colStride;
            final DoubleVector w0 = broadcast(c, p0), w1 = broadcast(c, p0 + colStride);
            final DoubleVector w2 = broadcast(c, p0 + 2 * colStride), w3 = broadcast(c, p0 + 3 * colStride);
            int j = lo;
            for (; j < bound; j += LANES) {
                DoubleVector.fromArray(SPECIES, r0, j).fma(w0, DoubleVector.fromArray(SPECIES, r1, j).fma(w1,
                        DoubleVector.fromArray(SPECIES, r2, j).fma(w2, DoubleVector.fromArray(SPECIES, r3, j).fma(w3,
                                DoubleVector.fromArray(SPECIES, o, j))))).intoArray(o, j);
            }
            fourTail(c, rows, q, p0, colStride, o, j, hi);
        }
        remainder(c, base, colStride, rows, q, q1, o, lo, hi);
    }

    /**
     * The rows q … q1 − 1 left after the groups of four (at most three), two per pass over the columns: the chain of
     * each entry is still one fused multiply-add per row, in order.
     */
    private static void remainder(double[] c, int base, int colStride, double[][] rows, int q, int q1, double[] o,
                                  int lo, int hi) {
        for (; q + 2 <= q1; q += 2) {
            final int p = base + q * colStride;
            pair(c[p], rows[q], c[p + colStride], rows[q + 1], o, lo, hi);
        }
        if (q < q1) {
            single(c[base + q * colStride], rows[q], o, lo, hi);
        }
    }

    /** The scalar tail j … hi − 1 of four rows q … q + 3 into o, coefficients from c[p] at stride colStride. */
    private static void fourTail(double[] c, double[][] rows, int q, int p, int colStride, double[] o, int j, int hi) {
        final double c0 = c[p], c1 = c[p + colStride], c2 = c[p + 2 * colStride], c3 = c[p + 3 * colStride];
        final double[] r0 = rows[q], r1 = rows[q + 1], r2 = rows[q + 2], r3 = rows[q + 3];
        for (; j < hi; j++) {
            o[j] = Math.fma(r0[j], c0, Math.fma(r1[j], c1, Math.fma(r2[j], c2, Math.fma(r3[j], c3, o[j]))));
        }
    }

    /** o[j] = (o[j] + w0·r0[j]) + w1·r1[j] for lo ≤ j &lt; hi, each step fused. */
    private static void pair(double w0, double[] r0, double w1, double[] r1, double[] o, int lo, int hi) {
        final DoubleVector v0 = DoubleVector.broadcast(SPECIES, w0);
        final DoubleVector v1 = DoubleVector.broadcast(SPECIES, w1);
        final int bound = lo + SPECIES.loopBound(hi - lo);
        int j = lo;
        for (; j < bound; j += LANES) {
            DoubleVector.fromArray(SPECIES, r1, j).fma(v1,
                    DoubleVector.fromArray(SPECIES, r0, j).fma(v0, DoubleVector.fromArray(SPECIES, o, j))).intoArray(o, j);
        }
        for (; j < hi; j++) {
            o[j] = Math.fma(r1[j], w1, Math.fma(r0[j], w0, o[j]));
        }
    }

    /** o[j] += w·r[j] for lo ≤ j &lt; hi, fused. */
    private static void single(double w, double[] r, double[] o, int lo, int hi) {
        final DoubleVector wv = DoubleVector.broadcast(SPECIES, w);
        final int bound = lo + SPECIES.loopBound(hi - lo);
        int j = lo;
        for (; j < bound; j += LANES) {
            DoubleVector.fromArray(SPECIES, r, j).fma(wv, DoubleVector.fromArray(SPECIES, o, j)).intoArray(o, j);
        }
        for (; j < hi; j++) {
            o[j] = Math.fma(r[j], w, o[j]);
        }
    }

    private static DoubleVector broadcast(double[] c, int index) {
        return DoubleVector.broadcast(SPECIES, c[index]);
    }
}
