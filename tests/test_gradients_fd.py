"""Gradients and HVPs of every catalogue function and loss agree with central finite differences
at random points (away from kinks), and random small graphs (hypothesis) do too."""

import zlib

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from symbolic.catalogue import CATALOGUE
from symbolic.point import evaluate_point
from symbolic.spec import parse_spec


def fd_grad(g, values, eps=1e-6):
    out = {}
    for p, shape in g.params.items():
        gp = np.zeros(shape)
        for idx in np.ndindex(*shape):
            vp = {k: np.array(v, dtype=float, copy=True) for k, v in values.items()}
            vm = {k: np.array(v, dtype=float, copy=True) for k, v in values.items()}
            vp[p][idx] += eps
            vm[p][idx] -= eps
            gp[idx] = (evaluate_point(g, vp).objective - evaluate_point(g, vm).objective) / (2 * eps)
        out[p] = gp
    return out


def fd_hvp(g, values, u, eps=1e-5):
    vp = {k: (v + eps * u[k] if k in u else v) for k, v in values.items()}
    vm = {k: (v - eps * u[k] if k in u else v) for k, v in values.items()}
    gp, gm = evaluate_point(g, vp).grad, evaluate_point(g, vm).grad
    return {p: (gp[p] - gm[p]) / (2 * eps) for p in g.params}


def check(g, values, rng, rtol=1e-6, atol=1e-7, hvp_rtol=1e-5, hvp_atol=1e-6):
    u = {p: rng.normal(size=s) for p, s in g.params.items()}
    r = evaluate_point(g, values, direction=u)
    fg = fd_grad(g, values)
    for p in g.params:
        np.testing.assert_allclose(r.grad[p], fg[p], rtol=rtol, atol=atol, err_msg=f"grad {p}")
    fh = fd_hvp(g, values, u)
    for p in g.params:
        np.testing.assert_allclose(r.hvp[p], fh[p], rtol=hvp_rtol, atol=hvp_atol, err_msg=f"hvp {p}")


SCALAR = """\
[model]
params = ["a", "k"]
objective = "J"
[forward]
h = "{call}"
J = "k*h + h**2"
"""

KINKS = {"relu": 0.0, "leaky_relu": 0.0, "elu": 0.0, "abs": 0.0, "sign": 0.0}
DOMAIN = {"log": (0.2, 3.0), "sqrt": (0.2, 3.0)}
ELEMENTWISE = [n for n, e in CATALOGUE.items() if e.kind == "elementwise" and n not in ("max", "ifpos")]


@pytest.mark.parametrize("fname", ELEMENTWISE)
def test_elementwise_catalogue_against_fd(fname):
    rng = np.random.default_rng(zlib.crc32(fname.encode()))
    call = f"{fname}(a)" if fname != "leaky_relu" else "leaky_relu(a, 0.1)"
    g = parse_spec(SCALAR.format(call=call))
    for _ in range(5):
        lo, hi = DOMAIN.get(fname, (-2.5, 2.5))
        a = rng.uniform(lo, hi)
        if fname in KINKS and abs(a) < 1e-2:
            a += 0.1
        check(g, {"a": np.array(a), "k": np.array(rng.normal())}, rng)


def test_max_against_fd():
    g = parse_spec(SCALAR.format(call="max(a, k, 0.3)"))
    rng = np.random.default_rng(3)
    for _ in range(5):
        check(g, {"a": np.array(rng.normal()), "k": np.array(rng.normal())}, rng)


VECTOR = """\
[model]
inputs = ["c[4]"]
params = ["z[4]"]
objective = "J"
[forward]
J = "{expr}"
"""


@pytest.mark.parametrize(
    "expr",
    [
        "sum(c * softmax(z))",
        "sum(c * log_softmax(z))",
        "logsumexp(z) * sum(c)",
        "dot(z, c)**2",
        "sum(outer(z, c) @ z)",
        "mean(z**3)",
        "sum(z.T * c)",
    ],
)
def test_vector_functions_against_fd(expr):
    g = parse_spec(VECTOR.format(expr=expr))
    rng = np.random.default_rng(7)
    for _ in range(3):
        check(g, {"z": rng.normal(size=4), "c": rng.normal(size=4)}, rng)


LOSS = """\
[model]
inputs = ["t[3]"]
params = ["a[3]"]
objective = "J"
[forward]
p = "{pre}"
J = "{call}"
"""

