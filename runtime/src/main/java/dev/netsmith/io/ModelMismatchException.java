package dev.netsmith.io;

import java.io.IOException;

/**
 * A well-formed file written for another network: a tensor is missing or misshapen, or a checkpoint's
 * fingerprint differs from the network's. Loading it anyway would fail later, or worse, silently run
 * the wrong model; the message says exactly what differs.
 */
public class ModelMismatchException extends IOException {

    private static final long serialVersionUID = 1L;

    public ModelMismatchException(String message) {
        super(message);
    }
}
