"""The bundled bars_8x8.csv: 8×8 one-channel images of one horizontal (class 0) or vertical
(class 1) bar of ones at a random row/column 1–6 (from 1 to 6 cells long), plus Gaussian noise
(σ = 0.3) — a set a small CNN separates in a few epochs (small_cnn.toml).

    python -m symgrad.examples.make_bars --write bars_8x8.csv [--n 120] [--seed 0]
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

import numpy as np


def make_bars(n: int = 120, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """(x of shape (n, 1, 8, 8), one-hot y of shape (n, 2))."""
    rng = np.random.default_rng(seed)
    x = rng.normal(scale=0.3, size=(n, 1, 8, 8))
    labels = rng.integers(0, 2, n)
    where = rng.integers(1, 7, n)
    for i in range(n):
        if labels[i] == 0:
            x[i, 0, where[i], 1:7] += 1.0
        else:
            x[i, 0, 1:7, where[i]] += 1.0
    return x, np.eye(2)[labels]


def write_csv(path: str, x: np.ndarray, y: np.ndarray) -> None:
    """Header x[0,0,0] … x[0,7,7], y[0], y[1] (the layout `--data` reads); 4 decimals."""
    head = [f"x[0,{i},{j}]" for i in range(8) for j in range(8)] + ["y[0]", "y[1]"]
    rows = [
        ",".join(f"{v:.4f}" for v in xi.ravel()) + f",{int(yi[0])},{int(yi[1])}" for xi, yi in zip(x, y, strict=True)
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write(",".join(head) + "\n" + "\n".join(rows) + "\n")


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m symgrad.examples.make_bars", description=__doc__.split("\n")[0] if __doc__ else None
    )
    p.add_argument("--write", metavar="CSV", required=True)
    p.add_argument("--n", type=int, default=120)
    p.add_argument("--seed", type=int, default=0)
    args = p.parse_args(argv)
    write_csv(args.write, *make_bars(args.n, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
