"""Independent numeric reference for symgrad: hand-written batched backprop, exact HVP and FD.

Owns the numbers every generated kernel is checked against. Every local derivative below is
written by hand (never derived symbolically) and nothing is imported from ``symbolic/``.

Conventions (the kink choices are deliberate and tested):

* Forward pass (seed 000, Definition 6.3): ``h0 = x``, ``z_l = W_l h_{l-1} + b_l``,
  ``h_l = phi_l(z_l)``; batched as rows, so ``Z_l = H_{l-1} W_l^T + b_l``.
* Layers beyond dense (issue 11; ``dense`` also acts token-wise on a [T, D] input),
  PyTorch conventions, each written by hand with numpy
  (forward, vector-Jacobian product, Jacobian-vector product and the R-operator of the VJP):
  ``conv2d`` (cross-correlation, W (O, C, k, k), ``stride`` 1, zero ``padding`` 0),
  ``maxpool`` / ``avgpool`` (k x k windows, ``stride`` = k unless given, no padding; avgpool
  divides by k*k), ``flatten`` (row-major), ``layernorm`` (last axis) and ``batchnorm``
  (training-mode batch statistics; per channel for images), both with the biased variance,
  ``eps`` = 1e-5 and gamma_l / beta_l, ``attention = H`` (multi-head self-attention over the
  tokens of a [T, D] input, Wq_l, Wk_l, Wv_l, Wo_l, bq_l, ...) and ``residual = true``
  (``h_l = phi_l(z_l) + h_{l-1}``).
  ``model.input`` is an int (a vector) or a per-sample shape [C, H, W] / [T, D]; data are
  batch-first. Output size along an axis: ``(a + 2p - k) // s + 1``. **Max-pool tie rule**: the
  gradient goes to the FIRST maximal entry of each window in row-major scan order (PyTorch's).
  A non-vector model output is flattened row-major per sample before the loss.
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
  ``identity``; ``bias`` defaults to True; penalty ``type`` defaults to ``l2`` and
  ``params = "weights"`` penalises the ``W...`` matrices only (dense and conv2d ``W_l``,
  attention ``Wq_l`` ... ``Wo_l``; biases and the norms' gamma / beta only with
  ``params = "all"``); focal has ``alpha = 0.25``, ``gamma = 2``; dice ``eps = 1``; huber
  ``delta = 1``.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

try:  # scipy is optional; the vectorised math.erf fallback is exact to double precision
    from scipy.special import erf as _erf
except ImportError:  # pragma: no cover - exercised only without scipy
    _erf = np.vectorize(math.erf, otypes=[float])

__all__ = [
    "ACTIVATIONS",
    "LAYER_KINDS",
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

# --------------------------------------------------------------------------- layer operations
# A layer is an operation z = op(h) taking the batch h (N, *in_shape) to (N, *out_shape), then
# its activation, then (residual = true) + h. Every operation is written by hand in four parts,
# with ctx what apply() kept, p the parameters, u the direction of the HVP:
#   apply(h, p)                          -> (z, ctx)
#   vjp(h, ctx, delta, p)                -> (dJ/dh, {name: dJ/dparam}) for delta = dJ/dz
#   jvp(h, ctx, rh, p, u)                -> R{z} for rh = R{h}
#   rvjp(h, ctx, rh, delta, rdelta, p, u)-> R of vjp: (R{dJ/dh}, {name: R{dJ/dparam}}), i.e.
#                                           d/dt vjp at (h + t rh, p + t u, delta + t rdelta).

Shape = tuple[int, ...]


def _int_key(layer: Mapping[str, Any], key: str, i: int, default: Any = None, least: int = 1) -> int:
    v = layer.get(key, default)
    if not isinstance(v, int) or isinstance(v, bool) or v < least:
        what = "a positive integer" if least == 1 else f"an integer >= {least}"
        raise ValueError(f"layer {i}: {key!r} must be {what}, got {v!r}")
    return v


def _windows(hp: Array, k: int, s: int, oh: int, ow: int) -> Array:
    """im2col: (N, C, k, k, oh, ow) with [n, c, di, dj, a, b] = hp[n, c, s*a + di, s*b + dj]."""
    cols = np.empty(hp.shape[:2] + (k, k, oh, ow))
    for di in range(k):
        for dj in range(k):
            cols[:, :, di, dj] = hp[:, :, di : di + s * (oh - 1) + 1 : s, dj : dj + s * (ow - 1) + 1 : s]
    return cols


def _unwindows(cols: Array, shape: Shape, s: int) -> Array:
    """The transpose of _windows: every window entry is added back where it was copied from."""
    k, oh, ow = cols.shape[2], cols.shape[4], cols.shape[5]
    out = np.zeros(shape)
    for di in range(k):
        for dj in range(k):
            out[:, :, di : di + s * (oh - 1) + 1 : s, dj : dj + s * (ow - 1) + 1 : s] += cols[:, :, di, dj]
    return out


class _Op(ABC):
    """One [[layers]] table: 1-based ``index``, per-sample ``in_shape`` / ``out_shape``, the
    activation (``alpha``), ``residual`` and the operation; the base class has no parameters."""

    kind = ""
    bias_name: str | None = None  # the parameter that shifts z (random_problem lifts it)
    bias_axes: tuple[int, ...] = (0,)  # the axes of z that parameter is shared over

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any]):
        self.index, self.in_shape = index, in_shape
        self.out_shape: Shape = in_shape
        self.bias = bool(layer.get("bias", True))
        self.activation, self.alpha, self.residual = "identity", 0.0, False  # set by _layers

    def param_shapes(self) -> dict[str, Shape]:
        return {}

    def init(self, rng: np.random.Generator, scale: float) -> Params:
        return {}

    def vector_input(self) -> int:
        if len(self.in_shape) != 1:
            raise ValueError(
                f"layer {self.index}: {self.kind} needs a vector (or [T, D] tokens) input; it gets shape "
                f"{list(self.in_shape)} (add a layer with flatten = true before it)"
            )
        return self.in_shape[0]

    def image_input(self) -> tuple[int, int, int]:
        if len(self.in_shape) != 3:
            raise ValueError(
                f"layer {self.index}: {self.kind} needs an image input [C, H, W]; it gets shape {list(self.in_shape)}"
            )
        c, h, w = self.in_shape
        return c, h, w

    @abstractmethod
    def apply(self, h: Array, p: Params) -> tuple[Array, Any]:
        """(z, ctx): the pre-activation z of the batch h and what the other three methods reuse."""

    @abstractmethod
    def vjp(self, h: Array, ctx: Any, delta: Array, p: Params) -> tuple[Array, Params]:
        """(dJ/dh, {name: dJ/dparam}) for delta = dJ/dz."""

    @abstractmethod
    def jvp(self, h: Array, ctx: Any, rh: Array, p: Params, u: Params) -> Array:
        """R{z} for rh = R{h} and the parameter direction u."""

    @abstractmethod
    def rvjp(
        self, h: Array, ctx: Any, rh: Array, delta: Array, rdelta: Array, p: Params, u: Params
    ) -> tuple[Array, Params]:
        """The R-operator of vjp: (R{dJ/dh}, {name: R{dJ/dparam}}) for rh = R{h}, rdelta = R{delta}."""


class _Dense(_Op):
    """``dense = units``: z = W h + b per sample, batched as rows ``Z = H W^T + b``; on a [T, D]
    token input it acts on each token row (as torch's F.linear): z (T, units), W (units, D)."""

    kind = "dense"

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any]):
        super().__init__(index, in_shape, layer)
        self.units = _int_key(layer, "dense", index)
        self.tokens = len(in_shape) == 2
        if self.tokens:
            self.fan_in = in_shape[1]
            self.out_shape = (in_shape[0], self.units)
        else:
            self.fan_in = self.vector_input()
            self.out_shape = (self.units,)
        self.axes: int | tuple[int, int] = (0, 1) if self.tokens else 0  # summed in the gradients
        self.bias_axes = (0, 1) if self.tokens else (0,)
        self.W, self.b = f"W{index}", f"b{index}"
        self.bias_name = self.b if self.bias else None

    def param_shapes(self) -> dict[str, Shape]:
        shapes: dict[str, Shape] = {self.W: (self.units, self.fan_in)}
        if self.bias:
            shapes[self.b] = (self.units,)
        return shapes

    def init(self, rng: np.random.Generator, scale: float) -> Params:
        s = scale / math.sqrt(self.fan_in)
        out = {self.W: rng.standard_normal((self.units, self.fan_in)) * s}
        if self.bias:
            out[self.b] = rng.standard_normal(self.units) * s
        return out

    def _outer(self, delta: Array, h: Array) -> Array:
        """sum over samples (and tokens) of delta h^T."""
        return np.tensordot(delta, h, axes=([0, 1], [0, 1])) if self.tokens else delta.T @ h

    def apply(self, h, p):
        return h @ p[self.W].T + (p[self.b] if self.bias else 0.0), None

    def vjp(self, h, ctx, delta, p):
        grads = {self.W: self._outer(delta, h)}  # sum over samples of delta_l h_{l-1}^T
        if self.bias:
            grads[self.b] = delta.sum(axis=self.axes)
        return delta @ p[self.W], grads  # dJ/dh_{l-1} = W_l^T delta_l, batched

    def jvp(self, h, ctx, rh, p, u):
        rz = rh @ p[self.W].T + h @ u[self.W].T
        return rz + u[self.b] if self.bias else rz

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        hv = {self.W: self._outer(rdelta, h) + self._outer(delta, rh)}
        if self.bias:
            hv[self.b] = rdelta.sum(axis=self.axes)
        return rdelta @ p[self.W] + delta @ u[self.W], hv


