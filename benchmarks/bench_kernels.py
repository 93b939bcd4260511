"""Compiled symgrad kernels vs numpy hand backprop (and PyTorch / JAX when importable).

    python benchmarks/bench_kernels.py [--quick] [--portable] [--blas | --no-blas]
                                       [--blas-threads N] [--nets 2-8-8-1,16-64-64-4,784-128-10]

Workloads (issue 3): tanh MLPs 2-8-8-1, 16-64-64-4, 784-128-10, squared loss (½‖·‖², mean),
batch 1 and 256, float64; loss + gradient and HVP. Prints µs per call and per sample, ratios,
derive + emit + compile time (cold: a fresh cache directory), then a table of the issue's speed
targets with met / missed.

BLAS: by default (`auto`) the kernels link the scipy-openblas32 CBLAS when it is installed, the
model has tile GEMMs large enough for it (784-128-10) and OpenBLAS runs more than one thread;
--blas forces it for every net, --no-blas never links it. --blas-threads N sets OpenBLAS's thread
count for the kernels (via scipy_openblas_set_num_threads; numpy's own BLAS is unaffected);
OPENBLAS_NUM_THREADS=1 in the environment limits both. Timings are the best of several
repetitions (this machine is noisy).
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from codegen import reference as ref
from codegen.kernel import compile as kcompile
from symbolic.spec import parse_spec

NETS = {"2-8-8-1": [2, 8, 8, 1], "16-64-64-4": [16, 64, 64, 4], "784-128-10": [784, 128, 10]}
BATCHES = (1, 256)


def toml(widths):
    layers = "".join(
        f'[[layers]]\ndense = {w}\nactivation = "{"tanh" if i < len(widths) - 2 else "identity"}"\n\n'
        for i, w in enumerate(widths[1:])
    )
    name = "mlp_" + "_".join(map(str, widths))
    return f'[model]\nname = "{name}"\ninput = {widths[0]}\n\n{layers}[loss]\ntype = "mse"\nhalf = true\n'


def spec_of(widths):
    return {
        "model": {"input": widths[0]},
        "layers": [
            {"dense": w, "activation": "tanh" if i < len(widths) - 2 else "identity"} for i, w in enumerate(widths[1:])
        ],
        "loss": {"type": "mse", "half": True},
    }


def timeit(f, min_time=0.2, max_reps=200000, repeat=3):
    """Best time per call (µs) over `repeat` runs of about `min_time` seconds each."""
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
    for _ in range(repeat - 1):
        t0 = time.perf_counter()
        for _ in range(n):
            f()
        best = min(best, (time.perf_counter() - t0) / n)
    return best * 1e6


def optional_frameworks():
    fw = {}
    try:
        import torch

        fw["torch"] = torch.__version__
    except ImportError:
        pass
    try:
        import jax

        fw["jax"] = jax.__version__
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


def openblas_info(threads: int | None = None) -> str:
    """Core and thread count of scipy-openblas32 (the library the kernels link), or ''."""
    try:
        import ctypes

        import scipy_openblas32 as ob

        lib = ctypes.CDLL(os.path.join(ob.get_lib_dir(), ob.get_library(fullname=True)))
    except (ImportError, OSError):
        return ""
    if threads:
        lib.scipy_openblas_set_num_threads(int(threads))
    lib.scipy_openblas_get_corename.restype = ctypes.c_char_p
    return (
        f"scipy-openblas32 core {lib.scipy_openblas_get_corename().decode()}, "
        f"{lib.scipy_openblas_get_num_threads()} thread(s)"
    )


# ---- the targets ------------------------------------------------------------------------


def targets(rows, compile_times, fws):
    """[(target, measured, goal, status)] from the measurements."""
    by = {(r["net"], r["N"]): r for r in rows}
    out = []

    def fastest(r):
        cands = {"numpy": r["np_grad"], **{k: r[f"{k}_grad"] for k in ("jax", "torch") if f"{k}_grad" in r}}
        name = min(cands, key=cands.get)
        return name, cands[name]

    r = by.get(("2-8-8-1", 1))
    if r:
        out.append(("2-8-8-1 b1 gradient call (incl. Python)", f"{r['c_grad']:.2f} µs", "≤ 2 µs", r["c_grad"] <= 2.0))
        if "jax_grad" in r:
            out.append(
                (
                    "2-8-8-1 b1 gradient: JAX / C",
                    f"×{r['jax_grad'] / r['c_grad']:.1f} ({r['jax_grad']:.1f} vs {r['c_grad']:.2f} µs)",
                    "≥ 15×",
                    r["jax_grad"] / r["c_grad"] >= 15,
                )
            )
        else:
            out.append(("2-8-8-1 b1 gradient: JAX / C", "JAX not installed", "≥ 15×", None))
    r = by.get(("2-8-8-1", 256))
    if r:
        if "jax_grad" in r:
            out.append(
                (
                    "2-8-8-1 b256 per sample: JAX / C",
                    f"×{r['jax_grad'] / r['c_grad']:.1f} ({r['jax_grad'] / 256:.3f} vs {r['c_grad'] / 256:.3f} µs)",
                    "≥ 1.5×",
                    r["jax_grad"] / r["c_grad"] >= 1.5,
                )
            )
        else:
            out.append(("2-8-8-1 b256 per sample: JAX / C", "JAX not installed", "≥ 1.5×", None))
    for net, goal, lim in (("16-64-64-4", "≤ 1× fastest", 1.0), ("784-128-10", "≤ 1.5× fastest", 1.5)):
        r = by.get((net, 256))
        if r:
            name, t = fastest(r)
            out.append(
                (
                    f"{net} b256 per sample: C / fastest",
                    f"×{r['c_grad'] / t:.2f} ({r['c_grad'] / 256:.3f} vs {name} {t / 256:.3f} µs)",
                    goal,
                    r["c_grad"] / t <= lim,
                )
            )
    for (net, N), r in sorted(by.items(), key=lambda kv: (list(NETS).index(kv[0][0]), kv[0][1])):
        ratio = r["c_hvp"] / r["c_grad"]
        out.append((f"{net} b{N} HVP / gradient", f"{ratio:.2f}", "≤ 3", ratio <= 3))
    for net, lim in (("16-64-64-4", 5.0), ("784-128-10", 15.0)):
        if net in compile_times:
            out.append(
                (
                    f"{net} derive + emit + compile (grad + HVP)",
                    f"{compile_times[net]:.2f} s",
                    f"≤ {lim:g} s",
                    compile_times[net] <= lim,
                )
            )
    return out


def print_targets(tg):
    w = max(len(t[0]) for t in tg)
    wm = max(len(t[1]) for t in tg)
    print("\nSpeed targets (issue 3)")
    print(f"  {'target':<{w}}  {'measured':<{wm}}  {'goal':<14}  status")
    for name, meas, goal, ok in tg:
        status = "n/a" if ok is None else ("met" if ok else "MISSED")
        print(f"  {name:<{w}}  {meas:<{wm}}  {goal:<14}  {status}")
    n_ok = sum(1 for t in tg if t[3])
    n_all = sum(1 for t in tg if t[3] is not None)
    print(f"  {n_ok}/{n_all} targets met")


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--quick", action="store_true", help="shorter timings")
    ap.add_argument("--portable", action="store_true", help="build without -march=native")
    ap.add_argument(
        "--blas",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="--blas: link scipy-openblas32 for every net; --no-blas: never; "
        "default: auto (when installed and the net has large GEMMs)",
    )
    ap.add_argument(
        "--blas-threads",
        type=int,
        default=None,
        metavar="N",
        help="OpenBLAS threads for the kernels (default: OpenBLAS's own choice)",
    )
    ap.add_argument("--nets", default=",".join(NETS))
    args = ap.parse_args(argv)
    min_time = 0.05 if args.quick else 0.2
    blas = "auto" if args.blas is None else args.blas
    fws = optional_frameworks()
    ob = openblas_info(args.blas_threads)
    print(
        f"machine: {platform.machine()} {platform.processor() or ''}, {os.cpu_count()} CPUs; "
        f"build: {'portable' if args.portable else '-march=native'}, BLAS {blas}"
        + (f" ({ob})" if ob else " (scipy-openblas32 not installed)")
    )
    print(
        f"frameworks: numpy {np.__version__}"
        + "".join(f", {k} {v}" for k, v in fws.items())
        + ("" if fws else " (PyTorch / JAX not installed: skipped)")
    )
    rows, compile_times = [], {}
    for net in args.nets.split(","):
        widths = NETS[net]
        g = parse_spec(toml(widths), f"<{net}>")
        with tempfile.TemporaryDirectory() as cold:
            t0 = time.perf_counter()
            k = kcompile(g, what=("loss_grad", "hvp"), portable=args.portable, cache_dir=cold, blas=blas)
            t_compile = time.perf_counter() - t0
        compile_times[net] = t_compile
        spec = spec_of(widths)
        rng = np.random.default_rng(0)
        params = ref.random_params(spec, rng)
        theta = k.pack(params)
        u = rng.standard_normal(k.n_params)
        udict = k.unpack(u)
        print(
            f"\n{net} ({k.n_params} params, tile {k.info['tile']}, "
            f"{'BLAS' if getattr(k, 'blas', False) else 'loop kernels'}): "
            f"derive + emit + compile (loss_grad + hvp, cold cache) {t_compile:.2f} s"
        )
        for N in BATCHES:
            x, y = ref.random_data(spec, N, rng)
            D = k.pack_data({"x": x, "y": y})
            gout = np.empty(k.n_params)
            hout = (np.empty(k.n_params), np.empty(k.n_params))
            t_c = timeit(partial(k.loss_and_grad_flat, theta, D, out=gout), min_time, repeat=5)
            t_h = timeit(partial(k.hvp_flat, theta, D, u, out=hout), min_time, repeat=5)
            t_np = timeit(partial(ref.loss_and_grad, spec, params, x, y), min_time)
            t_nph = timeit(partial(ref.hvp, spec, params, x, y, udict), min_time)
            line = {"net": net, "N": N, "c_grad": t_c, "c_hvp": t_h, "np_grad": t_np, "np_hvp": t_nph}
            if "torch" in fws:
                line["torch_grad"] = timeit(torch_fns(widths, params, x, y), min_time)
            if "jax" in fws:
                line["jax_grad"] = timeit(jax_fns(widths, params, x, y), min_time)
            rows.append(line)
            extra = "".join(f"   {k_[:-5]} {v:9.2f} µs" for k_, v in line.items() if k_ in ("torch_grad", "jax_grad"))
            print(
                f"  batch {N:>3}: C grad {t_c:9.2f} µs ({t_c / N:7.3f}/sample)   C hvp {t_h:9.2f} µs "
                f"(hvp/grad {t_h / t_c:4.2f})   numpy grad {t_np:9.2f} µs ({t_np / N:7.3f}/sample)   "
                f"numpy hvp {t_nph:9.2f} µs   numpy/C grad ×{t_np / t_c:5.1f}{extra}"
            )
    print_targets(targets(rows, compile_times, fws))
    return rows


if __name__ == "__main__":
    main()
