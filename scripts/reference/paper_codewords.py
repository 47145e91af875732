#!/usr/bin/env python3
"""Codewords of a paper checkpoint computed by the paper's network structure in PyTorch, as a
reference for Bragg Cloud's `preset=paper`.

    /usr/bin/python3 scripts/reference/paper_codewords.py MODEL.pkl CLOUDS.h5 OUT.npy

MODEL.pkl: a state_dict saved by torch.save (the paper's checkpoint format). CLOUDS.h5: a
Bragg Cloud clouds.h5 (written by the pipeline with preset=paper, so every cloud already holds
the points the network reads). Each cloud enters the encoder raw, its first 2048 points, as the
paper's dataset.py reads a PLY file. OUT.npy: float32 (clouds, 512) in the container's order,
and OUT.names.txt beside it with the clouds' scan pixels as x,y.

The encoder is the one of scripts/benchmarks/paper_foldingnet.py (dense kNN, gathers), loaded
with the checkpoint's encoder.* weights. Needs a python3 with PyTorch and h5py (Debian:
python3-torch, python3-h5py).
"""
import os
import sys

import h5py
import numpy as np
import torch

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "benchmarks"))
import paper_foldingnet as paper  # noqa: E402

POINTS = 2048


def main():
    model_file, clouds_file, out_file = sys.argv[1:4]
    torch.set_num_threads(2)
    state = torch.load(model_file, map_location="cpu")
    state = {k[len("module."):] if k.startswith("module.") else k: v for k, v in state.items()}
    encoder = paper.Encoder()
    encoder.load_state_dict({k[len("encoder."):]: v for k, v in state.items() if k.startswith("encoder.")})
    encoder.eval()
    with h5py.File(clouds_file, "r") as f:
        points = f["clouds/points"][()]
        offsets = f["clouds/offsets"][()]
        xs = f["clouds/pixel_x"][()]
        ys = f["clouds/pixel_y"][()]
    codes = []
    with torch.no_grad():
        for i in range(len(offsets) - 1):
            cloud = points[offsets[i]:offsets[i + 1]][:POINTS]
            if len(cloud) != POINTS:
                sys.exit("cloud %d holds %d points; the paper's network reads %d" % (i, len(cloud), POINTS))
            codes.append(encoder(torch.from_numpy(np.ascontiguousarray(cloud, dtype=np.float32))[None]).reshape(-1).numpy())
    np.save(out_file, np.stack(codes).astype(np.float32))
    with open(os.path.splitext(out_file)[0] + ".names.txt", "w") as f:
        for x, y in zip(xs, ys):
            f.write("%d,%d\n" % (x, y))
    print("wrote %d codewords to %s" % (len(codes), out_file))


if __name__ == "__main__":
    main()