class _Conv2d(_Op):
    """``conv2d = O`` with ``kernel = k``, ``stride = s`` (1), ``padding = q`` (0): PyTorch's
    cross-correlation z[n, o, a, b] = sum_{c, di, dj} W[o, c, di, dj] hp[n, c, s a + di, s b + dj]
    + b[o] on the zero-padded hp, W shaped (O, C, k, k); written as GEMMs over im2col windows."""

    kind = "conv2d"
    bias_axes = (0, 2, 3)

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any]):
        super().__init__(index, in_shape, layer)
        self.units = _int_key(layer, "conv2d", index)
        c, height, width = self.image_input()
        self.k = _int_key(layer, "kernel", index)
        self.s = _int_key(layer, "stride", index, 1)
        self.pad = _int_key(layer, "padding", index, 0, least=0)
        self.oh = (height + 2 * self.pad - self.k) // self.s + 1
        self.ow = (width + 2 * self.pad - self.k) // self.s + 1
        if self.oh < 1 or self.ow < 1:
            raise ValueError(
                f"layer {index}: a {self.k}x{self.k} kernel does not fit a {height}x{width} image "
                f"with padding {self.pad}"
            )
        self.out_shape = (self.units, self.oh, self.ow)
        self.fan_in = c * self.k * self.k
        self.W, self.b = f"W{index}", f"b{index}"
        self.bias_name = self.b if self.bias else None

    def param_shapes(self) -> dict[str, Shape]:
        shapes: dict[str, Shape] = {self.W: (self.units, self.in_shape[0], self.k, self.k)}
        if self.bias:
            shapes[self.b] = (self.units,)
        return shapes

    def init(self, rng: np.random.Generator, scale: float) -> Params:
        s = scale / math.sqrt(self.fan_in)
        out = {self.W: rng.standard_normal(self.param_shapes()[self.W]) * s}
        if self.bias:
            out[self.b] = rng.standard_normal(self.units) * s
        return out

    def _cols(self, h: Array) -> Array:
        q = self.pad
        hp = np.pad(h, ((0, 0), (0, 0), (q, q), (q, q))) if q else h
        return _windows(hp, self.k, self.s, self.oh, self.ow)

    @staticmethod
    def _corr(cols: Array, w: Array) -> Array:
        """sum over (c, di, dj) of w[o, c, di, dj] cols[n, c, di, dj, a, b] -> (N, O, oh, ow)."""
        return np.tensordot(cols, w, axes=([1, 2, 3], [1, 2, 3])).transpose(0, 3, 1, 2)

    @staticmethod
    def _wgrad(delta: Array, cols: Array) -> Array:
        """sum over (n, a, b) of delta[n, o, a, b] cols[n, c, di, dj, a, b] -> (O, C, k, k)."""
        return np.tensordot(delta, cols, axes=([0, 2, 3], [0, 4, 5]))

    def _hgrad(self, delta: Array, w: Array) -> Array:
        """W^T delta scattered back through the windows, the padding cut off -> (N, C, H, W)."""
        dcols = np.tensordot(delta, w, axes=([1], [0])).transpose(0, 3, 4, 5, 1, 2)
        _, height, width = self.in_shape
        q = self.pad
        dhp = _unwindows(dcols, (delta.shape[0], self.in_shape[0], height + 2 * q, width + 2 * q), self.s)
        return dhp[:, :, q : q + height, q : q + width]

    def apply(self, h, p):
        cols = self._cols(h)
        z = self._corr(cols, p[self.W])
        return (z + p[self.b][:, None, None] if self.bias else z), cols

    def vjp(self, h, ctx, delta, p):
        grads = {self.W: self._wgrad(delta, ctx)}
        if self.bias:
            grads[self.b] = delta.sum(axis=(0, 2, 3))
        return self._hgrad(delta, p[self.W]), grads

    def jvp(self, h, ctx, rh, p, u):
        rz = self._corr(self._cols(rh), p[self.W]) + self._corr(ctx, u[self.W])
        return rz + u[self.b][:, None, None] if self.bias else rz

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        hv = {self.W: self._wgrad(rdelta, ctx) + self._wgrad(delta, self._cols(rh))}
        if self.bias:
            hv[self.b] = rdelta.sum(axis=(0, 2, 3))
        return self._hgrad(rdelta, p[self.W]) + self._hgrad(delta, u[self.W]), hv


