package dev.netsmith.runtime;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * exp and log of the vector backend over rows, from additions, multiplications, fused multiply-adds and bit
 * operations only.
 *
 * <p>Why not the Vector API's own {@code EXP} and {@code LOG}: on x86 the JIT compiles them to Intel's SVML, but
 * before compilation (and on every platform without SVML) they fall back to {@link Math} lane by lane, with other
 * bits and, without SVML, far slower. The same inputs would then give other results as the JIT warms up, and
 * a kernel split across threads would no longer give the bits of one thread. These functions give the same bits
 * interpreted and compiled, on every platform: within 2 ulp of {@link StrictMath} (exp) and within 2 ulp absolute
 * or relative (log), tested in VectorMathTest.
 *
 * <p>Each function is a whole loop over a row, its vector code written inside the loop: vectors passed to or
 * returned from a method the JIT does not inline are boxed on the heap, and a method of this size, once compiled on
 * its own, is too large to inline. Callers build their formulas in passes over rows instead (a row of a batch
 * stays in L1). The last {@code m mod lanes} elements use {@link Math}.
 */
final class VectorMath {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();
    private static final double LOG2_E = 1.4426950408889634;
    /** ln 2 in two parts (fdlibm's): the high part's low bits are zero, so k·LN2_HI is exact for |k| &lt; 2^20. */
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5·2^52: adding it rounds a double of magnitude below 2^51 to an integer, held in the low mantissa bits. */
    private static final double SHIFTER = 0x1.8p52;
    private static final long SHIFTER_BITS = Double.doubleToRawLongBits(SHIFTER);
    private static final double SQRT_2 = 1.4142135623730951;
    private static final long MANTISSA = 0x000F_FFFF_FFFF_FFFFL;
    private static final long ONE_BITS = Double.doubleToRawLongBits(1.0);

    /** 1/i! for i = 0 … 13: e^r for |r| ≤ ln2/2 to within its first omitted term, r^14/14! &lt; 5e-18. */
    private static final DoubleVector[] EXP_TERMS = terms(i -> 1.0 / factorial(i), 14);

    /**
     * 1/(2i + 3) for i = 0 … 9: log(1 + f) = 2s + 2s·Σ_i z^(i+1)/(2i + 3) with s = f/(2 + f), z = s², |s| ≤ 0.172,
     * to within its first omitted term, 2s·z^11/23 &lt; 3e-18.
     */
    private static final DoubleVector[] LOG_TERMS = terms(i -> 1.0 / (2 * i + 3), 10);

    private VectorMath() {
    }

