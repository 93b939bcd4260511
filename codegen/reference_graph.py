"""Independent numeric reverse mode over a symgrad Graph, with every local derivative by hand.

This is the graph-wise backprop of seed 000 (Definition 6.6): evaluate the assignments forward,
initialise every adjoint to 0 and the adjoint of the objective to 1, walk the assignments in
reverse program (topological) order, and for each one add ``J^T delta`` into the adjoint of each
argument. A quantity used several times (shared parameters, fan-out) accumulates one
contribution per use.

It exists to check the symbolic derivation (``symbolic/reverse.py``, ``symbolic/tangent.py``)
and the compiled kernels, so it never calls ``sympy.diff``, ``fdiff`` or anything from those
modules. It only *reads* the IR: the Graph, its Assignments, and the SymPy expression tree of
each elementwise ('ew') template, which is walked numerically:

* forward: every distinct subexpression of the template is evaluated once (a tape in post-order);
* backward: the adjoint of each tape node is pushed to its children with a hand-written local
  derivative (Add, Mul, Pow with integer / rational / symbolic exponent, exp, log, sin, cos, tan,
  tanh, Abs, sign, erf, sigmoid, softplus, relu, leaky_relu, elu, silu, gelu, maximum, ifpos);
* broadcasting: a scalar argument of a tensor-shaped template receives the SUM of its
  elementwise contributions.

Kink conventions (the same as the catalogue's): relu'(0) = 0, leaky_relu'(0) = alpha,
elu'(0) = alpha, |x|' = sign(x) (0 at 0), sign' = 0, maximum(a, b) sends the gradient to a where
a > b (ties to b), ifpos(x, a, b) is piecewise constant in x.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np
import sympy as sp

from symbolic.catalogue import elu, gelu, ifpos, leaky_relu, maximum, relu, sigmoid, silu, softplus
from symbolic.graph import Graph, all_indices

__all__ = [
    "batch_loss_and_grad",
    "graph_backprop",
    "graph_forward",
    "graph_grad_fd",
    "graph_hvp_fd",
    "kink_margin",
]

try:  # scipy is optional; math.erf elementwise is exact to double precision
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover - exercised only without scipy
    _erf = np.vectorize(math.erf, otypes=[float])

_SQRT2 = math.sqrt(2.0)
_SQRT2PI = math.sqrt(2.0 * math.pi)
_TWO_OVER_SQRTPI = 2.0 / math.sqrt(math.pi)


# ------------------------------------------------------------------------------------------------
# elementary numeric functions (stable forms)
# ------------------------------------------------------------------------------------------------


def _sig(x):
    x = np.asarray(x, dtype=float)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softplus(x):
    x = np.asarray(x, dtype=float)
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _pos(x):
    """The indicator 1[x > 0] as floats."""
    return (np.asarray(x) > 0).astype(float)


# Each entry: (value(*args), local(args, value) -> list of d value / d arg_i, one per argument).
# A local derivative of None means "identically zero" (the argument gets nothing).


def _d_leaky(args, v):
    x, a = args
    return [np.where(np.asarray(x) > 0, 1.0, a), np.where(np.asarray(x) > 0, 0.0, x)]


def _d_elu(args, v):
    x, a = args
    xm = np.minimum(x, 0.0)
    return [np.where(np.asarray(x) > 0, 1.0, a * np.exp(xm)), np.where(np.asarray(x) > 0, 0.0, np.expm1(xm))]


def _d_silu(args, v):
    (x,) = args
    s = _sig(x)
    return [s * (1.0 + x * (1.0 - s))]


def _d_gelu(args, v):
    (x,) = args
    cdf = 0.5 * (1.0 + _erf(np.asarray(x) / _SQRT2))
    pdf = np.exp(-0.5 * np.square(x)) / _SQRT2PI
    return [cdf + x * pdf]


def _d_max(args, v):
    a, b = args
    up = np.asarray(a) > np.asarray(b)
    return [up.astype(float), (~up).astype(float)]


def _d_ifpos(args, v):
    x, _a, _b = args
    p = _pos(x)
    return [None, p, 1.0 - p]


_FUNCS = {
    sp.exp: (np.exp, lambda args, v: [v]),
    sp.log: (np.log, lambda args, v: [1.0 / args[0]]),
    sp.sin: (np.sin, lambda args, v: [np.cos(args[0])]),
    sp.cos: (np.cos, lambda args, v: [-np.sin(args[0])]),
    sp.tan: (np.tan, lambda args, v: [1.0 + np.square(v)]),
    sp.tanh: (np.tanh, lambda args, v: [1.0 - np.square(v)]),
    sp.Abs: (np.abs, lambda args, v: [np.sign(args[0])]),
    sp.sign: (np.sign, lambda args, v: [None]),
    sp.erf: (_erf, lambda args, v: [_TWO_OVER_SQRTPI * np.exp(-np.square(args[0]))]),
    sigmoid: (_sig, lambda args, v: [v * (1.0 - v)]),
    softplus: (_softplus, lambda args, v: [_sig(args[0])]),
    relu: (lambda x: np.maximum(x, 0.0), lambda args, v: [_pos(args[0])]),
    leaky_relu: (lambda x, a: np.where(np.asarray(x) > 0, x, a * np.asarray(x)), _d_leaky),
    elu: (lambda x, a: np.where(np.asarray(x) > 0, x, a * np.expm1(np.minimum(x, 0.0))), _d_elu),
    silu: (lambda x: np.asarray(x) * _sig(x), _d_silu),
    gelu: (lambda x: 0.5 * np.asarray(x) * (1.0 + _erf(np.asarray(x) / _SQRT2)), _d_gelu),
    maximum: (np.maximum, _d_max),
    ifpos: (lambda x, a, b: np.where(np.asarray(x) > 0, a, b), _d_ifpos),
}


# ------------------------------------------------------------------------------------------------
# the tape of one elementwise template
# ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Node:
    kind: str  # 'sym' | 'const' | 'add' | 'mul' | 'pow' | 'fn'
    children: tuple[int, ...] = ()
    name: str = ""  # 'sym'
    value: float = 0.0  # 'const'; for 'pow' with a constant exponent: the exponent
    const_exp: bool = False
    func: object = None  # 'fn': the SymPy function class


@cache
def _tape(expr: sp.Expr) -> tuple[_Node, ...]:
    """Distinct subexpressions of `expr` in post-order (children before parents; root last)."""
    nodes: list[_Node] = []
    index: dict[sp.Expr, int] = {}

    def visit(e) -> int:
        if e in index:
            return index[e]
        if isinstance(e, sp.Symbol):
            node = _Node("sym", name=e.name)
        elif e.is_Number or isinstance(e, sp.NumberSymbol):
            node = _Node("const", value=float(e))
        elif isinstance(e, sp.Add):
            node = _Node("add", tuple(visit(a) for a in e.args))
        elif isinstance(e, sp.Mul):
            node = _Node("mul", tuple(visit(a) for a in e.args))
        elif isinstance(e, sp.Pow):
            b, x = e.args
            if x.is_Number:
                node = _Node("pow", (visit(b),), value=float(x), const_exp=True)
            else:
                node = _Node("pow", (visit(b), visit(x)))
        else:
            func = e.func
            if func not in _FUNCS:
                raise NotImplementedError(f"reference_graph: no hand-coded derivative for {func}")
            node = _Node("fn", tuple(visit(a) for a in e.args), func=func)
        nodes.append(node)
        index[e] = len(nodes) - 1
        return index[e]

    visit(expr)
    return tuple(nodes)


def _pow_value(b, k: float):
    if k == 2.0:
        return np.square(b)
    if k == -1.0:
        return 1.0 / np.asarray(b, dtype=float)
    if k == 0.5:
        return np.sqrt(b)
    return np.power(b, k)


def _tape_forward(tape, env) -> list:
    vals: list = []
    for nd in tape:
        k = nd.kind
        if k == "sym":
            v = env[nd.name]
        elif k == "const":
            v = nd.value
        elif k == "add":
            v = vals[nd.children[0]]
            for c in nd.children[1:]:
                v = v + vals[c]
        elif k == "mul":
            v = vals[nd.children[0]]
            for c in nd.children[1:]:
                v = v * vals[c]
        elif k == "pow":
            b = vals[nd.children[0]]
            v = _pow_value(b, nd.value) if nd.const_exp else np.power(b, vals[nd.children[1]])
        else:
            v = _FUNCS[nd.func][0](*[vals[c] for c in nd.children])
        vals.append(v)
    return vals


def _tape_backward(tape, vals, root_adj) -> dict[str, np.ndarray]:
    """Adjoints of the template's symbols (unreduced: they may carry the template's shape)."""
    adj: list = [None] * len(tape)
    adj[-1] = root_adj
    out: dict[str, np.ndarray] = {}

    def push(i, g):
        if g is None or tape[i].kind == "const":
            return
        adj[i] = g if adj[i] is None else adj[i] + g

    for i in range(len(tape) - 1, -1, -1):
        g = adj[i]
        if g is None:
            continue
        nd = tape[i]
        k = nd.kind
        ch = nd.children
        if k == "sym":
            out[nd.name] = g if nd.name not in out else out[nd.name] + g
        elif k == "const":  # a constant template (e.g. a vector of ones) has no inputs
            continue
        elif k == "add":
            for c in ch:
                push(c, g)
        elif k == "mul":
            # product of the other factors, by prefix and suffix products (safe with zeros)
            n = len(ch)
            pre = [1.0] * (n + 1)
            for j in range(n):
                pre[j + 1] = pre[j] * vals[ch[j]]
            suf = 1.0
            for j in range(n - 1, -1, -1):
                if tape[ch[j]].kind != "const":
                    push(ch[j], g * (pre[j] * suf))
                suf = suf * vals[ch[j]]
        elif k == "pow":
            b = vals[ch[0]]
            if nd.const_exp:
                e = nd.value
                push(ch[0], g * (e * np.power(b, e - 1.0)))
            else:
                e = vals[ch[1]]
                push(ch[0], g * (e * np.power(b, e - 1.0)))
                if tape[ch[1]].kind != "const":
                    push(ch[1], g * (vals[i] * np.log(b)))
        else:  # function node
            locals_ = _FUNCS[nd.func][1]([vals[c] for c in ch], vals[i])
            for c, d in zip(ch, locals_, strict=True):
                if d is not None:
                    push(c, g * d)
    return out


def _reduce_to(g, shape) -> np.ndarray:
    """Sum a broadcast adjoint back to the argument's shape (scalar args take the total)."""
    g = np.asarray(g, dtype=float)
    if g.shape == tuple(shape):
        return g
    if shape == ():
        return np.asarray(np.sum(g), dtype=float)
    return np.array(np.broadcast_to(g, shape), dtype=float)


