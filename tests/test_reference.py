"""Tests for codegen.reference: hand-written backprop and R-operator HVP against finite differences.

Random small MLPs (depth 1-3, widths 1-5, batch 1-4, float64) are drawn by hypothesis; points
within 1e-3 of a kink (relu/leaky_relu/abs/elu at 0, mae/huber/hinge/l1 break points) are
redrawn from the same seeded generator so central differences stay valid.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codegen.reference import (
    ACTIVATIONS,
    LOSSES,
    VECTOR_ACTIVATIONS,
    activation_names,
    finite_difference_grad,
    finite_difference_hvp,
    forward,
    hvp,
    loss_and_grad,
    param_shapes,
    random_data,
    random_params,
    random_problem,
)

SETTINGS = settings(max_examples=25, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])
KINKED = {"relu", "leaky_relu", "abs", "elu", "sign"}
POSITIVE = {"log", "sqrt"}  # defined for z > 0: random_problem lifts their biases
PROB_OUT = {"bce": "sigmoid", "nll": "softmax", "kl": "softmax"}  # losses that take probabilities
KINK_GAP = 1e-3
GRAD_RTOL, GRAD_ATOL = 1e-6, 1e-8
HVP_RTOL, HVP_ATOL = 1e-5, 1e-7

PENALTIES = [
    {"type": "l2", "lam": 0.3},
    {"type": "l2", "lam": 0.3, "half": False},
    {"type": "l2", "C": 2.0},
    {"type": "l2", "lam": 0.1, "params": "all"},
    {"type": "l1", "lam": 0.2},
    {"type": "l1", "lam": 0.2, "params": "all"},
    {"type": "lp", "lam": 0.2, "p": 3.0},
    {"type": "lp", "lam": 0.2, "p": 1.5, "params": "all"},
]


# ----------------------------------------------------------------------------- helpers


def make_spec(n_in, layers, loss, penalty=None):
    spec = {"model": {"name": "t", "input": n_in}, "layers": layers, "loss": loss}
    if penalty:
        spec["penalty"] = penalty
    return spec


def kink_distance(spec, params, x, y):
    """Smallest distance of any pre-activation, loss argument or penalised weight to a kink
    (or of a probability to 0 or 1, where central differences of log lose their digits)."""
    cache = forward(spec, params, x)
    d = math.inf
    for i, layer in enumerate(spec["layers"], start=1):
        if layer.get("activation") in KINKED:
            d = min(d, float(np.min(np.abs(cache[f"z{i}"]))))
    loss, e = spec["loss"], cache["yhat"] - y
    if loss["type"] == "mae":
        d = min(d, float(np.min(np.abs(e))))
    elif loss["type"] == "huber":
        d = min(d, float(np.min(np.abs(np.abs(e) - loss.get("delta", 1.0)))))
    elif loss["type"] == "hinge":
        d = min(d, float(np.min(np.abs(1.0 - y * cache["yhat"]))))
    elif loss["type"] in PROB_OUT:  # log(p) near p = 0 (or log(1 - p) near 1): FD loses digits
        p = cache["yhat"]
        d = min(d, float(np.min(p)), float(np.min(1.0 - p)) if loss["type"] == "bce" else math.inf)
    pen = spec.get("penalty")
    if pen and pen["type"] in ("l1", "lp"):
        for k, w in params.items():
            if k.startswith("W") or pen.get("params") == "all":
                d = min(d, float(np.min(np.abs(w))))
    return d


def draw_problem(data, spec, scale=1.0):
    """Seeded params, data and direction, redrawn until every kink is at least KINK_GAP away."""
    rng = np.random.default_rng(data.draw(st.integers(0, 2**32 - 1), label="seed"))
    n = data.draw(st.integers(1, 4), label="batch")
    for _ in range(200):
        params, x, y = random_problem(spec, n, rng, scale=scale)
        if kink_distance(spec, params, x, y) > KINK_GAP:
            u = {k: rng.standard_normal(v.shape) for k, v in params.items()}
            return params, x, y, u
    raise AssertionError("could not draw a kink-free point")  # pragma: no cover


def draw_layers(data, acts, last_act=None, min_out=1):
    depth = data.draw(st.integers(1, 3), label="depth")
    layers = []
    for i in range(depth):
        units = data.draw(st.integers(min_out if i == depth - 1 else 1, 5), label="units")
        act = data.draw(st.sampled_from(acts), label="activation")
        if i == depth - 1 and last_act:
            act = last_act
        if act in VECTOR_ACTIVATIONS:  # softmax of one unit is the constant 1 (log_softmax 0)
            units = max(units, 2)
        layer = {"dense": units, "activation": act}
        if not data.draw(st.booleans(), label="bias") and act not in POSITIVE:
            layer["bias"] = False
        if act in ("leaky_relu", "elu") and data.draw(st.booleans(), label="alpha"):
            layer["alpha"] = 0.3
        layers.append(layer)
    return data.draw(st.integers(1, 5), label="input"), layers


def assert_dicts_close(got, want, rtol, atol):
    assert list(got) == list(want)
    mag = max(1.0, max(float(np.max(np.abs(v))) for v in want.values()))
    for k in want:
        np.testing.assert_allclose(got[k], want[k], rtol=rtol, atol=atol * mag, err_msg=k)


def check_against_fd(spec, params, x, y, u):
    loss, grads = loss_and_grad(spec, params, x, y)
    assert np.isfinite(loss)
    fd = finite_difference_grad(lambda q: loss_and_grad(spec, q, x, y)[0], params, eps=1e-6)
    assert_dicts_close(grads, fd, GRAD_RTOL, GRAD_ATOL)
    loss2, grads2, hu = hvp(spec, params, x, y, u)
    assert loss2 == loss
    assert_dicts_close(grads2, grads, 0, 0)
    fd_hu = finite_difference_hvp(lambda q: loss_and_grad(spec, q, x, y), params, u, eps=1e-5)
    assert_dicts_close(hu, fd_hu, HVP_RTOL, HVP_ATOL)


def valid_loss(kind):
    return {"type": kind, "half": True} if kind == "mse" else {"type": kind}


# ----------------------------------------------------------------------------- local derivatives


@pytest.mark.parametrize("act", sorted(ACTIVATIONS))
def test_activation_derivatives_match_fd(act):
    z = np.linspace(0.1, 4.0, 801) if act in POSITIVE else np.linspace(-4.0, 4.0, 801)
    if act in KINKED:
        z = z[np.abs(z) > KINK_GAP]
    alpha = 0.3
    _, d1, d2 = ACTIVATIONS[act](z, alpha)
    eps = 1e-6
    fd1 = (ACTIVATIONS[act](z + eps, alpha)[0] - ACTIVATIONS[act](z - eps, alpha)[0]) / (2 * eps)
    fd2 = (ACTIVATIONS[act](z + eps, alpha)[1] - ACTIVATIONS[act](z - eps, alpha)[1]) / (2 * eps)
    np.testing.assert_allclose(d1, fd1, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(d2, fd2, rtol=1e-6, atol=1e-8)


@pytest.mark.parametrize("kind", sorted(LOSSES))
def test_loss_derivatives_match_fd(kind):
    rng = np.random.default_rng(7)
    spec = make_spec(1, [{"dense": 4}], {"type": kind, "delta": 0.7})
    _, y = random_data(spec, 6, rng)
    lo, hi = (0.05, 0.95) if kind in PROB_OUT else (-3.0, 3.0)
    yh = rng.uniform(lo, hi, size=y.shape)
    if kind in ("mae", "huber"):
        e = yh - y
        kink = 0.0 if kind == "mae" else 0.7
        near = np.abs(np.abs(e) - kink) < 0.05
        yh = np.where(near, yh + 0.1, yh)
    if kind == "hinge":
        yh = np.where(np.abs(1 - y * yh) < 0.05, yh + 0.1, yh)
        assert np.any(1 - y * yh > 0) and np.any(1 - y * yh < 0)  # both branches exercised
    _, g, hess = LOSSES[kind](yh, y, {"delta": 0.7})
    eps = 1e-6
    fd = np.zeros_like(yh)
    v = rng.standard_normal(yh.shape)
    for idx in np.ndindex(yh.shape):
        step = np.zeros_like(yh)
        step[idx] = eps
        fd[idx] = (
            LOSSES[kind](yh + step, y, {"delta": 0.7})[0].sum() - LOSSES[kind](yh - step, y, {"delta": 0.7})[0].sum()
        ) / (2 * eps)
    fdh = (LOSSES[kind](yh + eps * v, y, {"delta": 0.7})[1] - LOSSES[kind](yh - eps * v, y, {"delta": 0.7})[1]) / (
        2 * eps
    )
    np.testing.assert_allclose(g, fd, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(hess(v), fdh, rtol=1e-5, atol=1e-7)


def test_kink_conventions():
    z = np.array([0.0])
    assert ACTIVATIONS["relu"](z, 0.0)[1][0] == 0.0
    assert ACTIVATIONS["leaky_relu"](z, 0.01)[1][0] == 0.01
    assert ACTIVATIONS["elu"](z, 0.5)[1][0] == 0.5
    assert ACTIVATIONS["abs"](z, 0.0)[1][0] == 0.0
    y = np.array([[1.0, -1.0]])
    assert np.all(LOSSES["mae"](y.copy(), y, {})[1] == 0.0)
    assert np.all(LOSSES["hinge"](y.copy(), y, {})[1] == 0.0)  # margin exactly 1
    e = np.array([[1.0, -1.0]])
    assert np.all(LOSSES["huber"](e, np.zeros_like(e), {"delta": 1.0})[1] == e)
    # through the network: z1 = 0 exactly, so a relu layer passes no gradient back
    spec = make_spec(1, [{"dense": 1, "activation": "relu"}, {"dense": 1}], {"type": "mse"})
    p = {"W1": [[1.0]], "b1": [-2.0], "W2": [[3.0]], "b2": [0.5]}
    _, g = loss_and_grad(spec, p, [[2.0]], [[1.0]])
    assert g["W1"][0, 0] == 0.0 and g["b1"][0] == 0.0


# ----------------------------------------------------------------------------- MLP vs FD


@pytest.mark.parametrize("act", activation_names())
@SETTINGS
@given(data=st.data())
def test_mlp_matches_fd_each_activation(act, data):
    kind = data.draw(st.sampled_from(["mse", "cross_entropy", "logistic", "huber"]), label="loss")
    n_in, layers = draw_layers(data, [act], min_out=2 if kind == "cross_entropy" else 1)
    spec = make_spec(n_in, layers, valid_loss(kind))
    # exp o exp o exp overflows with O(1) weights: keep that composition in a tame range
    check_against_fd(spec, *draw_problem(data, spec, scale=0.3 if act == "exp" else 0.8))


@pytest.mark.parametrize("kind", sorted(LOSSES))
@SETTINGS
@given(data=st.data())
def test_mlp_matches_fd_each_loss(kind, data):
    n_in, layers = draw_layers(
        data, activation_names(), last_act=PROB_OUT.get(kind), min_out=2 if kind == "cross_entropy" else 1
    )
    if kind == "cross_entropy" and layers[-1]["activation"] in VECTOR_ACTIVATIONS:
        layers[-1]["activation"] = "identity"  # the spec refuses softmax before cross_entropy
    if layers[-1]["activation"] == "sign":  # outputs in {-1, 0, 1}: hinge/mae sit on their kinks
        layers[-1]["activation"] = "identity"
    loss = {"type": kind, "reduction": data.draw(st.sampled_from(["mean", "sum"]), label="red")}
    if kind == "mse":
        loss["half"] = data.draw(st.booleans(), label="half")
    if kind == "huber":
        loss["delta"] = 0.5
    spec = make_spec(n_in, layers, loss)
    check_against_fd(spec, *draw_problem(data, spec, scale=2.0))


@pytest.mark.parametrize("penalty", PENALTIES, ids=lambda p: "-".join(f"{k}{v}" for k, v in p.items()))
@settings(max_examples=10, deadline=None, derandomize=True)
@given(data=st.data())
def test_mlp_matches_fd_each_penalty(penalty, data):
    n_in, layers = draw_layers(data, ["tanh", "relu", "softplus"])
    spec = make_spec(n_in, layers, {"type": "mse", "half": True}, penalty)
    check_against_fd(spec, *draw_problem(data, spec))


# ----------------------------------------------------------------------------- exact values


WE2_SPEC = make_spec(
    1,
    [{"dense": 1, "activation": "relu"}, {"dense": 1, "activation": "tanh"}, {"dense": 1, "activation": "sigmoid"}],
    {"type": "mse", "half": True, "reduction": "mean"},
)
WE2_PARAMS = {"W1": [[1.5]], "b1": [-1.0], "W2": [[0.5]], "b2": [0.1], "W3": [[2.0]], "b3": [-0.3]}


def test_seed001_worked_example_II():
    x, y = np.array([[2.0]]), np.array([[1.0]])
    loss, g = loss_and_grad(WE2_SPEC, WE2_PARAMS, x, y)
    assert abs(loss - 0.0228973785) < 1e-9
    want = {
        "W1": -0.02585876769,
        "b1": -0.01292938385,
        "W2": -0.05171753539,
        "b2": -0.02585876769,
        "W3": -0.0288138118,
        "b3": -0.035994812,
    }
    for k, v in want.items():
        assert abs(g[k].item() - v) < 1e-9, k
    cache = forward(WE2_SPEC, WE2_PARAMS, x)
    assert cache["z1"].item() == 2.0 and abs(cache["h2"].item() - 0.8004990218) < 1e-9
    assert abs(cache["yhat"].item() - 0.7860029042) < 1e-9
    u = {k: np.ones_like(np.asarray(v)) for k, v in WE2_PARAMS.items()}
    _, _, hu = hvp(WE2_SPEC, WE2_PARAMS, x, y, u)
    fd = finite_difference_hvp(lambda q: loss_and_grad(WE2_SPEC, q, x, y), WE2_PARAMS, u)
    assert_dicts_close(hu, fd, HVP_RTOL, HVP_ATOL)


def test_linear_least_squares_hessian_is_exact():
    """J = 1/(2N) |A theta - y|^2 with A = [X, 1]: H = A^T A / N, independent of any backprop."""
    rng = np.random.default_rng(3)
    n, d = 5, 3
    spec = make_spec(d, [{"dense": 1}], {"type": "mse", "half": True})
    x, y = rng.standard_normal((n, d)), rng.standard_normal((n, 1))
    p = random_params(spec, rng)
    u = {"W1": rng.standard_normal((1, d)), "b1": rng.standard_normal(1)}
    a = np.hstack([x, np.ones((n, 1))])
    theta = np.concatenate([p["W1"][0], p["b1"]])
    loss, g, hu = hvp(spec, p, x, y, u)
    r = a @ theta - y[:, 0]
    assert loss == pytest.approx(0.5 * r @ r / n, rel=1e-14)
    np.testing.assert_allclose(np.concatenate([g["W1"][0], g["b1"]]), a.T @ r / n, rtol=1e-13)
    want = a.T @ a @ np.concatenate([u["W1"][0], u["b1"]]) / n
    np.testing.assert_allclose(np.concatenate([hu["W1"][0], hu["b1"]]), want, rtol=1e-13)


@pytest.mark.parametrize("kind", sorted(LOSSES))
def test_reduction_sum_is_n_times_mean(kind):
    rng = np.random.default_rng(11)
    layers = [{"dense": 3, "activation": "tanh"}, {"dense": 3, "activation": PROB_OUT.get(kind, "identity")}]
    pen = {"type": "l2", "lam": 0.5}
    mean = make_spec(2, layers, {"type": kind, "reduction": "mean"}, pen)
    total = make_spec(2, layers, {"type": kind, "reduction": "sum"}, pen)
    p = random_params(mean, rng)
    x, y = random_data(mean, 4, rng)
    u = {k: rng.standard_normal(v.shape) for k, v in p.items()}
    lm, gm, hm = hvp(mean, p, x, y, u)
    ls, gs, hs = hvp(total, p, x, y, u)
    pen_val = 0.25 * (np.sum(p["W1"] ** 2) + np.sum(p["W2"] ** 2))
    assert ls - pen_val == pytest.approx(4 * (lm - pen_val), rel=1e-12)
    for k in p:
        pg = 0.5 * u[k] if k.startswith("W") else 0.0
        np.testing.assert_allclose(
            gs[k] - 0.5 * p[k] * k.startswith("W"), 4 * (gm[k] - 0.5 * p[k] * k.startswith("W")), rtol=1e-12, atol=1e-14
        )
        np.testing.assert_allclose(hs[k] - pg, 4 * (hm[k] - pg), rtol=1e-12, atol=1e-14)


@pytest.mark.parametrize(
    "penalty, value, grad_w1, grad_b1",
    [
        ({"type": "l2", "lam": 0.1}, 0.05 * 5.25, [[0.1, -0.2]], [0.0]),
        ({"type": "l2", "lam": 0.1, "half": False}, 0.1 * 5.25, [[0.2, -0.4]], [0.0]),
        ({"type": "l2", "lam": 0.1, "params": "all"}, 0.05 * 15.25, [[0.1, -0.2]], [0.3]),
        ({"type": "l2", "C": 2.0}, 5.25 / 4.0, [[0.5, -1.0]], [0.0]),
        ({"type": "l1", "lam": 0.1}, 0.35, [[0.1, -0.1]], [0.0]),
        ({"type": "l1", "lam": 0.1, "params": "all"}, 0.75, [[0.1, -0.1]], [0.1]),
        ({"type": "lp", "lam": 0.3, "p": 3.0}, 0.1 * 9.125, [[0.3, -1.2]], [0.0]),
    ],
)
def test_penalty_tiny_independent(penalty, value, grad_w1, grad_b1):
    """W1 = [[1, -2]], b1 = [3], W2 = [[0.5]], b2 = [-1]: sums of squares 5.25 (W), 10 (b)."""
    layers = [{"dense": 1, "activation": "tanh"}, {"dense": 1}]
    p = {"W1": [[1.0, -2.0]], "b1": [3.0], "W2": [[0.5]], "b2": [-1.0]}
    x, y = [[0.2, -0.4], [1.0, 0.5]], [[0.3], [-0.1]]
    plain = make_spec(2, layers, {"type": "mse"})
    pen = make_spec(2, layers, {"type": "mse"}, penalty)
    l0, g0 = loss_and_grad(plain, p, x, y)
    l1, g1 = loss_and_grad(pen, p, x, y)
    assert l1 - l0 == pytest.approx(value, rel=1e-12)
    np.testing.assert_allclose(g1["W1"] - g0["W1"], grad_w1, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(g1["b1"] - g0["b1"], grad_b1, rtol=1e-12, atol=1e-15)


def test_stable_at_extreme_values():
    big = np.array([[1000.0, -1000.0, 0.0]])
    with np.errstate(over="raise", invalid="raise", divide="raise"):
        val, g, _ = LOSSES["cross_entropy"](big, np.array([[0.0, 1.0, 0.0]]), {})
        assert val[0] == pytest.approx(2000.0) and np.allclose(g, [[1.0, -1.0, 0.0]])
        val, g, _ = LOSSES["bce_logits"](big, np.array([[0.0, 1.0, 1.0]]), {})
        assert val[0] == pytest.approx(2000.0 + math.log(2.0))
        val, g, _ = LOSSES["logistic"](big, np.array([[-1.0, 1.0, 1.0]]), {})
        assert val[0] == pytest.approx(2000.0 + math.log(2.0))
        for act in ("sigmoid", "softplus", "silu", "elu", "gelu", "tanh"):
            assert all(np.all(np.isfinite(t)) for t in ACTIVATIONS[act](big[0], 1.0)), act


# ----------------------------------------------------------------------------- API surface


def test_spec_defaults():
    """No [loss] table is mse with half = True; a penalty without type is l2."""
    spec = {"model": {"input": 1}, "layers": [{"dense": 1}]}
    p = {"W1": [[2.0]], "b1": [0.0]}
    assert loss_and_grad(spec, p, [[1.0]], [[0.0]])[0] == 2.0
    assert loss_and_grad({**spec, "loss": {"half": False}}, p, [[1.0]], [[0.0]])[0] == 4.0
    assert loss_and_grad({**spec, "penalty": {"lam": 1.0}}, p, [[1.0]], [[0.0]])[0] == 4.0


def test_forward_keys_shapes_and_bias_free_layers():
    spec = make_spec(3, [{"dense": 4, "activation": "gelu", "bias": False}, {"dense": 2}], {"type": "mse"})
    assert param_shapes(spec) == {"W1": (4, 3), "W2": (2, 4), "b2": (2,)}
    p = random_params(spec, np.random.default_rng(0))
    assert set(p) == {"W1", "W2", "b2"}
    x, _ = random_data(spec, 5, np.random.default_rng(1))
    c = forward(spec, p, x)
    assert set(c) == {"h0", "z1", "h1", "z2", "h2", "yhat"}
    assert c["z1"].shape == (5, 4) and c["yhat"].shape == (5, 2)
    np.testing.assert_allclose(c["z1"], x @ p["W1"].T)


@pytest.mark.parametrize("kind", sorted(LOSSES))
def test_random_data_targets_valid(kind):
    spec = make_spec(2, [{"dense": 3}], {"type": kind})
    x, y = random_data(spec, 50, np.random.default_rng(5))
    assert x.shape == (50, 2) and y.shape == (50, 3)
    if kind == "cross_entropy":
        assert np.all(y.sum(axis=1) == 1.0) and set(np.unique(y)) <= {0.0, 1.0}
    elif kind in ("nll", "kl"):
        np.testing.assert_allclose(y.sum(axis=1), 1.0, rtol=1e-12)
        assert np.all(y > 0)
    elif kind == "dice":
        assert np.all((y > 0) & (y < 1))
    elif kind in ("bce", "bce_logits", "focal"):
        assert set(np.unique(y)) == {0.0, 1.0}
    elif kind in ("hinge", "logistic"):
        assert set(np.unique(y)) == {-1.0, 1.0}


def _spec(**over):
    spec = make_spec(2, [{"dense": 3, "activation": "tanh"}, {"dense": 1}], {"type": "mse"})
    spec.update(over)
    return spec


GOOD = {"W1": np.zeros((3, 2)), "b1": np.zeros(3), "W2": np.zeros((1, 3)), "b2": np.zeros(1)}
X, Y = np.zeros((4, 2)), np.zeros((4, 1))


@pytest.mark.parametrize(
    "spec, params, x, y, match",
    [
        (_spec(layers=[{"dense": 3, "activation": "swish2"}, {"dense": 1}]), GOOD, X, Y, "swish2"),
        (_spec(loss={"type": "kl2"}), GOOD, X, Y, "'kl2'"),
        (_spec(loss={"type": "mse", "reduction": "avg"}), GOOD, X, Y, "avg"),
        (_spec(penalty={"type": "l3", "lam": 1.0}), GOOD, X, Y, "l3"),
        (_spec(penalty={"type": "l1", "C": 1.0}), GOOD, X, Y, "l2 only"),
        (_spec(penalty={"type": "l2"}), GOOD, X, Y, "lam"),
        (_spec(penalty={"type": "lp", "lam": 1.0}), GOOD, X, Y, "needs 'p'"),
        (_spec(model={"input": 0}), GOOD, X, Y, "input"),
        (_spec(layers=[{"dense": 0}]), GOOD, X, Y, "dense"),
        (_spec(), {**GOOD, "W1": np.zeros((2, 3))}, X, Y, r"expected shape \(3, 2\), given \(2, 3\)"),
        (_spec(), {k: v for k, v in GOOD.items() if k != "b2"}, X, Y, "missing 'b2'"),
        (_spec(), {**GOOD, "W3": np.zeros(1)}, X, Y, "unexpected"),
        (_spec(), GOOD, np.zeros((4, 3)), Y, r"expected shape \(N, 2\), given \(4, 3\)"),
        (_spec(), GOOD, np.zeros(2), Y, r"given \(2,\)"),
        (_spec(), GOOD, X, np.zeros((3, 1)), r"expected shape \(4, 1\)"),
    ],
)
def test_bad_inputs_raise_value_error(spec, params, x, y, match):
    with pytest.raises(ValueError, match=match):
        loss_and_grad(spec, params, x, y)


def test_bad_direction_raises():
    with pytest.raises(ValueError, match=r"direction\['b1'\]: expected shape \(3,\), given \(2,\)"):
        hvp(_spec(), GOOD, X, Y, {**GOOD, "b1": np.zeros(2)})
    with pytest.raises(ValueError, match="unknown activation 'nope'"):
        forward(_spec(layers=[{"dense": 1, "activation": "nope"}]), GOOD, X)


# ----------------------------------------------------------------------------- vector activations and new losses


@pytest.mark.parametrize("act", sorted(VECTOR_ACTIVATIONS))
def test_vector_activation_products_match_fd(act):
    """vjp = J^T g, jvp = J v and the R-operator term d/dt J(z + t v)^T g, against central
    differences of the activation's own forward values."""
    rng = np.random.default_rng(13)
    z, v, g = (rng.standard_normal((3, 4)) for _ in range(3))
    eps = 1e-6
    _, local = VECTOR_ACTIVATIONS[act](z, 0.0)
    fd_jv = (VECTOR_ACTIVATIONS[act](z + eps * v, 0.0)[0] - VECTOR_ACTIVATIONS[act](z - eps * v, 0.0)[0]) / (2 * eps)
    np.testing.assert_allclose(local.jvp(v), fd_jv, rtol=1e-7, atol=1e-9)
    # <g, J v> = <J^T g, v> row by row
    np.testing.assert_allclose(
        np.sum(g * local.jvp(v), axis=1), np.sum(local.vjp(g) * v, axis=1), rtol=1e-12, atol=1e-14
    )
    fd_second = (
        VECTOR_ACTIVATIONS[act](z + eps * v, 0.0)[1].vjp(g) - VECTOR_ACTIVATIONS[act](z - eps * v, 0.0)[1].vjp(g)
    ) / (2 * eps)
    np.testing.assert_allclose(local.second(g, v), fd_second, rtol=1e-6, atol=1e-8)


