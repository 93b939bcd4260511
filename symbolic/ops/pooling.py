"""Max pooling as three ops: maxpool (the window maxima of an image (C, H, W)), its VJP
maxpool_route (each window's upstream value sent to the window's maximal entry: seed 002's
max-pool selector, transposed) and its JVP maxpool_pick (the tangent at each window's maximal
entry). Ties go to the first maximal entry in row-major window order, as PyTorch's max_pool2d.
route and pick are linear in their second argument and each other's transpose; both are
piecewise constant in x, so x gets no second-order term (zero almost everywhere).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np
import sympy as sp

from ..catalogue import ifpos, maximum
from ..graph import Assignment, GraphError, Shape, sym
from ..layout import pool_windows, window_count
from .base import Attrs, Env, FloatArray, JVPContext, Op, Tangents, VJPContext, arity
from .notation import DisplayNode, bare_text


def pooled_shape(shape: Shape, k: int, stride: int) -> Shape:
    if len(shape) != 3:
        raise GraphError(f"maxpool needs an image (C, H, W), got shape {tuple(shape)}")
    C, H, W = shape
    if k < 1 or stride < 1 or k > H or k > W:
        raise GraphError(f"maxpool: a {k}×{k} window with stride {stride} does not fit {H}×{W}")
    return (C, window_count(H, k, stride), window_count(W, k, stride))


def _first_argmax(x: FloatArray, windows: list[list[int]]) -> FloatArray:
    vals = x.reshape(-1)[np.asarray(windows)]
    return np.asarray(np.asarray(windows)[np.arange(len(windows)), np.argmax(vals, axis=1)])


class DPool(DisplayNode):
    """maxpool(h), maxpoolᵀ(g) (route) and pick(t): printed by name; the window size and stride
    ride along unprinted (args: kind, k, stride, x[, second])."""

    def _sympystr(self, pr: Any) -> str:
        kind, _, _, *rest = self.args
        name = {"maxpool": "maxpool", "route": "maxpoolᵀ", "pick": "maxpool_at"}[str(kind)]
        return f"{name}(" + ", ".join(bare_text(pr, a) for a in rest) + ")"

    def _latex(self, pr: Any) -> str:
        kind, _, _, *rest = self.args
        head = {"maxpool": r"\operatorname{maxpool}", "route": r"\operatorname{maxpool}^{\top}"}.get(
            str(kind), r"\operatorname{maxpool\_at}"
        )
        return head + r"\left(" + ", ".join(str(pr._print(a)) for a in rest) + r"\right)"


def _disp(kind: str, a: Assignment) -> sp.Expr:
    ints = (sp.Integer(a.attrs["k"]), sp.Integer(a.attrs["stride"]))
    return DPool(sp.Symbol(kind), *ints, *[sym(x) for x in a.args])


def _first_max_indicator(entries: list[Any], j: int) -> Any:
    """1 where entries[j] is the first maximal entry (strictly above earlier ones, ≥ later ones)."""
    out: Any = sp.S.One
    for i, e in enumerate(entries):
        if i < j:
            out = out * ifpos(entries[j] - e, sp.S.One, sp.S.Zero)
        elif i > j:
            out = out * ifpos(e - entries[j], sp.S.Zero, sp.S.One)
    return out


def _geo(a: Assignment) -> dict[str, Any]:
    """The window size and stride every pooling op carries."""
    return {"k": a.attrs["k"], "stride": a.attrs["stride"]}


def _jvp_linear_arg(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    """JVP of route and pick: linear in their second argument, piecewise constant in x, so the
    tangent is the same op on the second argument's tangent."""
    _, t = ts
    if t is None:
        return None
    return c.em.emit(c.final, a.op, [a.args[0], t], a.shape, None, **_geo(a))


# ---- maxpool -----------------------------------------------------------------------------------


def _maxpool_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("maxpool", shapes, 1)
    return pooled_shape(tuple(shapes[0]), attrs["k"], attrs["stride"])


def _maxpool_numeric(a: Assignment, env: Env) -> FloatArray:
    x = np.asarray(env[a.args[0]], dtype=float)
    w = pool_windows(x.shape, a.attrs["k"], a.attrs["stride"])
    return np.asarray(np.max(x.reshape(-1)[np.asarray(w)], axis=1)).reshape(a.shape)


def _maxpool_symbolic(a: Assignment, env: Env) -> Any:
    x = env[a.args[0]]
    flat = x.reshape(-1)
    out = []
    for win in pool_windows(x.shape, a.attrs["k"], a.attrs["stride"]):
        acc = flat[win[-1]]
        for i in reversed(win[:-1]):  # maximum's ties go to its second argument: the earlier entry
            acc = maximum(acc, flat[i])
        out.append(acc)
    return np.array(out, dtype=object).reshape(a.shape)


