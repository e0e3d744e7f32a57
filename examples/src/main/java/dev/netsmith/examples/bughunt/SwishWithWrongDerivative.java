package dev.netsmith.examples.bughunt;

/**
 * {@link Swish} as one might first write it: the derivative treats the z of z·σ(z) as a constant and so
 * forgets the product rule's second term. The gradient check is how a user finds out.
 */
public class SwishWithWrongDerivative extends Swish {

    @Override
    public double derivative(double z, double a) {
        return sigmoid(z);
    }
}
