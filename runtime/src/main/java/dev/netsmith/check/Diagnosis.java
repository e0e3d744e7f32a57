package dev.netsmith.check;

import java.util.List;

/**
 * Where the bug most likely is, from the pattern of the errors.
 *
 * @param summary one plain sentence, e.g. "all large errors are in db2: check how dJ/db is computed for layer 2"
 * @param layer   the layer it names, or 0 when none (a passing check) or several
 * @param tensors the gradient tensors that hold the large errors
 */
public record Diagnosis(String summary, int layer, List<String> tensors) {

    public Diagnosis {
        tensors = List.copyOf(tensors);
    }
}
