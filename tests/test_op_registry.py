"""The op registry (symbolic/ops) is complete and each op's rules are right.

Parity: every op has every rule (shape, numeric, symbolic, VJP, JVP, display, step-table form) and
a codegen lowering entry, the registry is exactly the IR's op set, and every op the lowering of
specs can produce (or a derivation can emit) is registered.

Numerics, per op on random inputs, each against an independent computation: the numeric rule
against a hand-written numpy formula (or `sympy.lambdify` for templates), the symbolic rule
against the numeric one, the VJP and JVP programs against central finite differences of the numeric
evaluation, and the shape rule against the shape of the value.
"""

from __future__ import annotations

import ast
import inspect
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest
import sympy as sp

from codegen.lower_batch import Buf
from codegen.op_lowering import LOWERING, lower_step
from symbolic import graph as graph_mod
from symbolic.catalogue import CATALOGUE
from symbolic.display import Names, op_expr, to_latex, to_text
from symbolic.evaluate import run_numeric, run_symbolic
from symbolic.graph import Assignment, Graph, GraphError, sym
from symbolic.lowering import Lowerer
from symbolic.ops import REGISTRY, TABLE_FORMS, check_shapes, infer_shape, rule
from symbolic.reverse import reverse
from symbolic.spec import load_spec
from symbolic.tangent import hvp_program, tangent

ROOT = Path(__file__).resolve().parents[1]
RULES = ("shape", "numeric", "symbolic", "vjp", "jvp", "display")


# ---- parity ---------------------------------------------------------------------------------------


def test_registry_is_the_ir_op_set():
    assert set(REGISTRY) == set(graph_mod.OPS)
    for name, op in REGISTRY.items():
        assert op.name == name and op.summary


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_every_op_has_every_rule(name):
    op = REGISTRY[name]
    for r in RULES:
        fn = getattr(op, r)
        assert callable(fn), f"op {name!r} has no {r} rule"
    assert op.table in TABLE_FORMS, f"op {name!r} has step-table form {op.table!r}"
    assert callable(LOWERING.get(name)), f"op {name!r} has no codegen lowering entry"


def test_no_lowering_entry_without_op():
    assert set(LOWERING) == set(REGISTRY)


def test_unknown_op_is_one_line_error():
    with pytest.raises(GraphError, match="unknown operation 'conv'"):
        rule("conv")


def _literal_ops_in_lowering() -> set[str]:
    """Op names lowering.py passes as string literals to structural() or Assignment()."""
    tree = ast.parse((ROOT / "symbolic" / "lowering.py").read_text())
    found = set()
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        fname = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        pos = {"structural": 0, "Assignment": 1}.get(fname)
        if pos is not None and len(node.args) > pos and isinstance(node.args[pos], ast.Constant):
            found.add(node.args[pos].value)
    return found


def test_every_op_lowering_can_produce_is_registered():
    literal = _literal_ops_in_lowering()
    assert {"ew", "matmul", "transpose", "index", "stack", "sum", "outer"} <= literal
    produced = set()
    shapes = {"W": (2, 3), "x": (3,), "v": (2,), "s": (), "M": (3, 3)}
    texts = ["W @ x", "W.T @ v", "x @ x", "v @ W", "[s, x[0]]", "M[1, 2] + s", "W.T"]
    for fname, entry in CATALOGUE.items():  # every tensor function of the catalogue
        if entry.kind in ("vector", "reduction"):
            texts.append(f"{fname}(x, x)" if entry.n_tensor_args == 2 else f"{fname}(x)")
    for i, text in enumerate(texts):
        lo = Lowerer(shapes)
        lo.lower(f"y{i}", text)
        produced |= {a.op for a in lo.out}
    missing = (literal | produced) - set(REGISTRY)
    assert not missing, f"lowering produces unregistered ops {sorted(missing)}"
    assert {"outer", "softmax", "log_softmax", "logsumexp", "sum", "matmul"} <= produced


def _examples() -> list[Path]:
    return sorted((ROOT / "examples").glob("*.toml"))


@pytest.mark.parametrize("path", _examples(), ids=lambda p: p.stem)
def test_derived_programs_are_registered_and_shape_consistent(path):
    """Forward, adjoint and tangent programs of every bundled example use registered ops only,
    and every declared shape is the one its op's shape rule gives."""
    g = load_spec(path)
    h = hvp_program(reverse(g))
    leaves = {**g.leaves(), **{v: g.shape_of(p) for p, v in h.directions.items()}}
    assert {a.op for a in h.program} <= set(REGISTRY)
    check_shapes(h.program, leaves)


