"""Layered-spec lines: dense, conv2d, pooling and flatten layers and the [penalty] term as
assignment lines (text), the form spec.py lowers a [[layers]] model through, plus the typed
LayerInfo of each layer.

Names follow the seeds: W1 (units × previous width; conv: out × in × k × k as PyTorch), b1,
z1 = W1 h0 + b1 (conv: conv2d(h0, W1, b1, …)), h1 = φ(z1), …, yhat.
No parsing and no Graph here: spec.py turns these lines into a graph, builders.py writes specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .layout import window_count
from .objective import LayerInfo
from .spec_schema import (
    ALPHA_ACTIVATIONS,
    PENALTY_OPTIONS,
    PENALTY_TYPES,
    number_problem,
    suggest,
    unknown_keys,
)

LAYER_KINDS = ("dense", "conv2d", "maxpool", "avgpool", "flatten", "layernorm", "attention")


@dataclass(frozen=True)
class LayerSpec:
    """One [[layers]] table: its kind (dense, conv2d, maxpool, avgpool, flatten), size (dense
    units, conv output channels, pooling window), geometry, activation (with its alpha), bias,
    and whether the layer's input is added to its output (residual)."""

    units: int
    activation: str = "identity"
    bias: bool = True
    alpha: float | None = None
    kind: str = "dense"
    kernel: int = 0  # conv2d: k of the k×k filters
    stride: int = 1  # conv2d and pooling (pooling: 0 = the window)
    padding: int = 0  # conv2d: zero padding
    residual: bool = False
    eps: float = 1e-5  # layernorm

    @property
    def has_params(self) -> bool:
        """Whether the layer has W{l} (and b{l}): dense and conv2d."""
        return self.kind in ("dense", "conv2d")

    def param_names(self, i: int) -> list[str]:
        """Every parameter of the i-th layer, weights first."""
        if self.kind == "layernorm":
            return [f"gamma{i}", f"beta{i}"]
        if self.kind == "attention":
            w = [f"W{c}{i}" for c in "qkvo"]
            return w + ([f"b{c}{i}" for c in "qkvo"] if self.bias else [])
        if self.has_params:
            return [f"W{i}"] + ([f"b{i}"] if self.bias else [])
        return []

    def weight_names(self, i: int) -> list[str]:
        """The parameters a penalty on "weights" covers (no biases, no layernorm scales)."""
        if self.kind == "attention":
            return [f"W{c}{i}" for c in "qkvo"]
        return [f"W{i}"] if self.has_params else []


def activation_line(act: str, z: str, alpha: float | None) -> str:
    """The right-hand side h = φ(z) as spec text (identity is z itself)."""
    if act == "identity":
        return z
    if alpha is not None and act in ALPHA_ACTIVATIONS:
        return f"{act}({z}, {alpha!r})"
    return f"{act}({z})"


class LayerError(ValueError):
    """A layer that does not fit its input; `layer` is its 1-based position, `key` the key at fault."""

    def __init__(self, message: str, layer: int, key: str | None = None):
        super().__init__(message)
        self.layer, self.key = layer, key