class _Pool(_Op):
    """``maxpool = k`` / ``avgpool = k``: k x k windows with ``stride`` (default k), no padding.

    avgpool divides each window's sum by k*k. maxpool copies each window's maximum; its
    derivative routes to the FIRST maximal entry of the window in row-major (di, dj) scan order
    (``np.argmax``; PyTorch's rule), and is piecewise linear, so its second-order term is zero.
    """

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any], kind: str):
        self.kind = kind
        super().__init__(index, in_shape, layer)
        c, height, width = self.image_input()
        if "padding" in layer:
            raise ValueError(f"layer {index}: {kind} takes no padding")
        self.k = _int_key(layer, kind, index)
        self.s = _int_key(layer, "stride", index, self.k)
        self.oh, self.ow = (height - self.k) // self.s + 1, (width - self.k) // self.s + 1
        if self.oh < 1 or self.ow < 1:
            raise ValueError(f"layer {index}: a {self.k}x{self.k} window does not fit a {height}x{width} image")
        self.out_shape = (c, self.oh, self.ow)

    def _cols(self, h: Array) -> Array:  # (N, C, k*k, oh, ow), window entries in row-major order
        return _windows(h, self.k, self.s, self.oh, self.ow).reshape(h.shape[:2] + (-1, self.oh, self.ow))

    def _pool(self, cols: Array, arg: Array | None) -> Array:
        if arg is None:
            return cols.sum(axis=2) / (self.k * self.k)
        return np.take_along_axis(cols, arg, axis=2)[:, :, 0]

    def _back(self, delta: Array, arg: Array | None) -> Array:
        n, c = delta.shape[:2]
        full = (n, c, self.k * self.k, self.oh, self.ow)
        if arg is None:
            dcols = np.broadcast_to(delta[:, :, None] / (self.k * self.k), full)
        else:
            dcols = np.zeros(full)
            np.put_along_axis(dcols, arg, delta[:, :, None], axis=2)
        return _unwindows(dcols.reshape(n, c, self.k, self.k, self.oh, self.ow), (n, *self.in_shape), self.s)

    def apply(self, h, p):
        cols = self._cols(h)
        arg = np.argmax(cols, axis=2)[:, :, None] if self.kind == "maxpool" else None  # first maximum
        return self._pool(cols, arg), arg

    def vjp(self, h, ctx, delta, p):
        return self._back(delta, ctx), {}

    def jvp(self, h, ctx, rh, p, u):
        return self._pool(self._cols(rh), ctx)

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        return self._back(rdelta, ctx), {}


