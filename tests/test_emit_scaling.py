"""Weight-by-weight (scalar assignment form) specs: emission in linear size, and correct kernels.

Issue 9 item 5. A net written one weight at a time derives into thousands of scalar
assignments; they are lowered as straight-line runs (codegen.scalar_block), not one loop and one
tile array each. The size checks count deterministic things (emitted statements, C characters,
steps) per parameter; the numeric checks compare the compiled kernels with the symbolic point
evaluator (symbolic.point.evaluate_point, numpy) sample by sample, and with central
differences of the compiled objective.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from codegen import emit as E
from codegen.kernel import compile as kcompile
from codegen.scalar_block import BlockWriter
from symbolic.builders import scalar_mlp_toml
from symbolic.graph import Assignment, sym
from symbolic.point import evaluate_point
from symbolic.spec import parse_spec

NETS = {15: [2, 2, 2, 1], 37: [2, 4, 4, 1], 67: [2, 6, 6, 1], 105: [2, 8, 8, 1]}


def _net(widths):
    return parse_spec(scalar_mlp_toml(widths, ["tanh"] * (len(widths) - 2) + ["identity"]))


def _statements(plan) -> int:
    return sum(
        len(st.data["block"].body()) for st in plan.tile if not isinstance(st, tuple) and st.kind == "scalar_block"
    )


@pytest.fixture(scope="module")
def planned():
    out = {}
    for P, w in NETS.items():
        g = _net(w)
        assert g.n_params() == P
        _, plans = E.plan_all(g, what=("loss_grad", "hvp"))
        src = E.emit(g, what=("loss_grad", "hvp"))
        out[P] = (g, plans, len(src.c))
    return out


def test_scalar_specs_lower_to_one_run_per_function(planned):
    """Every per-sample assignment of a weight-by-weight net sits in one straight-line run: no
    per-assignment loops, no tile arrays (the reductions accumulate inside the run)."""
    for P, (_, plans, _) in planned.items():
        for fn, plan in plans.items():
            kinds = [st.kind for st in plan.tile]
            assert kinds == ["scalar_block"], (P, fn, kinds)
            assert not [b for b in plan.ws.bufs if b.kind == "tile"], (P, fn)


def test_emitted_statements_grow_linearly(planned):
    """Statements per parameter stay bounded as the net grows (a quadratic emitter would double
    them from 37 to 105 parameters); so does the C text beyond the fixed runtime."""
    per_p = {P: _statements(plans["hvp"]) / P for P, (_, plans, _) in planned.items()}
    assert max(per_p.values()) <= 1.25 * min(per_p[37], per_p[67], per_p[105]), per_p
    base = planned[15][2]
    c_per_p = {P: (n - base) / (P - 15) for P, (_, _, n) in planned.items() if P > 15}
    assert c_per_p[105] <= 1.25 * c_per_p[37], c_per_p
    # the HVP run does a bounded amount of work per parameter (forward, adjoint, tangent,
    # reductions): a count of straight-line statements, not of loops
    assert per_p[105] < 12, per_p


def test_value_numbering_reuses_equal_templates():
    """Two assignments with the same template over the same operands print one statement."""
    loads = {}
    bw = BlockWriter("float64", lambda n: loads.setdefault(n, f"p_{n}[0]"))
    x, y = sym("x"), sym("y")
    a = Assignment("a", "ew", ("x", "y"), (), x * y + x)
    b = Assignment("b", "ew", ("x", "y"), (), x + y * x)  # same canonical expression
    c = Assignment("c", "ew", ("a",), (), sym("a"))  # a copy
    t = sp.tanh(sym("b") * y)
    d = Assignment("d", "ew", ("b", "y"), (), t + t**2)  # a repeated subtree of its own
    va, vb, vc = bw.add(a), bw.add(b), bw.add(c)
    assert va == vb == vc
    bw.add(d)
    lets = [ln for ln in bw.block.body() if ln[0] == "let"]
    # 2 loads, a, tanh(b*y) once (local CSE), d
    assert len(lets) == 5, lets
    assert sum(e == "p_x[0]" for _, _, e in lets) == 1


MIXED = """
[model]
name = "mixed_scalar"
inputs = ["x0", "x1", "y0", "y1"]
params = ["a", "b", "c", "d", "e", "f", "g"]
objective = "L"

