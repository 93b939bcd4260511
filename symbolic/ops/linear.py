"""Linear-algebra ops: matmul (with optional transposes ta/tb; vector·vector is a dot product),
outer (a·bᵀ of two vectors) and transpose. Their VJPs and JVPs are again matmuls, outers and
transposes — matrix rules, never expanded to elements.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp
from sympy.printing.precedence import PRECEDENCE

from ..graph import Assignment, GraphError, Shape, sym
from .base import Attrs, Env, FloatArray, JVPContext, Op, Tangents, VJPContext, arity, jvp_same_op, jvp_sum, vector
from .notation import TOP, DisplayNode, paren_latex, paren_text, sup

# ---- display nodes -----------------------------------------------------------------------------


class DMatMul(DisplayNode):
    """A·B with optional transposes (ta, tb)."""

    precedence = PRECEDENCE["Mul"]

    def _sympystr(self, pr: Any) -> str:
        A, B, ta, tb = self.args
        return f"{paren_text(pr, A)}{'ᵀ' if ta else ''}·{paren_text(pr, B)}{'ᵀ' if tb else ''}"

    def _latex(self, pr: Any) -> str:
        A, B, ta, tb = self.args
        a, b = paren_latex(pr, A), paren_latex(pr, B)
        return f"{sup(a, TOP) if ta else a}\\,{sup(b, TOP) if tb else b}"


class DOuter(DisplayNode):
    """a·bᵀ (outer product of two column vectors)."""

    precedence = PRECEDENCE["Mul"]

    def _sympystr(self, pr: Any) -> str:
        return f"{paren_text(pr, self.args[0])}·{paren_text(pr, self.args[1])}ᵀ"

    def _latex(self, pr: Any) -> str:
        return f"{paren_latex(pr, self.args[0])}\\,{sup(paren_latex(pr, self.args[1]), TOP)}"


class DT(DisplayNode):
    """Aᵀ."""

    def _sympystr(self, pr: Any) -> str:
        return f"{paren_text(pr, self.args[0])}ᵀ"

    def _latex(self, pr: Any) -> str:
        return sup(paren_latex(pr, self.args[0]), TOP)


# ---- matmul ------------------------------------------------------------------------------------


def _matmul_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("matmul", shapes, 2)
    sa, sb = tuple(shapes[0]), tuple(shapes[1])
    if sa == () or sb == () or len(sa) > 2 or len(sb) > 2:
        raise GraphError(f"matmul needs vectors or matrices, got shapes {sa} and {sb}")
    ea = (sa[1], sa[0]) if (attrs.get("ta") and len(sa) == 2) else sa
    eb = (sb[1], sb[0]) if (attrs.get("tb") and len(sb) == 2) else sb
    if ea[-1] != eb[0]:
        raise GraphError(f"matmul shape mismatch: {ea} @ {eb}")
    return ea[:-1] + eb[1:]


def _matmul_numeric(a: Assignment, env: Env) -> FloatArray:
    A, B = env[a.args[0]], env[a.args[1]]
    if a.attrs.get("ta"):
        A = A.T
    if a.attrs.get("tb"):
        B = B.T
    return np.asarray(A @ B, dtype=float)


def _matmul_symbolic(a: Assignment, env: Env) -> Any:
    A, B = env[a.args[0]], env[a.args[1]]
    if a.attrs.get("ta"):
        A = A.T
    if a.attrs.get("tb"):
        B = B.T
    r = np.dot(A, B)
    return sp.expand(r) if not isinstance(r, np.ndarray) else r


def _matmul_vjp(a: Assignment, c: VJPContext) -> None:
    A, B = a.args
    em, g, base, give = c.em, c.g, c.base, c.give
    ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
    sa, sb = c.shapes[A], c.shapes[B]
    if len(sa) == 1 and len(sb) == 1:  # dot product → scalar
        give(A, em.ew(base(A), sym(g) * sym(B), sa))
        give(B, em.ew(base(B), sym(g) * sym(A), sb))
    elif len(sb) == 1:  # (m,n) @ (n,)
        give(A, em.outer(base(A), B, g) if ta else em.outer(base(A), g, B))
        give(B, em.matmul(base(B), A, not ta, g, False))
    elif len(sa) == 1:  # (n,) @ (n,p)
        give(A, em.matmul(base(A), B, tb, g, False))
        give(B, em.outer(base(B), g, A) if tb else em.outer(base(B), A, g))
    else:  # (m,n) @ (n,p)
        give(A, em.matmul(base(A), B, tb, g, True) if ta else em.matmul(base(A), g, False, B, not tb))
        give(B, em.matmul(base(B), g, True, A, ta) if tb else em.matmul(base(B), A, not ta, g, False))


def _matmul_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    A, B = a.args
    ta, tb = a.attrs.get("ta", False), a.attrs.get("tb", False)
    parts = []
    if ts[0] is not None:
        parts.append(c.em.matmul(c.base, ts[0], ta, B, tb))
    if ts[1] is not None:
        parts.append(c.em.matmul(c.base, A, ta, ts[1], tb))
    return jvp_sum(c.em, c.base, parts, a.shape, c.final)


MATMUL = Op(
    name="matmul",
    summary="A·B of vectors/matrices, attrs ta/tb transpose an operand; vector·vector is a dot",
    shape=_matmul_shape,
    numeric=_matmul_numeric,
    symbolic=_matmul_symbolic,
    vjp=_matmul_vjp,
    jvp=_matmul_jvp,
    display=lambda a: DMatMul(
        sym(a.args[0]), sym(a.args[1]), sp.Integer(int(a.attrs.get("ta", 0))), sp.Integer(int(a.attrs.get("tb", 0)))
    ),
)


# ---- outer -------------------------------------------------------------------------------------


def _outer_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("outer", shapes, 2)
    return vector("outer", shapes[0]) + vector("outer", shapes[1])


def _outer_vjp(a: Assignment, c: VJPContext) -> None:
    A, B = a.args
    c.give(A, c.em.matmul(c.base(A), c.g, False, B, False))
    c.give(B, c.em.matmul(c.base(B), c.g, True, A, False))


def _outer_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    A, B = a.args
    parts = []
    if ts[0] is not None:
        parts.append(c.em.outer(c.base, ts[0], B))
    if ts[1] is not None:
        parts.append(c.em.outer(c.base, A, ts[1]))
    return jvp_sum(c.em, c.base, parts, a.shape, c.final)


OUTER = Op(
    name="outer",
    summary="a·bᵀ of two vectors (a matrix)",
    shape=_outer_shape,
    numeric=lambda a, env: np.outer(env[a.args[0]], env[a.args[1]]),
    symbolic=lambda a, env: np.outer(env[a.args[0]], env[a.args[1]]),
    vjp=_outer_vjp,
    jvp=_outer_jvp,
    display=lambda a: DOuter(sym(a.args[0]), sym(a.args[1])),
)


# ---- transpose ---------------------------------------------------------------------------------


def _transpose_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("transpose", shapes, 1)
    s = tuple(shapes[0])
    if len(s) != 2:
        raise GraphError(f"transpose needs a matrix, got shape {s}")
    return (s[1], s[0])


def _transpose_vjp(a: Assignment, c: VJPContext) -> None:
    (A,) = a.args
    c.give(A, c.em.op(c.base(A), "transpose", [c.g], c.shapes[A]))


TRANSPOSE = Op(
    name="transpose",
    summary="Aᵀ of a matrix",
    shape=_transpose_shape,
    numeric=lambda a, env: np.ascontiguousarray(env[a.args[0]].T),
    symbolic=lambda a, env: env[a.args[0]].T,
    vjp=_transpose_vjp,
    jvp=jvp_same_op,
    display=lambda a: DT(sym(a.args[0])),
)
