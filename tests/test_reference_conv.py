"""Tests for codegen.reference's image and token layers: conv2d, maxpool, avgpool, flatten,
layernorm, batchnorm (training-mode batch statistics), attention and residual, against (a) PyTorch's own
functional layers with the same weights (forward, loss, gradients wrt parameters and inputs,
and the HVP by double backward; skipped without torch) and (b) central differences of the
reference's own loss and gradient (so the file means something without torch). Spec dicts are
written out here, not parsed from files."""

from __future__ import annotations

import math

import numpy as np
import pytest

from codegen import reference as ref
from codegen.reference import (
    finite_difference_grad,
    finite_difference_hvp,
    forward,
    hvp,
    loss_and_grad,
    param_shapes,
    random_params,
    random_problem,
)

GRAD_RTOL, GRAD_ATOL = 1e-6, 1e-8
HVP_RTOL, HVP_ATOL = 1e-5, 1e-7
TORCH_RTOL, TORCH_ATOL = 1e-10, 1e-12


def spec_of(shape, layers, loss=None, penalty=None):
    spec = {"model": {"name": "t", "input": shape}, "layers": layers}
    if loss is not None:
        spec["loss"] = loss
    if penalty is not None:
        spec["penalty"] = penalty
    return spec


# Geometries: stride 1/2, padding 0/1, C 1/2, k 2/3, max and average pooling (default stride and
# an explicit one), activations on conv / pool layers, bias-free conv, two conv layers, and the
# losses and penalty the dense reference already has. Smooth activations (no kinks) keep the
# central differences valid; relu is compared against torch only.
GEOMETRIES = {
    "c1_k3_s1_p1_max2": spec_of(
        [1, 6, 6],
        [
            {"conv2d": 2, "kernel": 3, "padding": 1, "activation": "tanh"},
            {"maxpool": 2},
            {"flatten": True},
            {"dense": 3},
        ],
    ),
    "c2_k2_s2_p0_avg2s1": spec_of(
        [2, 7, 7],
        [
            {"conv2d": 3, "kernel": 2, "stride": 2, "activation": "softplus"},
            {"avgpool": 2, "stride": 1, "activation": "tanh"},
            {"flatten": True},
            {"dense": 4},
        ],
        loss={"type": "cross_entropy"},
    ),
    "c2_k3_s2_p1_nobias_max2s1_l2": spec_of(
        [2, 5, 5],
        [
            {"conv2d": 2, "kernel": 3, "stride": 2, "padding": 1, "bias": False, "activation": "gelu"},
            {"maxpool": 2, "stride": 1},
            {"flatten": True},
            {"dense": 2, "activation": "sigmoid"},
        ],
        loss={"type": "mse", "reduction": "sum"},
        penalty={"type": "l2", "lam": 0.3},
    ),
    "two_convs_avg2_max2": spec_of(
        [1, 8, 8],
        [
            {"conv2d": 2, "kernel": 3, "padding": 1, "activation": "silu"},
            {"avgpool": 2},
            {"conv2d": 2, "kernel": 2, "stride": 1, "padding": 1, "activation": "tanh"},
            {"maxpool": 2},
            {"flatten": True},
            {"dense": 3, "activation": "tanh"},
            {"dense": 2},
        ],
        penalty={"type": "l2", "lam": 0.1, "params": "all"},
    ),
    "relu_cnn": spec_of(  # the small CNN: relu conv, pooling, dense, softmax-CE
        [1, 8, 8],
        [
            {"conv2d": 2, "kernel": 3, "stride": 1, "padding": 1, "activation": "relu"},
            {"maxpool": 2},
            {"flatten": True},
            {"dense": 10},
        ],
        loss={"type": "cross_entropy"},
    ),
}

