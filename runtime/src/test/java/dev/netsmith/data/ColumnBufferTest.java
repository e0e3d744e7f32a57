package dev.netsmith.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ColumnBufferTest {

    /** Wide enough that the first allocation holds only 2 rows, so appending 5 grows it twice. */
    private static final int WIDE = 1 << 15;

    private static double[] row(int r) {
        double[] row = new double[WIDE];
        Arrays.fill(row, r);
        row[0] = -r;
        return row;
    }

    @Test
    void growsAndTransposesRowsIntoColumns() {
        ColumnBuffer buffer = new ColumnBuffer(WIDE, 1000);
        for (int r = 0; r < 5; r++) {
            buffer.append(row(r));
        }
        assertEquals(5, buffer.rows());
        double[][] columns = buffer.columns();
        assertEquals(WIDE, columns.length);
        assertArrayEquals(new double[] {0, -1, -2, -3, -4}, columns[0]);
        assertArrayEquals(new double[] {0, 1, 2, 3, 4}, columns[WIDE - 1]);
    }

    @Test
    void neverGrowsPastItsRowLimit() {
        ColumnBuffer buffer = new ColumnBuffer(WIDE, 3);
        for (int r = 0; r < 3; r++) {
            assertFalse(buffer.isFull());
            buffer.append(row(r));
        }
        assertTrue(buffer.isFull());
        assertArrayEquals(new double[] {0, 1, 2}, buffer.columns()[1]);
        assertTrue(new ColumnBuffer(2, 0).isFull());
    }
}
