"""Differential test against PyTorch (float64 autograd, an optional test dependency).

Seeded random layered models and assignment-form models, written independently as PyTorch
programs from the catalogue's definitions; objective, gradient and H·u must agree on the numpy
backend (every model) and the compiled C backend (a few), including large magnitudes (logits
±30 and ±1000). Skipped when torch is not installed.
"""

from __future__ import annotations

import numpy as np
import pytest

from symbolic.point import evaluate_point
from symbolic.spec import parse_spec

torch = pytest.importorskip("torch")
F = torch.nn.functional

N_LAYERED, N_ASSIGN, N_C = 24, 16, 2
ACTS = ["identity", "tanh", "sigmoid", "relu", "leaky_relu", "elu", "softplus", "silu", "gelu"]
LOSSES = ["mse", "huber", "cross_entropy", "bce_logits", "logistic"]
SCALES = [1.0, 30.0, 1000.0]  # magnitude of the last layer's pre-activation (logits)
RTOL = 1e-6


def _t_act(name: str, z, alpha=None):
    return {
        "identity": lambda v: v,
        "tanh": torch.tanh,
        "sigmoid": torch.sigmoid,
        "relu": torch.relu,
        "leaky_relu": lambda v: F.leaky_relu(v, 0.01 if alpha is None else alpha),
        "elu": lambda v: F.elu(v, 1.0 if alpha is None else alpha),
        "softplus": F.softplus,
        "silu": F.silu,
        "gelu": F.gelu,
    }[name](z)


def _t_loss(kind: str, a, y):
    if kind == "mse":
        return torch.sum((a - y) ** 2)
    if kind == "huber":
        return F.huber_loss(a, y, reduction="sum", delta=1.0)
    if kind == "cross_entropy":
        return -torch.sum(y * F.log_softmax(a, dim=0))
    if kind == "bce_logits":
        return F.binary_cross_entropy_with_logits(a, y, reduction="sum")
    return torch.sum(F.softplus(-y * a))  # logistic, y in {-1, +1}


def _layered(rng: np.random.Generator, scale: float):
    depth = int(rng.integers(1, 4))
    widths = [int(rng.integers(1, 4)) for _ in range(depth + 1)]
    acts = [str(rng.choice(ACTS)) for _ in range(depth - 1)] + [str(rng.choice(ACTS[:4]))]
    loss = str(rng.choice(LOSSES))
    if loss == "cross_entropy":
        acts[-1] = "identity"
        widths[-1] = max(widths[-1], 2)
    text = f'[model]\nname = "diff"\ninput = {widths[0]}\n'
    for w, a in zip(widths[1:], acts, strict=True):
        text += f'[[layers]]\ndense = {w}\nactivation = "{a}"\n'
    text += f'[loss]\ntype = "{loss}"\n'
    vals = {"x": rng.normal(size=widths[0])}
    for i, (w, prev) in enumerate(zip(widths[1:], widths[:-1], strict=True), 1):
        s = scale / max(1.0, np.sqrt(prev)) if i == depth else 1.0
        vals[f"W{i}"] = rng.normal(size=(w, prev)) * s
        vals[f"b{i}"] = rng.normal(size=w) * (scale if i == depth else 1.0) * 0.3
    n_out = widths[-1]
    if loss == "cross_entropy":
        y = rng.dirichlet(np.ones(n_out))
    elif loss == "bce_logits":
        y = rng.integers(0, 2, size=n_out).astype(float)
    elif loss == "logistic":
        y = rng.choice([-1.0, 1.0], size=n_out)
    else:
        y = rng.normal(size=n_out) * scale
    vals["y"] = y
    params = [k for k in vals if k[0] in "Wb"]

    def torch_objective(P):
        h = torch.tensor(vals["x"])
        for i, a in enumerate(acts, 1):
            h = _t_act(a, P[f"W{i}"] @ h + P[f"b{i}"])
        return _t_loss(loss, h, torch.tensor(y))

    return text, vals, params, torch_objective


# assignment form: random expression trees, written as symgrad text and as a torch function
_UNARY = [
    ("tanh({})", torch.tanh),
    ("sigmoid({})", torch.sigmoid),
    ("softplus({})", F.softplus),
    ("abs({})", torch.abs),
    ("elu({})", F.elu),
    ("gelu({})", F.gelu),
    ("silu({})", F.silu),
    ("relu({})", torch.relu),
    ("sqrt(1 + ({})**2)", lambda v: torch.sqrt(1 + v**2)),
    ("log(1 + ({})**2)", lambda v: torch.log(1 + v**2)),
    ("exp(tanh({}))", lambda v: torch.exp(torch.tanh(v))),
    ("abs(sigmoid({}))", lambda v: torch.abs(torch.sigmoid(v))),
    ("sin({})", torch.sin),
]
_BINARY = [
    ("({} + {})", torch.add),
    ("({} - {})", torch.sub),
    ("({} * {})", torch.mul),
    ("({} / (1 + ({})**2))", lambda a, b: a / (1 + b**2)),
    ("max({}, {})", torch.maximum),
]


