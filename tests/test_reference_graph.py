"""Tests for codegen.reference_graph: hand-coded graph-wise reverse mode over the symgrad Graph.

Checked against the seeds' worked numbers, against central differences, and against the
symbolic derivation (symbolic.point.evaluate_point: gradient, adjoints and H·u).
Random points are redrawn (same seeded generator) while any kink argument is within 1e-3 of
its break point, so central differences stay valid.
"""

from __future__ import annotations

import numpy as np
import pytest
import sympy as sp

from codegen.reference_graph import (
    batch_loss_and_grad,
    graph_backprop,
    graph_forward,
    graph_grad_fd,
    graph_hvp_fd,
    kink_margin,
)
from symbolic.catalogue import elu, leaky_relu
from symbolic.evaluate import run_numeric
from symbolic.graph import Assignment, Graph, sym
from symbolic.point import evaluate_point
from symbolic.spec import load_spec, parse_spec

GRAD_RTOL, GRAD_ATOL = 1e-6, 1e-8  # reference vs central differences
SYM_RTOL, SYM_ATOL = 1e-10, 1e-12  # reference vs symbolic derivation
HVP_RTOL, HVP_ATOL = 1e-5, 1e-7  # FD of the reference gradient vs symbolic H·u
KINK_GAP = 1e-3


def _close(a: dict, b: dict, rtol, atol, keys=None, what=""):
    for k in keys if keys is not None else b:
        np.testing.assert_allclose(
            np.asarray(a[k], float), np.asarray(b[k], float), rtol=rtol, atol=atol, err_msg=f"{what} '{k}'"
        )


# ---- (1) seed 001 §2.8 worked example II ---------------------------------------------------------


def test_worked_example_ii_seed_values():
    g = load_spec("examples/worked_example_ii.toml")
    f, grads, adj = graph_backprop(g, g.values)
    expected = {
        "w1": -0.02585876769,
        "b1": -0.01292938385,
        "w2": -0.05171753539,
        "b2": -0.02585876769,
        "w3": -0.0288138118,
        "b3": -0.035994812,
    }
    for k, v in expected.items():
        assert abs(float(grads[k]) - v) < 1e-9, (k, float(grads[k]), v)
    assert f == pytest.approx(float(run_numeric(g.assignments, g.values)["L"]), rel=1e-15)
    _close(grads, graph_grad_fd(g, g.values), GRAD_RTOL, GRAD_ATOL, what="fd grad")
    res = evaluate_point(g, g.values)
    _close(grads, res.grad, SYM_RTOL, SYM_ATOL, what="symbolic grad")
    _close(adj, res.adjoints, SYM_RTOL, SYM_ATOL, what="symbolic adjoint")


# ---- (2) layered graphs: every loss, penalty and activation ----------------------------------------


def layered_toml(hidden="tanh", last="identity", loss='type = "mse"', penalty=None, reduction="mean", widths=(3, 4, 2)):
    text = (
        f'[model]\nname = "t"\ninput = {widths[0]}\n'
        f'[[layers]]\ndense = {widths[1]}\nactivation = "{hidden}"\n'
        f'[[layers]]\ndense = {widths[2]}\nactivation = "{last}"\n'
        f'[loss]\n{loss}\nreduction = "{reduction}"\n'
    )
    if penalty:
        text += f"[penalty]\n{penalty}\n"
    return text


def _target(kind: str, rng, k: int) -> np.ndarray:
    if kind == "real":
        return rng.normal(size=k)
    if kind == "prob":  # a probability vector
        e = np.exp(rng.normal(size=k))
        return e / e.sum()
    if kind == "unit":  # independent values in (0, 1)
        return rng.uniform(0.05, 0.95, size=k)
    if kind == "pm1":
        return rng.choice([-1.0, 1.0], size=k)
    if kind == "01":
        return rng.choice([0.0, 1.0], size=k)
    raise AssertionError(kind)