def test_softmax_layer_values():
    z = np.array([[0.0, np.log(3.0)], [1000.0, 1000.0]])
    s, _ = VECTOR_ACTIVATIONS["softmax"](z, 0.0)
    np.testing.assert_allclose(s, [[0.25, 0.75], [0.5, 0.5]], rtol=1e-15)
    ls, _ = VECTOR_ACTIVATIONS["log_softmax"](z, 0.0)
    # z - logsumexp(z) at z = 1000 keeps absolute, not relative, precision
    np.testing.assert_allclose(ls, np.log([[0.25, 0.75], [0.5, 0.5]]), rtol=1e-14, atol=1e-12)


def test_new_losses_tiny_values():
    """Values worked by hand: sse, nll, kl, dice and focal on one or two samples."""
    yh = np.array([[0.25, 0.75]])
    y = np.array([[0.5, 0.5]])
    assert LOSSES["sse"](yh, y, {})[0][0] == pytest.approx(0.125, rel=1e-15)
    assert LOSSES["nll"](yh, y, {})[0][0] == pytest.approx(-0.5 * math.log(0.25) - 0.5 * math.log(0.75))
    assert LOSSES["kl"](yh, y, {})[0][0] == pytest.approx(0.25 * math.log(0.5) + 0.75 * math.log(1.5))
    # dice: N = 2 * 0.5 + 1 = 2, D = 1 + 1 + 1 = 3 -> 1 - 2/3
    assert LOSSES["dice"](yh, y, {})[0][0] == pytest.approx(1.0 / 3.0, rel=1e-15)
    # focal at labels {0, 1} is -alpha_t (1 - p_t)^gamma log p_t with p_t = sigmoid(+-a)
    a, b = np.array([[0.7, -1.2]]), np.array([[1.0, 0.0]])
    p_t = np.array([1 / (1 + math.exp(-0.7)), 1 / (1 + math.exp(-1.2))])
    alpha_t = np.array([0.4, 0.6])
    want = float(np.sum(-alpha_t * (1 - p_t) ** 3 * np.log(p_t)))
    assert LOSSES["focal"](a, b, {"alpha": 0.4, "gamma": 3})[0][0] == pytest.approx(want, rel=1e-13)


