/**
 * numpy-compatible {@code .npz} files and atomic checkpoints.
 *
 * <p>File format decisions:
 * <ul>
 *   <li>A {@code .npz} is what {@code numpy.savez} writes: a zip of {@code .npy} entries, one per array, loadable
 *       with {@code numpy.load(path, allow_pickle=False)}. Netsmith writes {@code .npy} format version 1.0,
 *       little-endian float64 in C order, with numpy's own header padding, so each entry is byte for byte what
 *       {@code numpy.save} writes for the same array. Entries are stored, not deflated: float64 weights barely
 *       compress. Any stored or deflated entry in {@code <f8}, {@code >f8}, {@code <f4}, {@code <i8}, {@code <i4}
 *       (either byte order) and C or Fortran order is read, converted to double in C order.</li>
 *   <li>Parameters are the arrays {@code W1, b1, W2, b2, …} with W_l of shape (n_l, n_{l-1}) and b_l of shape
 *       (n_l, 1), as in the course ({@link dev.netsmith.io.ParametersNpz}).</li>
 *   <li>A checkpoint is a parameters file plus a {@code checkpoint.json} entry (UTF-8 JSON: format version,
 *       network fingerprint and canonical form, labels, optimizer name and step) and the arrays
 *       {@code standardization.means}, {@code standardization.scales} and {@code optimizer.<name>}
 *       ({@link dev.netsmith.io.CheckpointIO}).</li>
 *   <li>Every file is written through {@link dev.netsmith.io.AtomicFiles}: a crash or failure leaves the previous
 *       file, never a half-written one.</li>
 *   <li>Every file is read as untrusted input: malformed, truncated, over-large or lying files raise
 *       {@link dev.netsmith.io.NpzFormatException}; well-formed files for another network raise
 *       {@link dev.netsmith.io.ModelMismatchException}.</li>
 * </ul>
 */
package dev.netsmith.io;
