package dev.netsmith.io;

import java.io.IOException;

/**
 * A file that is not what it claims to be: truncated, corrupt, hostile, or in a dtype or layout Netsmith does
 * not read. The message names the entry (e.g. {@code W1.npy in model.npz}) and the problem, so that a user can
 * tell a damaged download from a file written by another tool.
 */
public class NpzFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem with the part of a file called {@code where}. */
    public NpzFormatException(String where, String problem) {
        super(where + ": " + problem);
    }

    /** A problem with the part of a file called {@code where}, found through {@code cause}. */
    public NpzFormatException(String where, String problem, Throwable cause) {
        super(where + ": " + problem, cause);
    }
}
