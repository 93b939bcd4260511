"""A compiled kernel over data on a Dask cluster: full-batch objective, gradient, H·u and
per-sample values, equal to one process running the kernel on all the data.

    from distributed import Client
    client = Client("tcp://scheduler:8786")          # or Client(LocalCluster(...))
    data = {"x": da.from_zarr(...), "y": ...}         # dask arrays, batch-first, chunked by batch
    J, g = symgrad.distributed.loss_and_grad(kernel, theta, data, client)
    J, g, hv = symgrad.distributed.hvp(kernel, theta, data, u, client)
    L = symgrad.distributed.per_sample(kernel, theta, data, client, what="loss")   # dask array (N,)

`data` is a dict of dask (or numpy) arrays keyed by the spec's data input names, each of shape
(N,) + the input's shape, or one packed dask array (N, kernel.data_width) in Kernel.pack_data's
layout. The batch chunks of the first input (in declaration order) set the chunking; the others
are rechunked to match. The kernel travels to the workers pickled (codegen.kernel_pickle: its C
source + recipe; a worker loads the module from its kernel cache or compiles it once), scattered
once per ClusterOracle under a key naming its content hash. Each chunk runs the kernel's
batched flat API on a worker, and the chunk results are combined on the client in chunk order:

* the kernel's objective over a chunk c of n_c samples is J_c = reduce_{i in c} L_i + R, L the
  per-sample data objective and R the spec's penalty (computed once per call);
* mean: J = sum_c (n_c / N) J_c, which counts R exactly once because the weights sum to 1;
* sum: J = sum_c J_c − (k − 1) R for k chunks, R (with ∇R and H_R·u) evaluated once on the
  client by symbolic.point.evaluate_point on the penalty term of the kernel's graph;
* gradient and H·u combine the same way (linearity).

Per-sample values are the data objective L_i and ∇L_i of each sample (penalty excluded:
reduce_i L_i + R is the objective): the kernel on the one-sample batch {x_i} gives L_i + R, from
which R is subtracted (absolute rounding error about eps·(|L_i| + |R|)).

Dask is an optional dependency (`pip install 'symgrad[distributed]'`); it is imported when a
function here is first called, and its absence is a one-line ImportError.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Mapping
from typing import Any

import numpy as np

__all__ = ["ClusterOracle", "hvp", "loss_and_grad", "pack_data", "per_sample"]

NEEDS_DASK = "needs dask: pip install 'symgrad[distributed]'"
PER_SAMPLE = ("loss", "grad")


def _dask() -> tuple[Any, Any]:
    """(dask, dask.array), or ImportError with the install line."""
    try:
        import dask
        import dask.array as da
        import distributed  # noqa: F401 - the client side needs it too
    except ImportError:
        raise ImportError(NEEDS_DASK) from None
    return dask, da


# ---- worker-side tasks (module-level: pickled by reference) -----------------------------------
def _pack_chunk(kernel: Any, block: Any) -> np.ndarray:
    """One chunk's packed rows (n_c, width) in the kernel's dtype: a dict of input blocks
    through Kernel.pack_data (its checks included), or a block of packed rows as is."""
    if isinstance(block, dict):
        return kernel.pack_data(block)
    rows = np.ascontiguousarray(block, dtype=kernel.dtype)
    if rows.ndim != 2 or rows.shape[1] != kernel.data_width:
        raise ValueError(f"data: expected packed rows of shape (n, {kernel.data_width}), given a chunk {rows.shape}")
    return rows


def _chunk_loss_grad(kernel: Any, theta: np.ndarray, rows: np.ndarray) -> tuple[float, np.ndarray]:
    loss, g = kernel.loss_and_grad_flat(theta, rows)
    return float(loss), np.asarray(g, dtype=np.float64)


def _chunk_hvp(kernel: Any, theta: np.ndarray, rows: np.ndarray, u: np.ndarray) -> tuple[float, np.ndarray, np.ndarray]:
    loss, g, hv = kernel.hvp_flat(theta, rows, u)
    return float(loss), np.asarray(g, dtype=np.float64), np.asarray(hv, dtype=np.float64)


def _chunk_per_sample(
    kernel: Any, theta: np.ndarray, rows: np.ndarray, what: str, r: float, grad_r: np.ndarray
) -> np.ndarray:
    """L_i (what="loss", shape (n_c,)) or ∇L_i (what="grad", (n_c, P)) of each row: the kernel
    on the one-row batch minus the penalty R (or ∇R)."""
    n, P = rows.shape[0], kernel.n_params
    loss = np.empty(n, np.float64)
    grads = np.empty((n, P), kernel.dtype)
    for i in range(n):
        loss[i], _ = kernel.loss_and_grad_flat(theta, rows[i : i + 1], out=grads[i])
    if what == "loss":
        return loss - r
    return grads.astype(np.float64) - grad_r


# ---- client side ---------------------------------------------------------------------------------
def _vector(kernel: Any, x: Any, what: str) -> np.ndarray:
    """θ or u as a C-contiguous (P,) array of the kernel's dtype (a dict goes through pack)."""
    if isinstance(x, Mapping):
        return kernel.pack(dict(x), what)
    a = np.asarray(x)
    if a.dtype.kind not in "fiu":
        raise ValueError(f"{what}: expected real numbers, given dtype {a.dtype}")
    if a.shape != (kernel.n_params,):
        raise ValueError(f"{what}: expected shape ({kernel.n_params},), given shape {a.shape}")
    return np.ascontiguousarray(a, dtype=kernel.dtype)


