"""Normalisations of a vector: softmax, log_softmax and logsumexp (LSE); softmax_rows of a
matrix (each row, attention weights). Numerically they shift by the maximum; their VJPs and
JVPs reuse the op's own output (s = softmax(z): ∂ = s ⊙ (g − sᵀg)).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..graph import Assignment, GraphError, Shape, sym
from .base import Attrs, Env, FloatArray, JVPContext, Op, ShapeRule, Tangents, VJPContext, arity, sole_tangent, vector
from .notation import TOP, DisplayNode, DNamed, paren_latex, paren_text, sup


class DSoftmaxJac(DisplayNode):
    """(diag(s) − s sᵀ)·g: the softmax Jacobian (symmetric) applied to g."""

    precedence = PRECEDENCE["Mul"]

    def _sympystr(self, pr: Any) -> str:
        s, g = self.args
        st = paren_text(pr, s)
        return f"(diag({pr._print(s)}) − {st} {st}ᵀ)·{paren_text(pr, g)}"

    def _latex(self, pr: Any) -> str:
        s, g = self.args
        sl = paren_latex(pr, s)
        return rf"\left(\operatorname{{diag}}({pr._print(s)}) - {sl} {sup(sl, TOP)}\right) {paren_latex(pr, g)}"


def _lse(z: FloatArray) -> Any:
    m = np.max(z)
    return m + np.log(np.sum(np.exp(z - m)))


def _same_vector(op: str) -> ShapeRule:
    def shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
        arity(op, shapes, 1)
        return vector(op, shapes[0])

    return shape


def _named(a: Assignment) -> sp.Expr:
    return DNamed(sp.Symbol(a.op), *[sym(x) for x in a.args])


# ---- softmax -----------------------------------------------------------------------------------


def _softmax_numeric(a: Assignment, env: Env) -> FloatArray:
    z = env[a.args[0]]
    e = np.exp(z - np.max(z))
    out: FloatArray = e / np.sum(e)
    return out


def _softmax_symbolic(a: Assignment, env: Env) -> Any:
    z = env[a.args[0]]
    tot = sp.Add(*[sp.exp(t) for t in z])
    return np.array([sp.exp(t) / tot for t in z], dtype=object)


def _softmax_vjp(a: Assignment, c: VJPContext) -> None:
    (Z,) = a.args
    s, g = sym(a.name), sym(c.g)
    t = c.em.ew(c.base(Z), s * g, a.shape)
    r = c.em.op(c.base(Z), "sum", [t], ())
    c.give(Z, c.em.ew(c.base(Z), s * (g - sym(r)), a.shape))


def _softmax_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    tz, s = sym(sole_tangent(ts)), sym(a.name)
    t = c.em.ew(c.base, s * tz, a.shape)
    r = c.em.op(c.base, "sum", [t], ())
    return c.em.ew(c.base, s * (tz - sym(r)), a.shape, name=c.final)


SOFTMAX = Op(
    name="softmax",
    summary="exp(z) / Σ exp(z) of a vector",
    shape=_same_vector("softmax"),
    numeric=_softmax_numeric,
    symbolic=_softmax_symbolic,
    vjp=_softmax_vjp,
    jvp=_softmax_jvp,
    display=_named,
)


# ---- log_softmax -------------------------------------------------------------------------------


def _log_softmax_symbolic(a: Assignment, env: Env) -> Any:
    z = env[a.args[0]]
    lse = sp.log(sp.Add(*[sp.exp(t) for t in z]))
    return np.array([t - lse for t in z], dtype=object)


def _log_softmax_vjp(a: Assignment, c: VJPContext) -> None:
    (Z,) = a.args
    r = c.em.op(c.base(Z), "sum", [c.g], ())
    c.give(Z, c.em.ew(c.base(Z), sym(c.g) - sp.exp(sym(a.name)) * sym(r), a.shape))


def _log_softmax_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    tz = sym(sole_tangent(ts))
    t = c.em.ew(c.base, sp.exp(sym(a.name)) * tz, a.shape)
    r = c.em.op(c.base, "sum", [t], ())
    return c.em.ew(c.base, tz - sym(r), a.shape, name=c.final)


LOG_SOFTMAX = Op(
    name="log_softmax",
    summary="z − logsumexp(z) of a vector (log of softmax, finite when softmax underflows)",
    shape=_same_vector("log_softmax"),
    numeric=lambda a, env: env[a.args[0]] - _lse(env[a.args[0]]),
    symbolic=_log_softmax_symbolic,
    vjp=_log_softmax_vjp,
    jvp=_log_softmax_jvp,
    display=_named,
)


# ---- logsumexp ---------------------------------------------------------------------------------


def _logsumexp_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("logsumexp", shapes, 1)
    vector("logsumexp", shapes[0])
    return ()


def _logsumexp_vjp(a: Assignment, c: VJPContext) -> None:
    (Z,) = a.args
    c.give(Z, c.em.ew(c.base(Z), sym(c.g) * sp.exp(sym(Z) - sym(a.name)), c.shapes[Z]))


def _logsumexp_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    (Z,) = a.args
    t = c.em.ew(c.base, sp.exp(sym(Z) - sym(a.name)) * sym(sole_tangent(ts)), c.shapes[Z])
    return c.em.emit(c.final, "sum", [t], ())


LOGSUMEXP = Op(
    name="logsumexp",
    summary="log Σ exp(z) of a vector (a scalar)",
    shape=_logsumexp_shape,
    numeric=lambda a, env: np.asarray(_lse(env[a.args[0]])),
    symbolic=lambda a, env: sp.log(sp.Add(*[sp.exp(t) for t in env[a.args[0]]])),
    vjp=_logsumexp_vjp,
    jvp=_logsumexp_jvp,
    display=_named,
)


# ---- softmax_rows ------------------------------------------------------------------------------


def _rows_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("softmax_rows", shapes, 1)
    s = tuple(shapes[0])
    if len(s) != 2:
        raise GraphError(f"softmax_rows needs a matrix, got shape {s}")
    return s


def _softmax_rows_numeric(a: Assignment, env: Env) -> FloatArray:
    z = np.asarray(env[a.args[0]], dtype=float)
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    out: FloatArray = e / np.sum(e, axis=1, keepdims=True)
    return out


def _softmax_rows_symbolic(a: Assignment, env: Env) -> Any:
    z = env[a.args[0]]
    out = np.empty(z.shape, dtype=object)
    for i in range(z.shape[0]):
        tot = sp.Add(*[sp.exp(t) for t in z[i]])
        for j in range(z.shape[1]):
            out[i, j] = sp.exp(z[i, j]) / tot
    return out


def _row_sums_back(em: Any, base: str, t: str, shape: Shape) -> str:
    """Each row's sum spread back over the row: gather_t then gather with the row-broadcast map."""
    rows = tuple(r for r in range(shape[0]) for _ in range(shape[1]))
    r = em.op(base, "gather_t", [t], (shape[0],), map=rows, label="broadcast")
    return str(em.op(base, "gather", [r], shape, map=rows, label="broadcast"))


def _softmax_rows_vjp(a: Assignment, c: VJPContext) -> None:
    (Z,) = a.args
    s, g = sym(a.name), sym(c.g)
    t = c.em.ew(c.base(Z), s * g, a.shape)
    R = _row_sums_back(c.em, c.base(Z), t, a.shape)
    c.give(Z, c.em.ew(c.base(Z), s * (g - sym(R)), a.shape))


def _softmax_rows_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    tz, s = sym(sole_tangent(ts)), sym(a.name)
    t = c.em.ew(c.base, s * tz, a.shape)
    R = _row_sums_back(c.em, c.base, t, a.shape)
    return c.em.ew(c.base, s * (tz - sym(R)), a.shape, name=c.final)


SOFTMAX_ROWS = Op(
    name="softmax_rows",
    summary="softmax of each row of a matrix (attention weights)",
    shape=_rows_shape,
    numeric=_softmax_rows_numeric,
    symbolic=_softmax_rows_symbolic,
    vjp=_softmax_rows_vjp,
    jvp=_softmax_rows_jvp,
    display=_named,
)
