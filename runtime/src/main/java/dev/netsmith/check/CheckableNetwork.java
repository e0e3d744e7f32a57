package dev.netsmith.check;

import dev.netsmith.runtime.CompiledNetwork;

/** A generated network together with its generated gradient-check kernel and declared check settings. */
public interface CheckableNetwork extends CompiledNetwork {

    /** The generated {@code T_GradientCheck}. */
    GradientCheckKernel gradientCheckKernel();

    /** The {@code @GradientCheck} settings of the declaration (the course's defaults when absent). */
    CheckOptions declaredCheckOptions();
}