def _chunk_blocks(kernel: Any, data: Any, da: Any) -> tuple[list[Any], list[int]]:
    """(one delayed block per non-empty batch chunk: a dict of input blocks or packed rows,
    the chunk sizes)."""
    if isinstance(data, Mapping):
        shapes = kernel.input_shapes
        unknown = sorted(set(data) - set(shapes))
        missing = [n for n in shapes if n not in data]
        if unknown or missing:
            raise ValueError(
                f"data: expected the inputs {list(shapes)}"
                + (f"; unknown {unknown}" if unknown else "")
                + (f"; missing {missing}" if missing else "")
            )
        if not shapes:
            raise ValueError(f"data: {kernel.graph.name} has no data inputs to distribute")
        arrays = {}
        first = next(iter(shapes))
        lead = data[first]
        lead = lead if isinstance(lead, da.Array) else da.asarray(np.asarray(lead))
        chunks = lead.chunks[0] if lead.ndim else ()
        for name, shape in shapes.items():
            a = data[name]
            a = a if isinstance(a, da.Array) else da.asarray(np.asarray(a))
            if a.ndim != len(shape) + 1 or tuple(a.shape[1:]) != tuple(shape) or a.shape[0] != lead.shape[0]:
                raise ValueError(
                    f"data['{name}']: expected shape ({lead.shape[0] if lead.ndim else 'N'},) + {tuple(shape)} "
                    f"(batch-first), given {a.shape}"
                )
            arrays[name] = a.rechunk((chunks,) + tuple((d,) for d in shape))
        blocks = {n: list(a.to_delayed().ravel()) for n, a in arrays.items()}
        items = [{n: blocks[n][i] for n in shapes} for i in range(len(chunks))]
    else:
        a = data if isinstance(data, da.Array) else da.asarray(np.asarray(data))
        if a.ndim != 2 or a.shape[1] != kernel.data_width:
            raise ValueError(
                f"data: expected a dict of input arrays or packed rows (N, {kernel.data_width}), given shape {a.shape}"
            )
        a = a.rechunk((a.chunks[0], (a.shape[1],)))
        chunks = a.chunks[0]
        items = list(a.to_delayed().ravel())
    keep = [i for i, n in enumerate(chunks) if n > 0]
    if not keep:
        raise ValueError("data: the batch is empty (N = 0)")
    return [items[i] for i in keep], [int(chunks[i]) for i in keep]


