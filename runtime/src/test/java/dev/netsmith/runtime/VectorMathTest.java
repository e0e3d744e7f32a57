package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

/** The vector backend's exp and log against StrictMath (fdlibm, correctly rounded to within 1 ulp itself). */
class VectorMathTest {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Test
    void expIsWithinOneUlpAcrossItsRange() {
        SplittableRandom random = new SplittableRandom(5);
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            double scale = n % 3 == 0 ? 1500 : n % 3 == 1 ? 40 : 1;
            double x = (random.nextDouble() - 0.5) * scale;
            double expected = StrictMath.exp(x);
            double actual = exp(x);
            worst = Math.max(worst, expected == actual ? 0 : Math.abs(expected - actual) / Math.ulp(expected));
        }
        assertTrue(worst <= 1.0, "largest error " + worst + " ulp");
    }

    @Test
    void expKeepsItsLimitsAndSpecialValues() {
        for (double x : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 709.78, 709.79,
                -708.5, -745.1, -745.2, 1e300, -1e300, 0.0, -0.0, 1e-300}) {
            double expected = StrictMath.exp(x);
            assertEquals(expected, exp(x), Double.isFinite(expected) ? Math.ulp(expected) : 0.0, "exp(" + x + ")");
        }
    }

    @Test
    void logIsWithinOneUlpOfItsValueOrOfOne() {
        SplittableRandom random = new SplittableRandom(6);
        double worst = 0;
        for (int n = 0; n < 200_000; n++) {
            double x = n % 2 == 0 ? 1 + random.nextDouble() : Math.exp(random.nextDouble() * 700) * (1 + random.nextDouble());
            double expected = StrictMath.log(x);
            worst = Math.max(worst, Math.abs(expected - log(x)) / Math.max(Math.ulp(expected), Math.ulp(1.0)));
        }
        assertTrue(worst <= 1.0, "largest error " + worst + " ulp");
    }

    @Test
    void logKeepsItsSpecialValues() {
        assertTrue(Double.isNaN(log(Double.NaN)));
        assertEquals(Double.POSITIVE_INFINITY, log(Double.POSITIVE_INFINITY));
        assertEquals(0.0, log(1.0));
        assertEquals(StrictMath.log(2.0), log(2.0));
        assertEquals(StrictMath.log(Math.nextUp(1.0)), log(Math.nextUp(1.0)), Math.ulp(StrictMath.log(Math.nextUp(1.0))));
        assertEquals(StrictMath.log(Double.MAX_VALUE), log(Double.MAX_VALUE), Math.ulp(StrictMath.log(Double.MAX_VALUE)));
    }

    /** e^x from the vector lanes (a whole vector of x, so that no lane falls in the scalar tail). */
    private static double exp(double x) {
        double[] row = filled(x);
        VectorMath.exp(row, row, row.length);
        return row[0];
    }

    private static double log(double x) {
        double[] row = filled(x);
        VectorMath.log(row, row, row.length);
        return row[0];
    }

    private static double[] filled(double x) {
        double[] row = new double[SPECIES.length()];
        java.util.Arrays.fill(row, x);
        return row;
    }
}
