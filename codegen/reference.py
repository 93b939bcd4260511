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
  ``sign' = 0``, ``mae`` and ``l1`` use ``sign`` (0 at 0), ``hinge'`` is 0 where
  ``1 - y*yhat <= 0``, huber uses the quadratic branch where ``|e| <= delta``. Second
  derivatives of piecewise functions are the branch values (0 for relu, leaky_relu, abs, sign,
  mae, hinge, l1).
* ``softmax`` and ``log_softmax`` layers act on each sample's whole vector ``z_l``: they carry
  a vector-Jacobian product, a Jacobian-vector product and the second-order term of the
  R-operator instead of elementwise derivatives.
* Defaults follow symgrad's layered specs: no ``loss`` table means ``mse`` with ``half = True``,
  a ``loss`` without ``type`` is ``mse``; inside a given mse table ``half`` defaults to False
  (``sum_k e_k^2``); ``reduction`` defaults to ``"mean"``; a layer without ``activation`` is
  ``identity``; ``bias`` defaults to True; penalty ``type`` defaults to ``l2``; focal has
  ``alpha = 0.25``, ``gamma = 2``; dice ``eps = 1``; huber ``delta = 1``.
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
    "ACTIVATIONS",
    "LOSSES",
    "PENALTIES",
    "VECTOR_ACTIVATIONS",
    "activation_names",
    "finite_difference_grad",
    "finite_difference_hvp",
    "forward",
    "hvp",
    "loss_and_grad",
    "param_shapes",
    "random_data",
    "random_params",
    "random_problem",
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


def _log(z, a):
    with np.errstate(divide="ignore", invalid="ignore"):
        r = 1.0 / z
        return np.log(z), r, -r * r


def _sqrt(z, a):
    with np.errstate(divide="ignore", invalid="ignore"):
        q = np.sqrt(z)
        return q, 0.5 / q, -0.25 / (q * z)


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
    "log": _log,
    "sqrt": _sqrt,
    "sign": lambda z, a: (np.sign(z), _zeros(z), _zeros(z)),
}
_DEFAULT_ALPHA = {"leaky_relu": 0.01, "elu": 1.0}
_POSITIVE_DOMAIN = ("log", "sqrt")  # activations defined for z > 0 only


def _row_sum(a: Array) -> Array:
    return np.sum(a, axis=1, keepdims=True)


def _softmax_rows(z: Array) -> Array:
    e = np.exp(z - np.max(z, axis=1, keepdims=True))
    return e / _row_sum(e)


class _Local:
    """The local derivative of one layer at its pre-activation z (N, units), batched by rows.

    vjp(g) = J^T g, jvp(v) = J v and second(g, v) = d/dt [J(z + t v)^T g] at t = 0 (the term
    the R-operator adds to R{delta}); J is each sample's Jacobian dh/dz.
    """

    def __init__(self, vjp, jvp, second):
        self.vjp, self.jvp, self.second = vjp, jvp, second

    @classmethod
    def elementwise(cls, d1: Array, d2: Array) -> _Local:
        return cls(lambda g: g * d1, lambda v: d1 * v, lambda g, v: g * d2 * v)


def _softmax_layer(z: Array, a: float) -> tuple[Array, _Local]:
    """s = softmax(z) per row: J = diag(s) - s s^T, so J^T g = s * (g - <g, s>)."""
    s = _softmax_rows(z)

    def jvp(v):
        return s * (v - _row_sum(s * v))

    def second(g, v):
        ds = jvp(v)
        return ds * (g - _row_sum(g * s)) - s * _row_sum(g * ds)

    return s, _Local(jvp, jvp, second)  # J is symmetric: J^T g = J g


def _log_softmax_layer(z: Array, a: float) -> tuple[Array, _Local]:
    """l = z - logsumexp(z) per row: J = I - 1 s^T, J^T g = g - s * sum(g)."""
    m = np.max(z, axis=1, keepdims=True)
    lse = m + np.log(_row_sum(np.exp(z - m)))
    s = np.exp(z - lse)
    return z - lse, _Local(
        lambda g: g - s * _row_sum(g),
        lambda v: v - _row_sum(s * v),
        lambda g, v: -(s * (v - _row_sum(s * v))) * _row_sum(g),
    )


# vector activations: (z, alpha) -> (h, _Local), acting on whole rows
VECTOR_ACTIVATIONS: dict[str, Callable[[Array, float], tuple[Array, _Local]]] = {
    "softmax": _softmax_layer,
    "log_softmax": _log_softmax_layer,
}


def activation_names() -> list[str]:
    """Every activation this reference implements (elementwise and vector)."""
    return sorted(ACTIVATIONS) + sorted(VECTOR_ACTIVATIONS)


def _activate(name: str, z: Array, alpha: float) -> tuple[Array, _Local]:
    if name in VECTOR_ACTIVATIONS:
        return VECTOR_ACTIVATIONS[name](z, alpha)
    h, d1, d2 = ACTIVATIONS[name](z, alpha)
    return h, _Local.elementwise(d1, d2)


