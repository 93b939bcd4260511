"""Token layers (issue 11): layernorm (vector or rows), token-wise dense (linear), multi-head
self-attention, residuals — the grammar functions and the pinned [[layers]] keys (`layernorm =
true`, `attention = HEADS`, `residual = true`, `input = [T, D]`), against direct numpy written in
the tests, finite differences, and PyTorch's own modules where installed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from _nn_loops import attention_loops, layernorm_rows, log_softmax

from symbolic.bundled import load_graph
from symbolic.point import evaluate_point
from symbolic.spec import SpecError, load_spec

GRAMMAR = """[model]
name = "tokens"
inputs = ["x[5]", "X[3,4]", "T[3,4]"]
params = ["g[5]", "b[5]", "G[4]", "B[4]", "Wq[4,4]", "Wk[4,4]", "Wv[4,4]", "Wo[4,4]",
          "bq[4]", "bk[4]", "bv[4]", "bo[4]", "V[2,4]", "c[2]"]
objective = "L"
[forward]
y = "layernorm(x, g, b)"
A = "attention(X, Wq, Wk, Wv, Wo, bq, bk, bv, bo, heads=2)"
N = "layernorm(A + X, G, B, eps=0.01)"
P = "linear(N, V, c)"
L = "sum(sin(y)) + sum(N*T) + sum(P**2)"
"""


def spec(tmp_path: Path, text: str) -> str:
    p = tmp_path / "m.toml"
    p.write_text(text)
    return str(p)


def numpy_objective(v: dict) -> float:
    y = layernorm_rows(v["x"], v["g"], v["b"])
    P = {k: v[k] for k in ("Wq", "Wk", "Wv", "Wo", "bq", "bk", "bv", "bo")}
    A = attention_loops(v["X"], {f"{k}1": a for k, a in P.items()}, heads=2)
    N = layernorm_rows(A + v["X"], v["G"], v["B"], eps=0.01)
    Pm = N @ v["V"].T + v["c"]
    return float(np.sum(np.sin(y)) + np.sum(N * v["T"]) + np.sum(Pm**2))


def test_grammar_functions_against_direct_numpy_and_finite_differences(tmp_path):
    g = load_spec(spec(tmp_path, GRAMMAR))
    rng = np.random.default_rng(0)
    v = {k: rng.normal(size=s) * 0.7 for k, s in {**g.inputs, **g.params}.items()}
    r = evaluate_point(g, v)
    assert r.objective == pytest.approx(numpy_objective(v), rel=1e-12)
    h = 1e-6
    for p in ("Wq", "bk", "G", "g", "V"):
        fd = np.zeros(g.params[p])
        for idx in np.ndindex(g.params[p]):
            e = np.zeros(g.params[p])
            e[idx] = h
            fd[idx] = (numpy_objective({**v, p: v[p] + e}) - numpy_objective({**v, p: v[p] - e})) / (2 * h)
        np.testing.assert_allclose(r.grad[p], fd, atol=2e-7, err_msg=p)
    u = {p: rng.normal(size=s) for p, s in g.params.items()}
    r = evaluate_point(g, v, direction=u)
    plus = evaluate_point(g, {**v, **{p: v[p] + h * u[p] for p in u}}).grad
    minus = evaluate_point(g, {**v, **{p: v[p] - h * u[p] for p in u}}).grad
    for p in u:
        np.testing.assert_allclose(r.hvp[p], (plus[p] - minus[p]) / (2 * h), atol=1e-5, err_msg=p)


def test_against_pytorch_multihead_attention_and_layer_norm(tmp_path):
    torch = pytest.importorskip("torch")
    g = load_spec(spec(tmp_path, GRAMMAR))
    rng = np.random.default_rng(1)
    v = {k: rng.normal(size=s) * 0.7 for k, s in {**g.inputs, **g.params}.items()}
    r = evaluate_point(g, v)
    t = {k: torch.tensor(a, requires_grad=True) for k, a in v.items()}
    mha = torch.nn.MultiheadAttention(4, 2, batch_first=True).double()
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([t["Wq"], t["Wk"], t["Wv"]]))
        mha.in_proj_bias.copy_(torch.cat([t["bq"], t["bk"], t["bv"]]))
        mha.out_proj.weight.copy_(t["Wo"])
        mha.out_proj.bias.copy_(t["bo"])
    F = torch.nn.functional
    y = F.layer_norm(t["x"], (5,), t["g"], t["b"])
    A = mha(t["X"][None], t["X"][None], t["X"][None], need_weights=False)[0][0]
    N = F.layer_norm(A + t["X"], (4,), t["G"], t["B"], eps=0.01)
    L = torch.sin(y).sum() + (N * t["T"]).sum() + (F.linear(N, t["V"], t["c"]) ** 2).sum()
    L.backward()
    assert r.objective == pytest.approx(L.item(), rel=1e-12)
    np.testing.assert_allclose(r.grad["Wq"], mha.in_proj_weight.grad[:4].numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r.grad["bv"], mha.in_proj_bias.grad[8:].numpy(), rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(r.grad["Wo"], mha.out_proj.weight.grad.numpy(), rtol=1e-9, atol=1e-12)
    for p in ("g", "b", "G", "B", "V", "c"):
        np.testing.assert_allclose(r.grad[p], t[p].grad.numpy(), rtol=1e-9, atol=1e-12, err_msg=p)
    np.testing.assert_allclose(r.adjoints["X"], t["X"].grad.numpy(), rtol=1e-9, atol=1e-12)


def test_bundled_tiny_transformer_parameters_and_value():
    g = load_graph("tiny_transformer")
    D = 8
    want = {f"W{c}1": (D, D) for c in "qkvo"} | {f"b{c}1": (D,) for c in "qkvo"}
    want |= {"gamma2": (D,), "beta2": (D,), "W3": (8, D), "b3": (8,), "W5": (3, 32), "b5": (3,)}
    assert g.params == want and g.inputs == {"x": (4, 8), "y": (3,)}
    rng = np.random.default_rng(2)
    v = {p: rng.normal(size=s) * 0.5 for p, s in g.params.items()}
    v["x"], v["y"] = rng.normal(size=(4, 8)), np.eye(3)[1]
    h1 = attention_loops(v["x"], v, heads=2) + v["x"]
    h2 = layernorm_rows(h1, v["gamma2"], v["beta2"])
    h3 = np.maximum(h2 @ v["W3"].T + v["b3"], 0.0) + h2
    z = v["W5"] @ h3.reshape(-1) + v["b5"]
    assert evaluate_point(g, v).objective == pytest.approx(float(-np.sum(v["y"] * log_softmax(z))), rel=1e-12)


BLOCK = """[model]
name = "block"
input = [4, 6]
[[layers]]
attention = 3
residual = true
[[layers]]
layernorm = true
[loss]
type = "mse"
"""


@pytest.mark.parametrize(
    "change, words",
    [
        (("attention = 3", "attention = 4"), ["layer 1", "must divide the feature size 6"]),
        (("input = [4, 6]", "input = 6"), ["layer 1", "attention needs tokens"]),
        (("layernorm = true", "layernorm = true\neps = 0"), ["layer 2", "eps"]),
        (("layernorm = true", "layernorm = true\nkernel = 3"), ["layer 2", "'kernel' does not apply"]),
        (("layernorm = true", "batchnorm = true"), ["layer 2", "batchnorm is not available yet"]),
        (("layernorm = true", "layernorm = 1"), ["layer 2", "layernorm = true"]),
    ],
)
def test_bad_token_layers_are_one_line_errors(tmp_path, change, words):
    text = BLOCK.replace(*change)
    assert text != BLOCK
    with pytest.raises(SpecError) as e:
        load_spec(spec(tmp_path, text))
    msg = str(e.value)
    assert "\n" not in msg
    for w in words:
        assert w in msg, msg


def test_init_starts_layernorm_at_identity_scale():
    from symbolic.init import init_params, parse_init

    g = load_graph("tiny_transformer")
    v = init_params(g, list(g.params), parse_init("torch"), seed=0)
    assert np.all(v["gamma2"] == 1.0) and np.all(v["beta2"] == 0.0)
    assert np.max(np.abs(v["Wq1"])) <= 1 / np.sqrt(8) and np.std(v["Wq1"]) > 0