# (loss table, last activation, target kind)
LOSSES = {
    "mse_half": ('type = "mse"\nhalf = true', "identity", "real"),
    "mse_nohalf": ('type = "mse"\nhalf = false', "identity", "real"),
    "sse": ('type = "sse"', "identity", "real"),
    "mae": ('type = "mae"', "identity", "real"),
    "huber": ('type = "huber"\ndelta = 0.5', "identity", "real"),
    "cross_entropy": ('type = "cross_entropy"', "identity", "prob"),
    "nll": ('type = "nll"', "softmax", "prob"),
    "bce": ('type = "bce"', "sigmoid", "unit"),
    "bce_logits": ('type = "bce_logits"', "identity", "unit"),
    "hinge": ('type = "hinge"', "identity", "pm1"),
    "logistic": ('type = "logistic"', "identity", "pm1"),
    "focal": ('type = "focal"\nalpha = 0.3\ngamma = 2', "identity", "01"),
    "dice": ('type = "dice"', "sigmoid", "unit"),
    "kl": ('type = "kl"', "softmax", "prob"),
}
PENALTIES = {
    "none": None,
    "l2_lam": 'type = "l2"\nlam = 0.3',
    "l2_lam_nohalf_all": 'type = "l2"\nlam = 0.2\nhalf = false\nparams = "all"',
    "l2_C": 'type = "l2"\nC = 2.0',
    "l1": 'type = "l1"\nlam = 0.2',
    "lp3": 'type = "lp"\nlam = 0.2\np = 3',
    "lp1.5_all": 'type = "lp"\nlam = 0.2\np = 1.5\nparams = "all"',
}
HIDDEN = [
    "tanh",
    "relu",
    "leaky_relu",
    "elu",
    "gelu",
    "silu",
    "softplus",
    "sigmoid",
    "sin",
    "cos",
    "exp",
    "abs",
    "identity",
]


def _point(g, target_kind, seed):
    rng = np.random.default_rng(seed)
    for _ in range(100):
        vals = {n: 0.7 * rng.normal(size=s) for n, s in g.params.items()}
        vals["x"] = rng.normal(size=g.inputs["x"])
        vals["y"] = _target(target_kind, rng, g.inputs["y"][0])
        if kink_margin(g, vals) > KINK_GAP:
            return vals, {n: rng.normal(size=s) for n, s in g.params.items()}
    raise AssertionError("could not draw a point away from kinks")


def _check_grad(g, vals):
    """Reference gradient = central differences = symbolic gradient; adjoints agree too."""
    f, grads, adj = graph_backprop(g, vals)
    fd = graph_grad_fd(g, vals)
    _close(grads, fd, GRAD_RTOL, GRAD_ATOL, what="reference vs FD gradient")
    res = evaluate_point(g, vals)
    assert f == pytest.approx(res.objective, rel=1e-12, abs=1e-14)
    _close(grads, res.grad, SYM_RTOL, SYM_ATOL, what="reference vs symbolic gradient")
    _close(adj, res.adjoints, SYM_RTOL, SYM_ATOL, what="reference vs symbolic adjoint")


def _check_hvp(g, vals, u):
    """Central differences of the reference gradient along u = the symbolic H·u."""
    hv = graph_hvp_fd(g, vals, u)
    res = evaluate_point(g, vals, direction=u)
    _close(hv, res.hvp, HVP_RTOL, HVP_ATOL, what="FD H·u vs symbolic H·u")


def _check_all(g, vals, u):
    _check_grad(g, vals)
    _check_hvp(g, vals, u)


# Regression: SymPy differentiates sign(x) (the derivative of Abs) to 2*DiracDelta(x); the
# derivation drops it (sign' = 0 policy), so these HVPs must evaluate and agree.
DIRAC = ()
ABS_LOSSES = {"mae", "huber"}
ABS_PENALTIES = {"l1", "lp3", "lp1.5_all"}
ABS_HIDDEN = {"abs"}


def _layered_loss_graph(loss):
    table, last, kind = LOSSES[loss]
    g = parse_spec(layered_toml("tanh", last, table, 'type = "l2"\nlam = 0.1'))
    return g, _point(g, kind, seed=sum(map(ord, loss)))


