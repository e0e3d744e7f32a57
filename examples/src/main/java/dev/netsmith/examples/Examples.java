package dev.netsmith.examples;

import dev.netsmith.examples.breastcancer.BreastCancerExample;
import dev.netsmith.examples.bughunt.BugHuntExample;
import dev.netsmith.examples.digits.DigitsExample;
import dev.netsmith.examples.planar.PlanarExample;
import dev.netsmith.examples.regularisation.RegularisationExample;
import java.util.List;

/** Every example, in the order {@code all} runs them. */
public final class Examples {

    private Examples() {
    }

    public static List<Example> all() {
        return List.of(new DigitsExample(), new BreastCancerExample(), new PlanarExample(), new RegularisationExample(),
                new BugHuntExample());
    }
}
