"""Ops that move or total entries: index (a sub-array A[i, …]), stack (scalars → vector), scatter
(values placed at positions of a zero array; the adjoint of index) and sum (of all entries).
All are linear, so their VJPs and JVPs are again index/scatter/sum ops.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp

from ..graph import Assignment, GraphError, Shape, all_indices, sym
from .base import (
    Attrs,
    Env,
    FloatArray,
    JVPContext,
    Op,
    Tangents,
    VJPContext,
    arity,
    jvp_same_op,
    scalar_of,
    zero_scalar,
)
from .notation import DisplayNode, DStack, bare_text, literal, paren_text, sub

# ---- display nodes -----------------------------------------------------------------------------


class DSum(DisplayNode):
    """Σ(A): the sum of all entries."""

    def _sympystr(self, pr: Any) -> str:
        return f"Σ({bare_text(pr, self.args[0])})"

    def _latex(self, pr: Any) -> str:
        return rf"\textstyle\sum\left({pr._print(self.args[0])}\right)"


class DIndex(DisplayNode):
    """A[i, j] (0-based)."""

    def _sympystr(self, pr: Any) -> str:
        return f"{paren_text(pr, self.args[0])}[{','.join(str(i) for i in self.args[1:])}]"

    def _latex(self, pr: Any) -> str:
        A = self.args[0]
        base = pr._print(A) if isinstance(A, sp.Symbol) else rf"\left({pr._print(A)}\right)"
        if isinstance(A, sp.Symbol) and base.startswith(r"\frac"):
            base = rf"\left({base}\right)"
        return sub(base, ",".join(str(i) for i in self.args[1:]))


def _position(what: str, pos: Sequence[int], shape: Shape) -> Shape:
    """Check that integer position `pos` lies in `shape`; the shape of the sub-array it selects."""
    pos = tuple(pos)
    if len(pos) > len(shape):
        raise GraphError(f"{what}: {len(pos)} indices into shape {shape}")
    for ax, (k, d) in enumerate(zip(pos, shape, strict=False)):
        if not 0 <= k < d:
            raise GraphError(f"{what}: index {k} out of range for axis {ax} (size {d})")
    return tuple(shape[len(pos) :])


# ---- index -------------------------------------------------------------------------------------


def _index_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("index", shapes, 1)
    return _position("index", attrs["idx"], tuple(shapes[0]))


def _index_vjp(a: Assignment, c: VJPContext) -> None:
    c.elem(a.args[0], a.attrs["idx"], c.g)


INDEX = Op(
    name="index",
    summary="A[i, …]: the sub-array (or entry) at integer indices attrs idx",
    shape=_index_shape,
    numeric=lambda a, env: np.asarray(env[a.args[0]][a.attrs["idx"]], dtype=float).copy(),
    symbolic=lambda a, env: env[a.args[0]][a.attrs["idx"]],
    vjp=_index_vjp,
    jvp=jvp_same_op,
    display=lambda a: DIndex(sym(a.args[0]), *[sp.Integer(i) for i in a.attrs["idx"]]),
    table="entry",
)


# ---- stack -------------------------------------------------------------------------------------


def _stack_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    if not shapes or any(tuple(s) != () for s in shapes):
        raise GraphError(f"stack needs one or more scalars, got shapes {[tuple(s) for s in shapes]}")
    return (len(shapes),)


def _stack_vjp(a: Assignment, c: VJPContext) -> None:
    for i, x in enumerate(a.args):
        c.give(x, c.em.op(c.base(x), "index", [c.g], (), idx=(i,)))


def _stack_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    args = [t if t is not None else zero_scalar(c.em, c.base) for t in ts]
    return c.em.emit(c.final, "stack", args, a.shape)


STACK = Op(
    name="stack",
    summary="[a, b, …]: scalars stacked into a vector",
    shape=_stack_shape,
    numeric=lambda a, env: np.array([float(env[x]) for x in a.args]),
    symbolic=lambda a, env: np.array([scalar_of(env[x]) for x in a.args], dtype=object),
    vjp=_stack_vjp,
    jvp=_stack_jvp,
    display=lambda a: DStack(*[sym(x) for x in a.args]),
)


# ---- scatter -----------------------------------------------------------------------------------


def _scatter_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    positions = attrs["positions"]
    if out is None:
        raise GraphError("scatter needs its declared output shape")
    if len(positions) != len(shapes):
        raise GraphError(f"scatter has {len(shapes)} arguments but {len(positions)} positions")
    for s, pos in zip(shapes, positions, strict=True):
        want = _position("scatter", pos, tuple(out))
        if tuple(s) != want:
            raise GraphError(
                f"scatter: a value of shape {tuple(s)} at position {tuple(pos)} "
                f"of shape {tuple(out)} must have shape {want}"
            )
    return tuple(out)


def _scatter_numeric(a: Assignment, env: Env) -> FloatArray:
    out = np.zeros(a.shape)
    for x, pos in zip(a.args, a.attrs["positions"], strict=True):
        out[tuple(pos)] += env[x]
    return out


def _scatter_symbolic(a: Assignment, env: Env) -> Any:
    out = np.empty(a.shape, dtype=object)
    out.fill(sp.S.Zero)
    for x, pos in zip(a.args, a.attrs["positions"], strict=True):
        out[tuple(pos)] = out[tuple(pos)] + env[x]
    return out


def _scatter_vjp(a: Assignment, c: VJPContext) -> None:
    for x, pos in zip(a.args, a.attrs["positions"], strict=True):
        c.give(x, c.em.op(c.base(x), "index", [c.g], c.shapes[x], idx=tuple(pos)))


def _scatter_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    keep = [(t, p) for t, p in zip(ts, a.attrs["positions"], strict=True) if t is not None]
    return c.em.emit(c.final, "scatter", [t for t, _ in keep], a.shape, positions=tuple(p for _, p in keep))


def _scatter_display(a: Assignment) -> sp.Expr:
    """The array written out; a sub-array placed at a shorter position shows as its entries."""
    entries: dict[tuple[int, ...], Any] = {}
    for pos, x in zip(a.attrs["positions"], a.args, strict=True):
        pos = tuple(pos)
        for rest in all_indices(tuple(a.shape[len(pos) :])):
            e = DIndex(sym(x), *[sp.Integer(i) for i in rest]) if rest else sym(x)
            entries[pos + rest] = entries.get(pos + rest, sp.S.Zero) + e
    return literal(a.shape, entries)


SCATTER = Op(
    name="scatter",
    summary="a zero array of the declared shape with each argument added at its position",
    shape=_scatter_shape,
    numeric=_scatter_numeric,
    symbolic=_scatter_symbolic,
    vjp=_scatter_vjp,
    jvp=_scatter_jvp,
    display=_scatter_display,
)


# ---- sum ---------------------------------------------------------------------------------------


def _sum_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("sum", shapes, 1)
    return ()


def _sum_symbolic(a: Assignment, env: Env) -> Any:
    v = env[a.args[0]]
    return sp.Add(*v.ravel()) if isinstance(v, np.ndarray) else v


def _sum_vjp(a: Assignment, c: VJPContext) -> None:
    (A,) = a.args
    c.give(A, c.em.ew(c.base(A), sym(c.g), c.shapes[A], name=c.em.fresh(c.base(A))))


SUM = Op(
    name="sum",
    summary="Σ of all entries (a scalar)",
    shape=_sum_shape,
    numeric=lambda a, env: np.asarray(np.sum(env[a.args[0]]), dtype=float),
    symbolic=_sum_symbolic,
    vjp=_sum_vjp,
    jvp=jvp_same_op,
    display=lambda a: DSum(sym(a.args[0])),
)