class _Flatten(_Op):
    """``flatten = true``: row-major (C, H, W) -> (C*H*W,) per sample, as torch.flatten."""

    kind = "flatten"

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any]):
        super().__init__(index, in_shape, layer)
        if layer.get("flatten") is not True:
            raise ValueError(f"layer {index}: 'flatten' must be true, got {layer.get('flatten')!r}")
        self.out_shape = (math.prod(in_shape),)

    def apply(self, h, p):
        return h.reshape(h.shape[0], -1), None

    def vjp(self, h, ctx, delta, p):
        return delta.reshape(h.shape), {}

    def jvp(self, h, ctx, rh, p, u):
        return rh.reshape(rh.shape[0], -1)

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        return rdelta.reshape(h.shape), {}


class _Norm(_Op):
    """``layernorm = true`` / ``batchnorm = true``: z = gamma * (h - mean) / sqrt(var + eps) + beta
    with the biased variance, ``eps`` (1e-5) and gamma_l, beta_l of one entry per feature.

    layernorm normalises each sample's last (feature) axis: a vector, or each token row of a
    [T, D] input; gamma, beta (D,). batchnorm uses training-mode statistics of the batch passed
    to the call (as PyTorch in training): per feature over the batch for a vector (D,), per
    feature over the batch and the tokens for [T, D], per channel over the batch, height and
    width for an image [C, H, W] (BatchNorm2d; gamma, beta (C,)). So a batchnorm objective is
    not a sum of per-sample terms.

    With xhat the normalised entries, r = 1/sqrt(var + eps) and mean() over the normalised set,
    the Jacobian dxhat/dh is P = r (I - 1 1^T / M - xhat xhat^T / M) on each set of M entries,
    symmetric, so vjp and jvp both apply P g = r (g - mean(g) - xhat mean(g xhat));
    R{r} = -r^2 mean(xhat R{h}), R{xhat} = P R{h}, and the R-operator of P g follows by the
    product rule.
    """

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any], kind: str):
        self.kind = kind
        super().__init__(index, in_shape, layer)
        if layer.get(kind) is not True:
            raise ValueError(f"layer {index}: {kind!r} must be true, got {layer.get(kind)!r}")
        if kind == "layernorm" and len(in_shape) not in (1, 2):
            raise ValueError(
                f"layer {index}: layernorm needs a vector or a [T, D] input; it gets shape {list(in_shape)}"
            )
        eps = layer.get("eps", 1e-5)
        if isinstance(eps, bool) or not isinstance(eps, int | float) or not eps > 0:
            raise ValueError(f"layer {index}: 'eps' must be a positive number, got {eps!r}")
        self.eps = float(eps)
        image = kind == "batchnorm" and len(in_shape) == 3
        self.d = in_shape[0] if image else in_shape[-1]  # features: channels of an image, else the last axis
        feature = 1 if image else len(in_shape)  # its axis in (N, *in_shape)
        every = tuple(range(len(in_shape) + 1))
        self.norm_axes = (feature,) if kind == "layernorm" else tuple(a for a in every if a != feature)
        self.view: Shape = (self.d, 1, 1) if image else (self.d,)  # gamma, beta broadcast against z
        self.gamma, self.beta = f"gamma{index}", f"beta{index}"
        self.bias_name = self.beta
        self.bias_axes = tuple(a for a in every if a != feature)  # the axes gamma, beta are shared over

    def param_shapes(self) -> dict[str, Shape]:
        return {self.gamma: (self.d,), self.beta: (self.d,)}

    def init(self, rng: np.random.Generator, scale: float) -> Params:
        s = scale / math.sqrt(self.d)
        return {self.gamma: 1.0 + rng.standard_normal(self.d) * s, self.beta: rng.standard_normal(self.d) * s}

    def _mean(self, a: Array) -> Array:
        return np.mean(a, axis=self.norm_axes, keepdims=True)

    def _proj(self, xhat: Array, r: Array, g: Array) -> Array:
        """P g = r (g - mean(g) - xhat mean(g xhat)), set by set."""
        return r * (g - self._mean(g) - xhat * self._mean(g * xhat))

    def _p(self, v: Array) -> Array:
        return v.reshape(self.view)

    def apply(self, h, p):
        xc = h - self._mean(h)
        r = 1.0 / np.sqrt(self._mean(xc * xc) + self.eps)
        xhat = xc * r
        return self._p(p[self.gamma]) * xhat + self._p(p[self.beta]), (xhat, r)

    def vjp(self, h, ctx, delta, p):
        xhat, r = ctx
        ax = self.bias_axes
        grads = {self.gamma: np.sum(delta * xhat, axis=ax), self.beta: np.sum(delta, axis=ax)}
        return self._proj(xhat, r, delta * self._p(p[self.gamma])), grads

    def jvp(self, h, ctx, rh, p, u):
        xhat, r = ctx
        gamma, ug, ub = self._p(p[self.gamma]), self._p(u[self.gamma]), self._p(u[self.beta])
        return gamma * self._proj(xhat, r, rh) + ug * xhat + ub

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        xhat, r = ctx
        ax, m = self.bias_axes, self._mean
        gamma, ug = self._p(p[self.gamma]), self._p(u[self.gamma])
        rxhat = self._proj(xhat, r, rh)
        rr = -r * r * m(xhat * rh)
        g = delta * gamma  # dJ/dxhat
        rg = rdelta * gamma + delta * ug
        a = m(g * xhat)
        rdh = rr * (g - m(g) - xhat * a) + r * (rg - m(rg) - rxhat * a - xhat * m(rg * xhat + g * rxhat))
        hv = {self.gamma: np.sum(rdelta * xhat + delta * rxhat, axis=ax), self.beta: np.sum(rdelta, axis=ax)}
        return rdh, hv