@dataclasses.dataclass
class _Penalty:
    """R, ∇R (and H_R·u) at θ, flat float64; zeros when the spec has no penalty."""

    value: float
    grad: np.ndarray
    hv: np.ndarray | None


def _penalty(kernel: Any, theta: np.ndarray, u: np.ndarray | None) -> _Penalty:
    """The penalty term of the kernel's objective at θ (symbolic.point.evaluate_point on the
    penalty of its graph; R reads no data input, so the inputs are zeros)."""
    P = kernel.n_params
    name = kernel.layout.penalty
    if name is None:
        return _Penalty(0.0, np.zeros(P), None if u is None else np.zeros(P))
    from symbolic.point import evaluate_point

    g = kernel.graph
    point = {**kernel.unpack(theta), **{x: np.zeros(s) for x, s in g.inputs.items()}}
    res = evaluate_point(
        dataclasses.replace(g, objective=name), point, direction=None if u is None else kernel.unpack(u)
    )
    flat = lambda d: np.concatenate([np.ravel(np.asarray(d[p], dtype=float)) for p in g.params])  # noqa: E731
    return _Penalty(float(res.objective), flat(res.grad), None if u is None else flat(res.hvp))


class ClusterOracle:
    """A kernel's full-batch objective, gradient and H·u over chunked data on a Dask cluster,
    for repeated calls (an optimizer's): the kernel is scattered to every worker once and each
    chunk is packed once and kept on the workers (as futures) while the oracle lives."""

    def __init__(self, kernel: Any, data: Any, client: Any) -> None:
        dask, da = _dask()
        if "loss_grad" not in getattr(kernel, "functions", ()):
            raise ValueError("expected a codegen Kernel compiled with 'loss_grad'")
        from codegen.kernel_pickle import content_hash

        self.kernel, self.client = kernel, client
        blocks, self.sizes = _chunk_blocks(kernel, data, da)
        self.n = sum(self.sizes)
        self.reduction = kernel.layout.reduction
        # keys unique to this oracle: a key another oracle is releasing right now would be lost
        key = f"symgrad-kernel-{content_hash(kernel)[:16]}-{uuid.uuid4().hex}"
        self._kernel = client.scatter({key: kernel}, broadcast=True)[key]
        packed = [dask.delayed(_pack_chunk, pure=False)(self._kernel, b) for b in blocks]
        self._rows = client.compute(packed)  # futures: the packed chunks, kept on the workers

    def _combine(self, parts: list[tuple], pen: _Penalty) -> tuple[Any, ...]:
        """Chunk results (loss, vector, ...) reduced with the spec's reduction, R counted once."""
        if self.reduction == "mean":  # weights n_c / N sum to 1: R is counted once already
            w, extra = [n / self.n for n in self.sizes], 0.0
        else:  # each chunk counted R: take k − 1 of them away
            w, extra = [1.0] * len(parts), -float(len(parts) - 1)
        out: list[Any] = [float(sum(wi * p[0] for wi, p in zip(w, parts, strict=True))) + extra * pen.value]
        terms = [pen.grad, pen.hv]
        for j in range(1, len(parts[0])):
            acc = np.zeros(self.kernel.n_params)
            for wi, p in zip(w, parts, strict=True):
                acc += wi * p[j]
            term = terms[j - 1]
            if extra and term is not None:
                acc += extra * term
            out.append(acc)
        return tuple(out)

    def loss_and_grad(self, theta: Any) -> tuple[float, np.ndarray]:
        """(J, ∇J) over all the data at θ (packed (P,) or a parameter dict); ∇J flat float64."""
        t = _vector(self.kernel, theta, "theta")
        futs = [self.client.submit(_chunk_loss_grad, self._kernel, t, r, pure=False) for r in self._rows]
        pen = _penalty(self.kernel, t, None) if self.reduction == "sum" and len(futs) > 1 else _none(self.kernel)
        loss, g = self._combine(self.client.gather(futs), pen)
        return loss, g

    def hvp(self, theta: Any, u: Any) -> tuple[float, np.ndarray, np.ndarray]:
        """(J, ∇J, H·u) over all the data at θ along u (each packed (P,) or a dict)."""
        if "hvp" not in self.kernel.functions:
            raise ValueError(f"kernel {self.kernel.name} was compiled without 'hvp'")
        t, v = _vector(self.kernel, theta, "theta"), _vector(self.kernel, u, "u")
        futs = [self.client.submit(_chunk_hvp, self._kernel, t, r, v, pure=False) for r in self._rows]
        pen = _penalty(self.kernel, t, v) if self.reduction == "sum" and len(futs) > 1 else _none(self.kernel, True)
        loss, g, hv = self._combine(self.client.gather(futs), pen)
        return loss, g, hv

    def per_sample(self, theta: Any, what: str = "loss") -> Any:
        """Per-sample data objective L_i (what="loss": a dask array (N,)) or its gradient ∇L_i
        (what="grad": (N, P)), persisted on the cluster (chunked like the data): .compute()
        fetches it, dask.array reductions run on the workers."""
        _, da = _dask()
        if what not in PER_SAMPLE:
            raise ValueError(f"what: expected one of {', '.join(PER_SAMPLE)}, given {what!r}")
        t = _vector(self.kernel, theta, "theta")
        pen = _penalty(self.kernel, t, None)
        P = self.kernel.n_params
        cols = [
            da.from_delayed(
                self.client.submit(_chunk_per_sample, self._kernel, t, r, what, pen.value, pen.grad, pure=False),
                shape=(n,) if what == "loss" else (n, P),
                dtype=np.float64,
            )
            for r, n in zip(self._rows, self.sizes, strict=True)
        ]
        return self.client.persist(da.concatenate(cols, axis=0))

    def close(self) -> None:
        """Release the packed chunks and the kernel on the workers."""
        self._rows, self._kernel = [], None


