package dev.netsmith.runtime;

/**
 * Which kernels generated code runs: its own scalar loops (the default), or the vector backend
 * ({@link VectorKernels}: explicit SIMD with fused multiply-adds from the incubating {@code jdk.incubator.vector}
 * module, and vector exp/log for the elementwise functions).
 *
 * <p>The flag is read once, when this class is first used: run the JVM with
 * {@code --add-modules jdk.incubator.vector -Dnetsmith.vector=true}. Generated code tests {@link #VECTOR}, a
 * constant to the JIT compiler, so the branch not taken costs nothing. Without the property nothing of the
 * incubating module is loaded, and the JVM needs no flag.
 */
public final class Backend {

    /** The system property that selects the vector backend ({@code true}). */
    public static final String VECTOR_PROPERTY = "netsmith.vector";

    /** The module the vector backend needs. */
    public static final String VECTOR_MODULE = "jdk.incubator.vector";

    /** Whether generated code runs the vector backend: the property is {@code true} and the module is present. */
    public static final boolean VECTOR = Boolean.getBoolean(VECTOR_PROPERTY) && vectorModulePresent();

    private Backend() {
    }

    /**
     * Throws when the vector backend was asked for but the JVM lacks its module, rather than running the scalar
     * kernels silently: every new {@link Workspace} calls this.
     */
    public static void requireConsistent() {
        if (Boolean.getBoolean(VECTOR_PROPERTY) && !VECTOR) {
            throw new IllegalStateException("-D" + VECTOR_PROPERTY + "=true asks for the vector backend, but module "
                    + VECTOR_MODULE + " is not in this JVM: add --add-modules " + VECTOR_MODULE + " to its options");
        }
    }

    /** The name of the kernels in use, for reports: {@code vector} or {@code scalar}. */
    public static String name() {
        return VECTOR ? "vector" : "scalar";
    }

    private static boolean vectorModulePresent() {
        return ModuleLayer.boot().findModule(VECTOR_MODULE).isPresent();
    }
}