LAYERNORM = {
    "vector": spec_of(
        5,
        [{"dense": 4, "activation": "tanh"}, {"layernorm": True}, {"dense": 2}],
    ),
    "tokens_eps_residual": spec_of(
        [3, 4],
        [
            {"layernorm": True, "eps": 1e-3, "activation": "tanh", "residual": True},
            {"layernorm": True},
            {"flatten": True},
            {"dense": 2, "activation": "sigmoid"},
        ],
        loss={"type": "bce"},
    ),
    "after_dense_with_penalty": spec_of(
        4,
        [{"dense": 6}, {"layernorm": True, "activation": "softplus"}, {"dense": 3}],
        loss={"type": "cross_entropy", "reduction": "sum"},
        penalty={"type": "l2", "lam": 0.2, "params": "all"},
    ),
}

# batchnorm: training-mode statistics of the batch given (per feature; per channel for images)
BATCHNORM = {
    "vector": spec_of(5, [{"dense": 4, "activation": "tanh"}, {"batchnorm": True}, {"dense": 2}]),
    "image": spec_of(
        [2, 5, 5],
        [
            {"conv2d": 3, "kernel": 3, "padding": 1},
            {"batchnorm": True, "activation": "tanh"},
            {"maxpool": 2},
            {"flatten": True},
            {"dense": 2},
        ],
        loss={"type": "cross_entropy"},
    ),
    "tokens_eps_residual": spec_of(
        [3, 4],
        [{"batchnorm": True, "eps": 1e-3, "activation": "softplus", "residual": True}, {"flatten": True}, {"dense": 2}],
        penalty={"type": "l2", "lam": 0.1, "params": "all"},
    ),
}
# attention: multi-head self-attention over the token axis, as nn.MultiheadAttention
ATTENTION = {
    "one_head_after_layernorm": spec_of(  # a parametric layer first, so R{h} into attention is not 0
        [3, 4], [{"layernorm": True}, {"attention": 1}, {"flatten": True}, {"dense": 2}]
    ),
    "tiny_transformer_block": spec_of(
        [4, 6],
        [
            {"attention": 2, "residual": True},
            {"layernorm": True},
            {"flatten": True},
            {"dense": 3},
        ],
        loss={"type": "cross_entropy"},
    ),
    "token_dense_residual": spec_of(  # dense on [T, D] acts on each token row, as F.linear
        [3, 4],
        [
            {"attention": 2, "residual": True},
            {"dense": 4, "activation": "tanh", "residual": True},
            {"dense": 2, "bias": False},
            {"flatten": True},
            {"dense": 2},
        ],
        penalty={"type": "l2", "lam": 0.1},
    ),
    "tiny_transformer_example": spec_of(  # examples/tiny_transformer.toml (relu: torch only)
        [4, 8],
        [
            {"attention": 2, "residual": True},
            {"layernorm": True},
            {"dense": 8, "activation": "relu", "residual": True},
            {"flatten": True},
            {"dense": 3},
        ],
        loss={"type": "cross_entropy"},
    ),
    "three_heads_nobias_tanh_l2": spec_of(
        [2, 6],
        [{"attention": 3, "bias": False, "activation": "tanh"}, {"flatten": True}, {"dense": 1}],
        loss={"type": "mse", "reduction": "sum"},
        penalty={"type": "l2", "lam": 0.2},
    ),
}
ALL = {
    **GEOMETRIES,
    **LAYERNORM,
    **{f"batchnorm_{k}": v for k, v in BATCHNORM.items()},
    **{f"attention_{k}": v for k, v in ATTENTION.items()},
}

KINKED = ("relu_cnn", "attention_tiny_transformer_example")  # relu: compared with torch only


def problem(spec, seed, n=3):
    rng = np.random.default_rng(seed)
    params, x, y = random_problem(spec, n, rng)
    u = random_params(spec, rng)
    return params, x, y, u


def assert_dicts_close(got, want, rtol, atol):
    assert list(got) == list(want)
    for k in want:
        np.testing.assert_allclose(got[k], want[k], rtol=rtol, atol=atol, err_msg=k)