# ---- one op at a time --------------------------------------------------------------------------------


@dataclass
class Case:
    op: str
    args: dict[str, tuple]  # argument name → shape (in order)
    shape: tuple
    attrs: dict = field(default_factory=dict)
    expr: sp.Expr | None = None
    step: str = ""  # the codegen step kind its lowering gives

    @property
    def id(self) -> str:
        extra = ",".join(f"{k}={v}" for k, v in self.attrs.items() if k != "positions")
        return f"{self.op}{[self.args[x] for x in self.args]}{extra}"


X, Y, C = sym("x"), sym("y"), sym("c")
CASES = [
    Case("ew", {"x": (3,), "c": ()}, (3,), expr=sp.sin(X) * C + X**2 * sp.exp(C) + sp.tanh(X * C), step="ew"),
    Case("ew", {"c": ()}, (2, 2), expr=C**3 + 2 * C, step="ew"),
    Case("ew", {"x": (), "y": ()}, (), expr=X * Y + sp.log(1 + X**2) / (2 + Y**2), step="ew"),
    Case("matmul", {"x": (2, 3), "y": (3,)}, (2,), {"ta": False, "tb": False}, step="matmul"),
    Case("matmul", {"x": (3, 2), "y": (3,)}, (2,), {"ta": True, "tb": False}, step="matmul"),
    Case("matmul", {"x": (3,), "y": (3, 4)}, (4,), {"ta": False, "tb": False}, step="matmul"),
    Case("matmul", {"x": (3,), "y": (4, 3)}, (4,), {"ta": False, "tb": True}, step="matmul"),
    Case("matmul", {"x": (2, 3), "y": (3, 4)}, (2, 4), {"ta": False, "tb": False}, step="matmul"),
    Case("matmul", {"x": (3, 2), "y": (4, 3)}, (2, 4), {"ta": True, "tb": True}, step="matmul"),
    Case("matmul", {"x": (2, 3), "y": (4, 3)}, (2, 4), {"ta": False, "tb": True}, step="matmul"),
    Case("matmul", {"x": (3,), "y": (3,)}, (), {"ta": False, "tb": False}, step="matmul"),
    Case("outer", {"x": (2,), "y": (3,)}, (2, 3), step="outer"),
    Case("transpose", {"x": (2, 3)}, (3, 2), step="transpose"),
    Case("index", {"x": (2, 3)}, (3,), {"idx": (1,)}, step="copy"),
    Case("index", {"x": (2, 3)}, (), {"idx": (1, 2)}, step="copy"),
    Case("index", {"x": (4,)}, (), {"idx": (2,)}, step="copy"),
    Case("stack", {"x": (), "y": (), "c": ()}, (3,), step="stack"),
    Case("scatter", {"x": (3,), "y": ()}, (2, 3), {"positions": ((0,), (1, 2))}, step="scatter"),
    Case("scatter", {"x": (), "y": ()}, (4,), {"positions": ((3,), (1,))}, step="scatter"),
    Case("sum", {"x": (2, 3)}, (), step="sum"),
    Case("sum", {"x": (4,)}, (), step="sum"),
    Case("softmax", {"x": (4,)}, (4,), step="softmax"),
    Case("log_softmax", {"x": (4,)}, (4,), step="log_softmax"),
    Case("logsumexp", {"x": (4,)}, (), step="logsumexp"),
    Case("softmax_rows", {"x": (3, 4)}, (3, 4), step="softmax_rows"),
    Case("gather", {"x": (2, 3)}, (2, 2), {"map": (5, -1, 0, 0), "label": "reshape"}, step="gather"),
    Case("gather", {"x": (1, 3, 3)}, (4, 4), {"map": (0, 1, 3, 4) * 4, "label": "im2col"}, step="gather"),
    Case("gather_t", {"x": (2, 2)}, (2, 3), {"map": (5, -1, 0, 0), "label": "reshape"}, step="gather_t"),
    Case("maxpool", {"x": (2, 4, 5)}, (2, 2, 2), {"k": 2, "stride": 2}, step="maxpool"),
    Case("maxpool", {"x": (1, 4, 4)}, (1, 2, 2), {"k": 3, "stride": 1}, step="maxpool"),
    Case("maxpool_route", {"x": (2, 4, 5), "y": (2, 2, 2)}, (2, 4, 5), {"k": 2, "stride": 2}, step="maxpool_route"),
    Case("maxpool_pick", {"x": (2, 4, 5), "y": (2, 4, 5)}, (2, 2, 2), {"k": 2, "stride": 2}, step="maxpool_pick"),
]


