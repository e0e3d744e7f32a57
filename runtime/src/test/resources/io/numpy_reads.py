"""Prints what numpy reads from a .npz, for NumpyInteropTest to compare with what Java wrote.

    python3 numpy_reads.py FILE.npz

One line per entry, tab-separated, in the file's order:
    array  NAME  DTYPE  SHAPE  SHA-256 of the values as little-endian float64 in C order
    json   NAME  the entry parsed by Python's json module and written again with sorted keys
The file is loaded with allow_pickle=False, as an untrusted file would be.
"""
import hashlib
import json
import sys

import numpy as np


def main(path):
    with np.load(path, allow_pickle=False) as npz:
        for name in npz.files:
            value = npz[name]
            if isinstance(value, bytes):
                print("\t".join(["json", name, json.dumps(json.loads(value.decode("utf-8")), sort_keys=True)]))
            else:
                data = np.ascontiguousarray(value, dtype="<f8").tobytes()
                print("\t".join(["array", name, value.dtype.str, repr(value.shape), hashlib.sha256(data).hexdigest()]))


if __name__ == "__main__":
    main(sys.argv[1])