# ----------------------------------------------------------------------------- shapes and random problems


def test_param_shapes_and_random_problem_shapes():
    spec = GEOMETRIES["c2_k3_s2_p1_nobias_max2s1_l2"]
    # conv: (5 + 2 - 3)//2 + 1 = 3 -> (2, 3, 3); maxpool 2 stride 1 -> (2, 2, 2); flatten -> 8
    assert param_shapes(spec) == {"W1": (2, 2, 3, 3), "W4": (2, 8), "b4": (2,)}
    params, x, y = random_problem(spec, 4, np.random.default_rng(0))
    assert {k: v.shape for k, v in params.items()} == param_shapes(spec)
    assert x.shape == (4, 2, 5, 5) and y.shape == (4, 2)
    f = forward(spec, params, x)
    assert f["z1"].shape == (4, 2, 3, 3) and f["h2"].shape == (4, 2, 2, 2)
    assert f["h3"].shape == (4, 8) and f["yhat"].shape == (4, 2)
    spec = GEOMETRIES["two_convs_avg2_max2"]
    # 8 -conv p1-> 8 -avg2-> 4 -conv k2 p1-> 5 -max2-> 2
    assert param_shapes(spec) == {
        "W1": (2, 1, 3, 3),
        "b1": (2,),
        "W3": (2, 2, 2, 2),
        "b3": (2,),
        "W6": (3, 8),
        "b6": (3,),
        "W7": (2, 3),
        "b7": (2,),
    }
    assert param_shapes(LAYERNORM["tokens_eps_residual"]) == {
        "gamma1": (4,),
        "beta1": (4,),
        "gamma2": (4,),
        "beta2": (4,),
        "W4": (2, 12),
        "b4": (2,),
    }


def test_output_size_formula():
    for a, k, s, q in [(7, 3, 2, 1), (8, 2, 2, 0), (5, 3, 1, 0), (6, 3, 3, 2), (9, 4, 2, 1)]:
        spec = spec_of([1, a, a], [{"conv2d": 1, "kernel": k, "stride": s, "padding": q}])
        o = (a + 2 * q - k) // s + 1
        assert param_shapes(spec) == {"W1": (1, 1, k, k), "b1": (1,)}
        x = np.zeros((2, 1, a, a))
        assert forward(spec, random_params(spec, np.random.default_rng(0)), x)["yhat"].shape == (2, 1, o, o)


def test_conv_and_pool_values_by_hand():
    """A 1x3x3 image, a 2x2 kernel, stride 1, no padding: every output written out."""
    x = np.arange(9.0).reshape(1, 1, 3, 3)
    w = np.array([[[[1.0, 2.0], [3.0, 4.0]]]])
    spec = spec_of([1, 3, 3], [{"conv2d": 1, "kernel": 2}, {"maxpool": 2, "stride": 1}])
    f = forward(spec, {"W1": w, "b1": np.array([0.5])}, x)
    # z[a, b] = x[a, b] + 2 x[a, b+1] + 3 x[a+1, b] + 4 x[a+1, b+1] + 0.5
    want = np.array([[0 + 2 + 9 + 16, 1 + 4 + 12 + 20], [3 + 8 + 18 + 28, 4 + 10 + 21 + 32]]) + 0.5
    np.testing.assert_array_equal(f["z1"][0, 0], want)
    np.testing.assert_array_equal(f["z2"][0, 0], [[want.max()]])
    spec = spec_of([1, 3, 3], [{"avgpool": 2, "stride": 1}])
    np.testing.assert_array_equal(forward(spec, {}, x)["yhat"][0, 0], [[2.0, 3.0], [5.0, 6.0]])


