package dev.netsmith.check;

import dev.netsmith.runtime.ParameterLayout;
import dev.netsmith.runtime.ParameterLayout.Tensor;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * The derivative of J along one random unit direction v per tensor: two cost evaluations compare
 * (J(θ+εv) − J(θ−εv)) / 2ε with g·v. A correct tensor agrees; only a disagreeing one is worth checking entry
 * by entry.
 */
final class DirectionalCheck {

    /** One tensor's directional comparison; {@code kink} is null unless a ReLU kink was crossed. */
    record Outcome(double analytic, double numeric, double difference, String kink) {
    }

    private final BasePass base;
    private final CheckOptions options;
    private final Kinks kinks;
    private final double[] thetaPlus;
    private final double[] thetaMinus;

    DirectionalCheck(BasePass base, CheckOptions options) {
        this.base = base;
        this.options = options;
        this.kinks = new Kinks(base.net.architecture());
        this.thetaPlus = base.theta.clone();
        this.thetaMinus = base.theta.clone();
    }

    Outcome check(Tensor tensor, int tensorIndex, Probe probe) {
        double[] direction = direction(tensor.size(), options.seed() + 7919L * tensorIndex);
        double[] theta = base.theta;
        double epsilon = options.epsilon();
        double lambda = base.net.architecture().l2();
        boolean weights = tensor.kind() == ParameterLayout.Kind.WEIGHTS;
        double analytic = 0;
        double l2Difference = 0;
        for (int e = 0; e < direction.length; e++) {
            int p = tensor.offset() + e;
            thetaPlus[p] = theta[p] + epsilon * direction[e];
            thetaMinus[p] = theta[p] - epsilon * direction[e];
            double step = thetaPlus[p] - thetaMinus[p];
            analytic += base.analytic[p] * step;
            if (weights) {
                l2Difference += step * (thetaPlus[p] + thetaMinus[p]);
            }
        }
        int m = base.m;
        probe.setCount(base.net.gradientCheckKernel().lossesFrom(thetaPlus, thetaMinus, tensor.layer(), base.workspace, probe,
                base.batch.y(), m));
        System.arraycopy(theta, tensor.offset(), thetaPlus, tensor.offset(), tensor.size());
        System.arraycopy(theta, tensor.offset(), thetaMinus, tensor.offset(), tensor.size());
        double numeric = (probe.dataDifference(m) + lambda / (2.0 * m) * l2Difference) / (2 * epsilon);
        analytic /= 2 * epsilon;
        String kink = options.kinkHandling() ? kinks.find(tensor.layer(), -1, probe, m) : null;
        double scale = Math.abs(analytic) + Math.abs(numeric);
        return new Outcome(analytic, numeric, scale == 0 ? 0 : Math.abs(analytic - numeric) / scale, kink);
    }

    /** A seeded random unit vector. */
    private static double[] direction(int size, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        double[] v = new double[size];
        double norm = 0;
        for (int i = 0; i < size; i++) {
            v[i] = rng.nextGaussian();
            norm += v[i] * v[i];
        }
        norm = Math.sqrt(norm);
        for (int i = 0; i < size; i++) {
            v[i] /= norm;
        }
        return v;
    }
}
