package dev.netsmith.check;

/** The outcome of comparing analytic and numerical gradients, from the course's thresholds. */
public enum Verdict {
    /** Difference below passBelow (1e-7 by default): the gradient is right. */
    PASS,
    /** Between the thresholds: probably right, but look at the worst entries. */
    WARN,
    /** Above failAbove (1e-3 by default): there is almost certainly a bug. */
    FAIL;

    /** The verdict for a difference under the given thresholds; NaN fails. */
    public static Verdict of(double difference, double passBelow, double failAbove) {
        if (difference < passBelow) {
            return PASS;
        }
        return difference > failAbove || Double.isNaN(difference) ? FAIL : WARN;
    }

    /** The worse of two verdicts. */
    public Verdict worst(Verdict other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