def test_random_problem_lifts_conv_bias_for_positive_domains():
    spec = spec_of(
        [1, 5, 5],
        [{"conv2d": 2, "kernel": 3, "padding": 1, "activation": "log"}, {"flatten": True}, {"dense": 1}],
    )
    params, x, _ = random_problem(spec, 3, np.random.default_rng(1))
    z = forward(spec, params, x)["z1"]
    assert np.all(z.min(axis=(0, 2, 3)) >= 0.5 - 1e-12)


def test_dense_only_specs_keep_their_draws():
    """Dense-only specs draw as before: W_l then b_l per layer, then x, then y (n, out)."""
    spec = spec_of(3, [{"dense": 2, "activation": "tanh"}, {"dense": 1}])
    params, x, y = random_problem(spec, 4, np.random.default_rng(5))
    rng = np.random.default_rng(5)
    s1, s2 = 1.0 / math.sqrt(3), 1.0 / math.sqrt(2)  # scale / sqrt(fan_in)
    w1, b1 = rng.standard_normal((2, 3)) * s1, rng.standard_normal(2) * s1
    w2, b2 = rng.standard_normal((1, 2)) * s2, rng.standard_normal(1) * s2
    x2, y2 = rng.standard_normal((4, 3)), rng.standard_normal((4, 1))
    got = (params["W1"], params["b1"], params["W2"], params["b2"], x, y)
    for g, want in zip(got, (w1, b1, w2, b2, x2, y2), strict=True):
        np.testing.assert_array_equal(g, want)


# ----------------------------------------------------------------------------- finite differences


@pytest.mark.parametrize("name", [k for k in ALL if k not in KINKED])
def test_gradient_and_hvp_match_finite_differences(name):
    spec = ALL[name]
    params, x, y, u = problem(spec, 7)
    loss, grad = loss_and_grad(spec, params, x, y)
    fd = finite_difference_grad(lambda p: loss_and_grad(spec, p, x, y)[0], params)
    assert_dicts_close(grad, fd, GRAD_RTOL, GRAD_ATOL)
    loss2, grad2, hv = hvp(spec, params, x, y, u)
    assert loss2 == loss
    assert_dicts_close(grad2, grad, 0, 0)
    fd_hv = finite_difference_hvp(lambda p: loss_and_grad(spec, p, x, y), params, u)
    assert_dicts_close(hv, fd_hv, HVP_RTOL, HVP_ATOL)


def test_penalty_counts_conv_weights_only():
    """params = "weights": the W_l of conv and dense layers; conv biases only with "all"."""
    base = GEOMETRIES["c1_k3_s1_p1_max2"]
    params, x, y, _ = problem(base, 3)
    j0, g0 = loss_and_grad(base, params, x, y)
    for scope, names in (("weights", ("W1", "W4")), ("all", ("W1", "b1", "W4", "b4"))):
        spec = {**base, "penalty": {"type": "l2", "lam": 0.5, "params": scope}}
        j, g = loss_and_grad(spec, params, x, y)
        assert j == pytest.approx(j0 + 0.25 * sum(float(np.sum(params[k] ** 2)) for k in names), rel=1e-14)
        for k in params:
            np.testing.assert_allclose(g[k] - g0[k], 0.5 * params[k] if k in names else 0.0, atol=1e-15)


# ----------------------------------------------------------------------------- max-pool ties


def test_maxpool_ties_route_to_the_first_maximum():
    """W1 = 0 makes every conv output equal (= b1): every pooling window is a 4-way tie, and the
    gradient of W1 sums delta times x at each window's top-left (first in row-major order)."""
    spec = spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 1}, {"maxpool": 2}, {"flatten": True}, {"dense": 1}])
    x = np.arange(32.0).reshape(2, 1, 4, 4)
    params = {"W1": np.zeros((1, 1, 1, 1)), "b1": np.array([0.5]), "W4": np.array([[1.0, -2.0, 3.0, 0.5]]), "b4": [0.0]}
    y = np.zeros((2, 1))
    _, g = loss_and_grad(spec, params, x, y)
    yhat = forward(spec, params, x)["yhat"]  # 0.5 * sum(W4) for both samples
    dz = yhat[:, 0] / 2  # mse (half) over the mean: dJ/dyhat = e / N
    top_left = x[:, 0, ::2, ::2].reshape(2, 4)  # the first entry of each 2x2 window, row-major windows
    want = float(np.sum(dz[:, None] * params["W4"][0] * top_left))
    assert g["W1"][0, 0, 0, 0] == pytest.approx(want, rel=1e-14)
    assert g["b1"][0] == pytest.approx(float(np.sum(dz[:, None] * params["W4"][0])), rel=1e-14)