def _layered_penalty_graph(penalty):
    g = parse_spec(layered_toml("tanh", "identity", 'type = "mse"\nhalf = true', PENALTIES[penalty]))
    assert (g.objective == "J") == (PENALTIES[penalty] is not None)
    return g, _point(g, "real", seed=sum(map(ord, penalty)))


def _layered_hidden_graph(hidden):
    g = parse_spec(layered_toml(hidden, "identity", 'type = "cross_entropy"', 'type = "l2"\nlam = 0.1'))
    return g, _point(g, "prob", seed=sum(map(ord, hidden)))


@pytest.mark.parametrize("loss", list(LOSSES))
def test_layered_losses_grad(loss):
    g, (vals, _) = _layered_loss_graph(loss)
    _check_grad(g, vals)


@pytest.mark.parametrize("loss", [pytest.param(n, marks=DIRAC) if n in ABS_LOSSES else n for n in LOSSES])
def test_layered_losses_hvp(loss):
    g, (vals, u) = _layered_loss_graph(loss)
    _check_hvp(g, vals, u)


@pytest.mark.parametrize("penalty", list(PENALTIES))
def test_layered_penalties_grad(penalty):
    g, (vals, _) = _layered_penalty_graph(penalty)
    _check_grad(g, vals)


@pytest.mark.parametrize("penalty", [pytest.param(n, marks=DIRAC) if n in ABS_PENALTIES else n for n in PENALTIES])
def test_layered_penalties_hvp(penalty):
    g, (vals, u) = _layered_penalty_graph(penalty)
    _check_hvp(g, vals, u)


@pytest.mark.parametrize("hidden", HIDDEN)
def test_layered_activations_grad(hidden):
    g, (vals, _) = _layered_hidden_graph(hidden)
    _check_grad(g, vals)


@pytest.mark.parametrize("hidden", [pytest.param(n, marks=DIRAC) if n in ABS_HIDDEN else n for n in HIDDEN])
def test_layered_activations_hvp(hidden):
    g, (vals, u) = _layered_hidden_graph(hidden)
    _check_hvp(g, vals, u)


def test_forward_matches_run_numeric():
    g = parse_spec(layered_toml("gelu", "sigmoid", 'type = "dice"', 'type = "l1"\nlam = 0.2'))
    vals, _ = _point(g, "unit", seed=5)
    ref = run_numeric(g.assignments, vals)
    mine = graph_forward(g, vals)
    _close(mine, ref, 1e-14, 1e-15, keys=[a.name for a in g.assignments], what="forward")


# ---- batches ------------------------------------------------------------------------------------


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_batch_loss_and_grad(reduction):
    g = parse_spec(
        layered_toml("tanh", "identity", 'type = "cross_entropy"', 'type = "l2"\nlam = 0.3', reduction=reduction)
    )
    assert g.info.data_objective == "L" and g.info.penalty_name == "R"
    rng = np.random.default_rng(11)
    params = {n: rng.normal(size=s) for n, s in g.params.items()}
    n = 5
    data = {"x": rng.normal(size=(n, 3)), "y": np.stack([_target("prob", rng, 2) for _ in range(n)])}
    J, grads = batch_loss_and_grad(g, params, data)
    # J = reduce_i L_i + R, with R once
    per = [evaluate_point(g, {**params, "x": data["x"][i], "y": data["y"][i]}) for i in range(n)]
    R = float(graph_forward(g, params, of="R")["R"])
    Ls = [p.values["L"] for p in per]
    red = np.mean if reduction == "mean" else np.sum
    assert pytest.approx(float(red(Ls)) + R, rel=1e-12) == J
    gR = graph_backprop(g, params, of="R")[1]
    sym = {p: red([r.grad[p] for r in per], axis=0) - (0 if reduction == "mean" else (n - 1) * gR[p]) for p in g.params}
    _close(grads, sym, SYM_RTOL, SYM_ATOL, what="batch grad vs symbolic")
    # and central differences of the batch objective itself
    eps = 1e-6
    for p, shape in g.params.items():
        for idx in np.ndindex(*shape):
            pp = {k: v.copy() for k, v in params.items()}
            pm = {k: v.copy() for k, v in params.items()}
            pp[p][idx] += eps
            pm[p][idx] -= eps
            d = (batch_loss_and_grad(g, pp, data)[0] - batch_loss_and_grad(g, pm, data)[0]) / (2 * eps)
            assert d == pytest.approx(grads[p][idx], rel=GRAD_RTOL, abs=GRAD_ATOL), (p, idx)