[forward]
z0 = "a*x0 + b*x1 + c"
z1 = "d*x0 - b*x1 + e"
h0 = "tanh(z0)"
h1 = "sigmoid(z1)"
h2 = "softplus(z0 - z1)"
o0 = "f*h0 + g*h1 + h2"
o1 = "exp(0.5*z1) - 1 + log(1 + h1*h1) + h0*h1"
L = "0.5*((o0 - y0)**2 + (o1 - y1)**2) + 0.01*(a*a + b*b)"
"""


@pytest.fixture(scope="module")
def mixed():
    g = parse_spec(MIXED)
    return g, kcompile(g, what=("forward", "loss_grad", "hvp", "jacobian"))


def _point(g, rng):
    return {n: float(rng.normal(scale=0.7)) for n in list(g.params) + list(g.inputs)}


def test_scalar_runs_match_the_point_evaluator(mixed):
    """Objective, gradient and H·u over a batch of 7 samples (mean) and one sample at a time,
    against evaluate_point on each sample; forward rows against its values."""
    g, k = mixed
    rng = np.random.default_rng(7)
    base = _point(g, rng)
    params = {p: base[p] for p in g.params}
    u = {p: float(rng.normal()) for p in g.params}
    rows = [{x: float(rng.normal()) for x in g.inputs} for _ in range(7)]
    refs = [evaluate_point(g, {**params, **r}, direction=u) for r in rows]
    theta = k.pack(params)
    D = np.vstack([k.pack_data(r).reshape(1, -1) for r in rows])
    loss, grad = k.loss_and_grad_flat(theta, D)
    loss2, grad2, hv = k.hvp_flat(theta, D, k._dir(u))
    want_l = np.mean([r.objective for r in refs])
    want_g = np.mean([[r.grad[p] for p in g.params] for r in refs], axis=0)
    want_h = np.mean([[r.hvp[p] for p in g.params] for r in refs], axis=0)
    np.testing.assert_allclose(loss, want_l, rtol=1e-12)
    np.testing.assert_allclose(loss2, want_l, rtol=1e-12)
    np.testing.assert_allclose(grad, want_g, rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(grad2, want_g, rtol=1e-11, atol=1e-13)
    np.testing.assert_allclose(hv, want_h, rtol=1e-10, atol=1e-12)
    out = k.forward(params, rows[0])
    for name, v in out.items():
        np.testing.assert_allclose(v, refs[0].values[name], rtol=1e-12)


def test_scalar_runs_gradient_and_jacobian_match_finite_differences(mixed):
    """Independent of the symbolic derivation: central differences of the compiled objective
    (gradient) and of the compiled forward output (Jacobian columns of the parameters)."""
    g, k = mixed
    rng = np.random.default_rng(11)
    v = _point(g, rng)
    theta = k.pack({p: v[p] for p in g.params})
    D = k.pack_data({x: v[x] for x in g.inputs}).reshape(1, -1)
    _, grad = k.loss_and_grad_flat(theta, D)
    h = 1e-6
    fd = []
    for i in range(theta.size):
        e = np.zeros_like(theta)
        e[i] = h
        fd.append((k.loss_and_grad_flat(theta + e, D)[0] - k.loss_and_grad_flat(theta - e, D)[0]) / (2 * h))
    np.testing.assert_allclose(grad, fd, rtol=1e-6, atol=1e-8)
    J = np.asarray(k.jacobian_flat(theta, D)) if hasattr(k, "jacobian_flat") else None
    if J is not None:
        fwd = lambda t: np.asarray(k.forward_flat(t, D)).ravel()
        nin = D.shape[1]
        for i in range(theta.size):
            e = np.zeros_like(theta)
            e[i] = h
            col = (fwd(theta + e) - fwd(theta - e)) / (2 * h)
            np.testing.assert_allclose(J.reshape(-1, nin + theta.size)[:, nin + i], col, rtol=1e-6, atol=1e-8)
