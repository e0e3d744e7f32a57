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
}
