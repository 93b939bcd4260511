"""The PyTorch bridge (codegen.to_torch, codegen.TorchModel): gradcheck / gradgradcheck through
the compiled gradient and HVP; loss, gradient and H·v equal to the same networks written
independently in plain torch ops (autograd); a torch.optim.Adam loop over the module form matches
the plain-torch model trained by the same optimizer; float32 kernels; one-line errors. Skipped
when torch is not installed (the optional extra symgrad[torch])."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest

import codegen
from codegen.kernel import KernelError

torch = pytest.importorskip("torch", reason="the PyTorch bridge needs torch (pip install 'symgrad[torch]')")
F = torch.nn.functional

RNG = np.random.default_rng(12)


# ---- the bundled models, written independently in plain torch (from the spec files) -------------


def classifier_ce(p: dict, x, y):
    """examples/classifier_ce.toml: 3 → 8 ReLU → 4 logits, softmax cross-entropy summed over the batch."""
    h = torch.relu(x @ p["W1"].T + p["b1"])
    logits = h @ p["W2"].T + p["b2"]
    return -(y * F.log_softmax(logits, dim=1)).sum()


def mlp_tanh(p: dict, x, y):
    """examples/mlp_tanh.toml: 4-16-16-2 tanh MLP, ½ squared loss, batch mean, + 0.001/2 Σ W²."""
    a = torch.tanh(x @ p["W1"].T + p["b1"])
    a = torch.tanh(a @ p["W2"].T + p["b2"])
    out = a @ p["W3"].T + p["b3"]
    data = (0.5 * ((out - y) ** 2).sum(dim=1)).mean()
    return data + 0.001 / 2 * sum((p[w] ** 2).sum() for w in ("W1", "W2", "W3"))


def worked_example_ii(p: dict, x, y):
    """examples/worked_example_ii.toml: relu → tanh → sigmoid scalar chain, ½(y − ŷ)², batch mean."""
    a1 = torch.relu(p["w1"] * x[:, 0] + p["b1"])
    a2 = torch.tanh(p["w2"] * a1 + p["b2"])
    yhat = torch.sigmoid(p["w3"] * a2 + p["b3"])
    return (0.5 * (y[:, 0] - yhat) ** 2).mean()


MODELS = {"classifier_ce": classifier_ce, "mlp_tanh": mlp_tanh, "worked_example_ii": worked_example_ii}


def batch(kernel, n: int = 6) -> dict:
    x_shape, y_shape = kernel.input_shapes["x"], kernel.input_shapes["y"]
    x = RNG.normal(size=(n, *x_shape))
    if kernel.graph.name == "classifier_ce":
        y = RNG.dirichlet(np.ones(y_shape[0]), size=n)
    else:
        y = RNG.uniform(0.1, 0.9, size=(n, *y_shape))
    return {"x": x, "y": y}


def plain(name: str, kernel, theta: np.ndarray, data: dict):
    """(loss, θ as a dict of leaf tensors, loss fn) of the plain-torch model, float64."""
    p = {n: torch.tensor(v, dtype=torch.float64, requires_grad=True) for n, v in kernel.unpack(theta).items()}
    x = torch.tensor(data["x"], dtype=torch.float64).reshape(len(data["x"]), -1)
    y = torch.tensor(data["y"], dtype=torch.float64).reshape(len(data["y"]), -1)
    return MODELS[name](p, x, y), p


def flat_of(kernel, p: dict) -> np.ndarray:
    return kernel.pack({n: t.detach().numpy() for n, t in p.items()})


@pytest.fixture(scope="module")
def kernels() -> dict:
    return {name: codegen.compile(name) for name in MODELS}


def test_pinned_api_reproduces_seed_001_worked_example_ii(kernels, seed_cases):
    """The API as pinned: f = codegen.to_torch(kernel); loss = f(theta, D); backward; against
    seed 001 Tables 2.4-2.7 (the loss and ∂L/∂θ at the spec's point, from the cases file)."""
    kernel = kernels["worked_example_ii"]
    values = kernel.graph.values
    f = codegen.to_torch(kernel)
    theta = torch.tensor(kernel.pack({n: values[n] for n in kernel.param_shapes}), requires_grad=True)
    D = kernel.pack_data({"x": values["x"], "y": values["y"]})
    loss = f(theta, D)
    loss.backward()
    expected = seed_cases["s001_worked_example_II_relu_tanh_sigmoid"]["expected"]
    assert loss.item() == pytest.approx(expected["L"], abs=5e-7)
    grads = kernel.unpack(theta.grad.numpy())
    for p in ("w1", "b1", "w2", "b2", "w3", "b3"):
        assert float(grads[p]) == pytest.approx(expected[f"dL/d{p}"], abs=5e-7)


@pytest.mark.parametrize("name", list(MODELS))
def test_gradcheck_and_gradgradcheck(kernels, name):
    k = kernels[name]
    f = codegen.to_torch(k)
    D = torch.from_numpy(k.pack_data(batch(k)))
    theta = torch.tensor(RNG.normal(size=k.n_params) * 0.7, requires_grad=True)
    assert torch.autograd.gradcheck(lambda t: f(t, D), (theta,), eps=1e-6, atol=1e-6)
    assert torch.autograd.gradgradcheck(lambda t: f(t, D), (theta,), eps=1e-6, atol=1e-6)


@pytest.mark.parametrize("name", list(MODELS))
def test_loss_grad_and_hvp_equal_plain_torch(kernels, name):
    k = kernels[name]
    f = codegen.to_torch(k)
    data = batch(k)
    th = RNG.normal(size=k.n_params) * 0.7
    v = RNG.normal(size=k.n_params)
    theta = torch.tensor(th, requires_grad=True)
    loss = f(theta, k.pack_data(data))  # packed data as the numpy array pack_data returns
    (g,) = torch.autograd.grad(loss, theta, create_graph=True)
    (hv,) = torch.autograd.grad(g @ torch.from_numpy(v), theta)

    ref, p = plain(name, k, th, data)
    gp = torch.autograd.grad(ref, list(p.values()), create_graph=True)
    dot = sum((gi * torch.from_numpy(vi)).sum() for gi, vi in zip(gp, k.unpack(v).values(), strict=True))
    hp = torch.autograd.grad(dot, list(p.values()))
    assert loss.item() == pytest.approx(ref.item(), rel=1e-12, abs=1e-14)
    np.testing.assert_allclose(g.detach().numpy(), flat_of(k, dict(zip(p, gp, strict=True))), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(hv.numpy(), flat_of(k, dict(zip(p, hp, strict=True))), rtol=1e-9, atol=1e-12)


def test_backward_scales_by_the_upstream_gradient_and_accepts_strided_theta(kernels):
    k = kernels["classifier_ce"]
    f = codegen.to_torch(k)
    data = batch(k)
    th = RNG.normal(size=k.n_params)
    big = torch.zeros(2 * k.n_params, dtype=torch.float64)
    big[::2] = torch.from_numpy(th)
    big.requires_grad_(True)
    theta = big[::2]  # a non-contiguous view that requires grad
    (3.0 * f(theta, torch.from_numpy(k.pack_data(data)))).backward()
    ref, p = plain("classifier_ce", k, th, data)
    gp = torch.autograd.grad(ref, list(p.values()))
    np.testing.assert_allclose(big.grad[::2].numpy(), 3.0 * flat_of(k, dict(zip(p, gp, strict=True))), rtol=1e-10)
    assert not big.grad[1::2].any()


def test_adam_loop_over_the_module_form_matches_plain_torch(kernels):
    """20 Adam steps: the TorchModel (compiled gradient) and the plain-torch network (torch
    autograd) from the same start end at the same parameters, and the loss decreases."""
    k = kernels["classifier_ce"]
    x = RNG.normal(size=(32, 3))
    data = {"x": x, "y": np.eye(4)[np.argmax(x @ RNG.normal(size=(3, 4)), axis=1)]}  # learnable labels
    model = codegen.to_torch(k, module=True, seed=3)
    assert isinstance(model, torch.nn.Module) and isinstance(model, codegen.TorchModel)
    assert list(model.params) == sorted(k.param_shapes)  # keyed by the spec's names
    assert {n: tuple(p.shape) for n, p in model.params.items()} == k.param_shapes
    _, ref = plain("classifier_ce", k, k.pack(model.values()), data)
    x, y = (torch.tensor(data[n]) for n in ("x", "y"))
    assert all(isinstance(p, torch.nn.Parameter) for p in model.params.values())  # nn.Parameters by name
    opt = torch.optim.Adam(model.parameters(), lr=0.05)
    opt_ref = torch.optim.Adam(ref.values(), lr=0.05)
    losses = []
    for _ in range(20):
        opt.zero_grad()
        loss = model(data)
        loss.backward()
        opt.step()
        losses.append(loss.item())
        opt_ref.zero_grad()
        classifier_ce(ref, x, y).backward()
        opt_ref.step()
    assert losses[-1] < 0.5 * losses[0]
    for n, p in model.params.items():
        np.testing.assert_allclose(p.detach().numpy(), ref[n].detach().numpy(), rtol=1e-9, atol=1e-12)


def test_module_initial_values_given_spec_and_init(kernels):
    k = kernels["worked_example_ii"]
    model = codegen.TorchModel(k)  # every parameter from the spec's [values]
    assert {n: p.item() for n, p in model.params.items()} == {
        "w1": 1.5, "b1": -1.0, "w2": 0.5, "b2": 0.1, "w3": 2.0, "b3": -0.3,
    }  # fmt: skip
    model = codegen.TorchModel(k, params={"w1": torch.tensor(0.25)})
    assert model.params["w1"].item() == 0.25 and model.params["b1"].item() == -1.0
    # seed 001 Worked Example II at x = 2, y = 1, packed data: the plain-torch chain's loss
    spec_theta = k.pack({n: k.graph.values[n] for n in k.param_shapes})
    ref, _ = plain("worked_example_ii", k, spec_theta, {"x": np.array([2.0]), "y": np.array([1.0])})
    loss = codegen.TorchModel(k)(k.pack_data({"x": 2.0, "y": 1.0}))
    assert loss.item() == pytest.approx(ref.item(), rel=1e-13)
    c = kernels["classifier_ce"]  # no parameter values in the spec: the torch scheme, seeded
    a, b = codegen.TorchModel(c, seed=1), codegen.TorchModel(c, seed=1)
    assert all(torch.equal(a.params[n], b.params[n]) for n in c.param_shapes)
    bound = 1 / np.sqrt(3)  # nn.Linear's default: U(±1/√fan_in), fan_in 3 for W1 and b1
    assert a.params["W1"].abs().max().item() <= bound and a.params["W1"].abs().max().item() > 0


def test_float32_kernel():
    k = codegen.compile("classifier_ce", dtype="float32")
    f = codegen.to_torch(k)
    data = batch(k)
    th = RNG.normal(size=k.n_params)
    theta = torch.tensor(th, dtype=torch.float32, requires_grad=True)
    loss = f(theta, torch.from_numpy(k.pack_data(data)))
    assert loss.dtype == torch.float32
    (g,) = torch.autograd.grad(loss, theta, create_graph=True)
    (hv,) = torch.autograd.grad(g.sum(), theta)
    assert g.dtype == hv.dtype == torch.float32
    ref, p = plain("classifier_ce", k, th.astype(np.float32).astype(np.float64), data)
    gp = torch.autograd.grad(ref, list(p.values()), create_graph=True)
    hp = torch.autograd.grad(sum(gi.sum() for gi in gp), list(p.values()))
    assert loss.item() == pytest.approx(ref.item(), rel=1e-5)
    np.testing.assert_allclose(g.detach().numpy(), flat_of(k, dict(zip(p, gp, strict=True))), rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(hv.numpy(), flat_of(k, dict(zip(p, hp, strict=True))), rtol=1e-4, atol=1e-5)
    model = codegen.TorchModel(k)
    assert all(p.dtype == torch.float32 for p in model.parameters())
    model(data).backward()
    with pytest.raises(KernelError, match=r"expected dtype torch\.float32"):
        f(theta.double(), k.pack_data(data))


def test_bad_input_is_a_one_line_error(kernels):
    k = kernels["classifier_ce"]
    f = codegen.to_torch(k)
    D = k.pack_data(batch(k))
    theta = torch.zeros(k.n_params, dtype=torch.float64)
    cases = [
        (lambda: f(theta.float(), D), "expected dtype torch.float64"),
        (lambda: f(theta[:-1], D), rf"expected shape \({k.n_params},\)"),
        (lambda: f(theta.reshape(1, -1), D), "expected shape"),
        (lambda: f(theta.numpy(), D), "expected a torch tensor"),
        (lambda: f(theta, torch.from_numpy(D).requires_grad_(True)), "gradients with respect to the data"),
        (lambda: f(theta, D[:, :-1]), "expected shape"),
        (lambda: f(theta, D.astype(np.float32)), "expected dtype float64"),
        (lambda: f(theta, D.tolist()), "expected packed data"),
    ]
    for call, pattern in cases:
        with pytest.raises(KernelError, match=pattern) as e:
            call()
        assert "\n" not in str(e.value)
    with pytest.raises(ValueError, match="params= is for module=True"):
        codegen.to_torch(k, params={})
    with pytest.raises(TypeError, match="expected a compiled Kernel"):
        codegen.to_torch("classifier_ce")


def test_a_kernel_without_hvp_refuses_only_double_backward():
    kernel = codegen.compile("hvp_quadratic", what="loss_grad")
    f = codegen.to_torch(kernel)
    theta = torch.tensor([1.0, 2.0], dtype=torch.float64, requires_grad=True)
    D = kernel.pack_data({n: np.zeros((1, *s)) for n, s in kernel.input_shapes.items()})
    (g,) = torch.autograd.grad(f(theta, D), theta, create_graph=True)
    assert g.tolist() == [8.0, 11.0]  # f = w1² + 3 w1 w2 + 2 w2² (seed 001 §2.11.1) at (1, 2)
    with pytest.raises(KernelError, match="compiled without 'hvp'"):
        torch.autograd.grad(g.sum(), theta)


def test_third_derivatives_are_refused(kernels):
    k = kernels["worked_example_ii"]
    f = codegen.to_torch(k)
    theta = torch.tensor(k.pack({n: k.graph.values[n] for n in k.param_shapes}), requires_grad=True)
    (g,) = torch.autograd.grad(f(theta, k.pack_data({"x": 2.0, "y": 1.0})), theta, create_graph=True)
    (hv,) = torch.autograd.grad(g.sum(), theta, create_graph=True)
    with pytest.raises(RuntimeError):
        torch.autograd.grad(hv.sum(), theta)


def test_without_torch_the_error_names_the_extra():
    code = (
        "import sys; sys.modules['torch'] = None\n"
        "import codegen\n"
        "try:\n    codegen.to_torch\nexcept ImportError as e:\n    print(type(e).__name__, e)\n"
    )
    r = subprocess.run([sys.executable, "-P", "-c", code], capture_output=True, text=True, check=False, env=os.environ)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "TorchUnavailableError the PyTorch bridge needs torch: pip install 'symgrad[torch]'"


def test_theta_modified_in_place_before_backward_is_refused(kernels):
    k = kernels["classifier_ce"]
    f = codegen.to_torch(k)
    theta = torch.zeros(k.n_params, dtype=torch.float64, requires_grad=True)
    loss = f(theta, k.pack_data(batch(k)))
    with torch.no_grad():
        theta += 1.0  # the kernel read θ's memory: a later backward would be at the wrong point
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        loss.backward()
