"""The optimizer rules (symbolic.optim): seed 001 Table 3.9's gradient-descent step, every
optimizer against a hand-written numpy reference in this file and against torch.optim (100 steps
on a small random model), the convention switches, and one-line errors for bad settings."""

from __future__ import annotations

import math

import numpy as np
import pytest

from symbolic.bundled import load_graph
from symbolic.optim import NAMES, OptimizerError, Stepper, check_optimizer, settings, step
from symbolic.optim.formula import describe, formula_lines, latex
from symbolic.point import evaluate_point

STEPS = 100

# ---- seed 001 Worked Example III (Table 3.9): one GD step at η = 0.1 ---------------------------


def test_one_gd_step_reproduces_seed_001_table_3_9(seed_cases):
    case = seed_cases["s001_worked_example_III_gd_update"]
    g = load_graph("worked_example_ii")
    res = evaluate_point(g, g.values)
    params = {p: g.values[p] for p in g.params}
    new = step({"type": "sgd", "lr": case["inputs"]["eta"]}, params, res.grad)
    for p, printed in case["expected"]["updated"].items():
        # the seed prints 6 decimals: half a unit in the last place, plus float slack
        assert float(new[p]) == pytest.approx(printed, abs=0.5e-6 + 1e-12), p
    # and the numbers in the seed text itself (seed 001 l.1712–1717)
    table_3_9 = {"w1": 1.502586, "b1": -0.998707, "w2": 0.505172, "b2": 0.102586, "w3": 2.002881, "b3": -0.296401}
    for p, printed in table_3_9.items():
        assert abs(float(new[p]) - printed) <= 0.5e-6 + 1e-12, p


# ---- a small random model: tanh(XW + b), ½ mean squared error ---------------------------------

RNG = np.random.default_rng(7)
X = RNG.normal(size=(8, 3))
Y = RNG.normal(size=(8, 2))
P0 = {"W": RNG.normal(size=(3, 2)), "b": RNG.normal(size=2)}


def grad_np(params: dict) -> dict:
    """Hand-derived gradient of ½·mean‖tanh(XW + b) − Y‖²."""
    pred = np.tanh(X @ params["W"] + params["b"])
    d = (pred - Y) * (1 - pred**2) / len(X)
    return {"W": X.T @ d, "b": d.sum(axis=0)}


def run_ours(cfg: dict, grad_fn, steps: int = STEPS) -> dict:
    stepper = Stepper(settings(cfg), steps_planned=steps)
    p = {k: v.copy() for k, v in P0.items()}
    for _ in range(steps):
        p = stepper.step(p, grad_fn(p))
    return p


# ---- independent numpy references, written out per optimizer -----------------------------------


