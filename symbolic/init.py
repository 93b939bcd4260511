"""Initial values for parameters a spec leaves out (`--init SCHEME`, seeded by `--seed`).

Schemes (fan_in / fan_out of each parameter as below):
  torch       PyTorch's nn.Linear default: weights and biases ~ U(−1/√fan_in, 1/√fan_in).
  xavier      Glorot uniform: weights ~ U(±√(6/(fan_in + fan_out))); biases 0.
  he          Kaiming normal (fan_in mode, ReLU gain): weights ~ N(0, 2/fan_in); biases 0.
  normal:STD  every parameter ~ N(0, STD²).
  zeros       every parameter 0.

fan_in: a layered spec's layer l has W of shape (units, fan_in) and its bias b takes the fan_in
of its W (as nn.Linear); fan_out = units. A conv layer's W (out, in, k, k) has fan_in = in·k·k
and fan_out = out·k·k, and its bias that fan_in (as nn.Conv2d). A layernorm layer's γ starts at
1 and β at 0 under torch, xavier and he (as nn.LayerNorm). An assignment-form spec declares no layers, so fan_in is
read from the parameter's own shape as torch.nn.init does for a weight: a parameter of shape
(a, b, …) has fan_out = a and fan_in = b·…; a vector of n entries (e.g. the w of dot(w, x)) has
fan_in = n, fan_out = 1; a scalar has fan_in = fan_out = 1. No parameter of an assignment spec is
taken to be a bias (xavier and he initialise all of them as weights).

Each parameter draws from its own stream, numpy's SeedSequence(seed) spawned once per declared
parameter: the same seed gives the same values, and giving one parameter by hand does not move
the others.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .graph import Graph

__all__ = ["SCHEMES", "InitError", "InitScheme", "fan_in_out", "init_params", "parse_init"]

SCHEMES = ("torch", "xavier", "he", "normal:STD", "zeros")


class InitError(ValueError):
    """An unknown or malformed --init scheme."""


@dataclass(frozen=True)
class InitScheme:
    kind: str  # torch, xavier, he, normal, zeros
    std: float = 0.0


def parse_init(text: str) -> InitScheme:
    """'torch' | 'xavier' | 'he' | 'normal:STD' (STD ≥ 0, finite) | 'zeros'; InitError otherwise."""
    t = text.strip().lower()
    if t in ("torch", "xavier", "he", "zeros"):
        return InitScheme(t)
    if t.startswith("normal"):
        _, sep, rest = t.partition(":")
        try:
            std = float(rest) if sep else math.nan
        except ValueError:
            std = math.nan
        if not (math.isfinite(std) and std >= 0):
            raise InitError(f"--init normal:STD needs a finite standard deviation ≥ 0, given {text!r}")
        return InitScheme("normal", std)
    raise InitError(f"unknown --init scheme {text!r} (choose from {', '.join(SCHEMES)})")


def fan_in_out(graph: Graph) -> dict[str, tuple[int, int, bool]]:
    """(fan_in, fan_out, is_bias) of every parameter (see the module docstring)."""
    out: dict[str, tuple[int, int, bool]] = {}
    for layer in graph.info.layers:
        shape = graph.params.get(layer.W)
        if shape is None or len(shape) < 2:
            continue
        # dense (out, in): fans in, out; conv (out, in, k, k): in·k·k and out·k·k (PyTorch)
        field = int(np.prod(shape[2:])) if len(shape) > 2 else 1
        fans = (int(shape[1]) * field, int(shape[0]) * field)
        out[layer.W] = (*fans, False)
        if layer.b is not None and layer.b in graph.params:
            out[layer.b] = (*fans, True)
    for p, shape in graph.params.items():
        if p in out:
            continue
        if len(shape) >= 2:
            out[p] = (int(np.prod(shape[1:])), int(shape[0]), False)
        elif len(shape) == 1:
            out[p] = (int(shape[0]), 1, False)
        else:
            out[p] = (1, 1, False)
    return out


def init_params(graph: Graph, names: Iterable[str], scheme: InitScheme, seed: int = 0) -> dict[str, np.ndarray]:
    """Initial values of the parameters `names` (a subset of graph.params) under `scheme`."""
    order = list(graph.params)
    streams = np.random.SeedSequence(seed).spawn(len(order))
    fans = fan_in_out(graph)
    norm = {
        f"{p}{i}": v
        for i, L in enumerate(graph.info.layers, 1)
        if L.kind == "layernorm"
        for p, v in (("gamma", 1.0), ("beta", 0.0))
    }
    out: dict[str, np.ndarray] = {}
    for name in names:
        if name not in graph.params:
            raise InitError(f"'{name}' is not a parameter of {graph.name}")
        shape = tuple(graph.params[name])
        rng = np.random.default_rng(streams[order.index(name)])
        fan_in, fan_out, bias = fans[name]
        if name in norm and scheme.kind in ("torch", "xavier", "he"):
            value = np.full(shape, norm[name])  # layernorm: γ = 1, β = 0 (nn.LayerNorm)
        elif scheme.kind == "zeros" or (bias and scheme.kind in ("xavier", "he")):
            value = np.zeros(shape)
        elif scheme.kind == "torch":
            bound = 1.0 / math.sqrt(max(fan_in, 1))
            value = rng.uniform(-bound, bound, size=shape)
        elif scheme.kind == "xavier":
            bound = math.sqrt(6.0 / (fan_in + fan_out))
            value = rng.uniform(-bound, bound, size=shape)
        elif scheme.kind == "he":
            value = rng.normal(0.0, math.sqrt(2.0 / max(fan_in, 1)), size=shape)
        elif scheme.kind == "normal":
            value = rng.normal(0.0, scheme.std, size=shape)
        else:
            raise InitError(f"unknown --init scheme {scheme.kind!r} (choose from {', '.join(SCHEMES)})")
        out[name] = np.asarray(value, dtype=float)
    return out
