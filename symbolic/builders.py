"""Builders: dense layers and MLPs as assignment lines, in matrix form or scalar per-weight form.

Names follow the seeds: W1 (units × previous width), b1, z1 = W1 h0 + b1, h1 = φ(z1), …, yhat.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LayerSpec:
    units: int
    activation: str = "identity"
    bias: bool = True
    alpha: float | None = None


def _act(act: str, z: str, alpha: float | None) -> str:
    if act == "identity":
        return z
    if alpha is not None and act in ("leaky_relu", "elu"):
        return f"{act}({z}, {alpha!r})"
    return f"{act}({z})"


def mlp_lines(width: int, layers: list[LayerSpec], x: str = "x") -> tuple[list[tuple[str, str]], str, dict]:
    """Matrix-form lines z_l = W_l h_{l-1} + b_l, h_l = φ_l(z_l); the last h is 'yhat'."""
    lines, prev, info = [], x, []
    for i, L in enumerate(layers, 1):
        z = f"z{i}"
        lines.append((z, f"W{i} @ {prev}" + (f" + b{i}" if L.bias else "")))
        h = "yhat" if i == len(layers) else f"h{i}"
        lines.append((h, _act(L.activation, z, L.alpha)))
        info.append({"units": L.units, "activation": L.activation, "bias": L.bias, "z": z, "h": h,
                     "W": f"W{i}", "b": f"b{i}" if L.bias else None, "input": prev})
        prev = h
    return lines, prev, {"layers": info}


class PenaltyError(ValueError):
    """A bad [penalty] table; `key` is the key at fault (for the line number), if any."""

    def __init__(self, message: str, key: str | None = None):
        super().__init__(message)
        self.key = key


def penalty_lines(pen: dict, weights: list[str], biases: list[str]) -> list[tuple[str, str]]:
    """R = penalty(θ) in the λ or C convention of the seeds; raises PenaltyError on bad keys."""
    from .spec_schema import (
        PENALTY_OPTIONS,
        PENALTY_TYPES,
        number_problem,
        suggest,
        unknown_keys,
    )
    ptype = pen.get("type", "l2")
    if ptype not in PENALTY_TYPES:
        hint = suggest(ptype, PENALTY_TYPES) if isinstance(ptype, str) else ""
        raise PenaltyError(f"unknown penalty type {ptype!r} (l2, l1, lp){hint}", "type")
    every = sorted({k for keys in PENALTY_OPTIONS.values() for k in keys})
    bad = unknown_keys(pen, "[penalty]", PENALTY_OPTIONS[ptype], every, f"to penalty type '{ptype}'")
    if bad:
        raise PenaltyError(bad[1], bad[0])
    which = pen.get("params", "weights")
    if which not in ("weights", "all"):
        raise PenaltyError(f"params must be 'weights' or 'all', got {which!r}", "params")
    names = weights + (biases if which == "all" else [])

    def number(key, positive=False):
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


def scalar_mlp_toml(widths: list[int], activations: list[str], half: bool = True,
                    name: str = "scalar_mlp") -> str:
    """The same MLP written weight by weight in the assignment form (scalar parameters)."""
    n_in = widths[0]
    inputs = [f"x{j}" for j in range(n_in)] + [f"y{k}" for k in range(widths[-1])]
    params, lines = [], []
    prev = [f"x{j}" for j in range(n_in)]
    for l, (units, act) in enumerate(zip(widths[1:], activations), 1):
        cur = []
        for i in range(units):
            terms = []
            for j, p in enumerate(prev):
                w = f"w{l}_{i}_{j}"
                params.append(w)
                terms.append(f"{w}*{p}")
            b = f"b{l}_{i}"
            params.append(b)
            z = f"z{l}_{i}"
            lines.append((z, " + ".join(terms) + f" + {b}"))
            h = f"h{l}_{i}"
            lines.append((h, _act(act, z, None)))
            cur.append(h)
        prev = cur
    sq = " + ".join(f"({h} - y{k})**2" for k, h in enumerate(prev))
    lines.append(("L", f"{'0.5*' if half else ''}({sq})"))
    out = ["[model]", f'name = "{name}"', f"inputs = {inputs!r}".replace("'", '"'),
           f"params = {params!r}".replace("'", '"'), 'objective = "L"', "", "[forward]"]
    out += [f'{n} = "{e}"' for n, e in lines]
    return "\n".join(out) + "\n"


def build_mlp(widths: list[int], activations: list[str] | str = "tanh", loss: str = "mse",
              half: bool = True, bias: bool = True, form: str = "matrix", name: str = "mlp"):
    """An MLP graph from widths (input first): form='matrix' (W1 @ x + b1 …) or 'scalar'
    (one parameter per weight, as users write small nets by hand). Returns a Graph."""
    from .spec import parse_spec
    n = len(widths) - 1
    acts = [activations] * (n - 1) + ["identity"] if isinstance(activations, str) else list(activations)
    if len(acts) != n:
        raise ValueError(f"need {n} activations (one per layer), got {len(acts)}")
    if form == "scalar":
        if loss != "mse" or not bias:
            raise ValueError("the scalar form builder supports mse loss with biases")
        return parse_spec(scalar_mlp_toml(widths, acts, half=half, name=name))
    if form != "matrix":
        raise ValueError(f"form must be 'matrix' or 'scalar', got {form!r}")
    text = f'[model]\nname = "{name}"\ninput = {widths[0]}\n'
    for w, a in zip(widths[1:], acts):
        text += f'[[layers]]\ndense = {w}\nactivation = "{a}"\nbias = {"true" if bias else "false"}\n'
    text += f'[loss]\ntype = "{loss}"\n' + (f"half = {'true' if half else 'false'}\n" if loss == "mse" else "")
    return parse_spec(text)