def _maxpool_vjp(a: Assignment, c: VJPContext) -> None:
    (x,) = a.args
    c.give(x, c.em.op(c.base(x), "maxpool_route", [x, c.g], c.shapes[x], **_geo(a)))


def _maxpool_jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    (t,) = ts
    if t is None:
        return None
    return c.em.emit(c.final, "maxpool_pick", [a.args[0], t], a.shape, None, **_geo(a))


MAXPOOL = Op(
    name="maxpool",
    summary="the maximum of each k×k window (stride attrs stride) of an image (C, H, W)",
    shape=_maxpool_shape,
    numeric=_maxpool_numeric,
    symbolic=_maxpool_symbolic,
    vjp=_maxpool_vjp,
    jvp=_maxpool_jvp,
    display=lambda a: _disp("maxpool", a),
)


# ---- maxpool_route (the VJP: g to each window's first maximal entry) ----------------------------


def _route_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("maxpool_route", shapes, 2)
    x, g = tuple(shapes[0]), tuple(shapes[1])
    if pooled_shape(x, attrs["k"], attrs["stride"]) != g:
        raise GraphError(f"maxpool_route: upstream shape {g} does not match the pooling of {x}")
    return x


def _route_numeric(a: Assignment, env: Env) -> FloatArray:
    x = np.asarray(env[a.args[0]], dtype=float)
    g = np.asarray(env[a.args[1]], dtype=float).reshape(-1)
    idx = _first_argmax(x, pool_windows(x.shape, a.attrs["k"], a.attrs["stride"]))
    out = np.bincount(idx.astype(np.int64), weights=g, minlength=x.size)
    return np.asarray(out, dtype=float).reshape(x.shape)


def _route_symbolic(a: Assignment, env: Env) -> Any:
    x, g = env[a.args[0]], env[a.args[1]]
    flat, gf = x.reshape(-1), np.asarray(g).reshape(-1)
    out = np.empty(flat.size, dtype=object)
    out.fill(sp.S.Zero)
    for w, win in enumerate(pool_windows(x.shape, a.attrs["k"], a.attrs["stride"])):
        entries = [flat[i] for i in win]
        for j, i in enumerate(win):
            out[i] = out[i] + gf[w] * _first_max_indicator(entries, j)
    return out.reshape(x.shape)


def _route_vjp(a: Assignment, c: VJPContext) -> None:
    x, g = a.args  # piecewise constant in x: no contribution to x
    c.give(g, c.em.op(c.base(g), "maxpool_pick", [x, c.g], c.shapes[g], **_geo(a)))


MAXPOOL_ROUTE = Op(
    name="maxpool_route",
    summary="maxpool's VJP: each window's g added at its first maximal entry of x (shape of x)",
    shape=_route_shape,
    numeric=_route_numeric,
    symbolic=_route_symbolic,
    vjp=_route_vjp,
    jvp=_jvp_linear_arg,
    display=lambda a: _disp("route", a),
)


# ---- maxpool_pick (the JVP: t at each window's first maximal entry) ------------------------------


def _pick_shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    arity("maxpool_pick", shapes, 2)
    x, t = tuple(shapes[0]), tuple(shapes[1])
    if x != t:
        raise GraphError(f"maxpool_pick: tangent shape {t} differs from the image's {x}")
    return pooled_shape(x, attrs["k"], attrs["stride"])


def _pick_numeric(a: Assignment, env: Env) -> FloatArray:
    x = np.asarray(env[a.args[0]], dtype=float)
    t = np.asarray(env[a.args[1]], dtype=float).reshape(-1)
    idx = _first_argmax(x, pool_windows(x.shape, a.attrs["k"], a.attrs["stride"]))
    return np.asarray(t[idx.astype(np.int64)]).reshape(a.shape)


def _pick_symbolic(a: Assignment, env: Env) -> Any:
    x, t = env[a.args[0]], env[a.args[1]]
    flat, tf = x.reshape(-1), np.asarray(t).reshape(-1)
    out = []
    for win in pool_windows(x.shape, a.attrs["k"], a.attrs["stride"]):
        entries = [flat[i] for i in win]
        out.append(sp.Add(*[tf[i] * _first_max_indicator(entries, j) for j, i in enumerate(win)]))
    return np.array(out, dtype=object).reshape(a.shape)


def _pick_vjp(a: Assignment, c: VJPContext) -> None:
    x, t = a.args
    c.give(t, c.em.op(c.base(t), "maxpool_route", [x, c.g], c.shapes[t], **_geo(a)))


MAXPOOL_PICK = Op(
    name="maxpool_pick",
    summary="maxpool's JVP: t at each window's first maximal entry of x (the pooled shape)",
    shape=_pick_shape,
    numeric=_pick_numeric,
    symbolic=_pick_symbolic,
    vjp=_pick_vjp,
    jvp=_jvp_linear_arg,
    display=lambda a: _disp("pick", a),
)