def _softmax_last(s: Array) -> Array:
    e = np.exp(s - np.max(s, axis=-1, keepdims=True))
    return e / np.sum(e, axis=-1, keepdims=True)


class _Attention(_Op):
    """``attention = H``: multi-head scaled dot-product self-attention over the token axis of a
    [T, D] input, as PyTorch's nn.MultiheadAttention (no mask, no dropout): Q = X Wq^T + bq,
    K, V alike (Wq, Wk, Wv, Wo shaped (D, D), biases (D,) unless bias = false); each of the H
    heads takes D/H consecutive columns, A = softmax_rows(Q_h K_h^T / sqrt(D/H)), O_h = A V_h;
    the heads are concatenated and z = O Wo^T + bo.

    Backward: dA = dO_h V_h^T, dV_h = A^T dO_h, dS = A * (dA - rowsum(dA * A)), dQ_h = c dS K_h,
    dK_h = c dS^T Q_h (c = 1/sqrt(D/H)); the R-operator differentiates each of these products
    and the softmax rule once more by the product rule.
    """

    kind = "attention"
    bias_axes = (0, 1)

    def __init__(self, index: int, in_shape: Shape, layer: Mapping[str, Any]):
        super().__init__(index, in_shape, layer)
        self.heads = _int_key(layer, "attention", index)
        if len(in_shape) != 2:
            raise ValueError(f"layer {index}: attention needs a [T, D] token input; it gets shape {list(in_shape)}")
        self.d = in_shape[1]
        if self.d % self.heads:
            raise ValueError(f"layer {index}: {self.heads} heads do not divide the feature width D = {self.d}")
        self.dh = self.d // self.heads
        self.c = 1.0 / math.sqrt(self.dh)
        self.names = {r: (f"W{r}{index}", f"b{r}{index}") for r in "qkvo"}
        self.bias_name = self.names["o"][1] if self.bias else None

    def param_shapes(self) -> dict[str, Shape]:
        """Wq, Wk, Wv, Wo, then bq, bk, bv, bo (the order symbolic's layered specs use)."""
        shapes: dict[str, Shape] = {w: (self.d, self.d) for w, _ in self.names.values()}
        if self.bias:
            shapes.update({b: (self.d,) for _, b in self.names.values()})
        return shapes

    def init(self, rng: np.random.Generator, scale: float) -> Params:
        s = scale / math.sqrt(self.d)
        return {name: rng.standard_normal(shape) * s for name, shape in self.param_shapes().items()}

    def _lin(self, x: Array, p: Params, r: str, bias: bool = True) -> Array:
        w, b = self.names[r]
        y = x @ p[w].T
        return y + p[b] if self.bias and bias else y

    def _split(self, m: Array) -> Array:  # (N, T, D) -> (N, H, T, D/H)
        return m.reshape(m.shape[0], m.shape[1], self.heads, self.dh).transpose(0, 2, 1, 3)

    def _merge(self, m: Array) -> Array:  # (N, H, T, D/H) -> (N, T, D)
        return m.transpose(0, 2, 1, 3).reshape(m.shape[0], m.shape[2], self.d)

    @staticmethod
    def _wgrad(dy: Array, x: Array) -> Array:  # sum over samples and tokens of dy x^T
        return np.tensordot(dy, x, axes=([0, 1], [0, 1]))

    @staticmethod
    def _t(m: Array) -> Array:
        return m.swapaxes(-1, -2)

    def apply(self, h, p):
        q, k, v = (self._split(self._lin(h, p, r)) for r in "qkv")
        a = _softmax_last(self.c * q @ self._t(k))
        o = self._merge(a @ v)
        return self._lin(o, p, "o"), (q, k, v, a, o)

    def _tangent(self, h: Array, ctx: Any, rh: Array, p: Params, u: Params) -> tuple[Array, ...]:
        """R{Q_h}, R{K_h}, R{V_h}, R{A}, R{O} for R{h} = rh and the direction u."""
        q, k, v, a, _ = ctx
        rq, rk, rv = (self._split(self._lin(rh, p, r, bias=False) + self._lin(h, u, r)) for r in "qkv")
        rs = self.c * (rq @ self._t(k) + q @ self._t(rk))
        ra = a * (rs - np.sum(a * rs, axis=-1, keepdims=True))
        return rq, rk, rv, ra, self._merge(ra @ v + a @ rv)

    def _input_side(self, h: Array, dqkv, p: Params, grads: Params) -> Array:
        """Gradients of Wq, Wk, Wv (bq, bk, bv) into grads; returns dJ/dh."""
        dh = np.zeros_like(h)
        for r, dm in zip("qkv", dqkv, strict=True):
            w, b = self.names[r]
            grads[w] = self._wgrad(dm, h)
            if self.bias:
                grads[b] = dm.sum(axis=(0, 1))
            dh = dh + dm @ p[w]
        return dh

    def vjp(self, h, ctx, delta, p):
        q, k, v, a, o = ctx
        wo, bo = self.names["o"]
        grads = {wo: self._wgrad(delta, o)}
        if self.bias:
            grads[bo] = delta.sum(axis=(0, 1))
        do = self._split(delta @ p[wo])
        da, dv = do @ self._t(v), self._t(a) @ do
        ds = a * (da - np.sum(da * a, axis=-1, keepdims=True))
        dqkv = [self._merge(m) for m in (self.c * ds @ k, self.c * self._t(ds) @ q, dv)]
        return self._input_side(h, dqkv, p, grads), grads

    def jvp(self, h, ctx, rh, p, u):
        ro = self._tangent(h, ctx, rh, p, u)[4]
        return self._lin(ro, p, "o", bias=False) + self._lin(ctx[4], u, "o")

    def rvjp(self, h, ctx, rh, delta, rdelta, p, u):
        q, k, v, a, o = ctx
        rq, rk, rv, ra, ro = self._tangent(h, ctx, rh, p, u)
        wo, bo = self.names["o"]
        hv = {wo: self._wgrad(rdelta, o) + self._wgrad(delta, ro)}
        if self.bias:
            hv[bo] = rdelta.sum(axis=(0, 1))
        do = self._split(delta @ p[wo])
        rdo = self._split(rdelta @ p[wo] + delta @ u[wo])
        da = do @ self._t(v)
        rda = rdo @ self._t(v) + do @ self._t(rv)
        rdv = self._t(ra) @ do + self._t(a) @ rdo
        sa = np.sum(da * a, axis=-1, keepdims=True)
        rsa = np.sum(rda * a + da * ra, axis=-1, keepdims=True)
        ds = a * (da - sa)
        rds = ra * (da - sa) + a * (rda - rsa)
        rdq = self.c * (rds @ k + ds @ rk)
        rdk = self.c * (self._t(rds) @ q + self._t(ds) @ rq)
        dqkv = [self._merge(m) for m in (self.c * ds @ k, self.c * self._t(ds) @ q, self._t(a) @ do)]
        rdqkv = [self._merge(m) for m in (rdq, rdk, rdv)]
        rdh = np.zeros_like(h)
        for r, dm, rdm in zip("qkv", dqkv, rdqkv, strict=True):
            w, b = self.names[r]
            hv[w] = self._wgrad(rdm, h) + self._wgrad(dm, rh)
            if self.bias:
                hv[b] = rdm.sum(axis=(0, 1))
            rdh = rdh + rdm @ p[w] + dm @ u[w]
        return rdh, hv


