package dev.netsmith.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ActivationsTest {

    @Test
    void tanhFromOneExpIsWithinAFewUlpsOfOneAbsolutely() {
        SplittableRandom random = new SplittableRandom(1);
        double worst = 0;
        for (int n = 0; n < 1_000_000; n++) {
            double z = (random.nextDouble() - 0.5) * (n % 2 == 0 ? 2 : 40);
            worst = Math.max(worst, Math.abs(Activations.tanh(z) - Math.tanh(z)));
        }
        assertTrue(worst <= 3e-16, "largest absolute error " + worst);
    }

    @Test
    void tanhKeepsItsSymmetryAndLimits() {
        assertEquals(1.0, Activations.tanh(800));
        assertEquals(-1.0, Activations.tanh(-800));
        assertEquals(1.0, Activations.tanh(Double.POSITIVE_INFINITY));
        assertEquals(0.0, Activations.tanh(0.0));
        assertEquals(Double.doubleToLongBits(-0.0), Double.doubleToLongBits(Activations.tanh(-0.0)));
        assertTrue(Double.isNaN(Activations.tanh(Double.NaN)));
        for (double z : new double[] {1e-300, 1e-8, 0.3, 2.5, 19}) {
            assertEquals(-Activations.tanh(z), Activations.tanh(-z));
        }
    }

    @Test
    void stepIsOneExactlyAboveZeroAndZeroAtOrBelow() {
        for (double z : new double[] {Double.MIN_VALUE, Double.MIN_NORMAL, 1e-300, 1e-8, 0.5, 1, 3e7, Double.MAX_VALUE,
                Double.POSITIVE_INFINITY}) {
            assertEquals(1.0, Activations.step(z), "H(" + z + ")");
        }
        for (double z : new double[] {0.0, -0.0, -Double.MIN_VALUE, -1e-300, -0.5, -Double.MAX_VALUE,
                Double.NEGATIVE_INFINITY}) {
            assertEquals(Double.doubleToLongBits(0.0), Double.doubleToLongBits(Activations.step(z)), "H(" + z + ")");
        }
        assertTrue(Double.isNaN(Activations.step(Double.NaN)), "a NaN pre-activation is not hidden as a zero gradient");
    }

    @Test
    void stepAgreesWithTheComparisonOnRandomArguments() {
        SplittableRandom random = new SplittableRandom(2);
        for (int n = 0; n < 100_000; n++) {
            double z = Double.longBitsToDouble(random.nextLong());
            if (!Double.isNaN(z)) {
                assertEquals(z > 0.0 ? 1.0 : 0.0, Activations.step(z), 0.0, "H(" + z + ")");
            }
        }
    }
}