def layer_shapes(input_shape: tuple[int, ...], layers: list[LayerSpec]) -> tuple[dict[str, tuple[int, ...]], list]:
    """(parameter shapes, per-sample output shape of each layer); LayerError when a layer does
    not fit what comes in (a dense layer needs a vector, conv and pooling an image, …)."""
    params: dict[str, tuple[int, ...]] = {}
    shapes: list[tuple[int, ...]] = []
    shape: tuple[int, ...] = tuple(input_shape)
    for i, L in enumerate(layers, 1):
        out: tuple[int, ...]
        if L.kind == "dense" and len(shape) == 2:  # token-wise: h Wᵀ + 1 bᵀ
            params[f"W{i}"] = (L.units, shape[1])
            out = (shape[0], L.units)
        elif L.kind == "layernorm":
            if len(shape) not in (1, 2):
                raise LayerError(
                    f"layernorm needs a vector or tokens (T, D); its input has shape {list(shape)}", i, "layernorm"
                )
            params[f"gamma{i}"] = params[f"beta{i}"] = (shape[-1],)
            out = shape
        elif L.kind == "attention":
            if len(shape) != 2:
                raise LayerError(
                    f"attention needs tokens (T, D) (input = [T, D]); its input has shape {list(shape)}", i, "attention"
                )
            if shape[1] % L.units:
                raise LayerError(f"attention = {L.units} heads must divide the feature size {shape[1]}", i, "attention")
            for c in "qkvo":
                params[f"W{c}{i}"] = (shape[1], shape[1])
            if L.bias:
                for c in "qkvo":
                    params[f"b{c}{i}"] = (shape[1],)
            out = shape
        elif L.kind == "dense":
            if len(shape) != 1:
                raise LayerError(
                    f"a dense layer needs a vector; its input has shape {list(shape)} (add flatten = true)", i, "dense"
                )
            params[f"W{i}"] = (L.units, shape[0])
            out = (L.units,)
        elif L.kind == "conv2d":
            if len(shape) != 3:
                raise LayerError(f"conv2d needs an image (C, H, W); its input has shape {list(shape)}", i, "conv2d")
            C, H, W = shape
            ho, wo = window_count(H, L.kernel, L.stride, L.padding), window_count(W, L.kernel, L.stride, L.padding)
            if ho < 1 or wo < 1:
                raise LayerError(
                    f"a {L.kernel}×{L.kernel} kernel does not fit a {H}×{W} image with padding {L.padding}", i, "kernel"
                )
            params[f"W{i}"] = (L.units, C, L.kernel, L.kernel)
            out = (L.units, ho, wo)
        elif L.kind in ("maxpool", "avgpool"):
            if len(shape) != 3:
                raise LayerError(f"{L.kind} needs an image (C, H, W); its input has shape {list(shape)}", i, L.kind)
            C, H, W = shape
            s = L.stride or L.units
            ho, wo = window_count(H, L.units, s, 0), window_count(W, L.units, s, 0)
            if ho < 1 or wo < 1:
                raise LayerError(f"a {L.units}×{L.units} window does not fit a {H}×{W} image", i, L.kind)
            out = (C, ho, wo)
        else:  # flatten
            n = 1
            for d in shape:
                n *= d
            out = (n,)
        if L.bias and L.has_params:
            params[f"b{i}"] = (L.units,)
        if L.residual and out != shape:
            raise LayerError(
                f"residual needs equal input and output shapes, got {list(shape)} → {list(out)}", i, "residual"
            )
        shapes.append(out)
        shape = out
    return params, shapes


def _op_line(i: int, L: LayerSpec, prev: str, tokens: bool) -> str:
    """The layer's operation on its input `prev`, as spec text (`tokens`: prev is (T, D))."""
    b = f", b{i}" if L.bias else ""
    if L.kind == "dense" and tokens:
        return f"linear({prev}, W{i}{b})"
    if L.kind == "dense":
        return f"W{i} @ {prev}" + (f" + b{i}" if L.bias else "")
    if L.kind == "layernorm":
        return f"layernorm({prev}, gamma{i}, beta{i}, eps={L.eps!r})"
    if L.kind == "attention":
        biases = "".join(f", b{c}{i}" for c in "qkvo") if L.bias else ""
        return f"attention({prev}, Wq{i}, Wk{i}, Wv{i}, Wo{i}{biases}, heads={L.units})"
    if L.kind == "conv2d":
        return f"conv2d({prev}, W{i}{b}, stride={L.stride}, padding={L.padding})"
    if L.kind in ("maxpool", "avgpool"):
        return f"{L.kind}2d({prev}, {L.units}, stride={L.stride or L.units})"
    return f"flatten({prev})"


