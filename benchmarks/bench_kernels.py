"""Compiled symgrad kernels vs numpy hand backprop (and PyTorch / JAX when importable).

    python benchmarks/bench_kernels.py [--quick] [--portable]

Workloads (issue 3): tanh MLPs 2-8-8-1, 16-64-64-4, 784-128-10, squared loss (½‖·‖², mean),
batch 1 and 256, float64; loss + gradient and HVP. Prints µs per call and per sample, ratios,
and derive + emit + compile time (cold: a fresh cache directory).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from codegen import reference as ref  # noqa: E402
from codegen.kernel import compile as kcompile  # noqa: E402
from symbolic.spec import parse_spec  # noqa: E402

NETS = {"2-8-8-1": [2, 8, 8, 1], "16-64-64-4": [16, 64, 64, 4], "784-128-10": [784, 128, 10]}


def toml(widths):
    layers = "".join(f'[[layers]]\ndense = {w}\nactivation = "{"tanh" if i < len(widths) - 2 else "identity"}"\n\n'
                     for i, w in enumerate(widths[1:]))
    name = "mlp_" + "_".join(map(str, widths))
    return f'[model]\nname = "{name}"\ninput = {widths[0]}\n\n{layers}[loss]\ntype = "mse"\nhalf = true\n'


def spec_of(widths):
    return {"model": {"input": widths[0]},
            "layers": [{"dense": w, "activation": "tanh" if i < len(widths) - 2 else "identity"}
                       for i, w in enumerate(widths[1:])],
            "loss": {"type": "mse", "half": True}}


def timeit(f, min_time=0.2, max_reps=200000):
    f()
    n, t = 1, 0.0
    while True:
        t0 = time.perf_counter()
        for _ in range(n):
            f()
        t = time.perf_counter() - t0
        if t >= min_time or n >= max_reps:
            break
        n = min(max_reps, max(n * 2, int(n * min_time / max(t, 1e-9) * 1.2)))
    best = t / n
    for _ in range(2):  # best of 3
        t0 = time.perf_counter()
        for _ in range(n):
            f()
        best = min(best, (time.perf_counter() - t0) / n)
    return best * 1e6


def optional_frameworks():
    fw = {}
    try:
        import torch  # noqa: F401
        fw["torch"] = True
    except ImportError:
        pass
    try:
        import jax  # noqa: F401
        fw["jax"] = True
    except ImportError:
        pass
    return fw


def torch_fns(widths, params, x, y):
    import torch
    ps = {k: torch.tensor(v, requires_grad=True) for k, v in params.items()}
    X, Y = torch.tensor(x), torch.tensor(y)
    L = len(widths) - 1

    def loss():
        h = X
        for i in range(1, L + 1):
            h = h @ ps[f"W{i}"].T + ps[f"b{i}"]
            if i < L:
                h = torch.tanh(h)
        return 0.5 * ((h - Y) ** 2).sum(1).mean()

    def grad():
        return torch.autograd.grad(loss(), list(ps.values()))
    return grad


def jax_fns(widths, params, x, y):
    import jax
    import jax.numpy as jnp
    jax.config.update("jax_enable_x64", True)
    L = len(widths) - 1

    def loss(p, X, Y):
        h = X
        for i in range(1, L + 1):
            h = h @ p[f"W{i}"].T + p[f"b{i}"]
            if i < L:
                h = jnp.tanh(h)
        return 0.5 * jnp.mean(jnp.sum((h - Y) ** 2, axis=1))
    g = jax.jit(jax.value_and_grad(loss))
    p = {k: jnp.asarray(v) for k, v in params.items()}
    X, Y = jnp.asarray(x), jnp.asarray(y)
    return lambda: jax.block_until_ready(g(p, X, Y))


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="shorter timings")
    ap.add_argument("--portable", action="store_true", help="build without -march=native")
    ap.add_argument("--nets", default=",".join(NETS))
    args = ap.parse_args(argv)
    min_time = 0.05 if args.quick else 0.2
    fws = optional_frameworks()
    print(f"frameworks: numpy {np.__version__}" + "".join(f", {k}" for k in fws)
          + ("" if fws else " (PyTorch / JAX not installed: skipped)"))
    rows = []
    for net in args.nets.split(","):
        widths = NETS[net]
        g = parse_spec(toml(widths), f"<{net}>")
        with tempfile.TemporaryDirectory() as cold:
            t0 = time.perf_counter()
            k = kcompile(g, what=("loss_grad", "hvp"), portable=args.portable, cache_dir=cold)
            t_compile = time.perf_counter() - t0
        spec = spec_of(widths)
        rng = np.random.default_rng(0)
        params = ref.random_params(spec, rng)
        theta = k.pack(params)
        u = rng.standard_normal(k.n_params)
        udict = k.unpack(u)
        print(f"\n{net} ({k.n_params} params): derive + emit + compile (loss_grad + hvp, cold cache) "
              f"{t_compile:.2f} s")
        for N in (1, 256):
            x, y = ref.random_data(spec, N, rng)
            D = k.pack_data({"x": x, "y": y})
            gout = np.empty(k.n_params)
            hout = (np.empty(k.n_params), np.empty(k.n_params))
            t_c = timeit(lambda: k.loss_and_grad_flat(theta, D, out=gout), min_time)
            t_h = timeit(lambda: k.hvp_flat(theta, D, u, out=hout), min_time)
            t_np = timeit(lambda: ref.loss_and_grad(spec, params, x, y), min_time)
            t_nph = timeit(lambda: ref.hvp(spec, params, x, y, udict), min_time)
            line = {"net": net, "N": N, "c_grad": t_c, "c_hvp": t_h, "np_grad": t_np, "np_hvp": t_nph}
            if "torch" in fws:
                line["torch_grad"] = timeit(torch_fns(widths, params, x, y), min_time)
            if "jax" in fws:
                line["jax_grad"] = timeit(jax_fns(widths, params, x, y), min_time)
            rows.append(line)
            extra = "".join(f"   {k_[:-5]} {v:9.2f} µs" for k_, v in line.items() if k_ in ("torch_grad", "jax_grad"))
            print(f"  batch {N:>3}: C grad {t_c:9.2f} µs ({t_c / N:7.3f}/sample)   C hvp {t_h:9.2f} µs "
                  f"(hvp/grad {t_h / t_c:4.2f})   numpy grad {t_np:9.2f} µs ({t_np / N:7.3f}/sample)   "
                  f"numpy hvp {t_nph:9.2f} µs   numpy/C grad ×{t_np / t_c:5.1f}{extra}")
    return rows


if __name__ == "__main__":
    main()
