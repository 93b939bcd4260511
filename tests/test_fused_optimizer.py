"""Fused C optimizer steps (codegen.optimizer): every optimizer and convention switch over 100
steps on a small random 3-4-2 model against symbolic.optim's numpy Stepper fed the same
gradients, and against torch.optim with matching settings (the model and its gradient in torch);
float32 kernels; one-line ValueErrors for bad input."""

from __future__ import annotations

import numpy as np
import pytest

import codegen
from symbolic.optim import NAMES, Stepper, settings
from symbolic.spec import parse_spec

STEPS = 100
SPEC = """
[model]
name = "fused_opt"
input = 3
[[layers]]
dense = 4
activation = "tanh"
[[layers]]
dense = 2
activation = "identity"
[loss]
type = "mse"
half = true
"""

RNG = np.random.default_rng(11)
X = RNG.normal(size=(8, 3))
Y = RNG.normal(size=(8, 2))
SHAPES = {"W1": (4, 3), "b1": (4,), "W2": (2, 4), "b2": (2,)}
P0 = {n: RNG.normal(size=s) for n, s in SHAPES.items()}

CASES = [
    {"type": "sgd", "lr": 0.1},
    {"type": "sgd", "lr": 0.1, "momentum": 0.9, "weight_decay": 0.05},
    {"type": "sgd", "lr": 0.1, "weight_decay": 0.2, "decay": "decoupled_unscaled"},
    {"type": "sgd", "lr": 0.2, "schedule": "step", "step_size": 10, "gamma": 0.5},
    {"type": "gd", "lr": 0.2, "schedule": "inverse"},
    {"type": "momentum", "lr": 0.1, "beta": 0.8},
    {"type": "heavy-ball", "lr": 0.05, "momentum": 0.9, "weight_decay": 0.01},
    {"type": "heavy-ball", "lr": 0.05, "momentum": 0.9, "C": 10, "decay": "decoupled"},
    {"type": "nesterov", "lr": 0.05, "momentum": 0.9, "weight_decay": 0.01},
    {"type": "adagrad", "lr": 0.1, "weight_decay": 0.01},
    {"type": "adagrad", "lr": 0.1, "eps": 1e-3, "eps_inside_sqrt": True},
    {"type": "rmsprop", "lr": 0.003, "beta": 0.95, "weight_decay": 0.01},  # no sign-like chaos near a minimum
    {"type": "rmsprop", "lr": 0.01, "eps": 1e-4, "eps_inside_sqrt": True, "schedule": "inverse_sqrt"},
    {"type": "adam", "lr": 0.01, "weight_decay": 0.01},
    {"type": "adam", "lr": 0.01, "eps": 1e-4, "eps_inside_sqrt": True},
    {"type": "adam", "lr": 0.01, "bias_correction": False, "schedule": "cosine", "t_max": STEPS},
    {"type": "adamw", "lr": 0.01, "weight_decay": 0.1},
    {"type": "adamw", "lr": 0.01, "C": 20, "step_index": "k"},
    {"type": "adamw", "lr": 0.01, "weight_decay": 0.1, "decay": "l2"},
    {"type": "lamb", "lr": 0.01},
    {"type": "lamb", "lr": 0.01, "weight_decay": 0.1, "eps_inside_sqrt": True, "eps": 1e-4},
    {"type": "lamb", "lr": 0.01, "weight_decay": 0.1, "decay": "l2", "step_index": "k"},
]


def _id(cfg: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in cfg.items())


@pytest.fixture(scope="module")
def kernel():
    return codegen.compile(parse_spec(SPEC, "<fused_opt>"), what="loss_grad")


@pytest.fixture(scope="module")
def kernel32():
    return codegen.compile(parse_spec(SPEC, "<fused_opt>"), dtype="float32", what="loss_grad")


def _keys(cfg: dict) -> tuple[str, dict]:
    keys = dict(cfg)
    return keys.pop("type"), keys


def run_fused(k, cfg: dict, steps: int = STEPS):
    name, keys = _keys(cfg)
    opt = codegen.optimizer(k, name, **keys)
    theta = k.pack(P0).astype(k.dtype)
    D = k.pack_data({"x": X, "y": Y})
    losses = [opt.step(theta, D) for _ in range(steps)]
    assert opt.t == steps
    return theta, losses, opt


