package dev.netsmith.check;

/**
 * One checked parameter: the analytic gradient from backprop, the central-difference estimate, the costs
 * it came from and the parameter's value.
 *
 * @param index     the flat index
 * @param name      the gradient entry's name, e.g. {@code dW2[3][4]}
 * @param value     θ at that index
 * @param analytic  backprop's dJ/dθ
 * @param numeric   (J(θ+ε) − J(θ−ε)) / 2ε
 * @param costPlus  J(θ+ε), the regularised cost
 * @param costMinus J(θ−ε)
 * @param error     the symmetric relative error |g − ĝ| / max(|g| + |ĝ|, floor), 0 when both are exactly 0
 * @param kink      why the entry is inconclusive (a ReLU pre-activation changed sign), or {@code null}
 */
public record EntryResult(int index, String name, double value, double analytic, double numeric, double costPlus,
                          double costMinus, double error, String kink) {

    /** Whether a kink makes this entry's difference quotient meaningless, so that it is left out. */
    public boolean inconclusive() {
        return kink != null;
    }

    /** |g − ĝ| / max(|g| + |ĝ|, floor), and 0 when both are exactly 0. */
    static double symmetricError(double analytic, double numeric, double floor) {
        double scale = Math.abs(analytic) + Math.abs(numeric);
        if (scale == 0) {
            return 0;
        }
        return Math.abs(analytic - numeric) / Math.max(scale, floor);
    }
}
