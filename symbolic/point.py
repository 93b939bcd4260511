"""Numbers at a point: objective, every named value, gradient, adjoints, HVP, Hessian, Jacobian."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from .evaluate import EvaluationError, run_numeric
from .graph import Graph, all_indices, flat_names, size
from .reverse import Derivation, reverse
from .tangent import HVPProgram, hvp_program

MAX_HESSIAN_PARAMS = 2000


def derivation(graph: Graph) -> Derivation:
    """The adjoint program of the objective (built once per graph content)."""
    d: Derivation = graph.memo("reverse", reverse)
    return d


def hvp_of(graph: Graph) -> HVPProgram:
    """The forward-over-reverse HVP program (built once per graph content)."""
    hp: HVPProgram = graph.memo("hvp", lambda g: hvp_program(derivation(g)))
    return hp


@dataclass
class PointResult:
    objective: float
    values: dict[str, np.ndarray]
    grad: dict[str, np.ndarray]
    adjoints: dict[str, np.ndarray]
    hvp: dict[str, np.ndarray] | None = None
    hessian: tuple[list[str], np.ndarray] | None = None
    env: dict[str, np.ndarray] = field(default_factory=dict, repr=False)


def check_values(graph: Graph, values: Mapping[str, npt.ArrayLike], what: str = "values") -> dict[str, np.ndarray]:
    """Every input and parameter present with its declared shape; raise EvaluationError."""
    out: dict[str, np.ndarray] = {}
    for name, shape in graph.leaves().items():
        if name not in values:
            raise EvaluationError(f"no value given for '{name}' (shape {list(shape)}) in {what}")
        arr = np.asarray(values[name], dtype=float)
        if arr.shape != tuple(shape):
            if arr.size == 1 and shape == ():
                arr = arr.reshape(())
            else:
                raise EvaluationError(f"'{name}' in {what} has shape {list(arr.shape)}, expected {list(shape)}")
        out[name] = arr
    return out


def evaluate_point(
    graph: Graph,
    values: Mapping[str, npt.ArrayLike],
    direction: Mapping[str, npt.ArrayLike] | None = None,
    hessian: bool = False,
) -> PointResult:
    """Evaluate the model and its derivatives at one point (single sample)."""
    env0 = check_values(graph, values)
    d = derivation(graph)
    env = run_numeric(d.program, env0)

    def adjoint_value(n: str) -> np.ndarray:
        """∂J/∂n at the point; a structural zero (no adjoint name) is an array of zeros."""
        name = d.adjoint.get(n)
        return env[name] if name else np.zeros(graph.shape_of(n))

    grads = {p: adjoint_value(p) for p in graph.params}
    named = [a.name for a in graph.named()]
    adjoints = {n: adjoint_value(n) for n in named + list(graph.inputs) + list(graph.params)}
    res = PointResult(float(env[graph.objective]), {n: env[n] for n in named}, grads, adjoints, env=env)
    if direction is not None:
        res.hvp = hvp_at(graph, env, direction)
    if hessian:
        res.hessian = hessian_at(graph, env)
    return res


def hvp_at(
    graph: Graph, env: Mapping[str, np.ndarray], direction: Mapping[str, npt.ArrayLike]
) -> dict[str, np.ndarray]:
    """H·u for a direction keyed by parameter names (missing parameters move by 0)."""
    hp = hvp_of(graph)
    u: dict[str, np.ndarray] = {}
    for p, shape in graph.params.items():
        v = np.asarray(direction.get(p, np.zeros(shape)), dtype=float)
        if v.shape != tuple(shape):
            if v.size == 1 and shape == ():
                v = v.reshape(())
            else:
                raise EvaluationError(f"direction for '{p}' has shape {list(v.shape)}, expected {list(shape)}")
        u[hp.directions[p]] = v
    unknown = set(direction) - set(graph.params)
    if unknown:
        raise EvaluationError(f"direction names unknown parameter(s): {', '.join(sorted(unknown))}")
    out_env = run_numeric(hp.tangent.assignments, {**env, **u})
    return {p: (out_env[n] if n else np.zeros(graph.params[p])) for p, n in hp.hvp.items()}


def hessian_at(graph: Graph, env: Mapping[str, np.ndarray]) -> tuple[list[str], np.ndarray]:
    """Dense Hessian by one HVP per parameter entry (for small models only)."""
    n = graph.n_params()
    if n > MAX_HESSIAN_PARAMS:
        raise EvaluationError(
            f"dense Hessian of {n} parameters is too large (limit {MAX_HESSIAN_PARAMS}); use --direction for H·u"
        )
    order = [lbl for p, s in graph.params.items() for lbl in flat_names(p, s)]
    H = np.zeros((n, n))
    col = 0
    for p, shape in graph.params.items():
        for idx in all_indices(shape):
            u = {q: np.zeros(s) for q, s in graph.params.items()}
            u[p][idx] = 1.0
            hv = hvp_at(graph, env, u)
            H[:, col] = np.concatenate([np.ravel(hv[q]) for q in graph.params])
            col += 1
    return order, 0.5 * (H + H.T)


def jacobian_at(
    graph: Graph, values: Mapping[str, npt.ArrayLike], outputs: list[str] | None = None, wrt: list[str] | None = None
) -> dict[str, dict[str, Any]]:
    """∂output/∂wrt for each output (rows) and input/parameter (columns), by reverse sweeps."""
    env0 = check_values(graph, values)
    outputs = outputs or graph.outputs or [graph.objective]
    wrt = wrt or (list(graph.inputs) + list(graph.params))
    env = run_numeric(graph.assignments, env0)
    result: dict[str, dict[str, Any]] = {}
    for out in outputs:
        shape = graph.shape_of(out)
        seed = f"v[{out}]"
        d = reverse(graph, of=out, seed=seed, seed_shape=shape)
        rows = []
        for idx in all_indices(shape):
            v = np.zeros(shape)
            v[idx] = 1.0
            e = run_numeric(d.backward, {**env, seed: v})
            rows.append(
                np.concatenate(
                    [
                        np.ravel(e[name]) if (name := d.adjoint.get(w)) else np.zeros(size(graph.shape_of(w)))
                        for w in wrt
                    ]
                )
            )
        cols = [lbl for w in wrt for lbl in flat_names(w, graph.shape_of(w))]
        result[out] = {"rows": flat_names(out, shape), "cols": cols, "matrix": np.array(rows)}
    return result