LAYER_KINDS = ("dense", "conv2d", "maxpool", "avgpool", "flatten", "layernorm", "batchnorm", "attention")


# --------------------------------------------------------------------------- spec parsing


def _input_shape(spec: Mapping[str, Any]) -> Shape:
    inp = spec["model"].get("input")
    if isinstance(inp, int) and not isinstance(inp, bool) and inp >= 1:
        return (inp,)
    if (
        isinstance(inp, list | tuple)
        and 1 <= len(inp) <= 3
        and all(isinstance(a, int) and not isinstance(a, bool) and a >= 1 for a in inp)
    ):
        return tuple(inp)
    raise ValueError(
        f"model.input must be a positive integer or a shape [C, H, W] / [T, D] of positive integers, got {inp!r}"
    )


def _make_op(i: int, shape: Shape, layer: Mapping[str, Any]) -> _Op:
    kinds = [k for k in LAYER_KINDS if k in layer]
    if len(kinds) > 1:
        raise ValueError(f"layer {i}: give one layer kind, got {kinds}")
    kind = kinds[0] if kinds else "dense"  # no kind at all: reported as a missing 'dense'
    if kind == "dense":
        return _Dense(i, shape, layer)
    if kind == "conv2d":
        return _Conv2d(i, shape, layer)
    if kind in ("maxpool", "avgpool"):
        return _Pool(i, shape, layer, kind)
    if kind == "flatten":
        return _Flatten(i, shape, layer)
    if kind == "attention":
        return _Attention(i, shape, layer)
    return _Norm(i, shape, layer, kind)


