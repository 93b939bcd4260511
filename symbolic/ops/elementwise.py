"""The elementwise op 'ew': a scalar SymPy template over its argument names, broadcast (an argument
is either the output's shape or a scalar).

Its numeric form compiles the template once into closures over the catalogue's numpy functions (no
generated source is ever exec'd); its local partials come from SymPy differentiation of the small
template, so the VJP and JVP are sums of local partial × adjoint / tangent.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any

import numpy as np
import sympy as sp

from ..catalogue import NUMPY_FUNCS, ifpos, real_diff
from ..graph import Assignment, GraphError, Shape, all_indices, sym
from .base import Attrs, Env, FloatArray, JVPContext, Op, Tangents, VJPContext, elem_of, scalar_of

# a compiled template: environment of numpy values → array (or a float for a constant template)
Template = Callable[[Mapping[str, Any]], Any]


class EvaluationError(ValueError):
    """A value is missing or has the wrong shape; the message names it."""


# ---- numeric templates ------------------------------------------------------------------------


def _compile(expr: sp.Expr) -> Template:
    if isinstance(expr, sp.Symbol):
        name = expr.name
        return lambda env: env[name]
    if expr.is_Number or isinstance(expr, sp.NumberSymbol):
        c = float(expr)
        return lambda env: c
    if isinstance(expr, sp.Add):
        fs = [_compile(a) for a in expr.args]

        def add(env: Mapping[str, Any]) -> Any:
            acc = fs[0](env)
            for f in fs[1:]:
                acc = acc + f(env)
            return acc

        return add
    if isinstance(expr, sp.Mul):
        fs = [_compile(a) for a in expr.args]

        def mul(env: Mapping[str, Any]) -> Any:
            acc = fs[0](env)
            for f in fs[1:]:
                acc = acc * f(env)
            return acc

        return mul
    if isinstance(expr, sp.Pow):
        fb = _compile(expr.base)
        e = expr.exp
        if e == 2:
            return lambda env: np.square(fb(env))
        if e == -1:
            return lambda env: 1.0 / fb(env)
        if e == sp.Rational(1, 2):
            return lambda env: np.sqrt(fb(env))
        if e.is_Integer:
            k = int(e)
            return lambda env: np.power(fb(env), float(k))
        fe = _compile(e)
        return lambda env: np.power(fb(env), fe(env))
    if isinstance(expr, ifpos):
        fc, fa, fb = (_compile(a) for a in expr.args)

        def branch(env: Mapping[str, Any]) -> Any:
            c = fc(env)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                a, b = fa(env), fb(env)  # both are computed; the untaken one may overflow
            return np.where(np.asarray(c) > 0, a, b)

        return branch
    fn = NUMPY_FUNCS.get(type(expr)) or NUMPY_FUNCS.get(expr.func)
    if fn is None:
        raise EvaluationError(f"no numeric form for {expr.func}")
    fs = [_compile(a) for a in expr.args]
    if len(fs) == 1:
        f0 = fs[0]
        return lambda env: fn(f0(env))
    return lambda env: fn(*[f(env) for f in fs])


@cache
def compile_template(expr: sp.Expr) -> Template:
    """A closure evaluating a SymPy template on an environment of numpy arrays."""
    return _compile(expr)


def template(a: Assignment) -> sp.Expr:
    """The SymPy template of elementwise assignment `a`."""
    if a.expr is None:
        raise GraphError(f"'{a.name}': elementwise assignment without a template")
    return a.expr


def local_partial(a: Assignment, x: str) -> sp.Expr:
    """∂(template)/∂x, rewritten in terms of the output name where the output reappears."""
    f = template(a)
    p = real_diff(f, sym(x))
    if p.has(sp.DiracDelta):  # sign' = 0 away from 0 (kink policy); never a delta "value"
        p = p.replace(lambda e: isinstance(e, sp.DiracDelta), lambda e: sp.S.Zero)
    if p != 0 and isinstance(f, sp.Function):
        p = p.xreplace({f: sym(a.name)})
    return p


# ---- rules ---------------------------------------------------------------------------------------


def _shape(shapes: Sequence[Shape], attrs: Attrs, out: Shape | None) -> Shape:
    """The arguments' common shape; scalars broadcast, also to the declared shape `out`."""
    common: Shape = ()
    for s in shapes:
        s = tuple(s)
        if s == common or s == ():
            continue
        if common != ():
            raise GraphError(f"elementwise arguments of shapes {common} and {s} do not broadcast")
        common = s
    return tuple(out) if common == () and out is not None else common


def _numeric(a: Assignment, env: Env) -> FloatArray:
    v = compile_template(template(a))(env)
    v = np.asarray(v, dtype=float)
    return np.array(np.broadcast_to(v, a.shape)) if v.shape != a.shape else v


def _symbolic(a: Assignment, env: Env) -> Any:
    expr = template(a)
    if a.shape == ():
        return expr.xreplace({sp.Symbol(x, real=True): scalar_of(env[x]) for x in a.args})
    out = np.empty(a.shape, dtype=object)
    for idx in all_indices(a.shape):
        out[idx] = expr.xreplace({sp.Symbol(x, real=True): elem_of(env[x], idx) for x in a.args})
    return out


def _vjp(a: Assignment, c: VJPContext) -> None:
    for x in a.args:
        p = local_partial(a, x)
        if p == 0:
            continue
        c.local(a.name, x, p)
        if p == 1 and c.shapes[x] == a.shape and not c.one:
            c.give(x, c.g)
            continue
        term = c.em.ew(c.base(x), c.G * p, a.shape)
        if c.shapes[x] == () and a.shape != ():
            term = c.em.op(c.base(x), "sum", [term], ())
        c.give(x, term)


def _jvp(a: Assignment, ts: Tangents, c: JVPContext) -> str | None:
    terms = []
    for x, tx in zip(a.args, ts, strict=True):
        if tx is None:
            continue
        p = local_partial(a, x)
        if p != 0:
            terms.append(p * sym(tx))
    if not terms:
        return None
    return c.em.ew(c.base, sp.Add(*terms), a.shape, name=c.final)


EW = Op(
    name="ew",
    summary="elementwise SymPy template over its arguments (each the output's shape or a scalar)",
    shape=_shape,
    numeric=_numeric,
    symbolic=_symbolic,
    vjp=_vjp,
    jvp=_jvp,
    display=template,
    table="local",
)
