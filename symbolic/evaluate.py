"""Run an assignment program on numbers (numpy float64) or on SymPy objects (closed forms).

Elementwise templates are compiled once into closures over numpy functions from the catalogue;
no generated source is ever exec'd. The symbolic backend substitutes element expressions.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

import numpy as np
import sympy as sp

from .catalogue import NUMPY_FUNCS, ifpos
from .graph import Assignment, all_indices


class EvaluationError(ValueError):
    """A value is missing or has the wrong shape; the message names it."""


# ---- numeric templates ------------------------------------------------------------------------

def _compile(expr: sp.Expr) -> Callable[[dict], np.ndarray]:
    if isinstance(expr, sp.Symbol):
        name = expr.name
        return lambda env: env[name]
    if expr.is_Number or isinstance(expr, sp.NumberSymbol):
        c = float(expr)
        return lambda env: c
    if isinstance(expr, sp.Add):
        fs = [_compile(a) for a in expr.args]
        def add(env):
            acc = fs[0](env)
            for f in fs[1:]:
                acc = acc + f(env)
            return acc
        return add
    if isinstance(expr, sp.Mul):
        fs = [_compile(a) for a in expr.args]
        def mul(env):
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
        def branch(env):
            c = fc(env)
            with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
                a, b = fa(env), fb(env)   # both are computed; the untaken one may overflow
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


@lru_cache(maxsize=None)
def compile_template(expr: sp.Expr) -> Callable[[dict], np.ndarray]:
    """A closure evaluating a SymPy template on an environment of numpy arrays."""
    return _compile(expr)


def _lse(z: np.ndarray) -> float:
    m = np.max(z)
    return m + np.log(np.sum(np.exp(z - m)))


def run_numeric(program: list[Assignment], env: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Evaluate every assignment in order; returns env extended with every name's value."""
    env = dict(env)
    for a in program:
        try:
            env[a.name] = _step(a, env)
        except KeyError as e:  # a leaf value was not supplied
            raise EvaluationError(f"no value for '{e.args[0]}' (needed by '{a.name}')") from None
    return env


def _step(a: Assignment, env):
    op = a.op
    if op == "ew":
        v = compile_template(a.expr)(env)
        v = np.asarray(v, dtype=float)
        return np.array(np.broadcast_to(v, a.shape)) if v.shape != a.shape else v
    if op == "matmul":
        A, B = env[a.args[0]], env[a.args[1]]
        if a.attrs.get("ta"):
            A = A.T
        if a.attrs.get("tb"):
            B = B.T
        return np.asarray(A @ B, dtype=float)
    if op == "outer":
        return np.outer(env[a.args[0]], env[a.args[1]])
    if op == "transpose":
        return np.ascontiguousarray(env[a.args[0]].T)
    if op == "index":
        return np.asarray(env[a.args[0]][a.attrs["idx"]], dtype=float).copy()
    if op == "stack":
        return np.array([float(env[x]) for x in a.args])
    if op == "scatter":
        out = np.zeros(a.shape)
        for x, pos in zip(a.args, a.attrs["positions"]):
            out[tuple(pos)] += env[x]
        return out
    if op == "sum":
        return np.asarray(np.sum(env[a.args[0]]), dtype=float)
    z = env[a.args[0]]
    if op == "softmax":
        e = np.exp(z - np.max(z))
        return e / np.sum(e)
    if op == "log_softmax":
        return z - _lse(z)
    if op == "logsumexp":
        return np.asarray(_lse(z))
    raise AssertionError(op)  # pragma: no cover


# ---- symbolic evaluation (closed forms for printing) ---------------------------------------------

def _elem(v, idx):
    return v if not isinstance(v, np.ndarray) or v.shape == () else v[idx]


def run_symbolic(program: list[Assignment], env: dict) -> dict:
    """Evaluate with SymPy scalars / object arrays: every name becomes its closed form."""
    env = dict(env)
    for a in program:
        env[a.name] = _sym_step(a, env)
    return env


def _sym_step(a: Assignment, env):
    op = a.op
    if op == "ew":
        if a.shape == ():
            return a.expr.xreplace({sp.Symbol(x, real=True): _scalar(env[x]) for x in a.args})
        out = np.empty(a.shape, dtype=object)
        for idx in all_indices(a.shape):
            out[idx] = a.expr.xreplace({sp.Symbol(x, real=True): _elem(env[x], idx) for x in a.args})
        return out
    if op == "matmul":
        A, B = env[a.args[0]], env[a.args[1]]
        if a.attrs.get("ta"):
            A = A.T
        if a.attrs.get("tb"):
            B = B.T
        r = np.dot(A, B)
        return sp.expand(r) if not isinstance(r, np.ndarray) else r
    if op == "outer":
        return np.outer(env[a.args[0]], env[a.args[1]])
    if op == "transpose":
        return env[a.args[0]].T
    if op == "index":
        return env[a.args[0]][a.attrs["idx"]]
    if op == "stack":
        return np.array([_scalar(env[x]) for x in a.args], dtype=object)
    if op == "scatter":
        out = np.empty(a.shape, dtype=object)
        out.fill(sp.S.Zero)
        for x, pos in zip(a.args, a.attrs["positions"]):
            out[tuple(pos)] = out[tuple(pos)] + env[x]
        return out
    if op == "sum":
        v = env[a.args[0]]
        return sp.Add(*v.ravel()) if isinstance(v, np.ndarray) else v
    z = env[a.args[0]]
    if op == "softmax":
        tot = sp.Add(*[sp.exp(t) for t in z])
        return np.array([sp.exp(t) / tot for t in z], dtype=object)
    if op == "log_softmax":
        lse = sp.log(sp.Add(*[sp.exp(t) for t in z]))
        return np.array([t - lse for t in z], dtype=object)
    if op == "logsumexp":
        return sp.log(sp.Add(*[sp.exp(t) for t in z]))
    raise AssertionError(op)  # pragma: no cover


def _scalar(v):
    if isinstance(v, np.ndarray):
        return v.reshape(()).item() if v.shape == () else v
    return v