def _none(kernel: Any, hv: bool = False) -> _Penalty:
    """No penalty correction: mean reduction, one chunk, or a spec without a penalty."""
    P = kernel.n_params
    return _Penalty(0.0, np.zeros(P), np.zeros(P) if hv else None)


def loss_and_grad(kernel: Any, theta: Any, data: Any, client: Any) -> tuple[float, np.ndarray]:
    """(J, ∇J) of the kernel's objective over all of `data` (see the module doc), computed
    chunk by chunk on `client`'s workers; ∇J is flat (P,) float64 in θ's packing."""
    return ClusterOracle(kernel, data, client).loss_and_grad(theta)


def hvp(kernel: Any, theta: Any, data: Any, u: Any, client: Any) -> tuple[float, np.ndarray, np.ndarray]:
    """(J, ∇J, H·u) over all of `data` on `client`'s workers; u packed (P,) or a dict."""
    return ClusterOracle(kernel, data, client).hvp(theta, u)


def per_sample(kernel: Any, theta: Any, data: Any, client: Any, what: str = "loss") -> Any:
    """Per-sample data objective (what="loss", dask array (N,)) or gradient (what="grad",
    (N, P)) computed on `client`'s workers and persisted there; penalty excluded."""
    return ClusterOracle(kernel, data, client).per_sample(theta, what)


def pack_data(kernel: Any, data: Mapping[str, Any], client: Any) -> Any:
    """The packed rows (N, data_width) of a dict of batch-first dask arrays, chunked like them
    and persisted on `client`'s workers: reuse across calls instead of packing per call."""
    _, da = _dask()
    oracle = ClusterOracle(kernel, data, client)
    cols = [
        da.from_delayed(r, shape=(n, kernel.data_width), dtype=kernel.dtype)
        for r, n in zip(oracle._rows, oracle.sizes, strict=True)
    ]
    return client.persist(da.concatenate(cols, axis=0))