def run_stepper(k, cfg: dict, steps: int = STEPS):
    """symbolic.optim's numpy step on the gradients the kernel gives at the Stepper's own point."""
    stepper = Stepper(settings(cfg), steps_planned=steps)
    p = {n: v.copy() for n, v in P0.items()}
    for _ in range(steps):
        _, grads = k.loss_and_grad(p, {"x": X, "y": Y})
        p = stepper.step(p, grads)
    return p, stepper


def test_every_optimizer_is_covered():
    assert set(NAMES) <= {settings({"type": c["type"]}).name for c in CASES}


@pytest.mark.parametrize("cfg", CASES, ids=_id)
def test_matches_the_numpy_stepper_over_100_steps(kernel, cfg):
    theta, losses, opt = run_fused(kernel, cfg)
    ref, stepper = run_stepper(kernel, cfg)
    got = kernel.unpack(theta)
    moved = max(float(np.max(np.abs(ref[n] - P0[n]))) for n in P0)
    assert moved > 1e-3, "the run should move the parameters"
    for n in P0:
        np.testing.assert_allclose(got[n], ref[n], rtol=1e-10, atol=1e-12, err_msg=n)
    for s, per_param in stepper.state.items():
        flat = kernel.unpack(opt.state[s])
        for n in P0:
            np.testing.assert_allclose(flat[n], per_param[n], rtol=1e-10, atol=1e-12, err_msg=f"{s}[{n}]")
    assert np.isfinite(losses).all() and losses[-1] < losses[0]


def test_loss_is_the_one_before_each_update(kernel):
    _, losses, _ = run_fused(kernel, {"type": "adam", "lr": 0.01}, steps=3)
    p = {n: v.copy() for n, v in P0.items()}
    stepper = Stepper(settings({"type": "adam", "lr": 0.01}))
    for i in range(3):
        loss, grads = kernel.loss_and_grad(p, {"x": X, "y": Y})
        assert losses[i] == pytest.approx(loss, rel=1e-12)
        p = stepper.step(p, grads)


@pytest.mark.parametrize(
    "cfg", [{"type": "adam", "lr": 0.01}, {"type": "lamb", "lr": 0.01, "weight_decay": 0.1}], ids=_id
)
def test_float32_kernel(kernel32, cfg):
    theta, _, opt = run_fused(kernel32, cfg, steps=20)
    assert theta.dtype == np.float32 and opt.state["m"].dtype == np.float32
    ref, _ = run_stepper(kernel32, cfg, steps=20)
    got = kernel32.unpack(theta)
    for n in P0:
        np.testing.assert_allclose(got[n], ref[n], rtol=1e-4, atol=1e-5)


# ---- torch.optim with matching settings --------------------------------------------------------


def _torch_run(cfg: dict):
    torch = pytest.importorskip("torch")
    kind, lr = cfg["type"], cfg["lr"]
    wd = cfg.get("weight_decay", 0.0)
    ps = {n: torch.tensor(v.copy(), dtype=torch.float64, requires_grad=True) for n, v in P0.items()}
    params = list(ps.values())
    o = torch.optim
    if kind in ("sgd", "gd"):
        opt = o.SGD(params, lr=lr, momentum=cfg.get("momentum", 0.0), weight_decay=wd)
    elif kind == "momentum":  # v = βv + (1−β)g, θ −= ηv  ≡  b = βb + g, θ −= η(1−β)b
        opt = o.SGD(params, lr=lr * (1 - cfg["beta"]), momentum=cfg["beta"])
    elif kind == "heavy-ball":  # v = αv − ηg, θ += v  ≡  b = αb + g, θ −= ηb  (v = −ηb)
        opt = o.SGD(params, lr=lr, momentum=cfg["momentum"], weight_decay=wd)
    elif kind == "nesterov":
        opt = o.SGD(params, lr=lr, momentum=cfg["momentum"], nesterov=True, weight_decay=wd)
    elif kind == "adagrad":
        opt = o.Adagrad(params, lr=lr, weight_decay=wd)
    elif kind == "rmsprop":
        opt = o.RMSprop(params, lr=lr, alpha=cfg["beta"], weight_decay=wd)
    elif kind == "adam":
        opt = o.Adam(params, lr=lr, weight_decay=wd)
    else:
        opt = o.AdamW(params, lr=lr, weight_decay=wd)
    sched = None
    if cfg.get("schedule") == "step":
        sched = o.lr_scheduler.StepLR(opt, step_size=cfg["step_size"], gamma=cfg["gamma"])
    elif cfg.get("schedule") == "cosine":
        sched = o.lr_scheduler.CosineAnnealingLR(opt, T_max=cfg["t_max"])
    elif cfg.get("schedule") == "inverse":
        sched = o.lr_scheduler.LambdaLR(opt, lambda k: 1 / (k + 1))
    Xt, Yt = torch.tensor(X), torch.tensor(Y)
    for _ in range(STEPS):
        opt.zero_grad()
        h = torch.tanh(Xt @ ps["W1"].T + ps["b1"])
        loss = 0.5 * ((h @ ps["W2"].T + ps["b2"] - Yt) ** 2).sum() / len(X)
        loss.backward()
        opt.step()
        if sched is not None:
            sched.step()
    return {n: v.detach().numpy() for n, v in ps.items()}


