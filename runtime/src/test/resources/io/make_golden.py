"""Writes the golden .npz files that NpzGoldenFilesTest reads: files made by numpy itself.

Regenerate (from the repository root) with
    python3 runtime/src/test/resources/io/make_golden.py
and commit the .npz files it writes next to this script. The values are simple formulas that the
Java test recomputes, so the files need not be regenerated unless the arrays below change.
"""
import os

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))


def arrays():
    """One array per dtype and layout the reader supports; the test recomputes each formula."""
    c = np.arange(12, dtype=np.float64).reshape(3, 4) / 7 - 0.5
    return {
        # float64, C order: the format Netsmith writes
        "f8": c,
        # big-endian float64
        "f8_big": (np.arange(6).reshape(2, 3) / 7).astype(">f8"),
        # float32, rounded from float64 as numpy casts
        "f4": (np.arange(6).reshape(2, 3) / 3).astype("<f4"),
        # int64 with values beyond float32's range and a negative one
        "i8": np.array([[0, -1, 2**53], [7, -(2**40), 123456789012]], dtype="<i8"),
        # int32 with its extremes
        "i4": np.array([-(2**31), -1, 0, 1, 2**31 - 1], dtype="<i4"),
        # fortran order: the same values as f8, stored column by column
        "fortran": np.asfortranarray(c),
        "fortran3d": np.asfortranarray(np.arange(24, dtype=np.float64).reshape(2, 3, 4)),
        # 15 dimensions: numpy's spare room for the growth axis pushes this header from 128 to 192 bytes
        "deep": np.arange(2, dtype=np.float64).reshape((2,) + (1,) * 14),
        # a scalar and an empty array
        "scalar": np.array(2.5),
        "empty": np.zeros((0, 3)),
    }


def parameters():
    """A 3 → 4 → 2 network's parameters in the course's shapes: W_l is (n_l, n_{l-1}), b_l is (n_l, 1)."""
    sizes = [3, 4, 2]
    out = {}
    for l in range(1, len(sizes)):
        rows, cols = sizes[l], sizes[l - 1]
        out["W%d" % l] = (np.arange(rows * cols, dtype=np.float64).reshape(rows, cols) + 10 * l) / 8
        out["b%d" % l] = -np.arange(rows, dtype=np.float64).reshape(rows, 1) / 4 - l
    return out


def main():
    np.savez(os.path.join(HERE, "golden_savez.npz"), **arrays())
    np.savez_compressed(os.path.join(HERE, "golden_savez_compressed.npz"), **arrays())
    np.savez_compressed(os.path.join(HERE, "golden_parameters_3_4_2.npz"), **parameters())


if __name__ == "__main__":
    main()
