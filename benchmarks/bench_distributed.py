"""Full-batch loss + gradient throughput: symgrad.distributed on a LocalCluster vs one process.

    python benchmarks/bench_distributed.py [--n 1000000] [--net 8-32-32-1] [--workers 2] [--chunk 125000]

Workload (issue 12): a tanh MLP 8-32-32-1 with ½‖·‖² mean loss, float64, over N generated
samples (default 10^6). Prints samples/s of
  * one process: `kernel.loss_and_grad_flat(theta, D)` on all N packed rows (one C call);
  * the cluster: `ClusterOracle(kernel, data, client).loss_and_grad(theta)` on a LocalCluster of
    `--workers` worker processes (1 thread each), data as dask arrays of `--chunk` samples per
    block, packed once on the workers (the oracle an optimizer reuses), and the one-shot
    `symgrad.distributed.loss_and_grad` (scatter the kernel, pack, compute, combine);
then the ratios cluster / one process. Timings are the best of several repetitions. The answers
are checked equal (rtol 1e-12) before timing. Not a test: the numbers go in the issue's note.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def toml(widths: list[int]) -> str:
    layers = "".join(
        f'[[layers]]\ndense = {w}\nactivation = "{"tanh" if i < len(widths) - 2 else "identity"}"\n\n'
        for i, w in enumerate(widths[1:])
    )
    name = "mlp_" + "_".join(map(str, widths))
    return f'[model]\nname = "{name}"\ninput = {widths[0]}\n\n{layers}[loss]\ntype = "mse"\nhalf = true\n'


def best_s(f, repeat: int) -> float:
    """Best wall time of `repeat` calls (after one warm-up call)."""
    f()
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        f()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--net", default="8-32-32-1")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--chunk", type=int, default=125_000)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()

    import dask.array as da
    from distributed import Client, LocalCluster

    import codegen
    import symgrad.distributed as sd
    from codegen.kernel import blas_threads
    from symbolic.spec import parse_spec

    widths = [int(w) for w in args.net.split("-")]
    k = codegen.compile(parse_spec(toml(widths), f"<{args.net}>"), what=("loss_grad", "hvp"))
    theta = 0.3 * np.random.default_rng(0).normal(size=k.n_params)

    with (
        LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        rng = da.random.default_rng(0)  # generated on the workers and kept there, as on a cluster
        xs = rng.normal(size=(args.n, widths[0]), chunks=(args.chunk, widths[0]))
        ys = rng.normal(size=(args.n, widths[-1]), chunks=(args.chunk, widths[-1]))
        xs, ys = client.persist([xs, ys])
        data = {"x": xs, "y": ys}
        D = k.pack_data({"x": xs.compute(), "y": ys.compute()})  # the same samples in this process
        L0, g0 = k.loss_and_grad_flat(theta, D)
        t_local = best_s(lambda: k.loss_and_grad_flat(theta, D), args.repeat)
        oracle = sd.ClusterOracle(k, data, client)
        L, g = oracle.loss_and_grad(theta)
        assert np.isclose(L, L0, rtol=1e-12) and np.allclose(g, g0, rtol=1e-12, atol=1e-15 * abs(g0).max())
        t_oracle = best_s(lambda: oracle.loss_and_grad(theta), args.repeat)
        t_once = best_s(lambda: sd.loss_and_grad(k, theta, data, client), max(args.repeat // 2, 1))

    n = args.n
    print(
        f"{k.name}: {k.n_params} params, N = {n}, {args.workers} workers x 1 thread, chunks of {args.chunk}, "
        f"CBLAS {'linked (OpenBLAS threads: ' + str(blas_threads()) + ')' if k.blas else 'not linked'}"
    )
    print(f"  one process, loss_and_grad_flat        {n / t_local:14,.0f} samples/s  ({t_local * 1e3:8.1f} ms)")
    print(f"  cluster, ClusterOracle.loss_and_grad   {n / t_oracle:14,.0f} samples/s  ({t_oracle * 1e3:8.1f} ms)")
    print(f"  cluster, distributed.loss_and_grad     {n / t_once:14,.0f} samples/s  ({t_once * 1e3:8.1f} ms)")
    print(f"  ratio cluster / one process: oracle {t_local / t_oracle:.2f}x, one-shot {t_local / t_once:.2f}x")


if __name__ == "__main__":
    main()
