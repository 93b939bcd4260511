"""Derivation speed: gradient + HVP graphs for tanh MLPs with squared loss, beside naive
`sympy.diff` on the expanded closed form (one parameter at a time) for 2-8-8-1.

Run: python benchmarks/bench_derive.py  (prints seconds and ratios measured in this run)
"""

from __future__ import annotations

import time

import sympy as sp

from symbolic.builders import scalar_mlp_toml
from symbolic.reverse import reverse
from symbolic.spec import parse_spec
from symbolic.tangent import hvp_program


def layered_toml(widths: list[int]) -> str:
    text = f'[model]\nname = "mlp"\ninput = {widths[0]}\n'
    for i, w in enumerate(widths[1:]):
        act = "identity" if i == len(widths) - 2 else "tanh"
        text += f'[[layers]]\ndense = {w}\nactivation = "{act}"\n'
    return text + '[loss]\ntype = "mse"\nhalf = true\n'


def time_symgrad(text: str) -> tuple[float, int]:
    t0 = time.perf_counter()
    g = parse_spec(text)
    hvp_program(reverse(g))
    return time.perf_counter() - t0, g.n_params()


def time_naive(widths: list[int]) -> tuple[float, int]:
    """Closed form of the whole net, then sympy.diff per parameter (the toy approach)."""
    t0 = time.perf_counter()
    xs = sp.symbols(f"x0:{widths[0]}", real=True)
    params, h = [], list(xs)
    for l, units in enumerate(widths[1:], 1):
        W = [[sp.Symbol(f"w{l}_{i}_{j}", real=True) for j in range(len(h))] for i in range(units)]
        b = [sp.Symbol(f"b{l}_{i}", real=True) for i in range(units)]
        params += [w for row in W for w in row] + b
        z = [sum(W[i][j] * h[j] for j in range(len(h))) + b[i] for i in range(units)]
        h = [sp.tanh(zi) for zi in z] if l < len(widths) - 1 else z
    ys = sp.symbols(f"y0:{widths[-1]}", real=True)
    L = sum((hi - yi) ** 2 for hi, yi in zip(h, ys, strict=True)) / 2
    for p in params:
        sp.diff(L, p)
    return time.perf_counter() - t0, len(params)


def main() -> None:
    naive_t, naive_n = time_naive([2, 8, 8, 1])
    print(f"naive sympy.diff on the closed form, 2-8-8-1 ({naive_n} params), gradient only: {naive_t:.2f} s")
    acts = ["tanh", "tanh", "identity"]
    rows = [
        ("4-16-16-2 layered", layered_toml([4, 16, 16, 2]), 2.0),
        ("4-16-16-2 assignment form, weight by weight", scalar_mlp_toml([4, 16, 16, 2], acts), 2.0),
        ("16-64-64-4 layered", layered_toml([16, 64, 64, 4]), 10.0),
        ("2-8-8-1 layered", layered_toml([2, 8, 8, 1]), None),
        ("2-8-8-1 assignment form, weight by weight", scalar_mlp_toml([2, 8, 8, 1], acts), None),
    ]
    print(
        f"\n{'model (gradient + HVP graphs)':48s} {'params':>7s} {'seconds':>9s} {'target':>8s} "
        f"{'naive 2-8-8-1 / this':>22s}"
    )
    for name, text, target in rows:
        t, n = min(time_symgrad(text) for _ in range(3))
        tgt = f"≤ {target:g} s" if target else "-"
        ok = "" if target is None else ("  met" if t <= target else "  MISSED")
        print(f"{name:48s} {n:7d} {t:9.3f} {tgt:>8s} {naive_t / t:21.0f}×{ok}")


if __name__ == "__main__":
    main()
