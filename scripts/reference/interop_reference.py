#!/usr/bin/env python3
"""Codewords and plane-grid reconstructions of the interop case's PLY clouds, computed by the
paper's network structure (scripts/benchmarks/paper_foldingnet.py) over the current machine's
BLAS, next to the case's original files (see test-images/interop/foldingnet-paper-seed1/README.md).

    /usr/bin/python3 scripts/reference/interop_reference.py test-images/interop/foldingnet-paper-seed1
"""
import glob
import os
import sys

import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benchmarks"))
import paper_foldingnet as paper  # noqa: E402


def ply(path):
    lines = open(path).read().split("\n")
    start = lines.index("end_header") + 1
    return np.array([[float(v) for v in l.split()[:3]] for l in lines[start:] if l.strip()], dtype=np.float32)


def main():
    case = sys.argv[1]
    torch.set_num_threads(2)
    state = torch.load(os.path.join(case, "model.pkl"), map_location="cpu")
    model = paper.FoldNet()
    # the paper builds its plane with numpy's linspace in float64, then casts to float32
    side = np.linspace(-0.3, 0.3, 45)
    grid = np.array([[a, b] for a in side for b in side], dtype=np.float32)
    model.decoder.grid = torch.from_numpy(grid.T.copy())
    model.load_state_dict(state)
    model.eval()
    clouds = np.stack([ply(f) for f in sorted(glob.glob(os.path.join(case, "clouds", "*.ply")))])
    with torch.no_grad():
        codes = model.encoder(torch.from_numpy(clouds))
        points = model.decoder(codes)
    np.save(os.path.join(case, "expected_features_reference_blas.npy"), codes.reshape(len(clouds), -1).numpy())
    np.save(os.path.join(case, "expected_reconstruction_reference_blas.npy"), points.numpy())
    print("wrote the reference of %d clouds" % len(clouds))


if __name__ == "__main__":
    main()