LOSSES = {
    "mse": ("a", "mse(p, t)", "real"),
    "mse_half": ("a", "mse(p, t, half=1)", "real"),
    "sse": ("a", "sse(p, t)", "real"),
    "mae": ("a", "mae(p, t)", "real"),
    "huber": ("a", "huber(p, t, delta=0.7)", "real"),
    "cross_entropy": ("a", "cross_entropy(p, t)", "onehot"),
    "nll": ("softmax(a)", "nll(p, t)", "onehot"),
    "bce": ("sigmoid(a)", "bce(p, t)", "binary"),
    "bce_logits": ("a", "bce_logits(p, t)", "binary"),
    "focal": ("a", "focal(p, t, alpha=0.3, gamma=2)", "binary"),
    "dice": ("sigmoid(a)", "dice(p, t)", "binary"),
    "kl": ("softmax(a)", "kl(t, p)", "prob"),
    "hinge": ("a", "hinge(p, t)", "sign"),
    "logistic": ("a", "logistic(p, t)", "sign"),
}


def _target(kind, rng):
    if kind == "onehot":
        t = np.zeros(3)
        t[rng.integers(3)] = 1
        return t
    if kind == "binary":
        return rng.integers(0, 2, size=3).astype(float)
    if kind == "prob":
        e = np.exp(rng.normal(size=3))
        return e / e.sum()
    if kind == "sign":
        return rng.choice([-1.0, 1.0], size=3)
    return rng.normal(size=3)


@pytest.mark.parametrize("loss", list(LOSSES))
def test_losses_against_fd(loss):
    pre, call, kind = LOSSES[loss]
    g = parse_spec(LOSS.format(pre=pre, call=call))
    rng = np.random.default_rng(11)
    for _ in range(4):
        t = _target(kind, rng)
        a = rng.normal(size=3)
        if loss in ("mae", "huber"):  # keep |a − t| away from the kinks 0 and δ
            a = t + rng.choice([-1, 1], size=3) * rng.uniform(0.1, 0.5, size=3)
        if loss == "hinge":
            a = t * rng.uniform(-1.0, 0.8, size=3)  # margin 1 − t·a stays positive
        check(g, {"a": a, "t": t}, rng)


def test_cross_entropy_is_stable_at_large_logits():
    g = parse_spec(LOSS.format(pre="a", call="cross_entropy(p, t)"))
    r = evaluate_point(g, {"a": np.array([1000.0, 0.0, -1000.0]), "t": np.array([0.0, 1.0, 0.0])})
    assert r.objective == pytest.approx(1000.0)
    np.testing.assert_allclose(r.grad["a"], [1.0, -1.0, 0.0], atol=1e-12)


# Functions of arguments SymPy cannot prove real (a quotient, σ, √): |u|′ = sign(u)·u′, sign′ = 0.
@pytest.mark.parametrize(
    "call",
    [
        "abs(a / k)",
        "abs(sigmoid(a))",
        "abs(softplus(a))",
        "abs(sqrt(a))",
        "abs(log(a))",
        "sign(a / k) * a**2",
        "abs(a / k)**3",
    ],
)
def test_abs_sign_of_unprovably_real_arguments_against_fd(call):
    g = parse_spec(SCALAR.format(call=call))
    rng = np.random.default_rng(zlib.crc32(call.encode()))
    for _ in range(4):
        check(g, {"a": np.array(rng.uniform(0.3, 2.5)), "k": np.array(rng.choice([-1, 1]) * rng.uniform(0.5, 2))}, rng)


FAR = """\
[model]
params = ["a"]
objective = "J"
[forward]
J = "{call}"
"""


# Second derivatives far out: the untaken branch of ELU (e^720 = inf) and Huber never meets a 0
# factor, and Φ(x) is erfc-based so the GELU derivative keeps its left tail. Exact values by hand.
@pytest.mark.parametrize(
    "call, a, hess",
    [
        ("elu(a)**2", 720.0, 2.0),
        ("elu(a, 0.5)**2", 800.0, 2.0),
        ("elu(a)", -800.0, 0.0),
        ("huber(elu(a), 0.0, delta=1.0)", 750.0, 0.0),
        ("leaky_relu(a, 0.1)**2", -1e6, 0.02),
        ("logsumexp([1000.0, 1000.0, 1000.0*a**2])", 3.0, 2000.0),
    ],
)
def test_second_derivatives_far_out_are_exact(call, a, hess):
    g = parse_spec(FAR.format(call=call))
    with np.errstate(over="raise", invalid="raise"):  # no inf·0 anywhere, no overflow warning
        r = evaluate_point(g, {"a": np.array(a)}, direction={"a": np.array(1.0)})
    assert np.isfinite(r.objective) and np.isfinite(r.grad["a"])
    assert float(r.hvp["a"]) == pytest.approx(hess, rel=1e-9, abs=1e-12)


