package dev.netsmith.io;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What an optimizer needs to resume where it stopped, kept generic so that any optimizer fits: named vectors
 * (Adam's first and second moments {@code m} and {@code v}, momentum's velocity), the step count (Adam's bias
 * correction depends on it) and named scalar settings (learning rate, β1, β2, ε, …). The vectors are not
 * copied; both maps are sorted by name so that a checkpoint's bytes do not depend on map order.
 *
 * @param name    the optimizer's name, e.g. {@code adam}
 * @param step    the number of updates taken so far
 * @param scalars scalar settings and state by name
 * @param arrays  vectors by name
 */
public record OptimizerState(String name, long step, Map<String, Double> scalars, Map<String, double[]> arrays) {

    /** Names become zip entry names and JSON keys: keep them plain. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");

    public OptimizerState {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("an optimizer state needs the optimizer's name");
        }
        if (step < 0) {
            throw new IllegalArgumentException("the step count cannot be negative, was " + step);
        }
        scalars = sortedCopy(scalars, "scalar");
        arrays = sortedCopy(arrays, "array");
    }

    private static <V> Map<String, V> sortedCopy(Map<String, V> map, String what) {
        SortedMap<String, V> sorted = new TreeMap<>(map);
        sorted.forEach((key, value) -> {
            if (!KEY.matcher(key).matches()) {
                throw new IllegalArgumentException(what + " name '" + key + "' must be 1-100 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
            }
            if (value == null) {
                throw new IllegalArgumentException(what + " " + key + " is null");
            }
        });
        return Collections.unmodifiableSortedMap(sorted);
    }
}