def _assignment(c: Case) -> Assignment:
    return Assignment("out", c.op, tuple(c.args), c.shape, c.expr, dict(c.attrs))


def _reference(c: Case, env: dict) -> np.ndarray:
    """The op's value by a hand-written numpy formula, independent of the registry's rules."""
    v = [env[x] for x in c.args]
    if c.op == "ew":
        f = sp.lambdify([sym(x) for x in c.args], c.expr, "numpy")
        return np.broadcast_to(np.asarray(f(*v), dtype=float), c.shape)
    if c.op == "matmul":
        a = np.swapaxes(v[0], 0, -1) if c.attrs["ta"] else v[0]
        b = np.swapaxes(v[1], 0, -1) if c.attrs["tb"] else v[1]
        sa = "ij" if a.ndim == 2 else "j"
        sb = "jk" if b.ndim == 2 else "j"
        out = sa.replace("j", "") + sb.replace("j", "")
        return np.einsum(f"{sa},{sb}->{out}", a, b)
    if c.op == "outer":
        return np.einsum("i,j->ij", v[0], v[1])
    if c.op == "transpose":
        return np.swapaxes(v[0], 0, 1)
    if c.op == "index":
        return v[0][c.attrs["idx"]]
    if c.op == "stack":
        return np.array([float(t) for t in v])
    if c.op == "scatter":
        out = np.zeros(c.shape)
        for t, p in zip(v, c.attrs["positions"], strict=True):
            out[p] = out[p] + t
        return out
    if c.op == "sum":
        return np.asarray(v[0].sum())
    if c.op in ("maxpool", "maxpool_route", "maxpool_pick"):
        x, k, s = v[0], c.attrs["k"], c.attrs["stride"]
        C, H, W = x.shape
        ho, wo = (H - k) // s + 1, (W - k) // s + 1
        first = {}  # (c, oi, oj) → (i, j) of the window's first maximum, by a plain scan
        for ch in range(C):
            for oi in range(ho):
                for oj in range(wo):
                    cells = [(oi * s + di, oj * s + dj) for di in range(k) for dj in range(k)]
                    first[ch, oi, oj] = max(cells, key=lambda ij: (x[ch][ij], -cells.index(ij)))
        if c.op == "maxpool":
            return np.array([x[w[0]][first[w]] for w in sorted(first)]).reshape(c.shape)
        if c.op == "maxpool_pick":
            return np.array([v[1][w[0]][first[w]] for w in sorted(first)]).reshape(c.shape)
        out = np.zeros(x.shape)
        for w, ij in first.items():
            out[w[0]][ij] += v[1][w]
        return out
    if c.op == "gather":
        flat = v[0].reshape(-1)
        return np.array([flat[m] if m >= 0 else 0.0 for m in c.attrs["map"]]).reshape(c.shape)
    if c.op == "gather_t":
        out = np.zeros(int(np.prod(c.shape)))
        for i, m in enumerate(c.attrs["map"]):
            if m >= 0:
                out[m] += v[0].reshape(-1)[i]
        return out.reshape(c.shape)
    e = np.exp(v[0])
    if c.op == "softmax_rows":
        return e / e.sum(axis=1, keepdims=True)
    if c.op == "softmax":
        return e / e.sum()
    if c.op == "log_softmax":
        return v[0] - np.log(e.sum())
    if c.op == "logsumexp":
        return np.asarray(np.log(e.sum()))
    raise AssertionError(c.op)


def _point(c: Case, seed: int) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed)
    return {x: rng.uniform(-1.0, 1.0, s) for x, s in c.args.items()}


def _value(c: Case, env: dict) -> np.ndarray:
    a = _assignment(c)
    return np.asarray(REGISTRY[c.op].numeric(a, env), dtype=float)


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_shape_numeric_and_symbolic_rules(c):
    a = _assignment(c)
    env = _point(c, 1)
    got = _value(c, env)
    assert infer_shape(a, dict(c.args)) == c.shape
    assert got.shape == c.shape
    np.testing.assert_allclose(got, _reference(c, env), rtol=1e-13, atol=1e-14)
    senv = {x: (sp.Float(v) if np.ndim(v) == 0 else np.vectorize(sp.Float, otypes=[object])(v)) for x, v in env.items()}
    out = run_symbolic([a], senv)["out"]
    as_float = np.vectorize(lambda e: float(sp.N(e, 30)), otypes=[float])(np.asarray(out, dtype=object))
    np.testing.assert_allclose(as_float.reshape(c.shape), got, rtol=1e-12, atol=1e-13)