TORCH_CASES = [
    c
    for c in CASES
    if c["type"] != "lamb"  # torch.optim has no LAMB: the numpy Stepper checks it
    and not c.get("eps_inside_sqrt")
    and c.get("decay", "l2" if c["type"] != "adamw" else "decoupled") == ("decoupled" if c["type"] == "adamw" else "l2")
    and "C" not in c
    and c.get("bias_correction", True)
    and c.get("schedule") != "inverse_sqrt"
]
TORCH_CASES.append({"type": "adam", "lr": 0.01, "schedule": "cosine", "t_max": STEPS})


@pytest.mark.parametrize("cfg", TORCH_CASES, ids=_id)
def test_matches_torch_optim_over_100_steps(kernel, cfg):
    theirs = _torch_run(cfg)
    theta, _, _ = run_fused(kernel, cfg)
    ours = kernel.unpack(theta)
    for n in P0:
        np.testing.assert_allclose(ours[n], theirs[n], rtol=1e-9, atol=1e-11, err_msg=n)


# ---- bad input -----------------------------------------------------------------------------------


def _one_line_error(fn, match: str) -> None:
    with pytest.raises(ValueError, match=match) as e:
        fn()
    assert "\n" not in str(e.value)


def test_bad_settings_are_one_line_value_errors(kernel):
    _one_line_error(lambda: codegen.optimizer(kernel, "adma"), "optimizer must be one of")
    _one_line_error(lambda: codegen.optimizer(kernel, "adam", betaa1=0.9), "betaa1")
    _one_line_error(lambda: codegen.optimizer(kernel, "adam", beta1=1.5), "beta1")
    _one_line_error(lambda: codegen.optimizer(kernel, "adam", type="sgd"), "name")
    _one_line_error(lambda: codegen.optimizer(kernel, "sgd", schedule="cosine"), "t_max")
    _one_line_error(lambda: codegen.optimizer("not a kernel", "sgd"), "Kernel")


def test_bad_theta_and_data_are_one_line_value_errors(kernel):
    opt = codegen.optimizer(kernel, "adam")
    D = kernel.pack_data({"x": X, "y": Y})
    theta = kernel.pack(P0)
    _one_line_error(lambda: opt.step(list(theta), D), "numpy array")
    _one_line_error(lambda: opt.step(theta[:-1].copy(), D), "shape")
    _one_line_error(lambda: opt.step(theta.astype(np.float32), D), "dtype")
    _one_line_error(lambda: opt.step(np.repeat(theta, 2)[::2], D), "contiguous")
    ro = theta.copy()
    ro.flags.writeable = False
    _one_line_error(lambda: opt.step(ro, D), "read-only")
    _one_line_error(lambda: opt.step(opt.state["m"], D), "shares memory")
    _one_line_error(lambda: opt.step(theta, D[:, :2].copy()), "shape")
    bad = theta.copy()
    bad[0] = np.nan
    _one_line_error(lambda: opt.step(bad, D), "non-finite")
    assert opt.t == 0 and not opt.state["m"].any(), "a refused step changes nothing"
    np.testing.assert_array_equal(theta, kernel.pack(P0))
