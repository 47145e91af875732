#!/usr/bin/env python3
"""Writes test-images/hdf5-fletcher32/: a (3, 8, 6) uint16 frames dataset with Fletcher32
checksums, deflated and not, and a copy of each with one bit of chunk 1 flipped, which h5py
refuses to read; and oversized.h5, a (120, 100000, 100000) uint16 frames dataset whose chunks
were never written (a few kB on disk, 2.4 TB if read). Run from the repository root with
Debian's python3-h5py."""
import shutil
import h5py
import numpy as np

OUT = "test-images/hdf5-fletcher32/"
DATASET = "entry/data/data"
data = (np.arange(3 * 8 * 6, dtype=np.uint16).reshape(3, 8, 6) * 7) % 1000
for name, compression in (("checksummed.h5", "gzip"), ("checksummed_raw.h5", None)):
    with h5py.File(OUT + name, "w") as f:
        f.create_dataset(DATASET, data=data, chunks=(1, 8, 6), compression=compression, fletcher32=True)
    damaged = OUT + name.replace("checksummed", "damaged")
    shutil.copy(OUT + name, damaged)
    with h5py.File(damaged, "r") as f:
        info = f[DATASET].id.get_chunk_info(1)
    raw = bytearray(open(damaged, "rb").read())
    raw[info.byte_offset + 5] ^= 0x40
    open(damaged, "wb").write(bytes(raw))
    try:
        with h5py.File(damaged, "r") as f:
            f[DATASET][1]
        raise SystemExit(damaged + ": h5py read the damaged chunk")
    except OSError as e:
        print(damaged + ": h5py refuses it:", e)

with h5py.File(OUT + "oversized.h5", "w") as f:
    f.create_dataset(DATASET, shape=(120, 100000, 100000), dtype=np.uint16, chunks=(1, 1000, 1000))
