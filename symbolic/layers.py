"""Layered-spec lines: dense layers and the [penalty] term as assignment lines (text), the
form spec.py lowers a [[layers]] model through, plus the typed LayerInfo of each layer.

Names follow the seeds: W1 (units × previous width), b1, z1 = W1 h0 + b1, h1 = φ(z1), …, yhat.
No parsing and no Graph here: spec.py turns these lines into a graph, builders.py writes specs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .objective import LayerInfo
from .spec_schema import (
    ALPHA_ACTIVATIONS,
    PENALTY_OPTIONS,
    PENALTY_TYPES,
    number_problem,
    suggest,
    unknown_keys,
)


@dataclass(frozen=True)
class LayerSpec:
    """One [[layers]] table: dense units, activation (with its alpha), bias or not."""

    units: int
    activation: str = "identity"
    bias: bool = True
    alpha: float | None = None


def activation_line(act: str, z: str, alpha: float | None) -> str:
    """The right-hand side h = φ(z) as spec text (identity is z itself)."""
    if act == "identity":
        return z
    if alpha is not None and act in ALPHA_ACTIVATIONS:
        return f"{act}({z}, {alpha!r})"
    return f"{act}({z})"


def mlp_lines(
    width: int, layers: list[LayerSpec], x: str = "x"
) -> tuple[list[tuple[str, str]], str, tuple[LayerInfo, ...]]:
    """Matrix-form lines z_l = W_l h_{l-1} + b_l, h_l = φ_l(z_l); the last h is 'yhat'.
    Returns (lines, output name, one LayerInfo per layer)."""
    lines: list[tuple[str, str]] = []
    info: list[LayerInfo] = []
    prev = x
    for i, L in enumerate(layers, 1):
        z = f"z{i}"
        lines.append((z, f"W{i} @ {prev}" + (f" + b{i}" if L.bias else "")))
        h = "yhat" if i == len(layers) else f"h{i}"
        lines.append((h, activation_line(L.activation, z, L.alpha)))
        info.append(LayerInfo(L.units, L.activation, L.bias, z, h, f"W{i}", f"b{i}" if L.bias else None, prev, L.alpha))
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
