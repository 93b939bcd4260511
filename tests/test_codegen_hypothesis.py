"""Random MLPs (hypothesis, bounded): compiled objective, gradient, HVP, Hessian vs references."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from codegen import reference as ref
from codegen.check import spec_dict
from codegen.kernel import compile as kcompile
from symbolic.spec import parse_spec

ACTS = ["tanh", "sigmoid", "relu", "softplus", "silu", "gelu", "identity", "elu", "leaky_relu"]


@st.composite
def mlps(draw):
    n_in = draw(st.integers(1, 4))
    depth = draw(st.integers(1, 3))
    layers = []
    for _i in range(depth):
        layers.append((draw(st.integers(1, 5)), draw(st.sampled_from(ACTS)), draw(st.booleans())))
    loss = draw(st.sampled_from(["mse", "mse_half", "cross_entropy", "bce_logits", "logistic"]))
    reduction = draw(st.sampled_from(["mean", "sum"]))
    penalty = draw(st.sampled_from([None, "l2", "l2all"]))
    n = draw(st.integers(1, 40))
    seed = draw(st.integers(0, 2**16))
    return n_in, layers, loss, reduction, penalty, n, seed


def toml(n_in, layers, loss, reduction, penalty):
    out = [f'[model]\nname = "rand"\ninput = {n_in}\n']
    for units, act, bias in layers:
        out.append(f'[[layers]]\ndense = {units}\nactivation = "{act}"\nbias = {str(bias).lower()}\n')
    if loss == "cross_entropy":
        out[-1] = out[-1].replace(f'activation = "{layers[-1][1]}"', 'activation = "identity"')
    kind = "mse" if loss.startswith("mse") else loss
    half = "half = true\n" if loss == "mse_half" else ""
    out.append(f'[loss]\ntype = "{kind}"\nreduction = "{reduction}"\n' + half)
    if penalty:
        out.append('[penalty]\ntype = "l2"\nlam = 0.3\n' + ('params = "all"\n' if penalty == "l2all" else ""))
    return "\n".join(out)


@settings(max_examples=10, deadline=None, derandomize=True)
@given(mlps())
def test_random_mlp_matches_layerwise_reference(case):
    n_in, layers, loss, reduction, penalty, n, seed = case
    g = parse_spec(toml(n_in, layers, loss, reduction, penalty), "<random>")
    spec = spec_dict(g)
    k = kcompile(g, what=("loss_grad", "hvp", "hessian"))
    rng = np.random.default_rng(seed)
    params = ref.random_params(spec, rng)
    x, y = ref.random_data(spec, n, rng)
    u = {p: rng.standard_normal(s) for p, s in g.params.items()}
    data = {"x": x, "y": y}
    loss_c, grads_c, hv_c = k.hvp(params, data, u)
    loss_r, grads_r, hv_r = ref.hvp(spec, params, x, y, u)
    assert loss_c == pytest.approx(loss_r, rel=1e-10, abs=1e-12)
    for p in g.params:
        np.testing.assert_allclose(grads_c[p], grads_r[p], rtol=1e-9, atol=1e-11)
        np.testing.assert_allclose(hv_c[p], hv_r[p], rtol=1e-8, atol=1e-10)
    if k.n_params <= 60:
        H = k.hessian(params, data)
        assert np.allclose(H, H.T)
        np.testing.assert_allclose(H @ k.pack(u), k.pack(hv_c), rtol=1e-8, atol=1e-10)
    # FD of the compiled objective along a random direction
    theta, D = k.pack(params), k.pack_data(data)
    v = rng.standard_normal(k.n_params)
    eps = 1e-6
    fd = (k.loss_and_grad_flat(theta + eps * v, D)[0] - k.loss_and_grad_flat(theta - eps * v, D)[0]) / (2 * eps)
    assert fd == pytest.approx(k.pack(grads_c) @ v, rel=1e-4, abs=1e-5)