def test_gelu_derivative_keeps_its_left_tail():
    from math import erfc, exp, pi, sqrt

    g = parse_spec(FAR.format(call="gelu(a)"))
    for a in (-30.0, -20.0, -8.0):
        r = evaluate_point(g, {"a": np.array(a)}, direction={"a": np.array(1.0)})
        phi = exp(-a * a / 2) / sqrt(2 * pi)
        assert float(r.grad["a"]) == pytest.approx(0.5 * erfc(-a / sqrt(2)) + a * phi, rel=1e-12)
        assert float(r.hvp["a"]) == pytest.approx((2 - a * a) * phi, rel=1e-12)


PENALTY = """\
[model]
input = 2
[[layers]]
dense = 3
activation = "tanh"
[[layers]]
dense = 1
[loss]
type = "mse"
[penalty]
{pen}
"""


@pytest.mark.parametrize(
    "pen",
    [
        'type = "l2"\nlam = 0.3',
        'type = "l2"\nC = 2.0',
        'type = "l1"\nlam = 0.2',
        'type = "lp"\nlam = 0.1\np = 3',
        'type = "l2"\nlam = 0.3\nhalf = false\nparams = "all"',
    ],
)
def test_penalties_against_fd(pen):
    g = parse_spec(PENALTY.format(pen=pen))
    rng = np.random.default_rng(5)
    vals = {n: rng.normal(size=s) for n, s in g.leaves().items()}
    check(g, vals, rng)


# ---- random small graphs -------------------------------------------------------------------------

UNARY = [
    "tanh({})",
    "sigmoid({})",
    "sin({})",
    "cos({})",
    "exp(tanh({}))",
    "log(1 + {}**2)",
    "sqrt(1 + {}**2)",
    "softplus({})",
    "silu({})",
    "gelu({})",
    "{}**3",
]
BINARY = ["{} + {}", "{} - {}", "{} * {}", "{} / (1 + {}**2)"]


@st.composite
def scalar_programs(draw):
    n_params = draw(st.integers(1, 3))
    names = [f"p{i}" for i in range(n_params)] + ["x"]
    lines = []
    for k in range(draw(st.integers(1, 6))):
        if draw(st.booleans()):
            expr = draw(st.sampled_from(UNARY)).format(draw(st.sampled_from(names)))
        else:
            tmpl = draw(st.sampled_from(BINARY))
            expr = tmpl.format(draw(st.sampled_from(names)), draw(st.sampled_from(names)))
        lines.append((f"v{k}", expr))
        names.append(f"v{k}")
    used = draw(st.lists(st.sampled_from([n for n, _ in lines]), min_size=1, max_size=3))
    lines.append(("J", " + ".join(f"{n}**2" if i % 2 else n for i, n in enumerate(used))))
    spec = (
        '[model]\ninputs = ["x"]\nparams = ['
        + ", ".join(f'"p{i}"' for i in range(n_params))
        + ']\nobjective = "J"\n[forward]\n'
        + "\n".join(f'{n} = "{e}"' for n, e in lines)
    )
    point = draw(st.lists(st.floats(-1.5, 1.5), min_size=n_params + 1, max_size=n_params + 1))
    return spec, point


@given(scalar_programs())
def test_random_scalar_graphs_against_fd(prog):
    spec, point = prog
    g = parse_spec(spec)
    values = {f"p{i}": np.array(v) for i, v in enumerate(point[:-1])}
    values["x"] = np.array(point[-1])
    rng = np.random.default_rng(0)
    check(g, values, rng, rtol=1e-5, atol=1e-6, hvp_rtol=1e-4, hvp_atol=1e-5)


@given(
    st.lists(st.integers(1, 4), min_size=2, max_size=4),
    st.sampled_from(["tanh", "sigmoid", "softplus", "gelu", "silu", "elu"]),
    st.sampled_from(["mse", "cross_entropy", "bce_logits", "logistic"]),
)
def test_random_mlps_against_fd(widths, act, loss):
    text = f"[model]\ninput = {widths[0]}\n"
    for i, w in enumerate(widths[1:]):
        last = i == len(widths) - 2
        text += f'[[layers]]\ndense = {w}\nactivation = "{"identity" if last else act}"\n'
    text += f'[loss]\ntype = "{loss}"\n'
    g = parse_spec(text)
    rng = np.random.default_rng(sum(widths))
    vals = {n: rng.normal(size=s) for n, s in g.leaves().items()}
    if loss == "cross_entropy":
        vals["y"] = np.eye(widths[-1])[0]
    elif loss == "bce_logits":
        vals["y"] = (vals["y"] > 0).astype(float)
    elif loss == "logistic":
        vals["y"] = np.sign(vals["y"]) + (vals["y"] == 0)
    check(g, vals, rng, rtol=1e-5, atol=1e-6, hvp_rtol=1e-4, hvp_atol=1e-5)