def test_batch_without_penalty_is_per_sample():
    g = parse_spec(layered_toml("relu", "identity", 'type = "mse"', None, reduction="sum"))
    rng = np.random.default_rng(3)
    params = {n: rng.normal(size=s) for n, s in g.params.items()}
    data = {"x": rng.normal(size=(3, 3)), "y": rng.normal(size=(3, 2))}
    J, grads = batch_loss_and_grad(g, params, data)
    per = [graph_backprop(g, {**params, "x": data["x"][i], "y": data["y"][i]}) for i in range(3)]
    assert pytest.approx(sum(p[0] for p in per), rel=1e-14) == J
    _close(grads, {k: sum(p[1][k] for p in per) for k in g.params}, 1e-14, 1e-15)


# ---- (3) assignment form: sharing, fan-out, structural ops ---------------------------------------

SEED000_DAG = """
[model]
name = "seed000_dag"
inputs = ["r1", "r2"]
params = ["th1", "th2", "th3"]
objective = "J"

[forward]
z = "[th1*r1, th2*r2]"
s = "softmax(z)"
u = "th1*r1 + th3*r2"
y4 = "sigmoid(u)"
y5 = "th2*r1 + th2*s[0] + th3*y4"
J = "-log(s[1]) + y5**2"

[values]
r1 = -1
r2 = 1
th1 = 0.5
th2 = -0.3
th3 = 0.8
"""


def test_seed000_dag_shared_parameters():
    g = parse_spec(SEED000_DAG)
    _f, grads, adj = graph_backprop(g, g.values)
    got = [float(grads[k]) for k in ("th1", "th2", "th3")]
    np.testing.assert_allclose(got, [-0.60168531, -1.044168212, 0.9617479361], rtol=0, atol=1e-8)
    np.testing.assert_allclose([float(adj["r1"]), float(adj["r2"])], [-0.07385987258, 0.3026377894], rtol=0, atol=1e-10)
    _close(grads, graph_grad_fd(g, g.values), GRAD_RTOL, GRAD_ATOL, what="fd grad")
    _close(
        {k: adj[k] for k in ("r1", "r2")},
        graph_grad_fd(g, g.values, wrt=["r1", "r2"]),
        GRAD_RTOL,
        GRAD_ATOL,
        what="fd input adjoint",
    )
    u = {"th1": 0.3, "th2": -1.1, "th3": 0.7}
    res = evaluate_point(g, g.values, direction=u)
    _close(grads, res.grad, SYM_RTOL, SYM_ATOL, what="symbolic grad")
    _close(adj, res.adjoints, SYM_RTOL, SYM_ATOL, what="symbolic adjoint")
    _close(graph_hvp_fd(g, g.values, u), res.hvp, HVP_RTOL, HVP_ATOL, what="H·u")


SEED001_FANOUT = """
[model]
name = "seed001_2_10"
params = ["x"]
objective = "f"

[forward]
v3 = "x**2"
v5 = "2*v3"
v6 = "v3 + 1"
f = "v5*v6"

[values]
x = 3
"""


def test_seed001_fanout():
    g = parse_spec(SEED001_FANOUT)
    f, grads, adj = graph_backprop(g, g.values)
    assert f == 18 * 10
    assert float(adj["v3"]) == pytest.approx(38, abs=1e-12)
    assert float(adj["v5"]) == pytest.approx(10, abs=1e-12)
    assert float(adj["v6"]) == pytest.approx(18, abs=1e-12)
    assert float(grads["x"]) == pytest.approx(228, abs=1e-12)
    res = evaluate_point(g, g.values, direction={"x": 1.0})
    _close(adj, res.adjoints, SYM_RTOL, SYM_ATOL, what="symbolic adjoint")
    # f = 2x^4 + 2x^2: f'' = 24x^2 + 4 = 220
    assert float(graph_hvp_fd(g, g.values, {"x": 1.0})["x"]) == pytest.approx(220, rel=1e-8)
    assert float(res.hvp["x"]) == pytest.approx(220, rel=1e-12)


