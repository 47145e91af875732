#!/usr/bin/env python3
"""The paper's FoldingNet workloads in plain PyTorch, for comparison with
`scripts/bragg-cloud --run "Benchmark Autoencoder" "iterations=3,threads=2"`.

Written from docs/pipeline.md section 5, structured as the paper's public code computes it:
dense kNN (a (B, N, N) distance matrix, then topk), neighbour max-pooling by gathering a
(B, N, k, C) tensor, linear1 then conv1 and linear2 then conv2 as separate layers, folding layers
fed the concatenated (codeword, grid point) per output point, and the Chamfer loss from the full
(B, N, M) distance matrix. Adam with lr 1e-4, weight decay 1e-6. Random clouds, plane grid.

Comparison only: Bragg Cloud never needs Python.

    python3 scripts/benchmarks/paper_foldingnet.py [iterations]

(a python3 with PyTorch; here Debian's python3-torch 1.13, /usr/bin/python3)

prints  inference_clouds_per_s=... encoder_only_clouds_per_s=... training_clouds_per_s=...
"""
import sys
import time

import torch
from torch import nn

BATCH, POINTS, K, THREADS, CODEWORD = 16, 2048, 32, 2, 512


def knn(x, k):
    """x (B, C, N) -> (B, N, k) indices of the k nearest points, the point itself first."""
    inner = torch.matmul(x.transpose(2, 1), x)            # (B, N, N)
    xx = (x * x).sum(dim=1, keepdim=True)                  # (B, 1, N)
    negative_sq = -xx - inner * (-2) - xx.transpose(2, 1)  # -|a - b|^2
    return negative_sq.topk(k=k, dim=-1)[1]


def flat_rows(idx):
    """(B, N, k) per-cloud indices -> rows of the (B*N, C) point matrix."""
    b, n, _ = idx.shape
    return (idx + torch.arange(b).view(-1, 1, 1) * n).view(-1)


def local_cov(pts, rows, k):
    """pts (B, 3, N) -> (B, 12, N): xyz then the outer product with the nearest other point."""
    b, _, n = pts.shape
    gathered = pts.transpose(2, 1).reshape(b * n, 3)[rows].view(b, n, k, 3)
    outer = torch.matmul(gathered[:, :, 0].unsqueeze(3), gathered[:, :, 1].unsqueeze(2))
    return torch.cat((pts, outer.view(b, n, 9).transpose(2, 1)), dim=1)


def local_maxpool(x, rows, k):
    """x (B, C, N) -> (B, C, N): max over each point's k neighbours via a (B, N, k, C) gather."""
    b, c, n = x.shape
    gathered = x.transpose(2, 1).reshape(b * n, c)[rows].view(b, n, k, c)
    return gathered.max(dim=2)[0].transpose(2, 1)


class Encoder(nn.Module):

    def __init__(self):
        super().__init__()
        self.mlp1 = nn.Sequential(nn.Conv1d(12, 64, 1), nn.ReLU(), nn.Conv1d(64, 64, 1), nn.ReLU(),
                                  nn.Conv1d(64, 64, 1), nn.ReLU())
        self.linear1 = nn.Linear(64, 64)
        self.conv1 = nn.Conv1d(64, 128, 1)
        self.linear2 = nn.Linear(128, 128)
        self.conv2 = nn.Conv1d(128, 1024, 1)
        self.mlp2 = nn.Sequential(nn.Conv1d(1024, CODEWORD, 1), nn.ReLU(), nn.Conv1d(CODEWORD, CODEWORD, 1))

    def forward(self, pts):                                # (B, N, 3)
        pts = pts.transpose(2, 1)
        rows = flat_rows(knn(pts, K))
        x = self.mlp1(local_cov(pts, rows, K))
        x = local_maxpool(x, rows, K)
        x = self.conv1(self.linear1(x.transpose(2, 1)).transpose(2, 1)).relu()
        x = local_maxpool(x, rows, K)
        x = self.conv2(self.linear2(x.transpose(2, 1)).transpose(2, 1))
        x = x.max(dim=-1, keepdim=True)[0]
        return self.mlp2(x).transpose(2, 1)                # (B, 1, 512)


class Decoder(nn.Module):

    def __init__(self):
        super().__init__()
        side = torch.linspace(-0.3, 0.3, 45)
        grid = torch.stack(torch.meshgrid(side, side, indexing="ij"), dim=-1).view(-1, 2)
        self.grid = grid.t().contiguous()  # (2, M), first coordinate outer; not a parameter
        self.folding1 = nn.Sequential(nn.Conv1d(CODEWORD + 2, 512, 1), nn.ReLU(), nn.Conv1d(512, 512, 1),
                                      nn.ReLU(), nn.Conv1d(512, 3, 1))
        self.folding2 = nn.Sequential(nn.Conv1d(CODEWORD + 3, 512, 1), nn.ReLU(), nn.Conv1d(512, 512, 1),
                                      nn.ReLU(), nn.Conv1d(512, 3, 1))

    def forward(self, codeword):                           # (B, 1, 512)
        b, m = codeword.shape[0], self.grid.shape[1]
        x = codeword.transpose(1, 2).repeat(1, 1, m)       # the codeword copied to every grid point
        first = self.folding1(torch.cat((x, self.grid.unsqueeze(0).repeat(b, 1, 1)), dim=1))
        second = self.folding2(torch.cat((x, first), dim=1))
        return second.transpose(1, 2)                      # (B, M, 3)


class FoldNet(nn.Module):

    def __init__(self):
        super().__init__()
        self.encoder = Encoder()
        self.decoder = Decoder()

    def forward(self, pts):
        return self.decoder(self.encoder(pts))


def chamfer(a, b):
    """Squared distances, summed over both directions and the batch, from the full (B, N, M) matrix."""
    aa = (a * a).sum(dim=2)
    bb = (b * b).sum(dim=2)
    dist = aa.unsqueeze(2) + bb.unsqueeze(1) - 2 * torch.bmm(a, b.transpose(2, 1))
    return dist.min(dim=2)[0].sum() + dist.min(dim=1)[0].sum()


def rate(work, iterations):
    work()  # warm-up
    start = time.perf_counter()
    for _ in range(iterations):
        work()
    return BATCH * iterations / (time.perf_counter() - start)


def main():
    iterations = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    torch.set_num_threads(THREADS)
    torch.manual_seed(1)
    model = FoldNet()
    clouds = torch.randn(BATCH, POINTS, 3)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4, betas=(0.9, 0.999), weight_decay=1e-6)

    def forward():
        with torch.no_grad():
            model(clouds)

    def encode():
        with torch.no_grad():
            model.encoder(clouds)

    def train_step():
        optimizer.zero_grad()
        loss = chamfer(clouds, model(clouds))
        loss.backward()
        optimizer.step()

    full = rate(forward, iterations)
    encoder = rate(encode, iterations)
    training = rate(train_step, iterations)
    print("inference_clouds_per_s=%.2f encoder_only_clouds_per_s=%.2f training_clouds_per_s=%.2f" % (full, encoder, training))


if __name__ == "__main__":
    main()
