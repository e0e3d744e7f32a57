package dev.netsmith.train;

import java.util.List;

/**
 * Adam with bias correction: v and s are the first and second moments (the course's names), corrected by
 * 1 − β^t so that the first steps are not biased towards 0.
 */
final class Adam extends Optimizer {

    private final double beta1;
    private final double beta2;
    private final double epsilon;

    Adam(double beta1, double beta2, double epsilon) {
        this.beta1 = requireDecay("Adam β1", beta1);
        this.beta2 = requireDecay("Adam β2", beta2);
        if (!(epsilon > 0 && epsilon < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("Adam ε must be positive and finite, was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public String name() {
        return "adam";
    }

    @Override
    List<String> stateNames() {
        return List.of("v", "s");
    }

    @Override
    void update(double[] theta, double[] gradient, double learningRate, double[][] state, long step) {
        double[] v = state[0];
        double[] s = state[1];
        // Math.pow, not StrictMath.pow: both are deterministic on one JVM, but StrictMath.pow allocates on JDK 17
        double correction1 = 1 - Math.pow(beta1, step);
        double correction2 = 1 - Math.pow(beta2, step);
        double keep1 = 1 - beta1;
        double keep2 = 1 - beta2;
        for (int i = 0; i < theta.length; i++) {
            double g = gradient[i];
            v[i] = beta1 * v[i] + keep1 * g;
            s[i] = beta2 * s[i] + keep2 * g * g;
            theta[i] -= learningRate * (v[i] / correction1) / (Math.sqrt(s[i] / correction2) + epsilon);
        }
    }

    @Override
    public String toString() {
        return "adam(β1 = " + beta1 + ", β2 = " + beta2 + ", ε = " + epsilon + ")";
    }
}