def _layers(spec: Mapping[str, Any]) -> list[_Op]:
    """One operation per [[layers]] table with its activation, alpha and residual flag; each
    layer's input shape is the previous layer's output shape (the first: model.input)."""
    if not isinstance(spec, Mapping) or "model" not in spec or "layers" not in spec:
        raise ValueError("spec must be a mapping with 'model' and 'layers' tables")
    shape = _input_shape(spec)
    layers = spec["layers"]
    if not layers:
        raise ValueError("spec has no layers")
    out = []
    for i, layer in enumerate(layers, start=1):
        op = _make_op(i, shape, layer)
        act = layer.get("activation", "identity")
        if act not in ACTIVATIONS and act not in VECTOR_ACTIVATIONS:
            raise ValueError(f"layer {i}: unknown activation {act!r}; known: {activation_names()}")
        if act in VECTOR_ACTIVATIONS and len(op.out_shape) != 1:
            raise ValueError(f"layer {i}: {act} acts on a vector; this layer's output has shape {list(op.out_shape)}")
        op.activation, op.alpha = act, float(layer.get("alpha", _DEFAULT_ALPHA.get(act, 0.0)))
        op.residual = bool(layer.get("residual", False))
        if op.residual and op.out_shape != shape:
            raise ValueError(
                f"layer {i}: residual needs equal input and output shapes, got {list(shape)} -> {list(op.out_shape)}"
            )
        out.append(op)
        shape = op.out_shape
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
    """Expected parameter names and shapes in layer order: dense ``W_l`` (units_l, width_{l-1}),
    conv2d ``W_l`` (out, in, k, k), ``b_l`` (units_l or out,), layernorm / batchnorm
    ``gamma_l``, ``beta_l`` (features,), attention ``Wq_l``, ``bq_l``, ..., ``Wo_l``, ``bo_l``
    ((D, D) and (D,)); pooling and flatten layers have none."""
    shapes: dict[str, tuple[int, ...]] = {}
    for op in _layers(spec):
        shapes.update(op.param_shapes())
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


