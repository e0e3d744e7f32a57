package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class OneHotTest {

    @Test
    void putsOneOnePerColumnInTheLabelsRow() {
        double[][] y = OneHot.encode(new int[] {2, 0, 1, 2}, 3);
        assertArrayEquals(new double[] {0, 1, 0, 0}, y[0]);
        assertArrayEquals(new double[] {0, 0, 1, 0}, y[1]);
        assertArrayEquals(new double[] {1, 0, 0, 1}, y[2]);
    }

    @Test
    void rejectsLabelsOutsideTheClasses() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {0, 3}, 3));
        assertEquals("label 1 is 3, outside 0..2", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[] {-1}, 3));
        assertThrows(IllegalArgumentException.class, () -> OneHot.encode(new int[0], 3));
    }
}
