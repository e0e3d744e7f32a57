package dev.netsmith.processor.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.netsmith.processor.testing.GeneratedClasses;
import dev.netsmith.processor.testing.TestData;
import dev.netsmith.processor.testing.TestNetworks;
import dev.netsmith.runtime.Backend;
import dev.netsmith.runtime.Batch;
import dev.netsmith.runtime.CompiledNetwork;
import dev.netsmith.runtime.Dropout;
import dev.netsmith.runtime.Parameters;
import dev.netsmith.runtime.VectorKernels;
import dev.netsmith.runtime.Workspace;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Runs only in the build's {@code vector-backend} execution (a JVM started with the module and the flag), where the
 * correctness, split and checker tests run again on the vector kernels: this makes sure that JVM really took them.
 */
@Tag("vector-backend")
class VectorBackendTest {

    @Test
    void theJvmRunsTheVectorBackend() {
        assertTrue(Backend.VECTOR, "the vector-backend execution must start the JVM with the module and -Dnetsmith.vector=true");
        assertEquals("vector", Backend.name());
    }

    /**
     * The generated code takes the vector branch: Z of a 64-input layer equals the fused chains of VectorKernels to
     * the bit, and not the scalar loops' sums (which round each product; they differ in some entries).
     */
    @Test
    void generatedForwardPassesCallTheVectorKernels() {
        GeneratedClasses generated = TestNetworks.generated();
        CompiledNetwork net = generated.network(TestNetworks.declarations().get(0).qualifiedPrefix());
        int m = 37;
        Parameters params = TestData.parameters(net, 5);
        double[][] x = TestData.inputs(net.architecture(), m, 6);
        Workspace ws = net.newWorkspace(m, 1);
        net.forward(params, Batch.inputs(net.architecture(), x), ws, Dropout.off());
        int inputs = net.architecture().sizes()[0];
        int units = net.architecture().sizes()[1];
        double[][] vector = new double[units][m];
        VectorKernels.affine(params.values(), 0, units * inputs, inputs, x, vector, m, 0, units);
        int differentFromScalar = 0;
        for (int i = 0; i < units; i++) {
            for (int j = 0; j < m; j++) {
                assertEquals(vector[i][j], ws.z(1)[i][j], 0.0, "Z1[" + i + "][" + j + "]");
                double sum = params.values()[units * inputs + i];
                for (int k = 0; k < inputs; k++) {
                    sum += params.values()[i * inputs + k] * x[k][j];
                }
                differentFromScalar += sum == vector[i][j] ? 0 : 1;
            }
        }
        assertNotEquals(0, differentFromScalar, "fused and unfused sums should differ somewhere");
    }
}
