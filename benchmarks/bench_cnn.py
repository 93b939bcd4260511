"""CNN loss + gradient: symgrad's compiled kernel vs PyTorch eager (one thread) and JAX jit.

    python benchmarks/bench_cnn.py [--batch 64] [--min-time 0.3]

Workload (issue 11, Speed): input 1×16×16, conv 8 filters 3×3 padding 1 + ReLU, maxpool 2,
flatten, dense 10, softmax cross-entropy (mean), batch 64, float64. Prints µs per call of
`kernel.loss_and_grad_flat(theta, D, out=g)` and, where installed, of a PyTorch step (forward +
backward, torch.set_num_threads(1)) and of a jitted JAX value_and_grad, then the ratio to the
best of them (target ≤ 0.5). The three are first checked to agree on the loss and gradient.
Not a test: the numbers go in the issue's note.
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

SPEC = """[model]
name = "bench_cnn"
input = [1, 16, 16]
[[layers]]
conv2d = 8
kernel = 3
padding = 1
activation = "relu"
[[layers]]
maxpool = 2
[[layers]]
flatten = true
[[layers]]
dense = 10
[loss]
type = "cross_entropy"
"""


def best_us(f, min_time: float, repeat: int = 5) -> float:
    """Best mean µs per call over `repeat` runs of at least `min_time` seconds each."""
    f()
    best = float("inf")
    for _ in range(repeat):
        n, t0 = 0, time.perf_counter()
        while True:
            f()
            n += 1
            dt = time.perf_counter() - t0
            if dt >= min_time:
                break
        best = min(best, dt / n * 1e6)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0] if __doc__ else None)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--min-time", type=float, default=0.3)
    args = ap.parse_args()
    g = parse_spec(SPEC)
    rng = np.random.default_rng(0)
    params = {p: rng.normal(scale=0.3, size=s) for p, s in g.params.items()}
    n = args.batch
    X = rng.normal(size=(n, 1, 16, 16))
    labels = rng.integers(0, 10, n)
    Y = np.eye(10)[labels]
    t0 = time.perf_counter()
    k = codegen.compile(g, what=("loss_grad",))
    print(f"compile (cold or cached): {time.perf_counter() - t0:.2f} s")
    theta, D = k.pack(params), k.pack_data({"x": X, "y": Y})
    grad = np.empty_like(theta)
    loss = k.loss_and_grad_flat(theta, D, out=grad)
    loss = loss[0] if isinstance(loss, tuple) else loss
    us = {"symgrad C": best_us(lambda: k.loss_and_grad_flat(theta, D, out=grad), args.min_time)}
    try:
        import torch

        torch.set_num_threads(1)
        F = torch.nn.functional
        tp = {p: torch.tensor(v, requires_grad=True) for p, v in params.items()}
        tx, ty = torch.tensor(X), torch.tensor(labels)

        def torch_step():
            for v in tp.values():
                v.grad = None
            h = F.max_pool2d(torch.relu(F.conv2d(tx, tp["W1"], tp["b1"], padding=1)), 2)
            L = F.cross_entropy(h.reshape(n, -1) @ tp["W4"].T + tp["b4"], ty)
            L.backward()
            return L

        L = torch_step()
        tg = np.concatenate([tp[p].grad.numpy().ravel() for p in g.params])
        assert abs(L.item() - float(loss)) < 1e-10 * max(1.0, abs(L.item())), (L.item(), loss)
        assert np.allclose(tg, grad, rtol=1e-8, atol=1e-12), np.max(np.abs(tg - grad))
        us["PyTorch eager (1 thread)"] = best_us(torch_step, args.min_time)
    except ImportError:
        print("torch not installed: skipped")
    try:
        import jax
        import jax.numpy as jnp

        jax.config.update("jax_enable_x64", True)

        def jloss(p, x, y):
            h = jax.lax.conv_general_dilated(x, p["W1"], (1, 1), ((1, 1), (1, 1))) + p["b1"][None, :, None, None]
            h = jax.nn.relu(h)
            h = jax.lax.reduce_window(h, -jnp.inf, jax.lax.max, (1, 1, 2, 2), (1, 1, 2, 2), "VALID")
            z = h.reshape(x.shape[0], -1) @ p["W4"].T + p["b4"]
            return -jnp.mean(jnp.sum(y * jax.nn.log_softmax(z), axis=1))

        vg = jax.jit(jax.value_and_grad(jloss))
        jp = {p: jnp.asarray(v) for p, v in params.items()}
        jx, jy = jnp.asarray(X), jnp.asarray(Y)
        us["JAX jit"] = best_us(lambda: jax.block_until_ready(vg(jp, jx, jy)), args.min_time)
    except ImportError:
        print("jax not installed: skipped")
    for name, t in us.items():
        print(f"{name:28s} {t:10.1f} µs per loss+gradient (batch {n})")
    others = {k2: v for k2, v in us.items() if k2 != "symgrad C"}
    if others:
        best = min(others, key=lambda k2: others[k2])
        print(f"ratio symgrad / {best}: {us['symgrad C'] / others[best]:.2f} (target ≤ 0.5)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
