"""Every first-order optimizer of the seeds on one generated two-moons set: the same network
(examples/two_moons.toml), the same initial parameters (PyTorch's Linear default, seed 0) and the
same shuffled mini-batches, so the final losses and accuracies differ by the update rule alone.

    python -m symgrad.examples.compare_optimizers [--epochs 40] [--batch 20] [--plot curves.png]

The data file two_moons.csv is `make_two_moons(200, 0.15, seed=0)` below, written with
`--write-data FILE` (a test checks the bundled file is exactly that).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

SPEC = "two_moons"
DATA = "two_moons.csv"

# Learning rates picked once by hand for this problem (the seeds give no defaults): plain SGD and
# AdaGrad tolerate large steps here, the adaptive methods want ~1e-2. "momentum" (the EMA form
# v = βv + (1 − β)g, θ −= ηv) at η = 0.5 is "heavy-ball" (v = μv + g) at η = 0.05: the same run.
SETTINGS: dict[str, dict[str, object]] = {
    "sgd": {"lr": 0.5},
    "momentum": {"lr": 0.5, "beta": 0.9},
    "heavy-ball": {"lr": 0.05, "momentum": 0.9},
    "nesterov": {"lr": 0.05, "momentum": 0.9},
    "adagrad": {"lr": 0.1},
    "rmsprop": {"lr": 0.01},
    "adam": {"lr": 0.02},
    "adamw": {"lr": 0.02, "weight_decay": 0.01},
    "lamb": {"lr": 0.02},
}


def make_two_moons(n: int = 200, noise: float = 0.15, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """n points on two interleaved half circles (n//2 each, as scikit-learn's make_moons) plus
    Gaussian noise; labels one-hot, class 0 the upper moon."""
    rng = np.random.default_rng(seed)
    n0 = n // 2
    t0, t1 = np.linspace(0.0, np.pi, n0), np.linspace(0.0, np.pi, n - n0)
    upper = np.stack([np.cos(t0), np.sin(t0)], axis=1)
    lower = np.stack([1.0 - np.cos(t1), 0.5 - np.sin(t1)], axis=1)
    X = np.concatenate([upper, lower]) + rng.normal(scale=noise, size=(n, 2))
    labels = np.concatenate([np.zeros(n0, dtype=int), np.ones(n - n0, dtype=int)])
    return X, np.eye(2)[labels]


def write_csv(path: str, X: np.ndarray, Y: np.ndarray) -> None:
    """The CSV layout `--data` reads: x[0],x[1],y[0],y[1]; coordinates to 6 decimals."""
    lines = ["x[0],x[1],y[0],y[1]"] + [
        f"{a:.6f},{b:.6f},{int(c)},{int(d)}" for (a, b), (c, d) in zip(X, Y, strict=True)
    ]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


@dataclass
class Outcome:
    """One optimizer's run: loss per step and per epoch (mean), final epoch-mean loss, training
    accuracy, wall time."""

    name: str
    step_losses: list[float]
    epoch_losses: list[float]
    final_loss: float
    accuracy: float
    seconds: float


def compare(
    epochs: int = 40, batch: int = 20, seed: int = 0, names: Sequence[str] | None = None, backend: str | None = None
) -> list[Outcome]:
    """Train the bundled two-moons network with each optimizer from the same start."""
    from codegen.train import train
    from symbolic.bundled import load_graph, resolve
    from symbolic.dataset import load_dataset
    from symbolic.init import init_params, parse_init
    from symbolic.optim import settings

    g = load_graph(SPEC)
    data = load_dataset(resolve(DATA, "data"), g)
    start = init_params(g, list(g.params), parse_init("torch"), seed)
    out = []
    for name in names or list(SETTINGS):
        st = settings({"type": name, **SETTINGS[name]})
        t0 = time.perf_counter()
        res = train(g, start, data, st, epochs, batch, seed, backend)
        seconds = time.perf_counter() - t0
        out.append(
            Outcome(
                name, res.step_losses, res.epoch_losses, res.epoch_losses[-1], accuracy(g, res.params, data), seconds
            )
        )
    return out


def accuracy(graph, params: dict, data: dict) -> float:
    """Share of points whose largest output is the labelled class (per-sample numeric forward)."""
    from symbolic.point import evaluate_point

    out = graph.outputs[0] if graph.outputs else graph.objective
    hits = 0
    n = len(data["x"])
    for i in range(n):
        env = evaluate_point(graph, {**params, "x": data["x"][i], "y": data["y"][i]}).env
        hits += int(np.argmax(env[out]) == np.argmax(data["y"][i]))
    return hits / n


def plot(outcomes: list[Outcome], path: str) -> None:
    """Every optimizer's epoch-mean loss on one log-scale plot (matplotlib, Agg)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(7.0, 4.5), dpi=100)
    try:
        for o in outcomes:
            ax.plot(np.arange(1, len(o.epoch_losses) + 1), o.epoch_losses, lw=1.2, label=o.name)
        ax.set_yscale("log")
        ax.set_xlabel("epoch")
        ax.set_ylabel("mean mini-batch loss")
        ax.set_title("two moons: optimizers from the same start")
        ax.legend(ncol=3, fontsize=8)
        fig.tight_layout()
        fig.savefig(path, format="png")
    finally:
        plt.close(fig)


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(
        prog="python -m symgrad.examples.compare_optimizers", description=__doc__.split("\n")[0]
    )
    p.add_argument("--epochs", type=int, default=40)
    p.add_argument("--batch", type=int, default=20)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--only", nargs="+", choices=list(SETTINGS), help="a subset of the optimizers")
    p.add_argument("--backend", choices=["c", "numpy"], help="fused C steps (default when a compiler exists) or numpy")
    p.add_argument("--plot", metavar="PNG", help="the loss curves (needs matplotlib)")
    p.add_argument("--write-data", metavar="CSV", help="write the generated two-moons set and stop")
    args = p.parse_args(argv)
    if args.write_data:
        write_csv(args.write_data, *make_two_moons())
        return 0
    if args.epochs < 1 or args.batch < 1:
        p.error("--epochs and --batch must be at least 1")
    outcomes = compare(args.epochs, args.batch, args.seed, args.only, args.backend)
    print(f"two moons, 200 points, {args.epochs} epochs of batch {args.batch}, same start and batches")
    print(f"{'optimizer':<11} {'settings':<28} {'final loss':>11} {'accuracy':>9} {'time':>8}")
    for o in sorted(outcomes, key=lambda o: o.final_loss):
        st = ", ".join(f"{k}={v}" for k, v in SETTINGS[o.name].items())
        print(f"{o.name:<11} {st:<28} {o.final_loss:11.5f} {o.accuracy:9.1%} {o.seconds:7.2f}s")
    if args.plot:
        try:
            plot(outcomes, args.plot)
        except ImportError:
            print("--plot needs matplotlib: pip install 'symgrad[plot]'", file=sys.stderr)
            return 2
        print(f"wrote {args.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