# ------------------------------------------------------------------------------------------------
# structural ops: forward and backward
# ------------------------------------------------------------------------------------------------


def _lse(z):
    m = np.max(z)
    return m + np.log(np.sum(np.exp(z - m)))


def _softmax(z):
    e = np.exp(z - np.max(z))
    return e / np.sum(e)


def _first_maxima(x, k: int, stride: int) -> list[int]:
    """The flat index of the first maximal entry (row-major scan) of every k×k window of x (C, H, W)."""
    x = np.asarray(x, dtype=float)
    C, H, W = x.shape
    out = []
    for c in range(C):
        for oi in range((H - k) // stride + 1):
            for oj in range((W - k) // stride + 1):
                best = None
                for di in range(k):
                    for dj in range(k):
                        i, j = oi * stride + di, oj * stride + dj
                        if best is None or x[c, i, j] > x[best]:
                            best = (c, i, j)
                assert best is not None
                out.append(best[0] * H * W + best[1] * W + best[2])
    return out


def _forward_op(a, env):
    op, args = a.op, a.args
    if op == "matmul":
        A, B = env[args[0]], env[args[1]]
        if a.attrs.get("ta") and A.ndim == 2:
            A = A.T
        if a.attrs.get("tb") and B.ndim == 2:
            B = B.T
        return np.asarray(A @ B, dtype=float)
    if op == "outer":
        return np.outer(env[args[0]], env[args[1]])
    if op == "transpose":
        return np.array(env[args[0]].T)
    if op == "index":
        return np.array(env[args[0]][tuple(a.attrs["idx"])], dtype=float)
    if op == "stack":
        return np.array([float(env[x]) for x in args])
    if op == "scatter":
        out = np.zeros(a.shape)
        for x, pos in zip(args, a.attrs["positions"], strict=True):
            out[tuple(pos)] += env[x]
        return out
    if op == "sum":
        return np.asarray(np.sum(env[args[0]]), dtype=float)
    if op in ("maxpool", "maxpool_pick"):  # window by window, the first maximal entry
        x = np.asarray(env[args[0]], dtype=float)
        src = x if op == "maxpool" else np.asarray(env[args[1]], dtype=float)
        return np.array([src.reshape(-1)[i] for i in _first_maxima(x, a.attrs["k"], a.attrs["stride"])]).reshape(
            a.shape
        )
    if op == "maxpool_route":
        x, g = np.asarray(env[args[0]], dtype=float), np.ravel(env[args[1]])
        flat = np.zeros(x.size)
        for w, i in enumerate(_first_maxima(x, a.attrs["k"], a.attrs["stride"])):
            flat[i] += g[w]
        return flat.reshape(x.shape)
    if op == "gather":  # entry by entry: out[i] = x[map[i]] or 0
        src = np.ravel(env[args[0]])
        flat = np.zeros(len(a.attrs["map"]))
        for i, m in enumerate(a.attrs["map"]):
            if m >= 0:
                flat[i] = src[m]
        return flat.reshape(a.shape)
    if op == "gather_t":  # each g[i] added at map[i]
        g = np.ravel(env[args[0]])
        flat = np.zeros(int(np.prod(a.shape, dtype=int)))
        for i, m in enumerate(a.attrs["map"]):
            if m >= 0:
                flat[m] += g[i]
        return flat.reshape(a.shape)
    z = env[args[0]]
    if op == "softmax_rows":
        return np.array([_softmax(row) for row in z])
    if op == "softmax":
        return _softmax(z)
    if op == "log_softmax":
        return z - _lse(z)
    if op == "logsumexp":
        return np.asarray(_lse(z), dtype=float)
    raise NotImplementedError(f"reference_graph: unknown op {op!r} in '{a.name}'")


def _backward_op(a, env, g, delta) -> None:
    """Add J^T g into delta[arg] for a structural assignment a with output adjoint g."""
    op, args = a.op, a.args

    def add(name, contrib):
        delta[name] = delta[name] + contrib

    if op == "matmul":
        A, B = env[args[0]], env[args[1]]
        ta = bool(a.attrs.get("ta")) and A.ndim == 2
        tb = bool(a.attrs.get("tb")) and B.ndim == 2
        Ae = A.T if ta else A
        Be = B.T if tb else B
        if Ae.ndim == 2 and Be.ndim == 2:
            dA, dB = g @ Be.T, Ae.T @ g
        elif Ae.ndim == 2:  # matrix @ vector -> vector
            dA, dB = np.outer(g, Be), Ae.T @ g
        elif Be.ndim == 2:  # vector @ matrix -> vector
            dA, dB = Be @ g, np.outer(Ae, g)
        else:  # vector @ vector -> scalar
            dA, dB = g * Be, g * Ae
        add(args[0], dA.T if ta else dA)
        add(args[1], dB.T if tb else dB)
    elif op == "outer":
        u, v = env[args[0]], env[args[1]]
        add(args[0], g @ v)
        add(args[1], g.T @ u)
    elif op == "transpose":
        add(args[0], g.T)
    elif op == "index":
        d = np.zeros_like(delta[args[0]])
        d[tuple(a.attrs["idx"])] += g
        add(args[0], d)
    elif op == "stack":
        for i, x in enumerate(args):
            add(x, np.asarray(g[i], dtype=float))
    elif op == "scatter":
        for x, pos in zip(args, a.attrs["positions"], strict=True):
            add(x, _reduce_to(g[tuple(pos)], delta[x].shape))
    elif op == "sum":
        add(args[0], np.full(delta[args[0]].shape, float(g)))
    elif op == "maxpool":  # ∂out[w]/∂x[i] = 1 at the window's first maximum i
        d = np.zeros(delta[args[0]].size)
        for w, i in enumerate(_first_maxima(env[args[0]], a.attrs["k"], a.attrs["stride"])):
            d[i] += np.ravel(g)[w]
        add(args[0], d.reshape(delta[args[0]].shape))
    elif op == "maxpool_route":  # linear in g (x: piecewise constant)
        firsts = _first_maxima(env[args[0]], a.attrs["k"], a.attrs["stride"])
        add(args[1], np.array([np.ravel(g)[i] for i in firsts]).reshape(delta[args[1]].shape))
    elif op == "maxpool_pick":  # linear in t
        d = np.zeros(delta[args[1]].size)
        for w, i in enumerate(_first_maxima(env[args[0]], a.attrs["k"], a.attrs["stride"])):
            d[i] += np.ravel(g)[w]
        add(args[1], d.reshape(delta[args[1]].shape))
    elif op == "gather":  # ∂out[i]/∂x[map[i]] = 1
        d = np.zeros(delta[args[0]].size)
        gf = np.ravel(g)
        for i, m in enumerate(a.attrs["map"]):
            if m >= 0:
                d[m] += gf[i]
        add(args[0], d.reshape(delta[args[0]].shape))
    elif op == "gather_t":  # ∂out[map[i]]/∂g[i] = 1
        gf = np.ravel(g)
        d = np.array([gf[m] if m >= 0 else 0.0 for m in a.attrs["map"]])
        add(args[0], d.reshape(delta[args[0]].shape))
    elif op == "softmax":
        s = env[a.name]
        add(args[0], s * (g - np.sum(g * s)))
    elif op == "softmax_rows":  # each row: s ⊙ (g − sᵀg)
        s = env[a.name]
        add(args[0], np.array([si * (gi - np.sum(gi * si)) for si, gi in zip(s, g, strict=True)]))
    elif op == "log_softmax":
        add(args[0], g - _softmax(env[args[0]]) * np.sum(g))
    elif op == "logsumexp":
        add(args[0], float(g) * _softmax(env[args[0]]))
    else:
        raise NotImplementedError(f"reference_graph: unknown op {op!r} in '{a.name}'")


# ------------------------------------------------------------------------------------------------
# graph-level passes
# ------------------------------------------------------------------------------------------------


def _ancestors(graph: Graph, of: str) -> list:
    """The assignments `of` depends on, in program order."""
    need = {of}
    keep = []
    for a in reversed(graph.assignments):
        if a.name in need:
            keep.append(a)
            need.update(a.args)
    keep.reverse()
    return keep


def _leaf_env(graph: Graph, values: dict, needed: set[str] | None = None) -> dict[str, np.ndarray]:
    env = {}
    for name, shape in graph.leaves().items():
        if name not in values:
            if needed is None or name in needed:
                raise KeyError(f"no value given for '{name}' (shape {list(shape)})")
            continue
        arr = np.asarray(values[name], dtype=float)
        if arr.shape != tuple(shape):
            if arr.size == 1 and shape == ():
                arr = arr.reshape(())
            else:
                raise ValueError(f"'{name}' has shape {list(arr.shape)}, expected {list(shape)}")
        env[name] = arr
    return env


def _run(graph: Graph, values: dict, of: str | None):
    """Forward over the assignments `of` needs (all of them when of is None)."""
    program = graph.assignments if of is None else _ancestors(graph, of)
    needed = {x for a in program for x in a.args} | ({of} if of else set())
    env = _leaf_env(graph, values, needed if of is not None else None)
    tapes = {}
    for a in program:
        if a.op == "ew":
            tape = _tape(a.expr)
            vals = _tape_forward(tape, env)
            v = np.asarray(vals[-1], dtype=float)
            env[a.name] = np.array(np.broadcast_to(v, a.shape)) if v.shape != a.shape else v
            tapes[a.name] = (tape, vals)
        else:
            env[a.name] = _forward_op(a, env)
    return program, env, tapes


def graph_forward(graph: Graph, values: dict, of: str | None = None) -> dict[str, np.ndarray]:
    """Every quantity's value (only those `of` depends on, when `of` is given)."""
    return _run(graph, values, of)[1]


def graph_backprop(
    graph: Graph, values: dict, of: str | None = None
) -> tuple[float, dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Graph-wise reverse mode (seed 000, Definition 6.6) with hand-coded local derivatives.

    `values` maps every input and parameter `of` depends on to its value; `of` is the scalar
    quantity to differentiate (default: the graph's objective). Returns
    ``(value of `of`, {parameter: d of/d parameter}, {name: d of/d name})``; the adjoint dict
    holds every input, parameter and assignment (hidden ones too), zero where `of` does not
    depend on it.
    """
    of = of or graph.objective
    if graph.shape_of(of) != ():
        raise ValueError(f"graph_backprop: '{of}' must be a scalar, has shape {graph.shape_of(of)}")
    program, env, tapes = _run(graph, values, of)
    delta = {n: np.zeros(s) for n, s in graph.leaves().items()}
    for a in graph.assignments:
        delta[a.name] = np.zeros(a.shape)
    delta[of] = np.asarray(1.0)
    for a in reversed(program):
        g = delta[a.name]
        if not np.any(g):
            continue  # nothing flows back through this assignment
        if a.op == "ew":
            tape, vals = tapes[a.name]
            for name, contrib in _tape_backward(tape, vals, g).items():
                delta[name] = delta[name] + _reduce_to(contrib, delta[name].shape)
        else:
            _backward_op(a, env, g, delta)
    delta = {n: np.asarray(v, dtype=float) for n, v in delta.items()}
    grads = {p: delta[p] for p in graph.params}
    return float(env[of]), grads, delta


_KINKED = {relu: 0, leaky_relu: 0, elu: 0, sp.Abs: 0, sp.sign: 0, ifpos: 0, maximum: None}


def kink_margin(graph: Graph, values: dict) -> float:
    """The smallest distance of any kink argument to its break point at this point: |x| for
    relu, leaky_relu, elu, abs, sign and ifpos's condition, |a - b| for maximum (inf if none).
    Central differences are only trustworthy when this is well above their step."""
    _, _, tapes = _run(graph, values, None)
    margin = math.inf
    for tape, vals in tapes.values():
        for nd in tape:
            if nd.kind != "fn" or nd.func not in _KINKED:
                continue
            if nd.func is maximum:
                arg = np.asarray(vals[nd.children[0]]) - np.asarray(vals[nd.children[1]])
            else:
                arg = np.asarray(vals[nd.children[0]])
            margin = min(margin, float(np.min(np.abs(arg))))
    return margin


def graph_grad_fd(
    graph: Graph, values: dict, eps: float = 1e-6, wrt: list[str] | None = None, of: str | None = None
) -> dict[str, np.ndarray]:
    """Central differences (f(v + eps e_i) - f(v - eps e_i)) / (2 eps) of the objective (or `of`)
    for every element of every parameter (or every name in `wrt`: inputs allowed)."""
    of = of or graph.objective
    base = {k: np.array(v, dtype=float) for k, v in values.items()}
    out = {}
    for name in wrt if wrt is not None else list(graph.params):
        shape = graph.shape_of(name)
        v0 = np.asarray(base[name], dtype=float).reshape(shape)
        d = np.zeros(shape)
        for idx in all_indices(shape):
            vp, vm = v0.copy(), v0.copy()
            vp[idx] += eps
            vm[idx] -= eps
            fp = graph_forward(graph, {**base, name: vp}, of)[of]
            fm = graph_forward(graph, {**base, name: vm}, of)[of]
            d[idx] = (float(fp) - float(fm)) / (2.0 * eps)
        out[name] = d
    return out


def graph_hvp_fd(graph: Graph, values: dict, direction: dict, eps: float = 1e-5) -> dict[str, np.ndarray]:
    """H u by central differences of graph_backprop's gradient along u:
    (g(theta + eps u) - g(theta - eps u)) / (2 eps); parameters missing from u move by 0."""
    unknown = set(direction) - set(graph.params)
    if unknown:
        raise ValueError(f"direction names unknown parameter(s): {', '.join(sorted(unknown))}")
    plus, minus = dict(values), dict(values)
    for p, shape in graph.params.items():
        u = np.asarray(direction.get(p, np.zeros(shape)), dtype=float).reshape(shape)
        v = np.asarray(values[p], dtype=float).reshape(shape)
        plus[p], minus[p] = v + eps * u, v - eps * u
    gp = graph_backprop(graph, plus)[1]
    gm = graph_backprop(graph, minus)[1]
    return {p: (gp[p] - gm[p]) / (2.0 * eps) for p in graph.params}


def batch_loss_and_grad(graph: Graph, params: dict, data: dict[str, np.ndarray]) -> tuple[float, dict[str, np.ndarray]]:
    """Objective and gradient over a batch, one graph_backprop per sample.

    `data` maps every graph input to an array with a leading batch axis N. The objective is
    the mean (or sum, per graph.info.reduction, default mean) over samples of the per-sample
    data objective, plus the penalty once. For layered graphs with a penalty the data objective
    is graph.info.data_objective ("L") and the penalty graph.info.penalty_name ("R"), so
    the total is J = reduce_i L_i + R; without a penalty_name the whole objective is per-sample.
    """
    reduction = graph.info.reduction
    if reduction not in ("mean", "sum"):
        raise ValueError(f"unknown reduction {reduction!r}")
    pen = graph.info.penalty_name
    per = (graph.info.data_objective or graph.objective) if pen else graph.objective
    missing = [n for n in graph.inputs if n not in data]
    if missing:
        raise KeyError(f"no data for input(s) {', '.join(missing)}")
    arrays = {n: np.asarray(data[n], dtype=float) for n in graph.inputs}
    sizes = {a.shape[0] if a.ndim else -1 for a in arrays.values()}
    if len(sizes) != 1 or -1 in sizes:
        raise ValueError("data arrays must share one leading batch axis")
    n = sizes.pop()
    if n == 0:
        raise ValueError("empty batch")
    total = 0.0
    grads = {p: np.zeros(s) for p, s in graph.params.items()}
    for i in range(n):
        sample = {**params, **{k: v[i] for k, v in arrays.items()}}
        f, g, _ = graph_backprop(graph, sample, of=per)
        total += f
        for p in grads:
            grads[p] += g[p]
    scale = 1.0 / n if reduction == "mean" else 1.0
    total *= scale
    for p in grads:
        grads[p] *= scale
    if pen:
        r, gr, _ = graph_backprop(graph, dict(params), of=pen)
        total += r
        for p in grads:
            grads[p] += gr[p]
    return total, grads