def _tree(rng, names, depth):
    if depth == 0 or rng.random() < 0.25:
        if rng.random() < 0.2:
            c = round(float(rng.normal()), 3)
            const = torch.tensor(c, dtype=torch.float64)
            return f"({c!r})", lambda P: const
        n = str(rng.choice(names))
        return n, lambda P: P[n]
    if rng.random() < 0.55:
        fmt, f = _UNARY[int(rng.integers(len(_UNARY)))]
        s, g = _tree(rng, names, depth - 1)
        return fmt.format(s), lambda P: f(g(P))
    fmt, f = _BINARY[int(rng.integers(len(_BINARY)))]
    (s1, g1), (s2, g2) = _tree(rng, names, depth - 1), _tree(rng, names, depth - 1)
    return fmt.format(s1, s2), lambda P: f(g1(P), g2(P))


def _assignment(rng: np.random.Generator, scale: float):
    names = [f"p{i}" for i in range(int(rng.integers(1, 4)))]
    e1, f1 = _tree(rng, names, 3)
    e2, f2 = _tree(rng, names, 2)
    c = round(float(rng.uniform(0.5, 1.5)) * scale, 4)
    text = (
        f'[model]\nname = "diff"\ninputs = []\nparams = {names!r}\nobjective = "J"\n\n[forward]\n'
        f'a = "{e1}"\nb = "{e2}"\nJ = "logsumexp([{c!r} * tanh(a), b, {-c!r} * sigmoid(b)]) + a * b"\n'
    ).replace("'", '"')
    vals = {n: float(rng.normal()) for n in names}

    def torch_objective(P):
        a, b = f1(P), f2(P)
        z = torch.stack([c * torch.tanh(a), b, -c * torch.sigmoid(b)])
        return torch.logsumexp(z, dim=0) + a * b

    return text, vals, names, torch_objective


def _torch_numbers(vals, params, objective, u):
    P = {k: torch.tensor(np.asarray(vals[k], dtype=float), requires_grad=True) for k in params}
    J = objective(P)
    g = torch.autograd.grad(J, [P[k] for k in params], create_graph=True, allow_unused=True)
    g = [gi if gi is not None else torch.zeros_like(P[k]) for gi, k in zip(g, params, strict=True)]
    dot = sum(torch.sum(gi * torch.tensor(np.asarray(u[k], dtype=float))) for gi, k in zip(g, params, strict=True))
    hv = (
        torch.autograd.grad(dot, [P[k] for k in params], allow_unused=True)
        if dot.requires_grad
        else [None] * len(params)
    )
    hv = [h if h is not None else torch.zeros_like(P[k]) for h, k in zip(hv, params, strict=True)]
    flat = lambda ts: np.concatenate([np.ravel(t.detach().numpy()) for t in ts])
    return float(J.detach()), flat(g), flat(hv)


def _models():
    out = []
    for i in range(N_LAYERED):
        out.append(("layered", i, SCALES[i % len(SCALES)]))
    for i in range(N_ASSIGN):
        out.append(("assign", i, SCALES[i % len(SCALES)]))
    return out


def _make(form, i, scale):
    rng = np.random.default_rng(8_000 + 97 * i + (0 if form == "layered" else 50_000))
    return (_layered if form == "layered" else _assignment)(rng, scale)


def _check(form, i, scale, backend):
    text, vals, params, objective = _make(form, i, scale)
    graph = parse_spec(text)
    rng = np.random.default_rng(i)
    u = {k: rng.normal(size=np.shape(vals[k])) for k in params}
    J, g, hv = _torch_numbers(vals, params, objective, u)
    with np.errstate(all="ignore"):
        if backend == "numpy":
            r = evaluate_point(graph, vals, u)
            ours = (r.objective, r.grad, r.hvp)
        else:
            from codegen.kernel_cli import kernel_point

            r = kernel_point(graph, vals, u)
            ours = (r["objective"], r["grad"], r["hvp"])
    flat = lambda d: np.concatenate([np.ravel(np.asarray(d[k], dtype=float)) for k in params])
    for what, mine, ref in (
        ("objective", np.array([ours[0]]), np.array([J])),
        ("grad", flat(ours[1]), g),
        ("hvp", flat(ours[2]), hv),
    ):
        assert np.all(np.isfinite(ref)), f"{what}: torch not finite (generator bug)\n{text}"
        scale_ref = float(np.max(np.abs(ref))) if ref.size else 0.0
        ok = np.allclose(mine, ref, rtol=RTOL, atol=1e-9 * scale_ref + 1e-12)
        assert ok, f"{form} #{i} ({backend}) {what}: symgrad {mine}, torch {ref}\n{text}\nat {vals}"


@pytest.mark.parametrize("form, i, scale", _models(), ids=lambda v: str(v))
def test_matches_torch_numpy(form, i, scale):
    _check(form, i, scale, "numpy")


@pytest.mark.parametrize(
    "form, i, scale",
    [m for m in _models() if m[1] < N_C // 2 or (m[0] == "assign" and m[1] == 2)][:N_C],
    ids=lambda v: str(v),
)
def test_matches_torch_c(form, i, scale):
    _check(form, i, scale, "c")
