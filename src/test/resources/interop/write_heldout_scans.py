"""Writes held-out scans with the Python tools beamlines use (h5py, tifffile, numpy), independent
of Bragg Cloud's own writers, plus the expected overview sums computed with numpy.

Usage: python3 write_heldout_scans.py OUTPUT_DIR

Each scan goes to OUTPUT_DIR/<name>/ with scan.json, and expected_intensity.f64 (ny*nx) and
expected_mean_pattern.f64 (rows*cols), raw little-endian float64 in row-major order.
"""
import json
import os
import sys

import h5py
import numpy as np
import tifffile

NX, NY, ROWS, COLS, ANGLES = 9, 7, 20, 17, 5


def counts(seed, dtype):
    rng = np.random.default_rng(seed)
    data = rng.poisson(0.3, size=(ANGLES, NX * NY, ROWS, COLS)).astype(np.float64)
    # A peak moving across the detector with the scan position, and a few large counts.
    r, c = np.mgrid[0:ROWS, 0:COLS]
    for a in range(ANGLES):
        for p in range(NX * NY):
            data[a, p] += 400 * np.exp(-((r - 5 - p % 9) ** 2 + (c - 4 - a) ** 2) / 6.0)
    data[:, :, 3, 11] = 70000 if np.dtype(dtype).itemsize > 2 else 60000
    return np.round(data).astype(dtype)


def descriptor(folder, frames, files, xrf=None):
    d = {"name": os.path.basename(folder),
         "scan": {"nx": NX, "ny": NY, "step_um": 0.05},
         "angles_deg": [round(10.0 + 0.05 * a, 4) for a in range(ANGLES)],
         "frames": dict(frames, files=files),
         "detector": {"pixel_um": 75.0, "distance_um": 350000.0},
         "geometry": {"energy_kev": 10.0, "delta_deg": 20.0, "gamma_deg": 15.0}}
    if xrf:
        d["xrf"] = {"files": xrf}
    with open(os.path.join(folder, "scan.json"), "w") as f:
        json.dump(d, f, indent=1)


def expected(folder, data):
    as64 = data.astype(np.float64)
    as64.sum(axis=(0, 2, 3)).astype("<f8").tofile(os.path.join(folder, "expected_intensity.f64"))
    as64.mean(axis=(0, 1)).astype("<f8").tofile(os.path.join(folder, "expected_mean_pattern.f64"))


def tiff_frames_zlib(out):
    folder = os.path.join(out, "tifffile-frames-zlib")
    os.makedirs(folder)
    data = counts(1, np.uint16)
    files = []
    for a in range(ANGLES):
        name = "rock_%d.tif" % a
        tifffile.imwrite(os.path.join(folder, name), data[a], compression="zlib", photometric="minisblack")
        files.append(name)
    xrf = []
    for a in range(ANGLES):
        name = "xrf_%d.tif" % a
        tifffile.imwrite(os.path.join(folder, name), np.full((NY, NX), a, np.float32))
        xrf.append(name)
    descriptor(folder, {"format": "tiff", "order": "frames"}, files, xrf)
    expected(folder, data)


def tiff_frames_plain_uint32(out):
    folder = os.path.join(out, "tifffile-frames-uint32")
    os.makedirs(folder)
    data = counts(2, np.uint32)
    files = []
    for a in range(ANGLES):
        name = "rock_%d.tif" % a
        tifffile.imwrite(os.path.join(folder, name), data[a], photometric="minisblack")
        files.append(name)
    descriptor(folder, {"format": "tiff", "order": "frames"}, files)
    expected(folder, data)


def tiff_columns_float32(out):
    folder = os.path.join(out, "tifffile-columns-float32")
    os.makedirs(folder)
    data = counts(3, np.float32)
    files = []
    for a in range(ANGLES):
        name = "cols_%d.tif" % a
        # page c: (detector rows x scan points)
        pages = np.ascontiguousarray(np.transpose(data[a], (2, 1, 0)))
        tifffile.imwrite(os.path.join(folder, name), pages, photometric="minisblack")
        files.append(name)
    descriptor(folder, {"format": "tiff", "order": "columns"}, files)
    expected(folder, data)


def hdf5(out, name, dtype, seed, **options):
    folder = os.path.join(out, name)
    os.makedirs(folder)
    data = counts(seed, dtype)
    files = []
    for a in range(ANGLES):
        fname = "scan_%d.h5" % a
        with h5py.File(os.path.join(folder, fname), "w") as f:
            f.create_dataset("entry/instrument/detector/data", data=data[a][:, ::-1, :], **options)
            f.create_dataset("entry/instrument/NDAttributes/theta", data=np.float64(10.0 + 0.05 * a))
        files.append(fname)
    descriptor(folder, {"format": "hdf5", "dataset": "entry/instrument/detector/data", "flip_vertical": True}, files)
    expected(folder, data)


if __name__ == "__main__":
    out = sys.argv[1]
    tiff_frames_zlib(out)
    tiff_frames_plain_uint32(out)
    tiff_columns_float32(out)
    hdf5(out, "h5py-gzip-shuffle-uint32", np.uint32, 4, chunks=(4, ROWS, COLS), compression="gzip", shuffle=True)
    hdf5(out, "h5py-lzf-uint16", np.uint16, 5, chunks=(1, 10, COLS), compression="lzf")
    hdf5(out, "h5py-contiguous-int32", np.int32, 6)
    hdf5(out, "h5py-gzip-float32", np.float32, 7, chunks=(16, ROWS, 8), compression="gzip", compression_opts=9)