STRUCTURAL = """
[model]
name = "structural"
inputs = ["x[3]", "t"]
params = ["A[2,3]", "B[3,2]", "v[2]", "c", "k"]
objective = "J"

[forward]
h = "A @ x"
M = "A @ B"
N = "B.T @ A.T"
P = "A.T @ v"
q = "v @ A"
d = "dot(h, v)"
O = "outer(v, h)"
T = "M.T"
r = "M[1]"
e = "N[0,1]"
w = "[d, e, c*t, d]"
ls = "log_softmax(c * q)"
sm = "softmax(P + x)"
J = '''sum(M * N) + logsumexp(P) + sum(ls * x) + sum(O**2)/10 + sum(r * v) + sum(T * O) + max(e, c)
     + ifpos(d, sin(c), cos(k)) + sqrt(exp(k) + 1) + sum(w**2)/7 + log(1 + c**2) + k**c + mean(sm * x)
     + sum(h)**3/50 + c/(1 + k**2)'''
"""


def _structural_point(g, seed):
    rng = np.random.default_rng(seed)
    for _ in range(100):
        vals = {n: rng.normal(size=s) for n, s in g.leaves().items()}
        vals["k"] = rng.uniform(0.5, 1.5)  # k**c needs k > 0
        if kink_margin(g, vals) > KINK_GAP:
            return vals, {n: rng.normal(size=s) for n, s in g.params.items()}
    raise AssertionError("no point away from kinks")


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_structural_ops_and_sharing(seed):
    g = parse_spec(STRUCTURAL)
    ops = {a.op for a in g.assignments}
    assert {"matmul", "outer", "transpose", "index", "stack", "sum", "softmax", "log_softmax", "logsumexp", "ew"} <= ops
    vals, u = _structural_point(g, seed)
    _check_all(g, vals, u)
    _, _, adj = graph_backprop(g, vals)
    _close(
        {k: adj[k] for k in g.inputs},
        graph_grad_fd(g, vals, wrt=list(g.inputs)),
        GRAD_RTOL,
        GRAD_ATOL,
        what="fd input adjoint",
    )


def _manual_graph():
    """Ops and nodes the parser never emits: scatter (with a duplicate position), tan, erf,
    a symbolic exponent, elu/leaky_relu with a parameter alpha."""
    x, S, al, m = sym("x"), sym("S"), sym("al"), sym("m")
    asg = [
        Assignment("s", "scatter", ("a", "b", "a"), (2, 2), attrs={"positions": [(0, 1), (1, 0), (0, 1)]}),
        Assignment("S", "sum", ("s",), ()),
        Assignment(
            "m", "ew", ("S", "al", "x"), (3,), sp.tan(x / 3) + sp.erf(x * S) + sp.Abs(x) ** al + sp.exp(x) ** (al * S)
        ),
        Assignment("n", "ew", ("al", "m"), (3,), leaky_relu(m, al) + elu(m - 2, al)),
        Assignment("J", "sum", ("n",), ()),
    ]
    return Graph("manual", {"x": (3,)}, {"a": (), "b": (), "al": ()}, asg, "J").validate()


