package dev.netsmith.check;

/**
 * dJ/dA[l] estimated numerically on a sample of entries and compared with backprop's dA[l]: the check that
 * tells a layer whose backward step is wrong from the layers the error then flows into.
 *
 * @param layer      l, a hidden layer (A[l] after dropout is the input of layer l+1)
 * @param checked    entries compared
 * @param difference ‖dA − dÂ‖ / (‖dA‖ + ‖dÂ‖) over them
 * @param verdict    from the difference
 */
public record ActivationCheck(int layer, int checked, double difference, Verdict verdict) {

    public String name() {
        return "dA" + layer;
    }
}
