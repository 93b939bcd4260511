"""Curvature at a point from Hessian-vector products: uᵀHu probes along given or random
directions, the Hessian's eigenvalues (small models), the stationary-point classification of
seed 001 Table 5.1, and the gradient-descent stability bound η < 2/λ_max.

Everything works on a flat parameter vector through an `hvp(u) -> H·u` callable, so the same
code serves one sample (symbolic.point) and a whole dataset (symbolic.dataset)."""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from .point import MAX_HESSIAN_PARAMS

# seed 001 Table 5.1, "Point type" column (∇E = 0 and the Hessian's definiteness)
MINIMUM = "Local minimum"
MAXIMUM = "Local maximum"
SADDLE = "Saddle point"
DEGENERATE = "Higher-order analysis required"
NOT_STATIONARY = "Not a stationary point"


class CurvatureError(ValueError):
    """A model too large for a dense Hessian, or a bad direction."""


def probe(hvp: Callable[[np.ndarray], np.ndarray], u: np.ndarray) -> float:
    """uᵀHu: the curvature along u (the second derivative of f(θ + s·u) at s = 0)."""
    u = np.asarray(u, dtype=float)
    return float(u @ hvp(u))


def random_probes(
    hvp: Callable[[np.ndarray], np.ndarray], n_params: int, count: int, seed: int
) -> list[tuple[np.ndarray, float]]:
    """(u, uᵀHu) for `count` random unit directions (standard normal, normalised; seeded)."""
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(count):
        u = rng.standard_normal(n_params)
        u /= np.linalg.norm(u) or 1.0
        out.append((u, probe(hvp, u)))
    return out


def dense_hessian(hvp: Callable[[np.ndarray], np.ndarray], n_params: int) -> np.ndarray:
    """H by one HVP per coordinate, symmetrised; CurvatureError above MAX_HESSIAN_PARAMS."""
    if n_params > MAX_HESSIAN_PARAMS:
        raise CurvatureError(
            f"Hessian eigenvalues of {n_params} parameters are too costly (limit {MAX_HESSIAN_PARAMS}); "
            "use uᵀHu probes along directions"
        )
    H = np.column_stack([hvp(e) for e in np.eye(n_params)]) if n_params else np.zeros((0, 0))
    return 0.5 * (H + H.T)


def eigenvalues(hvp: Callable[[np.ndarray], np.ndarray], n_params: int) -> np.ndarray:
    """The Hessian's eigenvalues, ascending."""
    return np.linalg.eigvalsh(dense_hessian(hvp, n_params))


def classify(grad_norm: float, eigs: Sequence[float] | np.ndarray, tol: float = 1e-8, grad_tol: float = 1e-8) -> str:
    """Seed 001 Table 5.1: with ‖∇E‖ ≤ grad_tol, H ≻ 0 (every λ > tol) is a local minimum, H ≺ 0
    a local maximum, λ of both signs a saddle point, and any |λ| ≤ tol (H = 0 or singular)
    needs higher-order analysis. A larger gradient is not a stationary point."""
    if not grad_norm <= grad_tol:
        return NOT_STATIONARY
    lam = np.asarray(eigs, dtype=float)
    if lam.size == 0 or np.any(np.abs(lam) <= tol):
        if lam.size and lam.min() < -tol and lam.max() > tol:
            return SADDLE  # directions of both signs already decide it
        return DEGENERATE
    if np.all(lam > 0):
        return MINIMUM
    if np.all(lam < 0):
        return MAXIMUM
    return SADDLE


def stability_bound(lam_max: float) -> float:
    """Largest stable constant GD step near a minimum: η < 2/λ_max (inf when λ_max ≤ 0)."""
    return 2.0 / lam_max if lam_max > 0 else math.inf


@dataclass
class CurvatureReport:
    grad_norm: float
    probes: list[tuple[np.ndarray, float]]
    eigenvalues: np.ndarray | None
    classification: str | None
    lr_bound: float | None

    def as_json(self, names: Sequence[str] | None = None) -> dict[str, object]:
        out: dict[str, object] = {
            "grad_norm": self.grad_norm,
            "probes": [{"direction": u.tolist(), "uHu": c} for u, c in self.probes],
        }
        if names is not None:
            out["order"] = list(names)
        if self.eigenvalues is not None:
            out["eigenvalues"] = self.eigenvalues.tolist()
            out["lambda_min"] = float(self.eigenvalues[0]) if self.eigenvalues.size else None
            out["lambda_max"] = float(self.eigenvalues[-1]) if self.eigenvalues.size else None
            out["classification"] = self.classification
            out["gd_lr_bound"] = self.lr_bound if self.lr_bound is None or math.isfinite(self.lr_bound) else None
        return out


def report(
    grad: np.ndarray,
    hvp: Callable[[np.ndarray], np.ndarray],
    directions: Sequence[np.ndarray] = (),
    random: int = 0,
    seed: int = 0,
    tol: float = 1e-8,
    grad_tol: float = 1e-8,
    eigen: bool | None = None,
) -> CurvatureReport:
    """Probes along `directions` and `random` random unit directions; with `eigen` (default: when
    the model has at most MAX_HESSIAN_PARAMS parameters) the eigenvalues, the Table 5.1
    classification and the GD bound 2/λ_max."""
    n = int(np.size(grad))
    gn = float(np.linalg.norm(grad))
    probes = [(np.asarray(u, dtype=float), probe(hvp, u)) for u in directions]
    probes += random_probes(hvp, n, random, seed)
    if eigen is None:
        eigen = n <= MAX_HESSIAN_PARAMS
    if not eigen:
        return CurvatureReport(gn, probes, None, None, None)
    lam = eigenvalues(hvp, n)
    lam_max = float(lam[-1]) if lam.size else 0.0
    return CurvatureReport(gn, probes, lam, classify(gn, lam, tol, grad_tol), stability_bound(lam_max))