def test_maxpool_input_gradient_tie_rule():
    """Through the layer operations: dJ/dx of a tied window lands on its first maximal entry."""
    spec = spec_of([1, 2, 4], [{"maxpool": 2}])
    x = np.array([[[[1.0, 3.0, 2.0, 0.0], [3.0, 3.0, 2.0, 2.0]]]])
    (op,) = ref._layers(spec)
    z, ctx = op.apply(x, {})
    np.testing.assert_array_equal(z, [[[[3.0, 2.0]]]])
    dh, grads = op.vjp(x, ctx, np.array([[[[10.0, 20.0]]]]), {})
    assert grads == {}
    np.testing.assert_array_equal(dh, [[[[0.0, 10.0, 20.0, 0.0], [0.0, 0.0, 0.0, 0.0]]]])


# ----------------------------------------------------------------------------- errors


@pytest.mark.parametrize(
    "spec, match",
    [
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 3}, {"dense": 2}]), r"dense needs a vector \(or .*\[1, 2, 2\]"),
        (spec_of(4, [{"conv2d": 1, "kernel": 1}]), r"conv2d needs an image input \[C, H, W\]"),
        (spec_of([4, 4], [{"maxpool": 2}]), r"maxpool needs an image input"),
        (spec_of([1, 4, 4], [{"conv2d": 1}]), "'kernel' must be a positive integer"),
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 5}]), "5x5 kernel does not fit a 4x4 image with padding 0"),
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 2, "padding": -1}]), "'padding' must be an integer >= 0"),
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 2, "stride": 0}]), "'stride' must be a positive integer"),
        (spec_of([1, 4, 4], [{"avgpool": 5}]), "5x5 window does not fit"),
        (spec_of([1, 4, 4], [{"maxpool": 2, "padding": 1}]), "maxpool takes no padding"),
        (spec_of([1, 4, 4], [{"flatten": 1}]), "'flatten' must be true"),
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 2, "maxpool": 2}]), "one layer kind"),
        (spec_of([1, 4, 4], [{"conv2d": 1, "kernel": 1, "activation": "softmax"}]), "softmax acts on a vector"),
        (spec_of([1, 4, 4], [{"conv2d": 2, "kernel": 1, "residual": True}]), "residual needs equal"),
        (spec_of([1, 4, 4], [{"layernorm": True}]), "layernorm needs a vector or a"),
        (spec_of(4, [{"layernorm": True, "eps": 0}]), "'eps' must be a positive number"),
        (spec_of(4, [{"batchnorm": 1}]), "'batchnorm' must be true"),
        (spec_of([3, 4], [{"attention": 3}]), "3 heads do not divide the feature width D = 4"),
        (spec_of(4, [{"attention": 1}]), r"attention needs a \[T, D\] token input"),
        (spec_of([1, 0, 4], [{"flatten": True}]), "model.input"),
        (spec_of([1, 2, 3, 4], [{"flatten": True}]), "model.input"),
    ],
)
def test_bad_layers_raise_one_line_errors(spec, match):
    with pytest.raises(ValueError, match=match) as info:
        param_shapes(spec)
    assert "\n" not in str(info.value)