def _fd_grad(f, env: dict, x: str, h: float = 1e-6) -> np.ndarray:
    g = np.zeros(np.shape(env[x]))
    for i in np.ndindex(g.shape):
        e_plus, e_minus = dict(env), dict(env)
        e_plus[x] = np.array(env[x], dtype=float)
        e_minus[x] = np.array(env[x], dtype=float)
        e_plus[x][i] += h
        e_minus[x][i] -= h
        g[i] = (f(e_plus) - f(e_minus)) / (2 * h)
    return g


def _graph(c: Case, extra_inputs: dict) -> Graph:
    return Graph("one_op", dict(extra_inputs), dict(c.args), [_assignment(c)], objective="out")


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_vjp_matches_finite_differences(c):
    env = _point(c, 2)
    rng = np.random.default_rng(3)
    gy = rng.uniform(-1.0, 1.0, c.shape)
    seeds = [("gy", gy)]
    if c.shape == ():
        seeds.append((None, np.asarray(1.0)))  # the objective's own seed 1 (folded)
    for seed, w in seeds:
        g = _graph(c, {"gy": c.shape} if seed else {})
        d = reverse(g, of="out", seed=seed, seed_shape=c.shape if seed else None)
        vals = run_numeric(g.assignments + d.backward, {**env, **({seed: w} if seed else {})})

        def f(e, w=w):
            return float(np.sum(w * _value(c, e)))

        for x in c.args:
            name = d.adjoint.get(x)
            got = np.zeros(c.args[x]) if name is None else np.broadcast_to(vals[name], c.args[x])
            np.testing.assert_allclose(
                got, _fd_grad(f, env, x), rtol=1e-6, atol=1e-8, err_msg=f"∂/∂{x} with seed {seed}"
            )


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_jvp_matches_finite_differences(c):
    env = _point(c, 4)
    rng = np.random.default_rng(5)
    names = list(c.args)
    for moving in (names, names[:1]):  # all arguments move, or only the first
        u = {x: rng.uniform(-1.0, 1.0, c.args[x]) for x in moving}
        seeds = {x: f"u[{x}]" for x in moving}
        tp = tangent([_assignment(c)], dict(c.args) | {"out": c.shape}, seeds)
        vals = run_numeric([_assignment(c)] + tp.assignments, {**env, **{seeds[x]: u[x] for x in moving}})
        name = tp.tangent.get("out")
        got = np.zeros(c.shape) if name is None else np.broadcast_to(vals[name], c.shape)
        h = 1e-6
        plus = {**env, **{x: env[x] + h * u[x] for x in moving}}
        minus = {**env, **{x: env[x] - h * u[x] for x in moving}}
        want = (_value(c, plus) - _value(c, minus)) / (2 * h)
        np.testing.assert_allclose(got, want, rtol=1e-6, atol=1e-8, err_msg=f"moving {moving}")
        check_shapes(tp.assignments, dict(c.args) | {"out": c.shape} | {seeds[x]: c.args[x] for x in moving})


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_display_rule(c):
    """The display form prints in text and LaTeX and names every argument."""
    a = _assignment(c)
    N = Names("J")
    e = op_expr(a)
    text, tex = to_text(e, N), to_latex(e, N)
    assert text and tex
    for x in c.args:
        assert x in text and x in tex


@pytest.mark.parametrize("c", CASES, ids=lambda c: c.id)
def test_codegen_lowering_entry(c):
    """Each op's lowering entry gives one step of the expected kind writing the output buffer."""
    a = _assignment(c)
    args = [Buf(f"b_{x}", s, "work") for x, s in c.args.items()]
    out = Buf("b_out", c.shape, "work")
    step = lower_step(a, out, args, "double", False)
    assert step.kind == c.step
    assert step.out is out


def test_rules_live_in_the_registry():
    """The dispatching modules hold no per-op if-chains any more (reverse.py still recognises
    softmax/sigmoid producers when it fuses log∘softmax, a pattern rule, not a dispatch)."""
    import symbolic.display
    import symbolic.evaluate
    import symbolic.tables
    import symbolic.tangent

    for mod in (symbolic.evaluate, symbolic.tangent, symbolic.display, symbolic.tables):
        src = inspect.getsource(mod)
        for op in REGISTRY:
            if op == "ew":
                continue
            assert f'op == "{op}"' not in src, f"{mod.__name__} still dispatches on {op!r}"
