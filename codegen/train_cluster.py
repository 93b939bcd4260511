"""Full-batch Newton-CG on a Dask cluster (`symgrad train --optimizer newton-cg --scheduler ADDRESS`).

symbolic.optim.newton_cg runs on a flat oracle: loss_grad(θ) → (J, ∇J) and hvp(θ, u) → H·u.
Here that oracle is symgrad.distributed.ClusterOracle over the compiled kernel: the dataset
(read and checked by symbolic.dataset.load_dataset) becomes dask arrays chunked along the batch,
each chunk is packed once on a worker and every objective, gradient and H·u the method asks for
is a sum over the chunks computed on the workers (the spec's reduction, the penalty counted
once). Newton-CG itself (CG iterations, line search) runs in this process: it needs only P-vectors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np

from symbolic.graph import Graph
from symbolic.optim.newton_cg import NewtonResult, NewtonSettings, newton_cg

__all__ = ["CONNECT_TIMEOUT", "ClusterError", "connect", "dask_dataset", "newton_cg_cluster"]

CONNECT_TIMEOUT = 5.0  # seconds: an unreachable scheduler is an error after this, not a hang


class ClusterError(ValueError):
    """The cluster cannot be used (unreachable scheduler, dask missing): one line."""


def connect(address: str, timeout: float = CONNECT_TIMEOUT) -> Any:
    """A distributed.Client of the scheduler at `address` (tcp://host:8786); ClusterError
    (one line) when dask is not installed or the scheduler does not answer within `timeout`."""
    try:
        from distributed import Client
    except ImportError:
        from symgrad.distributed import NEEDS_DASK

        raise ClusterError(f"--scheduler {NEEDS_DASK}") from None
    try:
        return Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as e:
        why = " ".join(str(e).split()) or type(e).__name__
        raise ClusterError(f"cannot reach the Dask scheduler at {address} within {timeout:g} s ({why[:200]})") from None


def dask_dataset(data: Mapping[str, np.ndarray], chunk: int) -> dict[str, Any]:
    """The arrays of a loaded dataset as dask arrays of `chunk` samples per block (the last one
    shorter), batch-first, trailing axes unchunked."""
    import dask.array as da

    return {n: da.from_array(a, chunks=(max(int(chunk), 1),) + a.shape[1:]) for n, a in data.items()}


def newton_cg_cluster(
    graph: Graph,
    values: Mapping[str, Any],
    data: Mapping[str, np.ndarray],
    settings: NewtonSettings,
    steps: int,
    client: Any,
    chunk: int,
) -> tuple[NewtonResult, dict[str, np.ndarray]]:
    """`steps` Newton-CG steps from the parameters in `values` on the whole of `data`, each
    objective, gradient and H·u computed on `client`'s workers; (the result, final params)."""
    from symgrad.distributed import ClusterOracle

    from .kernel import compile as kcompile

    k = kcompile(graph, what=("loss_grad", "hvp"))
    oracle = ClusterOracle(k, dask_dataset(data, chunk), client)
    try:
        result = newton_cg(
            oracle.loss_and_grad,
            lambda x, u: oracle.hvp(x, u)[2],
            k.pack({p: values[p] for p in graph.params}),
            settings,
            steps,
        )
    finally:
        oracle.close()
    return result, k.unpack(result.theta)