def mlp_lines(
    width: int | tuple[int, ...], layers: list[LayerSpec], x: str = "x"
) -> tuple[list[tuple[str, str]], str, tuple[LayerInfo, ...]]:
    """Lines z_l = op_l(h_{l-1}), h_l = φ_l(z_l) (+ h_{l-1} with residual); the last h is 'yhat'.
    Dense: z = W h + b (seed matrix form); conv2d: S = W φ(h) + b 1ᵀ reshaped (seed 002).
    Returns (lines, output name, one LayerInfo per layer)."""
    input_shape = (width,) if isinstance(width, int) else tuple(width)
    _, shapes = layer_shapes(input_shape, layers)
    lines: list[tuple[str, str]] = []
    info: list[LayerInfo] = []
    prev = x
    shape = input_shape
    for i, L in enumerate(layers, 1):
        z = f"z{i}"
        lines.append((z, _op_line(i, L, prev, len(shape) == 2)))
        shape = shapes[i - 1]
        h = "yhat" if i == len(layers) else f"h{i}"
        act = activation_line(L.activation, z, L.alpha)
        lines.append((h, f"{act} + {prev}" if L.residual else act))
        info.append(
            LayerInfo(
                L.units,
                L.activation,
                L.bias and L.has_params,
                z,
                h,
                f"W{i}" if L.has_params else "",
                f"b{i}" if L.bias and L.has_params else None,
                prev,
                L.alpha,
                kind=L.kind,
                kernel=L.kernel,
                stride=(L.stride or L.units) if L.kind in ("maxpool", "avgpool") else (L.stride or 1),
                padding=L.padding,
                residual=L.residual,
                shape=shapes[i - 1],
                eps=L.eps,
            )
        )
        prev = h
    return lines, prev, tuple(info)


class PenaltyError(ValueError):
    """A bad [penalty] table; `key` is the key at fault (for the line number), if any."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def penalty_lines(pen: dict[str, Any], weights: list[str], biases: list[str]) -> list[tuple[str, str]]:
    """R = penalty(θ) in the λ or C convention of the seeds; raises PenaltyError on bad keys."""
    ptype = pen.get("type", "l2")
    if ptype not in PENALTY_TYPES:
        hint = suggest(ptype, PENALTY_TYPES) if isinstance(ptype, str) else ""
        raise PenaltyError(f"unknown penalty type {ptype!r} ({', '.join(PENALTY_TYPES)}){hint}", "type")
    every = sorted({k for keys in PENALTY_OPTIONS.values() for k in keys})
    bad = unknown_keys(pen, "[penalty]", PENALTY_OPTIONS[ptype], every, f"to penalty type '{ptype}'")
    if bad:
        raise PenaltyError(bad[1], bad[0])
    which = pen.get("params", "weights")
    if which not in ("weights", "all"):
        raise PenaltyError(f"params must be 'weights' or 'all', got {which!r}", "params")
    names = weights + (biases if which == "all" else [])

    def number(key: str, positive: bool = False) -> str:
        problem = number_problem(pen[key], key, "[penalty]", positive=positive, nonnegative=True)
        if problem:
            raise PenaltyError(problem.removeprefix("[penalty] "), key)
        return repr(float(pen[key]))

    if "lam" in pen and "C" in pen:
        raise PenaltyError("give either lam or C, not both", "C")
    if ptype == "l2":
        terms = " + ".join(f"sum({n}**2)" for n in names)
        if "C" in pen:
            if "half" in pen:
                raise PenaltyError("half does not apply with C (the C convention is 1/(2C))", "half")
            return [("R", f"1/(2*{number('C', positive=True)}) * ({terms})")]
        if "lam" not in pen:
            raise PenaltyError("l2 needs lam (λ) or C")
        half = pen.get("half", True)
        if not isinstance(half, bool):
            raise PenaltyError("half must be true or false", "half")
        return [("R", f"{number('lam')}{'/2' if half else ''} * ({terms})")]
    if "lam" not in pen:
        raise PenaltyError(f"{ptype} needs lam")
    if ptype == "l1":
        return [("R", f"{number('lam')} * (" + " + ".join(f"sum(abs({n}))" for n in names) + ")")]
    p = number("p") if "p" in pen else None
    if p is None or float(p) < 1:
        raise PenaltyError("lp needs p >= 1", "p" if "p" in pen else None)
    return [("R", f"{number('lam')}/{p} * (" + " + ".join(f"sum(abs({n})**{p})" for n in names) + ")")]
