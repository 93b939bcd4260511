"""Kinks: where a program sits on a non-differentiable point, and the subgradients there.

symgrad's derivative at a kink is a documented policy (ReLU′(0) = 0, |x|′(0) = sign(0) = 0,
ties of max go to the second argument). A hand derivation may instead pick any element of the
Clarke subdifferential of each kinked function (|x| at 0: [−1, 1]; ReLU: [0, 1]; leaky ReLU:
[α, 1]; max at a tie: the convex hull of the active pieces' gradients). `subgradients` evaluates
the claimed quantity for every one-sided choice at the kinks of the point (the vertices) and
`in_hull` tells whether a claimed value is a convex combination of them (a valid subgradient).
`kink_margin` tells how far a point is from every kink (formula probes keep away from them).
Which functions have kinks, where, and their Clarke sets are declared by the catalogue
(catalogue.Kink); this module only finds them in a program.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import numpy as np
import sympy as sp

from . import catalogue as cat
from .claims import Claim
from .evaluate import compile_template
from .graph import Assignment, Graph

POLICY_TEXT = (
    "symgrad's own value takes ReLU′(0) = 0 and |x|′(0) = 0 (as PyTorch), max ties to the "
    "second argument (PyTorch splits ½/½), ELU″(0) = α and Huber″ = 1 at |r| = δ (PyTorch: 0)"
)
MAX_KINKS = 10  # kinked elements enumerated (2^10 one-sided choices)


def _kink_args(expr: sp.Expr) -> list[sp.Expr]:
    """The expressions whose zero is a kink of `expr` (the catalogue declares each function's)."""
    return [side for node in sp.preorder_traversal(expr) for side in cat.kink_sides(node)]


def kink_margin(program: list[Assignment], env: dict) -> float:
    """Smallest |argument| over every kink in the program's elementwise templates at env."""
    m = np.inf
    for a in program:
        if a.op != "ew" or a.expr is None:
            continue
        for arg in _kink_args(a.expr):
            v = np.asarray(compile_template(arg)(env), dtype=float)
            if v.size:
                m = min(m, float(np.min(np.abs(v))))
    return m


def kinks_at(program: list[Assignment], env: dict) -> list[str]:
    """The kink arguments that are exactly 0 at env, as `ARG = 0` in the spec grammar."""
    from .grammar_printer import NotInGrammar, to_grammar

    found: list[str] = []
    for a in program:
        if a.op != "ew" or a.expr is None:
            continue
        for arg in _kink_args(a.expr):
            v = np.asarray(compile_template(arg)(env), dtype=float)
            if v.size and np.any(v == 0.0):
                try:
                    text = to_grammar(arg)
                except NotInGrammar:
                    text = f"an argument of {a.name}"
                idx = [list(i) for i in np.argwhere(v == 0.0)] if v.ndim else []
                found.append(f"{text}{idx[0] if len(idx) == 1 else ''} = 0")
    return list(dict.fromkeys(found))


@dataclass
class Subgradients:
    """The claimed quantity at every one-sided choice of the point's kinks."""

    where: list[str]  # the kinked arguments, e.g. "z1[0] = 0"
    vertices: np.ndarray | None  # (choices, *quantity shape); None when too many kinks

    @property
    def lo(self) -> np.ndarray:
        return np.min(self._vertices(), axis=0)

    @property
    def hi(self) -> np.ndarray:
        return np.max(self._vertices(), axis=0)

    def _vertices(self) -> np.ndarray:
        if self.vertices is None:
            raise ValueError("too many kinks: the subgradient vertices were not enumerated")
        return self.vertices

    @property
    def trivial(self) -> bool:
        return self.vertices is not None and bool(np.allclose(self.lo, self.hi, rtol=0, atol=1e-15))


def subgradients(graph: Graph, values: dict, claim: Claim) -> Subgradients | None:
    """None when the claim's derivation has no kink at the point; else the vertices."""
    from .grammar_printer import NotInGrammar, to_grammar
    from .perturb import ClaimProgram

    if claim.kind not in ClaimProgram.KINDS or claim.kind == "value":
        return None
    p = ClaimProgram(graph, values, claim)
    elems = p.kink_elements()
    if not elems:
        return None
    where = []
    for n, idx in elems:
        try:
            u = to_grammar(p.prog.sides[n])
        except NotInGrammar:
            u = "a kink argument"
        where.append(f"{u}{list(idx) if idx else ''} = 0")
    if len(elems) > MAX_KINKS:
        return Subgradients(where, None)
    pts = []
    for signs in itertools.product((-1.0, 1.0), repeat=len(elems)):
        extra = p.side_arrays([(n, idx, s) for (n, idx), s in zip(elems, signs, strict=True)])
        pts.append(p.evaluate(extra=extra))
    return Subgradients(where, np.array(pts))


def in_hull(vertices: np.ndarray, claimed: np.ndarray, tol: np.ndarray) -> bool:
    """Whether claimed lies within tol (per element) of the convex hull of the vertices."""
    V = np.asarray(vertices, dtype=float).reshape(len(vertices), -1)
    c = np.asarray(claimed, dtype=float).ravel()
    t = np.broadcast_to(np.asarray(tol, dtype=float), np.shape(claimed)).ravel() + 1e-12 * (1 + np.abs(c))
    if np.any(c < V.min(axis=0) - t) or np.any(c > V.max(axis=0) + t):
        return False
    if V.shape[1] == 1:
        return True
    w = 1.0 / t  # least squares in units of the tolerance
    big = 1e3 * (1.0 + float(np.max(np.abs(V * w))))
    A = np.vstack([(V * w).T, np.full((1, len(V)), big)])
    b = np.concatenate([c * w, [big]])
    lam = _nnls(A, b)
    return bool(np.all(np.abs(V.T @ lam - c) <= t * (1 + 1e-6)))


def _nnls(A: np.ndarray, b: np.ndarray, iters: int = 500) -> np.ndarray:
    """min ||Ax − b|| over x ≥ 0 (Lawson–Hanson active set)."""
    n = A.shape[1]
    x = np.zeros(n)
    passive = np.zeros(n, dtype=bool)
    w = A.T @ (b - A @ x)
    for _ in range(iters):
        if passive.all() or np.max(np.where(passive, -np.inf, w)) <= 1e-12 * (1 + np.abs(w).max()):
            break
        j = int(np.argmax(np.where(passive, -np.inf, w)))
        passive[j] = True
        while True:
            z = np.zeros(n)
            z[passive] = np.linalg.lstsq(A[:, passive], b, rcond=None)[0]
            if np.all(z[passive] > 0):
                x = z
                break
            neg = passive & (z <= 0)
            alpha = np.min(x[neg] / (x[neg] - z[neg] + 1e-300))
            x = x + alpha * (z - x)
            passive &= x > 1e-15
        w = A.T @ (b - A @ x)
    return x