# --------------------------------------------------------------------------- losses
# Each entry maps (yhat (N,out), y (N,out), options) -> (per-sample loss (N,),
# d loss/d yhat (N,out), v -> Hessian(yhat) @ v applied row-wise (N,out)).


def _diag(d2: Array) -> Callable[[Array], Array]:
    return lambda v: d2 * v


def _mse(yh, y, o):
    c = 1.0 if o.get("half", False) else 2.0
    e = yh - y
    return 0.5 * c * np.sum(e * e, axis=1), c * e, _diag(np.full_like(e, c))


def _sse(yh, y, o):
    e = yh - y
    return np.sum(e * e, axis=1), 2.0 * e, _diag(np.full_like(e, 2.0))


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


def _nll(yh, y, o):
    """-sum_k y_k log yhat_k (yhat = probabilities)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        return -np.sum(y * np.log(yh), axis=1), -y / yh, _diag(y / (yh * yh))


def _kl(yh, y, o):
    """KL(yhat || y) = sum_k yhat_k (log yhat_k - log y_k)."""
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.log(yh) - np.log(y)
        return np.sum(yh * r, axis=1), r + 1.0, _diag(1.0 / yh)


def _dice(yh, y, o):
    """1 - (2 <yhat, y> + eps) / (sum yhat + sum y + eps), one value per sample (not per component).

    With N, D the numerator and denominator: d/dyhat_k = -2 y_k / D + N / D^2, and along v
    the Hessian gives 2 y_k sum(v) / D^2 + 2 <y, v> / D^2 - 2 N sum(v) / D^3.
    """
    eps = float(o.get("eps", 1.0))
    num = 2.0 * _row_sum(yh * y) + eps
    den = _row_sum(yh) + _row_sum(y) + eps

    def hess(v):
        sv = _row_sum(v)
        return 2.0 * y * sv / den**2 + 2.0 * _row_sum(y * v) / den**2 - 2.0 * num * sv / den**3

    return (1.0 - num / den)[:, 0], -2.0 * y / den + num / den**2, hess


def _focal(yh, y, o):
    """Binary focal loss on logits a = yhat, labels b = y (written for any b, exact for {0, 1}):
    sum_k w q^gamma softplus(-s a) with s = 2b - 1, w = alpha b + (1 - alpha)(1 - b) and
    q = 1 - p_t = b - s sigmoid(a); derivatives by the product rule, term by term."""
    alpha, gamma = float(o.get("alpha", 0.25)), float(o.get("gamma", 2.0))
    s = 2.0 * y - 1.0
    w = alpha * y + (1.0 - alpha) * (1.0 - y)
    sg = _sigmoid(yh)
    q = y - s * sg
    q1 = -s * sg * (1.0 - sg)  # dq/da
    q2 = q1 * (1.0 - 2.0 * sg)  # d2q/da2
    sm = _sigmoid(-s * yh)
    sp, sp1, sp2 = _softplus(-s * yh), -s * sm, s * s * sm * (1.0 - sm)
    with np.errstate(divide="ignore", invalid="ignore"):
        qg = q**gamma
        qg1 = gamma * q ** (gamma - 1.0)
        qg2 = gamma * (gamma - 1.0) * q ** (gamma - 2.0) if gamma != 1.0 else _zeros(q)
    val = w * qg * sp
    d1 = w * (qg1 * q1 * sp + qg * sp1)
    d2 = w * (qg2 * q1 * q1 * sp + qg1 * q2 * sp + 2.0 * qg1 * q1 * sp1 + qg * sp2)
    return np.sum(val, axis=1), d1, _diag(d2)


LOSSES: dict[str, Callable[..., tuple[Array, Array, Callable[[Array], Array]]]] = {
    "mse": _mse,
    "sse": _sse,
    "mae": _mae,
    "huber": _huber,
    "cross_entropy": _cross_entropy,
    "nll": _nll,
    "bce": _bce,
    "bce_logits": _bce_logits,
    "focal": _focal,
    "dice": _dice,
    "kl": _kl,
    "hinge": _hinge,
    "logistic": _logistic,
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
        if act not in ACTIVATIONS and act not in VECTOR_ACTIVATIONS:
            raise ValueError(f"layer {i}: unknown activation {act!r}; known: {activation_names()}")
        alpha = float(layer.get("alpha", _DEFAULT_ALPHA.get(act, 0.0)))
        out.append(
            {
                "index": i,
                "units": units,
                "fan_in": width,
                "activation": act,
                "alpha": alpha,
                "bias": bool(layer.get("bias", True)),
            }
        )
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
            value += lam / p * float(np.sum(a**p))
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
        h, local = _activate(L["activation"], z, L["alpha"])
        cache[f"z{i}"], cache[f"h{i}"] = z, h
        derivs.append(local)
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
        for L, local in zip(layers, derivs, strict=True):
            i = L["index"]
            rz = rh @ p[f"W{i}"].T + cache[f"h{i - 1}"] @ u[f"W{i}"].T
            if L["bias"]:
                rz = rz + u[f"b{i}"]
            rh = local.jvp(rz)
            rcache[f"z{i}"], rcache[f"h{i}"] = rz, rh
        rg = scale * hess(rh)  # R(dJ/dh_L) = scale * Hess_loss(yhat) @ R yhat

    g = scale * dl  # dJ/dh_L, batched
    grads: Params = {}
    hv: Params = {}
    for L, local in zip(reversed(layers), reversed(derivs), strict=True):
        i = L["index"]
        W, h_prev = p[f"W{i}"], cache[f"h{i - 1}"]
        delta = local.vjp(g)  # delta_l = dJ/dz_l = J_l^T dJ/dh_l
        grads[f"W{i}"] = delta.T @ h_prev  # sum over samples of delta_l h_{l-1}^T
        if L["bias"]:
            grads[f"b{i}"] = delta.sum(axis=0)
        if u is not None:
            rdelta = local.vjp(rg) + local.second(g, rcache[f"z{i}"])
            rh_prev = rcache[f"h{i - 1}"] if i > 1 else _zeros(h_prev)
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


def hvp(
    spec: Mapping[str, Any], params: Mapping[str, Any], x, y, direction: Mapping[str, Any]
) -> tuple[float, Params, Params]:
    """``(J, grad J, H @ u)`` with the exact Hessian-vector product by Pearlmutter's R-operator.

    ``direction`` (u) has the same keys and shapes as ``params``. Forward-over-reverse:
    R{z_l} = W_l R{h_{l-1}} + V_l h_{l-1} + c_l, R{h_l} = phi' R{z_l};
    R{delta_l} = R{g_l} phi' + g_l phi'' R{z_l} (for softmax / log_softmax layers:
    J^T R{g_l} + d/dt J(z_l + t R{z_l})^T g_l), R{g_{l-1}} = W_l^T R{delta_l} + V_l^T delta_l,
    R{dJ/dW_l} = R{delta_l} h_{l-1}^T + delta_l R{h_{l-1}}^T, R{dJ/db_l} = R{delta_l}.
    """
    return _backprop(spec, params, x, y, direction)


# --------------------------------------------------------------------------- finite differences


def _copy(params: Mapping[str, Any]) -> Params:
    return {k: np.array(v, dtype=float) for k, v in params.items()}


def finite_difference_grad(f: Callable[[Params], float], params: Mapping[str, Any], eps: float = 1e-6) -> Params:
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


def finite_difference_hvp(
    grad_f: Callable[[Params], Any], params: Mapping[str, Any], direction: Mapping[str, Any], eps: float = 1e-5
) -> Params:
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

    one-hot rows for cross_entropy, probability rows (Dirichlet, all > 0) for nll and kl,
    values in (0.05, 0.95) for dice, {0, 1} for bce, bce_logits and focal, {-1, +1} for hinge
    and logistic, standard normal otherwise.
    """
    layers, kind = _layers(spec), _loss_opts(spec)["type"]
    n_in, n_out = layers[0]["fan_in"], layers[-1]["units"]
    x = rng.standard_normal((n, n_in))
    if kind == "cross_entropy":
        y = np.eye(n_out)[rng.integers(0, n_out, size=n)]
    elif kind in ("nll", "kl"):
        y = rng.dirichlet(np.ones(n_out), size=n)
    elif kind == "dice":
        y = rng.uniform(0.05, 0.95, size=(n, n_out))
    elif kind in ("bce", "bce_logits", "focal"):
        y = rng.integers(0, 2, size=(n, n_out)).astype(float)
    elif kind in ("hinge", "logistic"):
        y = rng.choice([-1.0, 1.0], size=(n, n_out))
    else:
        y = rng.standard_normal((n, n_out))
    return x, y


def random_problem(
    spec: Mapping[str, Any], n: int, rng: np.random.Generator, scale: float = 1.0
) -> tuple[Params, Array, Array]:
    """``(params, x, y)``: random_params, then random_data, then every layer whose activation
    is defined for ``z > 0`` only (log, sqrt) has its bias raised so that each unit's smallest
    pre-activation over the batch is at least 0.5 (a layer without bias is left as drawn)."""
    params = random_params(spec, rng, scale=scale)
    x, y = random_data(spec, n, rng)
    h = x
    for L in _layers(spec):
        i = L["index"]
        z = h @ params[f"W{i}"].T + (params[f"b{i}"] if L["bias"] else 0.0)
        if L["activation"] in _POSITIVE_DOMAIN and L["bias"]:
            lift = np.maximum(0.5 - np.min(z, axis=0), 0.0)
            params[f"b{i}"] = params[f"b{i}"] + lift
            z = z + lift
        h = _activate(L["activation"], z, L["alpha"])[0]
    return params, x, y