def test_bad_image_data_raises():
    spec = GEOMETRIES["c1_k3_s1_p1_max2"]
    params = random_params(spec, np.random.default_rng(0))
    with pytest.raises(ValueError, match=r"x: expected shape \(N, 1, 6, 6\), given \(2, 36\)"):
        forward(spec, params, np.zeros((2, 36)))
    with pytest.raises(ValueError, match=r"y: expected shape \(N, 3\), given \(2, 1, 3\)"):
        loss_and_grad(spec, params, np.zeros((2, 1, 6, 6)), np.zeros((2, 1, 3)))


# ----------------------------------------------------------------------------- PyTorch


def torch_forward(spec, tp, x):
    """The spec's model written with torch.nn.functional and the same parameter tensors."""
    import torch
    import torch.nn.functional as F

    acts = {
        "identity": lambda z: z,
        "relu": F.relu,
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "softplus": F.softplus,
        "gelu": F.gelu,
        "silu": F.silu,
    }
    h = x
    for i, L in enumerate(spec["layers"], 1):
        if "conv2d" in L:
            z = F.conv2d(h, tp[f"W{i}"], tp.get(f"b{i}"), stride=L.get("stride", 1), padding=L.get("padding", 0))
        elif "maxpool" in L:
            z = F.max_pool2d(h, L["maxpool"], stride=L.get("stride", L["maxpool"]))
        elif "avgpool" in L:
            z = F.avg_pool2d(h, L["avgpool"], stride=L.get("stride", L["avgpool"]))
        elif "flatten" in L:
            z = torch.flatten(h, 1)
        elif "layernorm" in L:
            z = F.layer_norm(h, (h.shape[-1],), tp[f"gamma{i}"], tp[f"beta{i}"], eps=L.get("eps", 1e-5))
        elif "batchnorm" in L:  # training mode; tokens (N, T, D) as (N, D, T) so D is the channel axis
            t = h.transpose(1, 2) if h.dim() == 3 else h
            z = F.batch_norm(t, None, None, tp[f"gamma{i}"], tp[f"beta{i}"], training=True, eps=L.get("eps", 1e-5))
            z = z.transpose(1, 2) if h.dim() == 3 else z
        elif "attention" in L:  # torch wants (T, N, D) and the q, k, v projections stacked
            w_in = torch.cat([tp[f"W{r}{i}"] for r in "qkv"])
            b_in = torch.cat([tp[f"b{r}{i}"] for r in "qkv"]) if f"bq{i}" in tp else None
            t = h.transpose(0, 1)
            z = F.multi_head_attention_forward(
                t, t, t, h.shape[-1], L["attention"], w_in, b_in, None, None, False, 0.0,
                tp[f"Wo{i}"], tp.get(f"bo{i}"), training=True, need_weights=True,  # explicit path: double backward
            )[0].transpose(0, 1)  # fmt: skip
        else:
            z = F.linear(h, tp[f"W{i}"], tp.get(f"b{i}"))
        a = acts[L.get("activation", "identity")](z)
        h = a + h if L.get("residual") else a
    return h


def torch_objective(spec, tp, x, y):
    """J with torch's losses: mse (half by default), cross_entropy with probability targets, bce;
    mean or sum over samples; the l2 penalty on W (or all) parameters, never divided by N."""
    import torch.nn.functional as F

    yhat = torch_forward(spec, tp, x)
    loss = spec.get("loss") or {"type": "mse", "half": True}
    kind, red = loss.get("type", "mse"), loss.get("reduction", "mean")
    if kind == "mse":
        per = (0.5 if loss.get("half", False) else 1.0) * ((yhat - y) ** 2).sum(dim=1)
    elif kind == "cross_entropy":
        per = F.cross_entropy(yhat, y, reduction="none")
    else:
        per = F.binary_cross_entropy(yhat, y, reduction="none").sum(dim=1)
    j = per.mean() if red == "mean" else per.sum()
    pen = spec.get("penalty")
    if pen:
        names = [k for k in tp if pen.get("params", "weights") == "all" or k.startswith("W")]
        j = j + 0.5 * pen["lam"] * sum((tp[k] ** 2).sum() for k in names)
    return yhat, j


