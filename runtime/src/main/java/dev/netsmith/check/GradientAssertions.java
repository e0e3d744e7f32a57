package dev.netsmith.check;

import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.Parameters;

/**
 * Gradient checks for a user's unit tests: each method returns the report when the check passes and throws a
 * {@link GradientCheckFailure}, an {@link AssertionError} whose message is the whole report, when it does not.
 *
 * <pre>{@code
 * @Test
 * void backpropIsRight() {
 *     GradientAssertions.assertGradientsCorrect(MyNet_Model.INSTANCE, params, batch);
 * }
 * }</pre>
 */
public final class GradientAssertions {

    private GradientAssertions() {
    }

    /** Checks with the network's declared settings (dropout off). */
    public static GradientCheckReport assertGradientsCorrect(CheckableNetwork net, Parameters params, Batch batch) {
        return assertPassed(GradientChecker.check(net, params, batch));
    }

    /** Checks with the given options. */
    public static GradientCheckReport assertGradientsCorrect(CheckableNetwork net, Parameters params, Batch batch,
                                                             CheckOptions options) {
        return assertPassed(GradientChecker.check(net, params, batch, options));
    }

    /** Throws unless the report's verdict is PASS. */
    public static GradientCheckReport assertPassed(GradientCheckReport report) {
        if (!report.passed()) {
            throw new GradientCheckFailure(report);
        }
        return report;
    }

    /** A failed gradient check; the message is the whole report, {@link #report()} the report itself. */
    public static final class GradientCheckFailure extends AssertionError {
        private static final long serialVersionUID = 1L;
        private final transient GradientCheckReport report;

        GradientCheckFailure(GradientCheckReport report) {
            super("gradient check " + report.verdict() + "\n" + report);
            this.report = report;
        }

        public GradientCheckReport report() {
            return report;
        }
    }
}