def _check_data(arr, shape: Shape, what: str) -> Array:
    a = np.asarray(arr, dtype=float)
    if a.shape[1:] != shape or a.ndim != len(shape) + 1:
        raise ValueError(f"{what}: expected shape (N, {', '.join(map(str, shape))}), given {a.shape}")
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
        if not name.startswith("W") and scope != "all":  # weights: W_l (dense, conv2d), Wq_l .. Wo_l
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

    ``x`` has shape (N, *input); ``z_l`` and ``h_l`` have shape (N, *output shape of layer l).
    """
    return _forward(spec, _check_params(spec, params), x)[0]


def _forward(spec, p: Params, x):
    layers = _layers(spec)
    h = _check_data(x, layers[0].in_shape, "x")
    cache: dict[str, Array] = {"h0": h}
    ctxs, derivs = [], []
    for op in layers:
        i = op.index
        z, ctx = op.apply(h, p)
        a, local = _activate(op.activation, z, op.alpha)
        h = a + h if op.residual else a
        cache[f"z{i}"], cache[f"h{i}"] = z, h
        ctxs.append(ctx)
        derivs.append(local)
    cache["yhat"] = h
    return cache, layers, ctxs, derivs


def _backprop(spec, params, x, y, direction=None):
    p = _check_params(spec, params)
    opts = _loss_opts(spec)
    cache, layers, ctxs, derivs = _forward(spec, p, x)
    yhat = cache["yhat"]
    y = _check_data(y, layers[-1].out_shape, "y")
    if y.shape[0] != yhat.shape[0]:
        raise ValueError(f"y: expected shape {yhat.shape} (one row per x row), given {y.shape}")
    n = yhat.shape[0]
    per_sample, dl, hess = LOSSES[opts["type"]](yhat.reshape(n, -1), y.reshape(n, -1), opts)
    scale = 1.0 / n if opts["reduction"] == "mean" else 1.0
    pen_val, pen_grad, pen_hdiag = _penalty(spec, p)
    loss = scale * float(np.sum(per_sample)) + pen_val

    u = None if direction is None else _check_params(spec, direction, "direction")
    if u is not None:  # R-operator forward sweep: R z_l, R h_l
        rh = _zeros(cache["h0"])
        rcache = {"h0": rh}
        for op, ctx, local in zip(layers, ctxs, derivs, strict=True):
            i = op.index
            rz = op.jvp(cache[f"h{i - 1}"], ctx, rh, p, u)
            ra = local.jvp(rz)
            rh = ra + rh if op.residual else ra
            rcache[f"z{i}"], rcache[f"h{i}"] = rz, rh
        rg = scale * hess(rh.reshape(n, -1)).reshape(yhat.shape)  # R(dJ/dh_L) = scale * Hess_loss @ R yhat

    g = scale * dl.reshape(yhat.shape)  # dJ/dh_L, batched
    grads: Params = {}
    hv: Params = {}
    for op, ctx, local in zip(reversed(layers), reversed(ctxs), reversed(derivs), strict=True):
        i = op.index
        h_prev = cache[f"h{i - 1}"]
        delta = local.vjp(g)  # delta_l = dJ/dz_l = J_l^T dJ/dh_l
        g_prev, op_grads = op.vjp(h_prev, ctx, delta, p)
        grads.update(op_grads)
        if u is not None:
            rdelta = local.vjp(rg) + local.second(g, rcache[f"z{i}"])
            rg_prev, op_hv = op.rvjp(h_prev, ctx, rcache[f"h{i - 1}"], delta, rdelta, p, u)
            hv.update(op_hv)
            rg = rg_prev + rg if op.residual else rg_prev
        g = g_prev + g if op.residual else g_prev  # dJ/dh_{l-1}
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

    ``direction`` (u) has the same keys and shapes as ``params``. Forward-over-reverse; for a
    dense layer R{z_l} = W_l R{h_{l-1}} + V_l h_{l-1} + c_l, R{h_l} = phi' R{z_l};
    R{delta_l} = R{g_l} phi' + g_l phi'' R{z_l} (for softmax / log_softmax layers:
    J^T R{g_l} + d/dt J(z_l + t R{z_l})^T g_l), R{g_{l-1}} = W_l^T R{delta_l} + V_l^T delta_l,
    R{dJ/dW_l} = R{delta_l} h_{l-1}^T + delta_l R{h_{l-1}}^T, R{dJ/db_l} = R{delta_l}. Every
    other layer supplies the same four pieces (its ``jvp`` and ``rvjp``); with residual = true,
    R{h_l} and R{g_{l-1}} gain R{h_{l-1}} and R{g_l}.
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
    """Weights and biases drawn ``normal * scale / sqrt(fan_in)``, float64, layer by layer
    (conv2d: fan_in = C*k*k, attention: D); layernorm / batchnorm gamma is ``1 + normal * scale / sqrt(D)``, beta
    ``normal * scale / sqrt(D)``; pooling and flatten layers draw nothing."""
    out: Params = {}
    for op in _layers(spec):
        out.update(op.init(rng, scale))
    return out


def random_data(spec: Mapping[str, Any], n: int, rng: np.random.Generator) -> tuple[Array, Array]:
    """``x`` (n, *input) standard normal and targets ``y`` (n, *output) valid for the spec's loss.

    one-hot rows for cross_entropy, probability rows (Dirichlet, all > 0) for nll and kl,
    values in (0.05, 0.95) for dice, {0, 1} for bce, bce_logits and focal, {-1, +1} for hinge
    and logistic, standard normal otherwise (rows are drawn flat and reshaped row-major).
    """
    layers, kind = _layers(spec), _loss_opts(spec)["type"]
    out_shape = layers[-1].out_shape
    n_out = math.prod(out_shape)
    x = rng.standard_normal((n, *layers[0].in_shape))
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
    return x, y.reshape((n, *out_shape))


def random_problem(
    spec: Mapping[str, Any], n: int, rng: np.random.Generator, scale: float = 1.0
) -> tuple[Params, Array, Array]:
    """``(params, x, y)``: random_params, then random_data, then every layer whose activation
    is defined for ``z > 0`` only (log, sqrt) has its bias (norms: beta; attention: bo) raised so that
    each entry's smallest pre-activation over the batch (and the positions sharing that bias)
    is at least 0.5 (a layer without such a parameter is left as drawn)."""
    params = random_params(spec, rng, scale=scale)
    x, y = random_data(spec, n, rng)
    h = x
    for op in _layers(spec):
        z = op.apply(h, params)[0]
        b = op.bias_name
        if op.activation in _POSITIVE_DOMAIN and b is not None:
            lift = np.maximum(0.5 - np.min(z, axis=op.bias_axes, keepdims=True), 0.0)
            params[b] = params[b] + lift.reshape(params[b].shape)
            z = z + lift
        a = _activate(op.activation, z, op.alpha)[0]
        h = a + h if op.residual else a
    return params, x, y
