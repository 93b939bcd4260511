"""Fused Adam step (codegen.optimizer) vs symgrad's own gradient call and a PyTorch step.

    python benchmarks/bench_optimizer.py [--net 16-64-64-4] [--batch 256] [--min-time 0.3]

Workload (issue 10, Speed): tanh MLP 16-64-64-4, ½‖·‖² mean loss, batch 256, float64. Prints µs
per call of `opt.step(theta, D)` (gradient + Adam update, both in C), of the kernel's
`loss_and_grad_flat(theta, D, out=g)` alone and, when torch is importable, of a PyTorch step
(forward + backward + torch.optim.Adam, torch.set_num_threads(1)), then the two ratios against
their targets: fused / gradient ≤ 1.25 and fused / torch ≤ 1/3. Timings are the best of several
repetitions (the machine is noisy). Not a test: the numbers go in the issue's note.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import codegen
from symbolic.spec import parse_spec


def toml(widths: list[int]) -> str:
    layers = "".join(
        f'[[layers]]\ndense = {w}\nactivation = "{"tanh" if i < len(widths) - 2 else "identity"}"\n\n'
        for i, w in enumerate(widths[1:])
    )
    name = "mlp_" + "_".join(map(str, widths))
    return f'[model]\nname = "{name}"\ninput = {widths[0]}\n\n{layers}[loss]\ntype = "mse"\nhalf = true\n'


def best_us(f, min_time: float, repeat: int = 5) -> float:
    """Best mean µs per call over `repeat` runs of at least `min_time` seconds each."""
    f()
    n, t0 = 0, time.perf_counter()
    while time.perf_counter() - t0 < min_time / 4:
        f()
        n += 1
    n = max(n * 4, 1)
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for _ in range(n):
            f()
        best = min(best, (time.perf_counter() - t0) / n)
    return best * 1e6


def torch_step(widths: list[int], params: dict, x: np.ndarray, y: np.ndarray):
    """A PyTorch training step on the same model, or None without torch."""
    try:
        import torch
    except ImportError:
        return None
    torch.set_num_threads(1)
    ps = [torch.tensor(params[n].copy(), requires_grad=True) for n in params]
    opt = torch.optim.Adam(ps, lr=1e-3)
    X, Y = torch.tensor(x), torch.tensor(y)
    n_layers = len(widths) - 1

    def step() -> float:
        opt.zero_grad()
        h = X
        for i in range(n_layers):
            h = h @ ps[2 * i].T + ps[2 * i + 1]
            if i < n_layers - 1:
                h = torch.tanh(h)
        loss = 0.5 * ((h - Y) ** 2).sum() / len(X)
        loss.backward()
        opt.step()
        return float(loss.detach())

    return step


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--net", default="16-64-64-4")
    ap.add_argument("--batch", type=int, default=256)
    ap.add_argument("--min-time", type=float, default=0.3)
    a = ap.parse_args(argv)
    widths = [int(w) for w in a.net.split("-")]
    k = codegen.compile(parse_spec(toml(widths), f"<{a.net}>"), what="loss_grad")
    rng = np.random.default_rng(0)
    params = {n: rng.normal(scale=0.3, size=s) for n, s in k.param_shapes.items()}
    x = rng.normal(size=(a.batch, widths[0]))
    y = rng.normal(size=(a.batch, widths[-1]))
    D = k.pack_data({"x": x, "y": y})
    theta = k.pack(params)
    g = np.empty_like(theta)
    opt = codegen.optimizer(k, "adam", lr=1e-3)

    t_grad = best_us(lambda: k.loss_and_grad_flat(theta, D, out=g), a.min_time)
    t_fused = best_us(lambda: opt.step(theta, D), a.min_time)
    print(f"{a.net}, batch {a.batch}, float64, {k.n_params} params")
    print(f"  symgrad loss_and_grad_flat       {t_grad:10.1f} µs")
    print(f"  symgrad fused Adam opt.step      {t_fused:10.1f} µs")
    r1 = t_fused / t_grad
    print(f"  fused / gradient                 {r1:10.3f}   (target ≤ 1.25: {'met' if r1 <= 1.25 else 'missed'})")
    step = torch_step(widths, params, x, y)
    if step is None:
        print("  torch not installed: no PyTorch comparison")
        return 0
    t_torch = best_us(step, a.min_time)
    r2 = t_fused / t_torch
    print(f"  torch step (1 thread, Adam)      {t_torch:10.1f} µs")
    print(f"  fused / torch                    {r2:10.3f}   (target ≤ 0.333: {'met' if r2 <= 1 / 3 else 'missed'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
