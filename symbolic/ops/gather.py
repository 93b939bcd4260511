"""Layout ops: gather (each output entry is one input entry, or 0) and its transpose gather_t
(each input entry's contributions summed back). One integer map per assignment describes
reshape, flatten, zero padding, im2col (seed 002's φ(Z): the patches of an image as columns), a
pooling window's entries and broadcasts — every linear rearrangement of entries.

gather:   out.flat[i] = x.flat[map[i]]   (0 where map[i] = −1)
gather_t: out.flat[j] = Σ_{i: map[i] = j} g.flat[i]
They are each other's VJP; both are linear, so their JVPs are themselves.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np
import sympy as sp

from ..graph import Assignment, GraphError, Shape, size, sym
from .base import Attrs, Env, FloatArray, Op, VJPContext, arity, jvp_same_op
from .notation import DisplayNode, bare_text

# display labels (attrs["label"], optionally "label:where"): text form, LaTeX form
LABELS: dict[str, tuple[str, str]] = {
    "im2col": ("φ", r"\varphi"),
    "reshape": ("reshape", r"\operatorname{reshape}"),
    "flatten": ("vec", r"\operatorname{vec}"),
    "pad": ("pad", r"\operatorname{pad}"),
    "window": ("win", r"\operatorname{win}"),
    "broadcast": ("bcast", r"\operatorname{bcast}"),
    "heads": ("split", r"\operatorname{split}"),
    "maxpool": ("maxpool", r"\operatorname{maxpool}"),  # the max-pool selector (recursion display)
    "avgpool": ("avgpool", r"\operatorname{avgpool}"),
}


class DLayout(DisplayNode):
    """φ(x), vec(x), … and their transposes φᵀ(g): a gather or gather_t shown by its label.
    Args (label, transposed, x[, shape, map]): the op's output shape and index map ride along
    unprinted, so a printed program can still be evaluated (tests/test_readable_output.py)."""

    _T: ClassVar[str] = "ᵀ"

    def _parts(self) -> tuple[str, str, bool, Any]:
        label, transposed, x = self.args[:3]
        base, _, at = str(label).partition(":")  # "window:0,1": entry (0, 1) of each window
        text, latex = LABELS.get(base, (base, rf"\operatorname{{{base}}}"))
        if at:
            text, latex = f"{text}[{at}]", f"{latex}_{{{at}}}"
        return text, latex, bool(transposed), x

    def _sympystr(self, pr: Any) -> str:
        text, _, t, x = self._parts()
        return f"{text}{self._T if t else ''}({bare_text(pr, x)})"

    def _latex(self, pr: Any) -> str:
        _, latex, t, x = self._parts()
        head = latex + (r"^{\top}" if t else "")
        return head + r"\left(" + str(pr._print(x)) + r"\right)"


def _display(a: Assignment, transposed: Any) -> sp.Expr:
    shape = sp.Tuple(*[sp.Integer(d) for d in a.shape])
    index_map = sp.Tuple(*[sp.Integer(m) for m in a.attrs["map"]])
    return DLayout(sp.Symbol(a.attrs["label"]), transposed, sym(a.args[0]), shape, index_map)


def check_map(op: str, index_map: Sequence[int], n_out: int, n_src: int) -> None:
    """Raise GraphError unless `index_map` has one entry per output entry, each −1 or a source entry."""
    if len(index_map) != n_out:
        raise GraphError(f"{op}: the map has {len(index_map)} entries for {n_out} outputs")
    if index_map and (min(index_map) < -1 or max(index_map) >= n_src):
        raise GraphError(f"{op}: the map points outside the source ({n_src} entries)")


# ---- gather ------------------------------------------------------------------------------------


def _gather_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("gather", shapes, 1)
    if out is None:
        raise GraphError("gather needs its declared output shape")
    check_map("gather", attrs["map"], size(tuple(out)), size(tuple(shapes[0])))
    return tuple(out)


def gather_numeric(x: Any, index_map: Sequence[int], shape: Shape) -> FloatArray:
    """x's entries at the map (0 at −1), shaped `shape`."""
    m = np.asarray(index_map, dtype=np.int64)
    flat = np.asarray(x, dtype=float).reshape(-1)
    out = np.where(m >= 0, flat[np.maximum(m, 0)], 0.0) if m.size else np.zeros(0)
    return np.asarray(out, dtype=float).reshape(shape)


def gather_t_numeric(g: Any, index_map: Sequence[int], shape: Shape) -> FloatArray:
    """The transpose: each source entry's contributions summed (bincount over the map)."""
    m = np.asarray(index_map, dtype=np.int64)
    flat = np.asarray(g, dtype=float).reshape(-1)
    keep = m >= 0
    out = np.bincount(m[keep], weights=flat[keep], minlength=size(shape))
    return np.asarray(out, dtype=float).reshape(shape)


def _gather_symbolic(a: Assignment, env: Env) -> Any:
    x = env[a.args[0]]
    flat = x.reshape(-1) if isinstance(x, np.ndarray) else np.array([x], dtype=object)
    out = np.array([flat[m] if m >= 0 else sp.S.Zero for m in a.attrs["map"]], dtype=object)
    return out.reshape(a.shape)


def _gather_vjp(a: Assignment, c: VJPContext) -> None:
    (x,) = a.args
    c.give(x, c.em.op(c.base(x), "gather_t", [c.g], c.shapes[x], map=a.attrs["map"], label=a.attrs["label"]))


GATHER = Op(
    name="gather",
    summary="out.flat[i] = x.flat[map[i]] (0 where map[i] = −1): reshape, pad, im2col, windows",
    shape=_gather_shape,
    numeric=lambda a, env: gather_numeric(env[a.args[0]], a.attrs["map"], a.shape),
    symbolic=_gather_symbolic,
    vjp=_gather_vjp,
    jvp=jvp_same_op,
    display=lambda a: _display(a, sp.false),
)


# ---- gather_t ----------------------------------------------------------------------------------


def _gather_t_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("gather_t", shapes, 1)
    if out is None:
        raise GraphError("gather_t needs its declared output shape")
    check_map("gather_t", attrs["map"], size(tuple(shapes[0])), size(tuple(out)))
    return tuple(out)


def _gather_t_symbolic(a: Assignment, env: Env) -> Any:
    g = env[a.args[0]]
    flat = g.reshape(-1) if isinstance(g, np.ndarray) else np.array([g], dtype=object)
    out = np.empty(size(a.shape), dtype=object)
    out.fill(sp.S.Zero)
    for i, m in enumerate(a.attrs["map"]):
        if m >= 0:
            out[m] = out[m] + flat[i]
    return out.reshape(a.shape)


def _gather_t_vjp(a: Assignment, c: VJPContext) -> None:
    (g,) = a.args
    c.give(g, c.em.op(c.base(g), "gather", [c.g], c.shapes[g], map=a.attrs["map"], label=a.attrs["label"]))


GATHER_T = Op(
    name="gather_t",
    summary="the transpose of gather: out.flat[j] = Σ_{map[i] = j} g.flat[i] (col2im, un-pad, …)",
    shape=_gather_t_shape,
    numeric=lambda a, env: gather_t_numeric(env[a.args[0]], a.attrs["map"], a.shape),
    symbolic=_gather_t_symbolic,
    vjp=_gather_t_vjp,
    jvp=jvp_same_op,
    display=lambda a: _display(a, sp.true),
)