def reference(cfg: dict, steps: int = STEPS) -> dict:
    """The textbook update of each optimizer, written directly (no shared code with the rules)."""
    kind = cfg["type"]
    lr0 = cfg.get("lr", 0.01)
    wd = 1.0 / cfg["C"] if "C" in cfg else cfg.get("weight_decay", 0.01 if kind == "adamw" else 0.0)
    decay = cfg.get("decay", "decoupled" if kind in ("adamw", "lamb") else "l2")
    eps_in = cfg.get("eps_inside_sqrt", False)
    bias = cfg.get("bias_correction", True)
    p = {k: v.copy() for k, v in P0.items()}
    st: dict = {k: {n: np.zeros_like(v) for n, v in P0.items()} for k in ("a", "b")}
    for i in range(steps):
        t = i + 1
        sched = cfg.get("schedule", "constant")
        if sched == "constant":
            lr = lr0
        elif sched == "inverse":
            lr = lr0 / (i + 1)
        elif sched == "inverse_sqrt":
            lr = lr0 / math.sqrt(i + 1)
        elif sched == "step":
            lr = lr0 * cfg["gamma"] ** (i // cfg["step_size"])
        else:
            lr = cfg.get("eta_min", 0) + (lr0 - cfg.get("eta_min", 0)) * (1 + math.cos(math.pi * i / cfg["t_max"])) / 2
        grads = grad_np(p)
        for n in p:
            th, gr = p[n], grads[n]
            if decay == "l2":
                gr = gr + wd * th
            a, b = st["a"][n], st["b"][n]
            if kind == "sgd":
                a = cfg.get("momentum", 0) * a + gr
                new = th - lr * a
            elif kind == "momentum":
                beta = cfg.get("beta", 0.9)
                a = beta * a + (1 - beta) * gr
                new = th - lr * a
            elif kind == "heavy-ball":
                a = cfg.get("momentum", 0.9) * a - lr * gr
                new = th + a
            elif kind == "nesterov":
                mu = cfg.get("momentum", 0.9)
                a = mu * a + gr
                new = th - lr * (gr + mu * a)
            elif kind == "adagrad":
                eps = cfg.get("eps", 1e-10)
                a = a + gr * gr
                new = th - lr * gr / (np.sqrt(a + eps) if eps_in else np.sqrt(a) + eps)
            elif kind == "rmsprop":
                beta, eps = cfg.get("beta", 0.99), cfg.get("eps", 1e-8)
                a = beta * a + (1 - beta) * gr * gr
                new = th - lr * gr / (np.sqrt(a + eps) if eps_in else np.sqrt(a) + eps)
            else:  # adam, adamw, lamb
                b1, b2 = cfg.get("beta1", 0.9), cfg.get("beta2", 0.999)
                eps = cfg.get("eps", 1e-6 if kind == "lamb" else 1e-8)
                a = b1 * a + (1 - b1) * gr
                b = b2 * b + (1 - b2) * gr * gr
                mh = a / (1 - b1**t) if bias else a
                vh = b / (1 - b2**t) if bias else b
                direction = mh / (np.sqrt(vh + eps) if eps_in else np.sqrt(vh) + eps)
                if kind == "lamb":
                    if decay == "decoupled":
                        direction = direction + wd * th
                    n1, n2 = np.linalg.norm(th), np.linalg.norm(direction)
                    ratio = n1 / n2 if n1 > 0 and n2 > 0 else 1.0
                    new = th - lr * ratio * direction
                else:
                    new = th - lr * direction
            if decay == "decoupled" and kind != "lamb":
                new = new - lr * wd * th
            elif decay == "decoupled_unscaled":
                new = new - wd * th
            st["a"][n], st["b"][n] = a, b
            p[n] = new
    return p


CASES = [
    {"type": "sgd", "lr": 0.1},
    {"type": "sgd", "lr": 0.1, "momentum": 0.9, "weight_decay": 0.05},
    {"type": "sgd", "lr": 0.1, "weight_decay": 0.2, "decay": "decoupled_unscaled"},  # seed 002 l.931
    {"type": "sgd", "lr": 0.2, "schedule": "step", "step_size": 10, "gamma": 0.5},
    {"type": "sgd", "lr": 0.2, "schedule": "inverse"},
    {"type": "momentum", "lr": 0.1, "beta": 0.8},
    {"type": "heavy-ball", "lr": 0.05, "momentum": 0.9, "weight_decay": 0.01},
    {"type": "heavy-ball", "lr": 0.05, "momentum": 0.9, "C": 10, "decay": "decoupled"},  # seed 002 l.951
    {"type": "nesterov", "lr": 0.05, "momentum": 0.9, "weight_decay": 0.01},
    {"type": "adagrad", "lr": 0.1, "weight_decay": 0.01},
    {"type": "adagrad", "lr": 0.1, "eps": 1e-3, "eps_inside_sqrt": True},  # seed 001 l.410
    {"type": "rmsprop", "lr": 0.01, "beta": 0.9, "weight_decay": 0.01},
    {"type": "rmsprop", "lr": 0.01, "eps": 1e-4, "eps_inside_sqrt": True, "schedule": "inverse_sqrt"},
    {"type": "adam", "lr": 0.01, "weight_decay": 0.01},
    {"type": "adam", "lr": 0.01, "eps": 1e-4, "eps_inside_sqrt": True},  # seed 001 l.422
    {"type": "adam", "lr": 0.01, "bias_correction": False, "schedule": "cosine", "t_max": STEPS},
    {"type": "adamw", "lr": 0.01, "weight_decay": 0.1},
    {"type": "adamw", "lr": 0.01, "C": 20, "step_index": "k"},  # seed 000 (k from 0), seed 002's 1/C
    {"type": "lamb", "lr": 0.01},
    {"type": "lamb", "lr": 0.01, "weight_decay": 0.1, "eps_inside_sqrt": True, "eps": 1e-4},
]


def _id(cfg: dict) -> str:
    return ",".join(f"{k}={v}" for k, v in cfg.items())


@pytest.mark.parametrize("cfg", CASES, ids=_id)
def test_matches_the_numpy_reference_over_100_steps(cfg):
    ours, ref = run_ours(cfg, grad_np), reference(cfg)
    moved = max(float(np.max(np.abs(ref[n] - P0[n]))) for n in P0)
    assert moved > 1e-3, "the run should move the parameters"
    for n in P0:
        np.testing.assert_allclose(ours[n], ref[n], rtol=1e-10, atol=1e-12)


def test_every_optimizer_is_covered():
    assert set(NAMES) == {c["type"] for c in CASES}


# ---- torch.optim with matching settings --------------------------------------------------------


def _torch_run(cfg: dict):
    torch = pytest.importorskip("torch")
    kind, lr = cfg["type"], cfg["lr"]
    wd = cfg.get("weight_decay", 0.0)
    ps = [
        torch.tensor(P0["W"].copy(), dtype=torch.float64, requires_grad=True),
        torch.tensor(P0["b"].copy(), dtype=torch.float64, requires_grad=True),
    ]
    o = torch.optim
    if kind == "sgd":
        opt = o.SGD(ps, lr=lr, momentum=cfg.get("momentum", 0.0), weight_decay=wd)
    elif kind == "momentum":  # v = βv + (1−β)g, θ −= ηv  ≡  b = βb + g, θ −= η(1−β)b
        opt = o.SGD(ps, lr=lr * (1 - cfg["beta"]), momentum=cfg["beta"])
    elif kind == "heavy-ball":  # v = αv − ηg, θ += v  ≡  b = αb + g, θ −= ηb  (v = −ηb)
        opt = o.SGD(ps, lr=lr, momentum=cfg["momentum"], weight_decay=wd)
    elif kind == "nesterov":
        opt = o.SGD(ps, lr=lr, momentum=cfg["momentum"], nesterov=True, weight_decay=wd)
    elif kind == "adagrad":
        opt = o.Adagrad(ps, lr=lr, weight_decay=wd)
    elif kind == "rmsprop":
        opt = o.RMSprop(ps, lr=lr, alpha=cfg["beta"], weight_decay=wd)
    elif kind == "adam":
        opt = o.Adam(ps, lr=lr, weight_decay=wd)
    else:
        opt = o.AdamW(ps, lr=lr, weight_decay=wd)
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
        loss = 0.5 * ((torch.tanh(Xt @ ps[0] + ps[1]) - Yt) ** 2).sum() / len(X)
        loss.backward()
        opt.step()
        if sched is not None:
            sched.step()
    return {"W": ps[0].detach().numpy(), "b": ps[1].detach().numpy()}


def _torch_grad(params: dict) -> dict:
    """The gradient by torch autograd (so the torch comparison shares no code with ours)."""
    import torch

    W = torch.tensor(params["W"], requires_grad=True)
    b = torch.tensor(params["b"], requires_grad=True)
    loss = 0.5 * ((torch.tanh(torch.tensor(X) @ W + b) - torch.tensor(Y)) ** 2).sum() / len(X)
    loss.backward()
    assert W.grad is not None and b.grad is not None
    return {"W": W.grad.numpy(), "b": b.grad.numpy()}


TORCH_CASES = [
    c
    for c in CASES
    if c["type"] != "lamb"  # torch.optim has no LAMB: the numpy reference above checks it
    and not c.get("eps_inside_sqrt")
    and c.get("decay", "l2" if c["type"] != "adamw" else "decoupled") in ("l2", "decoupled")
    and "C" not in c
    and not (c["type"] == "adam" and c.get("bias_correction") is False)
    and c.get("schedule") != "inverse_sqrt"
]
TORCH_CASES.append({"type": "adam", "lr": 0.01, "schedule": "cosine", "t_max": STEPS})


@pytest.mark.parametrize("cfg", TORCH_CASES, ids=_id)
def test_matches_torch_optim_over_100_steps(cfg):
    theirs = _torch_run(cfg)
    ours = run_ours(cfg, _torch_grad)
    for n in P0:
        np.testing.assert_allclose(ours[n], theirs[n], rtol=1e-9, atol=1e-11)


# ---- conventions, defaults and errors ----------------------------------------------------------


def test_step_index_k_from_0_gives_the_same_numbers_as_t_from_1():
    a = run_ours({"type": "adam", "lr": 0.01, "step_index": "t"}, grad_np, 20)
    b = run_ours({"type": "adam", "lr": 0.01, "step_index": "k"}, grad_np, 20)
    for n in P0:
        np.testing.assert_array_equal(a[n], b[n])
    shown = formula_lines(settings({"type": "adam", "step_index": "k"}))[2][0]
    assert "^(k + 1)" in shown or "^(1 + k)" in shown, shown


def test_weight_decay_on_sgd_is_honoured():
    th, gr = np.array([2.0]), np.array([0.5])
    # PyTorch default: L2 in the gradient θ − η(g + λθ)
    assert step({"type": "sgd", "lr": 0.1, "weight_decay": 0.1}, {"w": th}, {"w": gr})["w"] == pytest.approx(
        2 - 0.1 * (0.5 + 0.2)
    )
    # seed 002 l.931: (1 − λ)θ − ηg
    out = step({"type": "sgd", "lr": 0.1, "weight_decay": 0.1, "decay": "decoupled_unscaled"}, {"w": th}, {"w": gr})
    assert out["w"] == pytest.approx(0.9 * 2 - 0.05)


def test_defaults_follow_pytorch():
    torch = pytest.importorskip("torch")
    pairs = {
        "adam": torch.optim.Adam,
        "adamw": torch.optim.AdamW,
        "adagrad": torch.optim.Adagrad,
        "rmsprop": torch.optim.RMSprop,
    }
    for name, cls in pairs.items():
        d = cls([torch.zeros(1, requires_grad=True)]).defaults
        st = settings({"type": name})
        assert st.values["lr"] == d["lr"] and st.values["eps"] == d["eps"], name
        assert st.weight_decay == d["weight_decay"], name
        if "betas" in d:
            assert (st.values["beta1"], st.values["beta2"]) == tuple(d["betas"])
    assert (
        settings({"type": "rmsprop"}).values["beta"]
        == torch.optim.RMSprop([torch.zeros(1, requires_grad=True)]).defaults["alpha"]
    )
    assert settings({"type": "adam"}).conventions.eps_inside_sqrt is False


@pytest.mark.parametrize(
    "cfg, words",
    [
        ({"type": "adamm"}, ["one of", "adam", "did you mean 'adam'"]),
        ({"type": "newton-cg"}, ["newton-cg", "symgrad step --optimizer newton-cg"]),
        ({"type": "adam", "beta_1": 0.9}, ["beta_1", "did you mean 'beta1'", "valid keys"]),
        ({"type": "sgd", "beta1": 0.9}, ["beta1", "does not apply", "sgd"]),
        ({"type": "adam", "beta1": 1.0}, ["beta1", "[0, 1)"]),
        ({"type": "adam", "lr": "0.1"}, ["lr", "number"]),
        ({"type": "adam", "lr": -1}, ["lr", "positive"]),
        ({"type": "sgd", "decay": "coupled"}, ["decay", "l2", "decoupled"]),
        ({"type": "sgd", "schedule": "cosin"}, ["schedule", "did you mean 'cosine'"]),
        ({"type": "sgd", "gamma": 0.5}, ["gamma", "schedule 'constant'"]),
        ({"type": "sgd", "weight_decay": 0.1, "C": 10}, ["weight_decay", "C", "not both"]),
        ({"type": "adam", "eps_inside_sqrt": 1}, ["eps_inside_sqrt", "true or false"]),
        ({"type": "adam", "step_index": "j"}, ["step_index"]),
    ],
)
def test_bad_settings_are_one_line_errors_naming_the_valid_ones(cfg, words):
    with pytest.raises(OptimizerError) as e:
        settings(cfg)
    msg = str(e.value)
    assert "\n" not in msg
    for w in words:
        assert w in msg, (w, msg)
    assert check_optimizer(cfg) == msg


@pytest.mark.parametrize("name", NAMES)
def test_every_rule_prints_as_text_and_latex(name):
    st = settings({"type": name, "weight_decay": 0.1})
    lines = formula_lines(st)
    assert lines[-1][0].startswith("θ ←") and lines[-1][1].startswith(r"\theta \leftarrow")
    assert describe(st).startswith(name)
    tex = latex(st)
    assert tex.count("&") == len(lines) and "\\begin{align*}" in tex


def test_eps_switch_changes_the_printed_root():
    inside = formula_lines(settings({"type": "adam", "eps_inside_sqrt": True}))[-1][1]
    outside = formula_lines(settings({"type": "adam"}))[-1][1]
    assert r"\sqrt{\epsilon + \hat{v}}" in inside or r"\sqrt{\hat{v} + \epsilon}" in inside
    assert r"\epsilon + \sqrt{\hat{v}}" in outside or r"\sqrt{\hat{v}} + \epsilon" in outside