@pytest.mark.parametrize("gamma", [1.0, 1.5, 2.0, 3.0])
def test_focal_derivatives_every_gamma(gamma):
    rng = np.random.default_rng(int(gamma * 10))
    a = rng.uniform(-3, 3, size=(4, 3))
    b = rng.integers(0, 2, size=(4, 3)).astype(float)
    o = {"alpha": 0.3, "gamma": gamma}
    _, g, hess = LOSSES["focal"](a, b, o)
    eps = 1e-6
    fd = (LOSSES["focal"](a + eps, b, o)[0] - LOSSES["focal"](a - eps, b, o)[0]) / (2 * eps)
    # the focal loss is a sum of elementwise terms: moving every entry of a row by eps
    np.testing.assert_allclose(np.sum(g, axis=1), fd, rtol=1e-6, atol=1e-9)
    v = rng.standard_normal(a.shape)
    fdh = (LOSSES["focal"](a + eps * v, b, o)[1] - LOSSES["focal"](a - eps * v, b, o)[1]) / (2 * eps)
    np.testing.assert_allclose(hess(v), fdh, rtol=1e-5, atol=1e-8)


def test_random_problem_lifts_positive_domains():
    spec = make_spec(
        3, [{"dense": 4, "activation": "log"}, {"dense": 3, "activation": "sqrt"}, {"dense": 2}], {"type": "mse"}
    )
    params, x, _ = random_problem(spec, 6, np.random.default_rng(2))
    cache = forward(spec, params, x)
    assert np.min(cache["z1"]) >= 0.5 - 1e-12 and np.min(cache["z2"]) >= 0.5 - 1e-12
    assert np.all(np.isfinite(cache["yhat"]))
