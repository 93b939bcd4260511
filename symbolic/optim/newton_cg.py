"""Newton-CG (seed 001 §2.11, seed 002 §2.1.1): each step solves H p = −∇f approximately by
conjugate gradient on Hessian-vector products, then backtracks along p until the Armijo condition
holds. The objective, gradient and H·u come from callables on the flat parameter vector, so the
same loop runs on numpy (symbolic.point / symbolic.dataset) or on a compiled kernel's flat API.

CG (the truncated Newton of Nocedal & Wright Alg. 7.1, as scipy.optimize's Newton-CG): stop when
‖r‖ ≤ min(cg_tol, √‖g‖)·‖g‖ or after cg_maxiter iterations; on negative (or zero) curvature
dᵀHd ≤ 0 keep the last iterate, or the steepest-descent direction −g on the first iteration.
Line search (seed 002 §2.1.1): α = lr, lr·β, lr·β², … (β = shrink) until
f(θ + αp) < f(θ) + ν ∇f(θ)ᵀ(αp) (ν = c1), with the seed's ranges ν ∈ (0, ½), β ∈ (0, 1).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import partial

import numpy as np

from ..dataset import dataset_point
from ..graph import Graph
from ..point import evaluate_point
from ..spec_schema import number_problem
from .config import OptimizerError

NAME = "newton-cg"
# key: (default, check, meaning); lr = 1 and the seed's α = 1, β, β², … ; c1 = 1e-4 and
# shrink = 0.5 are the usual (Nocedal & Wright; SciPy) choices inside the seed's ranges.
NEWTON_KEYS: dict[str, tuple[float, str, str]] = {
    "lr": (1.0, "positive", "first trial step α of the line search (seed 002: α = 1, β, β², …)"),
    "c1": (1e-4, "half", "Armijo constant ν in (0, 1/2) (seed 002 Definition 2.1.3)"),
    "shrink": (0.5, "unit", "backtracking factor β in (0, 1)"),
    "cg_maxiter": (0.0, "count", "CG iterations per step (0: 2 × number of parameters)"),
    "cg_tol": (0.5, "positive", "CG stops at ‖r‖ ≤ min(cg_tol, √‖g‖)·‖g‖ (SciPy's forcing term)"),
    "gtol": (1e-10, "nonnegative", "no step once ‖∇f‖ ≤ gtol (a stationary point)"),
    "max_backtracks": (60.0, "count", "line-search trials before the step is given up (θ kept)"),
}

Vector = np.ndarray
LossGrad = Callable[[Vector], tuple[float, Vector]]
Hvp = Callable[[Vector, Vector], Vector]


@dataclass(frozen=True)
class NewtonSettings:
    """Checked Newton-CG settings (defaults filled in)."""

    values: dict[str, float]
    name: str = NAME

    def as_dict(self) -> dict[str, object]:
        return {"type": NAME, **self.values}


def newton_settings(cfg: Mapping[str, object], table: str = "[optimizer]") -> NewtonSettings:
    """Check a newton-cg table ({"type": "newton-cg", key: value, …}); OptimizerError naming the
    valid keys for an unknown one, or the range for a bad value."""
    out: dict[str, float] = {}
    for key in cfg:
        if key != "type" and key not in NEWTON_KEYS:
            raise OptimizerError(
                f"{table} key '{key}' is not a key of optimizer '{NAME}'; valid keys: {', '.join(NEWTON_KEYS)}", key
            )
    for key, (default, check, _) in NEWTON_KEYS.items():
        v = cfg.get(key, default)
        problem = number_problem(v, key, table, positive=check == "positive", nonnegative=check != "positive")
        if problem:
            raise OptimizerError(problem, key)
        f = float(v)  # type: ignore[arg-type]
        if check == "half" and not 0 < f < 0.5:
            raise OptimizerError(f"{table} {key} must be in (0, 1/2), got {v}", key)
        if check == "unit" and not 0 < f < 1:
            raise OptimizerError(f"{table} {key} must be in (0, 1), got {v}", key)
        if check == "count" and f != int(f):
            raise OptimizerError(f"{table} {key} must be a whole number, got {v}", key)
        out[key] = f
    return NewtonSettings(out)


@dataclass
class CGResult:
    p: Vector
    iterations: int
    negative_curvature: bool


def truncated_cg(g: Vector, hv: Callable[[Vector], Vector], maxiter: int, tol: float) -> CGResult:
    """Approximately solve H p = −g by CG from p = 0; truncated on dᵀHd ≤ 0 (last iterate, or −g
    on the first iteration)."""
    gnorm = float(np.linalg.norm(g))
    p = np.zeros_like(g)
    if gnorm == 0.0:
        return CGResult(p, 0, False)
    r = g.copy()  # residual of H p + g
    d = -r
    rr = float(r @ r)
    term = min(tol, math.sqrt(gnorm)) * gnorm
    for i in range(maxiter):
        if math.sqrt(rr) <= term:
            return CGResult(p, i, False)
        Hd = hv(d)
        curv = float(d @ Hd)
        if curv <= 0.0:
            return CGResult(-g.copy() if i == 0 else p, i, True)
        a = rr / curv
        p = p + a * d
        r = r + a * Hd
        rr_new = float(r @ r)
        d = -r + (rr_new / rr) * d
        rr = rr_new
    return CGResult(p, maxiter, False)


@dataclass
class NewtonRecord:
    """One step: objective and ‖g‖ before it, CG iterations, curvature truncation, step size α."""

    t: int
    objective: float
    grad_norm: float
    cg_iterations: int
    negative_curvature: bool
    alpha: float


@dataclass
class NewtonResult:
    settings: NewtonSettings
    theta: Vector
    records: list[NewtonRecord] = field(default_factory=list)
    final_objective: float = math.nan


def newton_cg(loss_grad: LossGrad, hvp: Hvp, theta0: Vector, st: NewtonSettings, steps: int) -> NewtonResult:
    """`steps` Newton-CG steps from theta0 (a flat vector; not changed)."""
    v = st.values
    theta = np.array(theta0, dtype=float)
    n = theta.size
    maxiter = int(v["cg_maxiter"]) or 2 * max(n, 1)
    records: list[NewtonRecord] = []
    f, g = loss_grad(theta)
    for t in range(1, steps + 1):
        gnorm = float(np.linalg.norm(g))
        if not gnorm > v["gtol"]:  # stationary (or NaN): nothing to do
            records.append(NewtonRecord(t, f, gnorm, 0, False, 0.0))
            continue
        cg = truncated_cg(g, partial(hvp, theta), maxiter, v["cg_tol"])
        slope = float(g @ cg.p)
        if not slope < 0:  # not a descent direction (rounding): steepest descent
            cg = CGResult(-g, cg.iterations, cg.negative_curvature)
            slope = -gnorm * gnorm
        f_before, alpha, taken = f, v["lr"], 0.0
        for _ in range(int(v["max_backtracks"])):
            trial = theta + alpha * cg.p
            f_new, g_new = loss_grad(trial)
            if f_new < f + v["c1"] * alpha * slope:
                theta, f, g, taken = trial, f_new, g_new, alpha
                break
            alpha *= v["shrink"]
        records.append(NewtonRecord(t, f_before, gnorm, cg.iterations, cg.negative_curvature, taken))
    return NewtonResult(st, theta, records, f)


Evaluate = Callable[..., object]  # (point, direction=None) → object with .objective, .grad, .hvp


def point_evaluator(
    graph: Graph, data: Mapping[str, np.ndarray] | None = None, split: tuple[str, str | None] | None = None
) -> Evaluate:
    """(point, direction=None) → objective, gradient (and H·u): symbolic.point.evaluate_point at
    one sample, or with `data` symbolic.dataset.dataset_point over the whole set (`split` = the
    per-sample objective and the penalty, symbolic.dataset.objective_split)."""
    if data is None:
        return lambda point, direction=None: evaluate_point(graph, point, direction=direction)
    obj, penalty = split if split is not None else (graph.objective, None)
    return lambda point, direction=None: dataset_point(graph, point, data, obj, penalty, direction=direction)


def flat_oracle(
    params: Mapping[str, tuple[int, ...]], values: Mapping[str, np.ndarray], evaluate: Evaluate
) -> tuple[LossGrad, Hvp, Vector, Callable[[Vector], dict[str, np.ndarray]]]:
    """(loss_grad, hvp, θ₀, unpack) on the flat vector of `params` (in order) from a point
    evaluator such as symbolic.point.evaluate_point or symbolic.dataset.dataset_point (inputs
    and other values held fixed)."""
    names = list(params)
    sizes = [int(np.prod(params[p], dtype=int)) for p in names]
    cuts = np.cumsum([0, *sizes])
    fixed = {k: np.asarray(v, dtype=float) for k, v in values.items()}

    def unpack(x: Vector) -> dict[str, np.ndarray]:
        return {p: x[cuts[i] : cuts[i + 1]].reshape(params[p]) for i, p in enumerate(names)}

    def pack(d: Mapping[str, np.ndarray]) -> Vector:
        return np.concatenate([np.ravel(np.asarray(d[p], dtype=float)) for p in names]) if names else np.zeros(0)

    def loss_grad(x: Vector) -> tuple[float, Vector]:
        r = evaluate({**fixed, **unpack(x)})
        return float(r.objective), pack(r.grad)  # type: ignore[attr-defined]

    def hvp(x: Vector, u: Vector) -> Vector:
        r = evaluate({**fixed, **unpack(x)}, direction=unpack(u))
        return pack(r.hvp)  # type: ignore[attr-defined]

    return loss_grad, hvp, pack(fixed), unpack


def _tolist(a: np.ndarray) -> object:
    a = np.asarray(a, dtype=float)
    return float(a) if a.shape == () else a.tolist()


def newton_json(r: NewtonResult, params: Mapping[str, np.ndarray]) -> dict[str, object]:
    """The `symgrad step --optimizer newton-cg --json` object: the pinned "params", "state" (the
    last step's α, CG iterations and truncation; Newton-CG carries nothing between steps) and
    "objective" (one value per step, before it), plus per-step "alpha", "cg_iterations",
    "negative_curvature", "grad_norm" and "final_objective", "optimizer", "settings", "steps"."""
    last = r.records[-1] if r.records else None
    return {
        "optimizer": NAME,
        "settings": r.settings.as_dict(),
        "steps": len(r.records),
        "params": {p: _tolist(v) for p, v in params.items()},
        "state": {
            "alpha": last.alpha if last else None,
            "cg_iterations": last.cg_iterations if last else 0,
            "negative_curvature": last.negative_curvature if last else False,
        },
        "objective": [x.objective for x in r.records],
        "grad_norm": [x.grad_norm for x in r.records],
        "alpha": [x.alpha for x in r.records],
        "cg_iterations": [x.cg_iterations for x in r.records],
        "negative_curvature": [x.negative_curvature for x in r.records],
        "final_objective": r.final_objective,
    }


def newton_text(r: NewtonResult, params: Mapping[str, np.ndarray], objective_name: str) -> str:
    """A table of the steps (objective and ‖∇‖ before, CG iterations, α) and the end point."""
    from ..tables import fmt_value

    s = r.settings.values
    lines = [
        f"newton-cg: CG on H p = −∇f (≤ {int(s['cg_maxiter']) or '2n'} iterations, tol {s['cg_tol']:g}), "
        f"Armijo backtracking α = {s['lr']:g}·{s['shrink']:g}^j until f(θ+αp) < f(θ) + {s['c1']:g}·α∇fᵀp",
        "",
    ]
    head = ("t", f"{objective_name} (before)", "‖∇‖", "CG", "α")
    body = [
        (
            str(x.t),
            fmt_value(x.objective),
            fmt_value(x.grad_norm),
            f"{x.cg_iterations}{'*' if x.negative_curvature else ''}",
            f"{x.alpha:.6g}",
        )
        for x in r.records
    ]
    widths = [max(len(c[i]) for c in [head, *body]) for i in range(5)]
    for c in [head, *body]:
        lines.append("  ".join(v.rjust(w) for v, w in zip(c, widths, strict=True)).rstrip())
    if any(x.negative_curvature for x in r.records):
        lines.append("(* CG stopped on negative curvature pᵀHp ≤ 0)")
    n = len(r.records)
    lines += ["", f"after {n} step{'s' if n != 1 else ''}: {objective_name} = {fmt_value(r.final_objective)}"]
    lines += [f"  {p} = {fmt_value(v)}" for p, v in params.items()]
    return "\n".join(lines) + "\n"


def kernel_oracle(kernel: object, D: np.ndarray) -> tuple[LossGrad, Hvp]:
    """(loss_grad, hvp) through a compiled kernel's flat API (codegen.kernel.Kernel:
    loss_and_grad_flat, hvp_flat) on packed data D; θ is the kernel's packed parameter vector."""
    k: object = kernel

    def loss_grad(x: Vector) -> tuple[float, Vector]:
        loss, grad = k.loss_and_grad_flat(np.ascontiguousarray(x), D)  # type: ignore[attr-defined]
        return float(loss), np.array(grad, dtype=float)

    def hvp(x: Vector, u: Vector) -> Vector:
        _, _, hv = k.hvp_flat(np.ascontiguousarray(x), D, np.ascontiguousarray(u))  # type: ignore[attr-defined]
        return np.array(hv, dtype=float)

    return loss_grad, hvp