    /**
     * out[j] = e^x[j] for j &lt; m (out may be x): x = k·ln2 + r with |r| ≤ ln2/2, e^r by its Taylor polynomial,
     * then two exact scalings by powers of two (so that results near the ends of the range, subnormal or infinite,
     * come out right). NaN stays NaN.
     */
    static void exp(double[] x, double[] out, int m) {
        final int bound = SPECIES.loopBound(m);
        final DoubleVector ln2Hi = DoubleVector.broadcast(SPECIES, -LN2_HI);
        final DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, -LN2_LO);
        int j = 0;
        for (; j < bound; j += LANES) {
            final DoubleVector v = DoubleVector.fromArray(SPECIES, x, j);
            // clamped to [−746, 710], where e^x is 0 or ∞ beyond, by comparisons (NaN compares false and stays
            // NaN); the vector min and max keep Java's NaN and −0 rules at a cost on AVX2
            final DoubleVector clamped = v.blend(-746.0, v.compare(VectorOperators.LT, -746.0))
                    .blend(710.0, v.compare(VectorOperators.GT, 710.0));
            final DoubleVector k = clamped.mul(LOG2_E).add(SHIFTER).sub(SHIFTER);
            final DoubleVector r = k.fma(ln2Lo, k.fma(ln2Hi, clamped));
            // Estrin's scheme (a shorter chain of dependent operations than Horner's) for the terms from r² on;
            // r and 1 added last, the small terms first
            final DoubleVector r2 = r.mul(r);
            final DoubleVector r4 = r2.mul(r2);
            final DoubleVector[] c = EXP_TERMS;
            final DoubleVector s0 = r.fma(c[5], c[4]).fma(r2, r.fma(c[3], c[2]));
            final DoubleVector s1 = r.fma(c[9], c[8]).fma(r2, r.fma(c[7], c[6]));
            final DoubleVector s2 = r.fma(c[13], c[12]).fma(r2, r.fma(c[11], c[10]));
            final DoubleVector p = s2.fma(r4, s1).fma(r4, s0).fma(r2, r).add(1.0);
            final DoubleVector half = k.mul(0.5).add(SHIFTER).sub(SHIFTER);
            p.mul(powerOfTwo(half)).mul(powerOfTwo(k.sub(half))).intoArray(out, j);
        }
        for (; j < m; j++) {
            out[j] = Math.exp(x[j]);
        }
    }

    /**
     * out[j] = log x[j] for j &lt; m (out may be x), for x ≥ 1 (the sums the kernels take the log of: 1 + e^−|z| and
     * Σ e^(z − max)) and any positive normal x: x = 2^e·f with f in [√½, √2], log x = e·ln2 + log f. NaN and +∞
     * stay as they are.
     */
    static void log(double[] x, double[] out, int m) {
        final int bound = SPECIES.loopBound(m);
        final DoubleVector ln2Lo = DoubleVector.broadcast(SPECIES, LN2_LO);
        int j = 0;
        for (; j < bound; j += LANES) {
            final DoubleVector v = DoubleVector.fromArray(SPECIES, x, j);
            final LongVector bits = v.reinterpretAsLongs();
            // the biased exponent, a small integer, made a double by the shifter's bits: exact
            DoubleVector e = bits.lanewise(VectorOperators.LSHR, 52).add(SHIFTER_BITS).reinterpretAsDoubles()
                    .sub(SHIFTER + 1023.0);
            DoubleVector f = bits.and(MANTISSA).or(ONE_BITS).reinterpretAsDoubles();
            final VectorMask<Double> large = f.compare(VectorOperators.GT, SQRT_2);
            f = f.blend(f.mul(0.5), large);
            e = e.blend(e.add(1.0), large);
            final DoubleVector g = f.sub(1.0);
            final DoubleVector s = g.div(g.add(2.0));
            final DoubleVector z = s.mul(s);
            final DoubleVector z2 = z.mul(z);
            final DoubleVector z4 = z2.mul(z2);
            final DoubleVector[] c = LOG_TERMS;
            final DoubleVector low = z.fma(c[3], c[2]).fma(z2, z.fma(c[1], c[0]));
            final DoubleVector high = z.fma(c[7], c[6]).fma(z2, z.fma(c[5], c[4]));
            final DoubleVector sum = z.fma(c[9], c[8]).fma(z4, high).fma(z4, low);
            final DoubleVector twoS = s.add(s);
            final DoubleVector logF = twoS.mul(z).fma(sum, twoS);
            e.mul(LN2_HI).add(e.fma(ln2Lo, logF))
                    .blend(v, v.test(VectorOperators.IS_NAN).or(v.test(VectorOperators.IS_INFINITE))).intoArray(out, j);
        }
        for (; j < m; j++) {
            out[j] = Math.log(x[j]);
        }
    }

    private static DoubleVector[] terms(java.util.function.IntToDoubleFunction term, int count) {
        DoubleVector[] terms = new DoubleVector[count];
        for (int i = 0; i < count; i++) {
            terms[i] = DoubleVector.broadcast(SPECIES, term.applyAsDouble(i));
        }
        return terms;
    }

    private static double factorial(int i) {
        return i == 0 ? 1.0 : i * factorial(i - 1);
    }

    /** 2^k for integer-valued lanes k with −1022 ≤ k ≤ 1023, built in the exponent bits. */
    private static DoubleVector powerOfTwo(DoubleVector k) {
        return k.add(SHIFTER).reinterpretAsLongs().sub(SHIFTER_BITS - 1023L).lanewise(VectorOperators.LSHL, 52)
                .reinterpretAsDoubles();
    }
}
