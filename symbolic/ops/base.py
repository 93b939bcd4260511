"""What an op registry entry is: the `Op` record, the contexts its VJP/JVP rules work in, and
small helpers shared by several entries.

Every structural operation of the IR is declared once (see `symbolic.ops`) with all its rules side
by side, so adding an op is one entry instead of edits scattered over the derivation, evaluation
and display modules. The registry modules import only the IR (`graph`, `builder`), the catalogue
and `latex_doc`; the modules that dispatch on ops (`reverse`, `tangent`, `evaluate`, `display`,
`tables`) import the registry, never the other way round.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import sympy as sp
from numpy.typing import NDArray

from ..emitter import Emitter
from ..graph import Assignment, GraphError, Shape, sym

# how a contribution made by the op appears in a step table (symbolic/tables.py):
#   'local'   — a local-partial row ∂out/∂arg, then adjoint = (adjoint of out) × (local row)
#   'entry'   — one entry of the argument's adjoint, assembled into a written-out vector/matrix
#   'formula' — the contribution's own formula (a matrix rule), shown as it is
TABLE_FORMS = ("local", "entry", "formula")


@dataclass(frozen=True)
class VJPContext:
    """What a VJP rule may use: the emitter of the adjoint program, every name's shape, the output's
    adjoint `g` (`one`: it is the constant seed 1, folded into formulas) and three callbacks."""

    em: Emitter
    shapes: Mapping[str, Shape]
    g: str
    one: bool
    give: Callable[[str, str], None]  # give(x, name): a whole contribution to x's adjoint
    elem: Callable[[str, tuple[int, ...], str], None]  # elem(x, idx, name): to x[idx] only
    local: Callable[[str, str, sp.Expr], None]  # local(out, arg, ∂out/∂arg): record (step tables)
    base: Callable[[str], str]  # base(x): name stem of contribution temporaries

    @property
    def G(self) -> sp.Expr:
        """The adjoint as a factor of a template (1 when it is the seed)."""
        return sp.S.One if self.one else sym(self.g)


@dataclass(frozen=True)
class JVPContext:
    """What a JVP rule may use: the emitter of the tangent program, every name's shape, the stem
    for temporaries and the final name the tangent of the output must get."""

    em: Emitter
    shapes: Mapping[str, Shape]
    base: str
    final: str


Attrs = Mapping[str, Any]  # an assignment's attrs (ta/tb, idx, positions)
Env = Mapping[str, Any]  # name → value (numpy arrays, or SymPy objects)
FloatArray = NDArray[np.float64]
Tangents = list[str | None]  # the arguments' tangent names (None: does not move)
ShapeRule = Callable[[Sequence[Shape], Attrs, Shape | None], Shape]
NumericRule = Callable[[Assignment, Env], FloatArray]
SymbolicRule = Callable[[Assignment, Env], Any]
VJPRule = Callable[[Assignment, VJPContext], None]
JVPRule = Callable[[Assignment, Tangents, JVPContext], str | None]
DisplayRule = Callable[[Assignment], sp.Expr]


@dataclass(frozen=True)
class Op:
    """One structural op with every rule the pipeline needs (the codegen lowering entry lives in
    codegen/op_lowering.py, since symbolic/ never imports codegen/).

    shape(arg_shapes, attrs, declared) → output shape (GraphError when the arguments do not
                                fit); `declared` (or None) is read only where the arguments do
                                not imply it: scalars broadcast by 'ew', the target of 'scatter'
    numeric(a, env)           → float64 numpy value of `a` from its arguments' values in env
    symbolic(a, env)          → SymPy value (scalar or object array) of `a` (closed forms)
    vjp(a, ctx)               → append the contributions of `a` to its arguments' adjoints
    jvp(a, tangents, ctx)     → name of the tangent of `a` (None when it is zero), given its
                                arguments' tangents (None = zero)
    display(a)                → right-hand side as a display expression (text and LaTeX)
    table                     → step-table form of its backward contributions (TABLE_FORMS)
    """

    name: str
    summary: str
    shape: ShapeRule
    numeric: NumericRule
    symbolic: SymbolicRule
    vjp: VJPRule
    jvp: JVPRule
    display: DisplayRule
    table: str = "formula"


# ---- helpers shared by entries -----------------------------------------------------------------


def arity(op: str, shapes: Sequence[Shape], n: int) -> None:
    """Raise GraphError unless `op` got exactly n arguments."""
    if len(shapes) != n:
        raise GraphError(f"{op} takes {n} argument(s), got {len(shapes)}")


def vector(op: str, s: Shape) -> Shape:
    """Raise GraphError unless s is a vector shape; return it."""
    if len(s) != 1:
        raise GraphError(f"{op} needs a vector, got shape {s}")
    return tuple(s)


def scalar_of(v: Any) -> Any:
    """A 0-d array as its element (SymPy values stored in object arrays)."""
    if isinstance(v, np.ndarray):
        return v.reshape(()).item() if v.shape == () else v
    return v


def elem_of(v: Any, idx: tuple[int, ...]) -> Any:
    """Element idx of an array value; a scalar broadcasts."""
    return v if not isinstance(v, np.ndarray) or v.shape == () else v[idx]


def jvp_sum(em: Emitter, base: str, parts: list[str], shape: Shape, final: str) -> str:
    """The tangent as the sum of its parts, named `final` (the last part is renamed if alone)."""
    if len(parts) == 1 and em.rename_last(parts[0], final):
        return final
    return em.add(base, parts, shape, name=final)


def jvp_same_op(a: Assignment, ts: Tangents, ctx: JVPContext) -> str | None:
    """JVP of a linear one-argument op: the same op applied to the argument's tangent."""
    return ctx.em.emit(ctx.final, a.op, [sole_tangent(ts)], a.shape, None, **a.attrs)


def sole_tangent(ts: Tangents) -> str:
    """The argument's tangent for a one-argument op (its JVP runs only when the argument moves)."""
    (t,) = ts
    if t is None:
        raise ValueError("internal: a JVP rule ran although its argument does not move")
    return t


def zero_scalar(em: Emitter, base: str) -> str:
    """A fresh scalar 0 (tangent of an argument that does not move)."""
    return em.ew(base, sp.S.Zero, (), name=em.fresh(base))
