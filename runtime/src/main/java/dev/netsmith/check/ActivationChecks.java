package dev.netsmith.check;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * dJ/dA[l] by central differences against backprop's dA[l] / m on a sample of entries of each hidden layer.
 * A layer whose dA agrees but whose dW and db do not has its own backward step wrong.
 */
final class ActivationChecks {

    private ActivationChecks() {
    }

    static List<ActivationCheck> run(BasePass base, CheckOptions options, Probe probe) {
        List<ActivationCheck> checks = new ArrayList<>();
        int depth = base.net.architecture().depth();
        if (options.activationSamples() == 0) {
            return checks;
        }
        Kinks kinks = new Kinks(base.net.architecture());
        RandomGenerator rng = new Well19937c(options.seed() ^ 0x5DEECE66DL);
        int m = base.m;
        double epsilon = options.epsilon();
        for (int l = 1; l < depth; l++) {
            double[][] da = base.workspace.da(l);
            double diffSquares = 0;
            double analyticSquares = 0;
            double numericSquares = 0;
            int checked = 0;
            for (int s = 0; s < options.activationSamples(); s++) {
                int r = rng.nextInt(da.length);
                int j = rng.nextInt(m);
                double[][] y = base.batch.y();
                probe.setCount(base.net.gradientCheckKernel().perturbActivation(base.theta, l, r, j, epsilon, base.workspace, probe,
                        y, m));
                if (options.kinkHandling() && kinks.find(l + 1, -1, probe, m) != null) {
                    continue;
                }
                double numeric = probe.dataDifference(m) / (2 * epsilon);
                double analytic = da[r][j] / m;
                diffSquares += (analytic - numeric) * (analytic - numeric);
                analyticSquares += analytic * analytic;
                numericSquares += numeric * numeric;
                checked++;
            }
            double scale = Math.sqrt(analyticSquares) + Math.sqrt(numericSquares);
            double difference = scale == 0 ? 0 : Math.sqrt(diffSquares) / scale;
            checks.add(new ActivationCheck(l, checked, difference, options.verdictOf(difference)));
        }
        return checks;
    }
}