@pytest.mark.parametrize("name", list(ALL))
def test_matches_torch_forward_gradient_and_hvp(name):
    torch = pytest.importorskip("torch")
    spec = ALL[name]
    params, x, y, u = problem(spec, 11, n=4)
    tp = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in params.items()}
    yhat, j = torch_objective(spec, tp, torch.tensor(x), torch.tensor(y))
    np.testing.assert_allclose(forward(spec, params, x)["yhat"], yhat.detach().numpy(), TORCH_RTOL, TORCH_ATOL)

    names = list(tp)
    tgrad = torch.autograd.grad(j, [tp[k] for k in names], create_graph=True)
    gu = sum((g * torch.tensor(u[k])).sum() for g, k in zip(tgrad, names, strict=True))
    thv = torch.autograd.grad(gu, [tp[k] for k in names])

    loss, grad, hv = hvp(spec, params, x, y, u)
    assert loss == pytest.approx(float(j.detach()), rel=1e-12)
    assert_dicts_close(grad, {k: g.detach().numpy() for k, g in zip(names, tgrad, strict=True)}, 1e-10, 1e-12)
    assert_dicts_close(hv, {k: h.numpy() for k, h in zip(names, thv, strict=True)}, 1e-9, 1e-11)


def _input_grad(spec, params, x, g_out):
    """dJ/dx through the reference's own layer operations, for dJ/dyhat = g_out."""
    p = {k: np.asarray(v, dtype=float) for k, v in params.items()}
    ops, hs, ctxs, locals_ = ref._layers(spec), [x], [], []
    for op in ops:
        z, ctx = op.apply(hs[-1], p)
        a, local = ref._activate(op.activation, z, op.alpha)
        hs.append(a + hs[-1] if op.residual else a)
        ctxs.append(ctx)
        locals_.append(local)
    g = g_out
    for op, h, ctx, local in zip(ops[::-1], hs[-2::-1], ctxs[::-1], locals_[::-1], strict=True):
        dh = op.vjp(h, ctx, local.vjp(g), p)[0]
        g = dh + g if op.residual else dh
    return g


@pytest.mark.parametrize(
    "spec",
    [
        GEOMETRIES["c2_k3_s2_p1_nobias_max2s1_l2"],
        GEOMETRIES["two_convs_avg2_max2"],
        LAYERNORM["tokens_eps_residual"],
        BATCHNORM["image"],
        BATCHNORM["tokens_eps_residual"],
        ATTENTION["tiny_transformer_block"],
        ATTENTION["three_heads_nobias_tanh_l2"],
        ATTENTION["token_dense_residual"],
        spec_of([1, 2, 4], [{"maxpool": 2}, {"flatten": True}, {"dense": 2}]),
    ],
)
def test_input_gradient_matches_torch(spec):
    """The layers' gradients wrt their inputs (the first layer's is not part of grad J)."""
    torch = pytest.importorskip("torch")
    params, x, _ = random_problem(spec, 2, np.random.default_rng(3))
    if x.shape[1:] == (1, 2, 4):
        x = np.array([[[[1.0, 3.0, 2.0, 0.0], [3.0, 3.0, 2.0, 2.0]]], [[[5.0, 5.0, 5.0, 5.0], [5.0, 1.0, 5.0, 5.0]]]])
    tx = torch.tensor(x, requires_grad=True)
    tp = {k: torch.tensor(v) for k, v in params.items()}
    yhat = torch_forward(spec, tp, tx)
    g_out = np.random.default_rng(4).standard_normal(tuple(yhat.shape))
    (want,) = torch.autograd.grad(yhat, tx, torch.tensor(g_out))
    np.testing.assert_allclose(_input_grad(spec, params, x, g_out), want.numpy(), 1e-10, 1e-12)