def test_manual_ops_against_fd():
    g = _manual_graph()
    rng = np.random.default_rng(4)
    for _ in range(50):
        vals = {"x": rng.normal(size=3), "a": rng.normal(), "b": rng.normal(), "al": rng.uniform(0.2, 0.8)}
        if kink_margin(g, vals) > KINK_GAP:
            break
    ref = run_numeric(g.assignments, vals)
    _close(graph_forward(g, vals), ref, 1e-14, 1e-15, keys=[a.name for a in g.assignments])
    _f, grads, adj = graph_backprop(g, vals)
    _close(grads, graph_grad_fd(g, vals), GRAD_RTOL, GRAD_ATOL, what="fd grad")
    _close({"x": adj["x"]}, graph_grad_fd(g, vals, wrt=["x"]), GRAD_RTOL, GRAD_ATOL)
    res = evaluate_point(g, vals)
    _close(grads, res.grad, SYM_RTOL, SYM_ATOL, what="symbolic grad")


def test_kink_conventions():
    """relu'(0) = 0, leaky_relu'(0) = alpha, elu'(0) = alpha, |x|'(0) = 0, max ties -> second."""
    text = """
[model]
params = ["p", "q"]
objective = "J"
[forward]
J = "relu(p) + leaky_relu(p, 0.1) + elu(p, 0.5) + abs(p) + 3*max(p, q)"
"""
    g = parse_spec(text)
    _, grads, _ = graph_backprop(g, {"p": 0.0, "q": 0.0})
    assert float(grads["p"]) == pytest.approx(0 + 0.1 + 0.5 + 0)
    assert float(grads["q"]) == pytest.approx(3.0)
    res = evaluate_point(g, {"p": 0.0, "q": 0.0})
    _close(grads, res.grad, SYM_RTOL, SYM_ATOL, what="symbolic grad at kinks")


def test_of_other_quantity_and_errors():
    g = parse_spec(SEED000_DAG)
    f, grads, adj = graph_backprop(g, g.values, of="y5")
    assert f == pytest.approx(float(graph_forward(g, g.values)["y5"]))
    _close(grads, graph_grad_fd(g, g.values, of="y5"), GRAD_RTOL, GRAD_ATOL)
    assert float(adj["J"]) == 0.0
    with pytest.raises(ValueError):
        graph_backprop(g, g.values, of="s")
    with pytest.raises(KeyError):
        graph_backprop(g, {k: v for k, v in g.values.items() if k != "th1"})


SIGN_SPEC = """
[model]
params = ["c", "k"]
objective = "J"
[forward]
J = "sign(c)*c*k + abs(c)**1.5 + k**2*c"
"""


def test_sign_and_abs_reference_vs_fd():
    g = parse_spec(SIGN_SPEC)
    vals = {"c": -0.7, "k": 1.3}
    _, grads, _ = graph_backprop(g, vals)
    c, k = vals["c"], vals["k"]
    exact = {"c": np.sign(c) * k + 1.5 * abs(c) ** 0.5 * np.sign(c) + k**2, "k": np.sign(c) * c + 2 * k * c}
    _close(grads, exact, 1e-14, 1e-15, what="closed form")
    _close(grads, graph_grad_fd(g, vals), GRAD_RTOL, GRAD_ATOL, what="fd grad")
    # H = [[0.75/sqrt|c|, sign(c) + 2k], [sign(c) + 2k, 2c]]
    H = np.array([[0.75 / abs(c) ** 0.5, np.sign(c) + 2 * k], [np.sign(c) + 2 * k, 2 * c]])
    hv = graph_hvp_fd(g, vals, {"c": 1.0, "k": -2.0})
    np.testing.assert_allclose([hv["c"], hv["k"]], H @ [1.0, -2.0], rtol=HVP_RTOL, atol=HVP_ATOL)


def test_sign_symbolic_gradient():
    g = parse_spec(SIGN_SPEC)
    vals = {"c": -0.7, "k": 1.3}
    _close(graph_backprop(g, vals)[1], evaluate_point(g, vals).grad, SYM_RTOL, SYM_ATOL)


def test_abs_power_symbolic_hvp():
    g = parse_spec(SIGN_SPEC.replace("sign(c)*c*k + ", ""))
    vals, u = {"c": -0.7, "k": 1.3}, {"c": 1.0, "k": -2.0}
    _close(graph_hvp_fd(g, vals, u), evaluate_point(g, vals, direction=u).hvp, HVP_RTOL, HVP_ATOL)
