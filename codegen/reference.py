"""Independent numeric reference for symgrad: hand-written batched backprop, exact HVP and FD.

Owns the numbers every generated kernel is checked against. Every local derivative below is
written by hand (never derived symbolically) and nothing is imported from ``symbolic/``.

Conventions (the kink choices are deliberate and tested):

* Forward pass (seed 000, Definition 6.3): ``h0 = x``, ``z_l = W_l h_{l-1} + b_l``,
  ``h_l = phi_l(z_l)``; batched as rows, so ``Z_l = H_{l-1} W_l^T + b_l``.
* ``J = reduce_i loss(yhat_i, y_i) + penalty(theta)``, ``reduce`` = mean (default) or sum over
  the N samples; each per-sample loss is summed over the output components; the penalty is
  never divided by N.
* ``relu'(0) = 0``, ``leaky_relu'(0) = alpha``, ``elu'(0) = alpha``, ``abs'(0) = sign(0) = 0``,
  ``mae`` and ``l1`` use ``sign`` (0 at 0), ``hinge'`` is 0 where ``1 - y*yhat <= 0``,
  huber uses the quadratic branch where ``|e| <= delta``. Second derivatives of piecewise
  functions are the branch values (0 for relu, leaky_relu, abs, mae, hinge, l1).
* Defaults follow symgrad's layered specs: no ``loss`` table means ``mse`` with ``half = True``,
  a ``loss`` without ``type`` is ``mse``; inside a given mse table ``half`` defaults to False
  (``sum_k e_k^2``); ``reduction`` defaults to ``"mean"``; a layer without ``activation`` is
  ``identity``; ``bias`` defaults to True; penalty ``type`` defaults to ``l2``.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

try:  # scipy is optional; the vectorised math.erf fallback is exact to double precision
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover - exercised only without scipy
    _erf = np.vectorize(math.erf, otypes=[float])

__all__ = [
    "ACTIVATIONS", "LOSSES", "PENALTIES", "param_shapes", "forward", "loss_and_grad", "hvp",
    "finite_difference_grad", "finite_difference_hvp", "random_params", "random_data",
]

Array = np.ndarray
Params = dict[str, Array]

# --------------------------------------------------------------------------- activations
# Each entry maps (z, alpha) -> (phi(z), phi'(z), phi''(z)), all elementwise.


def _sigmoid(z: Array) -> Array:
    e = np.exp(-np.abs(z))  # never overflows
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _softplus(z: Array) -> Array:
    return np.maximum(z, 0.0) + np.log1p(np.exp(-np.abs(z)))


def _gelu(z, a):
    cdf = 0.5 * (1.0 + _erf(z / math.sqrt(2.0)))
    pdf = np.exp(-0.5 * z * z) / math.sqrt(2.0 * math.pi)
    return z * cdf, cdf + z * pdf, pdf * (2.0 - z * z)


def _silu(z, a):
    s = _sigmoid(z)
    ds = s * (1.0 - s)
    return z * s, s + z * ds, ds * (2.0 + z * (1.0 - 2.0 * s))


def _elu(z, a):
    en = a * np.exp(np.minimum(z, 0.0))  # alpha*exp(z) on the negative branch, no overflow
    pos = z > 0
    return np.where(pos, z, en - a), np.where(pos, 1.0, en), np.where(pos, 0.0, en)


def _tanh(z, a):
    t = np.tanh(z)
    d = 1.0 - t * t
    return t, d, -2.0 * t * d


def _sig(z, a):
    s = _sigmoid(z)
    d = s * (1.0 - s)
    return s, d, d * (1.0 - 2.0 * s)


def _softplus_act(z, a):
    s = _sigmoid(z)
    return _softplus(z), s, s * (1.0 - s)


def _exp(z, a):
    e = np.exp(z)
    return e, e, e


_ones, _zeros = np.ones_like, np.zeros_like

ACTIVATIONS: dict[str, Callable[[Array, float], tuple[Array, Array, Array]]] = {
    "identity": lambda z, a: (z, _ones(z), _zeros(z)),
    "sigmoid": _sig,
    "tanh": _tanh,
    "relu": lambda z, a: (np.maximum(z, 0.0), (z > 0).astype(float), _zeros(z)),
    "leaky_relu": lambda z, a: (np.where(z > 0, z, a * z), np.where(z > 0, 1.0, a), _zeros(z)),
    "gelu": _gelu,
    "softplus": _softplus_act,
    "silu": _silu,
    "elu": _elu,
    "exp": _exp,
    "sin": lambda z, a: (np.sin(z), np.cos(z), -np.sin(z)),
    "cos": lambda z, a: (np.cos(z), -np.sin(z), -np.cos(z)),
    "abs": lambda z, a: (np.abs(z), np.sign(z), _zeros(z)),
}
_DEFAULT_ALPHA = {"leaky_relu": 0.01, "elu": 1.0}

# --------------------------------------------------------------------------- losses
# Each entry maps (yhat (N,out), y (N,out), options) -> (per-sample loss (N,),
# d loss/d yhat (N,out), v -> Hessian(yhat) @ v applied row-wise (N,out)).


def _diag(d2: Array) -> Callable[[Array], Array]:
    return lambda v: d2 * v


def _mse(yh, y, o):
    c = 1.0 if o.get("half", False) else 2.0
    e = yh - y
    return 0.5 * c * np.sum(e * e, axis=1), c * e, _diag(np.full_like(e, c))


def _mae(yh, y, o):
    e = yh - y
    return np.sum(np.abs(e), axis=1), np.sign(e), _diag(_zeros(e))


def _huber(yh, y, o):
    d = float(o.get("delta", 1.0))
    e = yh - y
    quad = np.abs(e) <= d
    val = np.where(quad, 0.5 * e * e, d * (np.abs(e) - 0.5 * d))
    return np.sum(val, axis=1), np.where(quad, e, d * np.sign(e)), _diag(quad.astype(float))


def _cross_entropy(yh, y, o):
    m = np.max(yh, axis=1, keepdims=True)
    lse = m + np.log(np.sum(np.exp(yh - m), axis=1, keepdims=True))
    p = np.exp(yh - lse)  # softmax
    sy = np.sum(y, axis=1, keepdims=True)
    val = np.sum(y * (lse - yh), axis=1)  # -sum_k y_k log softmax_k
    return val, p * sy - y, lambda v: sy * (p * v - p * np.sum(p * v, axis=1, keepdims=True))


def _bce(yh, y, o):
    with np.errstate(divide="ignore", invalid="ignore"):
        t1 = np.where(y != 0, y * np.log(yh), 0.0)
        t0 = np.where(y != 1, (1.0 - y) * np.log1p(-yh), 0.0)
        g = -y / yh + (1.0 - y) / (1.0 - yh)
        h = y / (yh * yh) + (1.0 - y) / ((1.0 - yh) ** 2)
    return -np.sum(t1 + t0, axis=1), g, _diag(h)


def _bce_logits(yh, y, o):
    s = _sigmoid(yh)
    return np.sum(_softplus(yh) - y * yh, axis=1), s - y, _diag(s * (1.0 - s))


def _hinge(yh, y, o):
    r = 1.0 - y * yh
    return np.sum(np.maximum(r, 0.0), axis=1), np.where(r > 0, -y, 0.0), _diag(_zeros(r))


def _logistic(yh, y, o):
    m = y * yh
    s = _sigmoid(-m)  # d/dm log(1+exp(-m)) = -sigmoid(-m)
    return np.sum(_softplus(-m), axis=1), -y * s, _diag(y * y * s * (1.0 - s))


LOSSES: dict[str, Callable[..., tuple[Array, Array, Callable[[Array], Array]]]] = {
    "mse": _mse, "mae": _mae, "huber": _huber, "cross_entropy": _cross_entropy, "bce": _bce,
    "bce_logits": _bce_logits, "hinge": _hinge, "logistic": _logistic,
}
PENALTIES = ("l2", "l1", "lp")

# --------------------------------------------------------------------------- spec parsing


def _layers(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """Normalised layer list: index, units, fan_in, activation, alpha, bias."""
    if not isinstance(spec, Mapping) or "model" not in spec or "layers" not in spec:
        raise ValueError("spec must be a mapping with 'model' and 'layers' tables")
    width = spec["model"].get("input")
    if not isinstance(width, int) or isinstance(width, bool) or width < 1:
        raise ValueError(f"model.input must be a positive integer, got {width!r}")
    layers = spec["layers"]
    if not layers:
        raise ValueError("spec has no layers")
    out = []
    for i, layer in enumerate(layers, start=1):
        units = layer.get("dense")
        if not isinstance(units, int) or isinstance(units, bool) or units < 1:
            raise ValueError(f"layer {i}: 'dense' must be a positive integer, got {units!r}")
        act = layer.get("activation", "identity")
        if act not in ACTIVATIONS:
            raise ValueError(f"layer {i}: unknown activation {act!r}; known: {sorted(ACTIVATIONS)}")
        alpha = float(layer.get("alpha", _DEFAULT_ALPHA.get(act, 0.0)))
        out.append({"index": i, "units": units, "fan_in": width, "activation": act,
                    "alpha": alpha, "bias": bool(layer.get("bias", True))})
        width = units
    return out


def _loss_opts(spec: Mapping[str, Any]) -> dict[str, Any]:
    loss = dict(spec.get("loss") or {"type": "mse", "half": True})  # symgrad's default loss
    kind = loss.setdefault("type", "mse")
    if kind not in LOSSES:
        raise ValueError(f"unknown loss {kind!r}; known: {sorted(LOSSES)}")
    red = loss.get("reduction", "mean")
    if red not in ("mean", "sum"):
        raise ValueError(f"unknown reduction {red!r}; expected 'mean' or 'sum'")
    loss["reduction"] = red
    return loss


def param_shapes(spec: Mapping[str, Any]) -> dict[str, tuple[int, ...]]:
    """Expected parameter names and shapes: ``W_l`` (units_l, width_{l-1}), ``b_l`` (units_l,)."""
    shapes: dict[str, tuple[int, ...]] = {}
    for L in _layers(spec):
        shapes[f"W{L['index']}"] = (L["units"], L["fan_in"])
        if L["bias"]:
            shapes[f"b{L['index']}"] = (L["units"],)
    return shapes


def _check_params(spec, params: Mapping[str, Any], what: str = "params") -> Params:
    shapes = param_shapes(spec)
    extra = sorted(set(params) - set(shapes))
    if extra:
        raise ValueError(f"{what}: unexpected entries {extra}; expected {sorted(shapes)}")
    out = {}
    for name, shape in shapes.items():
        if name not in params:
            raise ValueError(f"{what}: missing {name!r} (expected shape {shape})")
        arr = np.asarray(params[name], dtype=float)
        if arr.shape != shape:
            raise ValueError(f"{what}[{name!r}]: expected shape {shape}, given {arr.shape}")
        out[name] = arr
    return out


def _check_data(arr, width: int, what: str) -> Array:
    a = np.asarray(arr, dtype=float)
    if a.ndim != 2 or a.shape[1] != width:
        raise ValueError(f"{what}: expected shape (N, {width}), given {a.shape}")
    return a


# --------------------------------------------------------------------------- penalty


def _penalty(spec, params: Params) -> tuple[float, Params, Params]:
    """(value, gradient, diagonal Hessian) of the optional penalty, per included parameter."""
    pen = spec.get("penalty")
    if not pen:
        return 0.0, {}, {}
    kind = pen.get("type", "l2")
    if kind not in PENALTIES:
        raise ValueError(f"unknown penalty {kind!r}; known: {list(PENALTIES)}")
    scope = pen.get("params", "weights")
    if scope not in ("weights", "all"):
        raise ValueError(f"penalty.params must be 'weights' or 'all', got {scope!r}")
    if "C" in pen and "lam" in pen:
        raise ValueError("penalty: give either 'lam' or 'C', not both")
    if "C" in pen:
        if kind != "l2":
            raise ValueError(f"penalty: the 'C' convention is defined for l2 only, not {kind!r}")
        lam, half = 1.0 / float(pen["C"]), True  # 1/(2C) sum w^2
    elif "lam" in pen:
        lam, half = float(pen["lam"]), bool(pen.get("half", True))
    else:
        raise ValueError("penalty: missing 'lam' (or 'C' for l2)")
    if kind == "lp" and "p" not in pen:
        raise ValueError("penalty: lp needs 'p'")
    value, grad, hdiag = 0.0, {}, {}
    for name, w in params.items():
        if name.startswith("b") and scope != "all":
            continue
        if kind == "l2":
            c = lam if half else 2.0 * lam  # value = c/2 * sum w^2
            value += 0.5 * c * float(np.sum(w * w))
            grad[name], hdiag[name] = c * w, np.full_like(w, c)
        elif kind == "l1":
            value += lam * float(np.sum(np.abs(w)))
            grad[name], hdiag[name] = lam * np.sign(w), _zeros(w)
        else:
            p = float(pen["p"])
            a = np.abs(w)
            value += lam / p * float(np.sum(a ** p))
            grad[name] = lam * np.sign(w) * a ** (p - 1.0)
            with np.errstate(divide="ignore"):
                hdiag[name] = lam * (p - 1.0) * a ** (p - 2.0)
    return value, grad, hdiag


# --------------------------------------------------------------------------- forward / backward


def forward(spec: Mapping[str, Any], params: Mapping[str, Any], x) -> dict[str, Array]:
    """Batched forward pass: returns ``h0`` (= x), ``z1``, ``h1``, ..., ``zL``, ``hL`` and ``yhat``.

    ``x`` has shape (N, input); ``z_l`` and ``h_l`` have shape (N, units_l).
    """
    return _forward(spec, _check_params(spec, params), x)[0]


def _forward(spec, p: Params, x):
    layers = _layers(spec)
    h = _check_data(x, layers[0]["fan_in"], "x")
    cache: dict[str, Array] = {"h0": h}
    derivs = []
    for L in layers:
        i = L["index"]
        z = h @ p[f"W{i}"].T + (p[f"b{i}"] if L["bias"] else 0.0)
        h, d1, d2 = ACTIVATIONS[L["activation"]](z, L["alpha"])
        cache[f"z{i}"], cache[f"h{i}"] = z, h
        derivs.append((d1, d2))
    cache["yhat"] = h
    return cache, layers, derivs


def _backprop(spec, params, x, y, direction=None):
    p = _check_params(spec, params)
    opts = _loss_opts(spec)
    cache, layers, derivs = _forward(spec, p, x)
    yhat = cache["yhat"]
    y = _check_data(y, layers[-1]["units"], "y")
    if y.shape[0] != yhat.shape[0]:
        raise ValueError(f"y: expected shape {yhat.shape} (one row per x row), given {y.shape}")
    per_sample, dl, hess = LOSSES[opts["type"]](yhat, y, opts)
    scale = 1.0 / yhat.shape[0] if opts["reduction"] == "mean" else 1.0
    pen_val, pen_grad, pen_hdiag = _penalty(spec, p)
    loss = scale * float(np.sum(per_sample)) + pen_val

    u = None if direction is None else _check_params(spec, direction, "direction")
    if u is not None:  # R-operator forward sweep: R z_l, R h_l
        rh, rcache = _zeros(cache["h0"]), {}
        for L, (d1, _) in zip(layers, derivs):
            i = L["index"]
            rz = rh @ p[f"W{i}"].T + cache[f"h{i-1}"] @ u[f"W{i}"].T
            if L["bias"]:
                rz = rz + u[f"b{i}"]
            rh = d1 * rz
            rcache[f"z{i}"], rcache[f"h{i}"] = rz, rh
        rg = scale * hess(rh)  # R(dJ/dh_L) = scale * Hess_loss(yhat) @ R yhat

    g = scale * dl  # dJ/dh_L, batched
    grads: Params = {}
    hv: Params = {}
    for L, (d1, d2) in zip(reversed(layers), reversed(derivs)):
        i = L["index"]
        W, h_prev = p[f"W{i}"], cache[f"h{i-1}"]
        delta = g * d1  # delta_l = dJ/dz_l
        grads[f"W{i}"] = delta.T @ h_prev  # sum over samples of delta_l h_{l-1}^T
        if L["bias"]:
            grads[f"b{i}"] = delta.sum(axis=0)
        if u is not None:
            rdelta = rg * d1 + g * d2 * rcache[f"z{i}"]
            rh_prev = rcache[f"h{i-1}"] if i > 1 else _zeros(h_prev)
            hv[f"W{i}"] = rdelta.T @ h_prev + delta.T @ rh_prev
            if L["bias"]:
                hv[f"b{i}"] = rdelta.sum(axis=0)
            rg = rdelta @ W + delta @ u[f"W{i}"]
        g = delta @ W  # dJ/dh_{l-1} = W_l^T delta_l, batched
    for name in pen_grad:
        grads[name] = grads[name] + pen_grad[name]
        if u is not None:
            hv[name] = hv[name] + pen_hdiag[name] * u[name]
    order = list(p)
    return loss, {k: grads[k] for k in order}, ({k: hv[k] for k in order} if u is not None else None)


def loss_and_grad(spec: Mapping[str, Any], params: Mapping[str, Any], x, y) -> tuple[float, Params]:
    """Objective ``J`` and its gradient (same keys and shapes as ``params``) by layer-wise backprop."""
    loss, grads, _ = _backprop(spec, params, x, y)
    return loss, grads


def hvp(spec: Mapping[str, Any], params: Mapping[str, Any], x, y,
        direction: Mapping[str, Any]) -> tuple[float, Params, Params]:
    """``(J, grad J, H @ u)`` with the exact Hessian-vector product by Pearlmutter's R-operator.

    ``direction`` (u) has the same keys and shapes as ``params``. Forward-over-reverse:
    R{z_l} = W_l R{h_{l-1}} + V_l h_{l-1} + c_l, R{h_l} = phi' R{z_l};
    R{delta_l} = R{g_l} phi' + g_l phi'' R{z_l}, R{g_{l-1}} = W_l^T R{delta_l} + V_l^T delta_l,
    R{dJ/dW_l} = R{delta_l} h_{l-1}^T + delta_l R{h_{l-1}}^T, R{dJ/db_l} = R{delta_l}.
    """
    return _backprop(spec, params, x, y, direction)


# --------------------------------------------------------------------------- finite differences


def _copy(params: Mapping[str, Any]) -> Params:
    return {k: np.array(v, dtype=float) for k, v in params.items()}


def finite_difference_grad(f: Callable[[Params], float], params: Mapping[str, Any],
                           eps: float = 1e-6) -> Params:
    """Central differences ``(f(p + eps e_i) - f(p - eps e_i)) / (2 eps)`` for every entry."""
    base = _copy(params)
    out: Params = {}
    for name, v in base.items():
        g = np.zeros_like(v)
        for idx in np.ndindex(v.shape):
            vals = []
            for s in (eps, -eps):
                moved = v.copy()
                moved[idx] += s
                vals.append(float(f({**base, name: moved})))
            g[idx] = (vals[0] - vals[1]) / (2.0 * eps)
        out[name] = g
    return out


def finite_difference_hvp(grad_f: Callable[[Params], Any], params: Mapping[str, Any],
                          direction: Mapping[str, Any], eps: float = 1e-5) -> Params:
    """Central differences of the gradient along ``direction``: ``(g(p + eps u) - g(p - eps u)) / (2 eps)``.

    ``grad_f`` returns a gradient dict, or a ``(loss, gradient dict)`` tuple.
    """
    base, u = _copy(params), _copy(direction)
    if set(u) != set(base):
        raise ValueError(f"direction keys {sorted(u)} differ from params keys {sorted(base)}")

    def g(sign: float) -> Params:
        r = grad_f({k: base[k] + sign * eps * u[k] for k in base})
        return r[1] if isinstance(r, tuple) else r

    gp, gm = g(1.0), g(-1.0)
    return {k: (np.asarray(gp[k]) - np.asarray(gm[k])) / (2.0 * eps) for k in base}


# --------------------------------------------------------------------------- random inputs


def random_params(spec: Mapping[str, Any], rng: np.random.Generator, scale: float = 1.0) -> Params:
    """Weights and biases drawn ``normal * scale / sqrt(fan_in)``, float64."""
    out: Params = {}
    for L in _layers(spec):
        s = scale / math.sqrt(L["fan_in"])
        out[f"W{L['index']}"] = rng.standard_normal((L["units"], L["fan_in"])) * s
        if L["bias"]:
            out[f"b{L['index']}"] = rng.standard_normal(L["units"]) * s
    return out


def random_data(spec: Mapping[str, Any], n: int, rng: np.random.Generator) -> tuple[Array, Array]:
    """``x`` (n, input) standard normal and targets ``y`` (n, out) valid for the spec's loss.

    one-hot rows for cross_entropy, {0, 1} for bce and bce_logits, {-1, +1} for hinge and
    logistic, standard normal otherwise.
    """
    layers, kind = _layers(spec), _loss_opts(spec)["type"]
    n_in, n_out = layers[0]["fan_in"], layers[-1]["units"]
    x = rng.standard_normal((n, n_in))
    if kind == "cross_entropy":
        y = np.eye(n_out)[rng.integers(0, n_out, size=n)]
    elif kind in ("bce", "bce_logits"):
        y = rng.integers(0, 2, size=(n, n_out)).astype(float)
    elif kind in ("hinge", "logistic"):
        y = rng.choice([-1.0, 1.0], size=(n, n_out))
    else:
        y = rng.standard_normal((n, n_out))
    return x, y
