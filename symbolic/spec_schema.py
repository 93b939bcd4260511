"""The keys every table of a spec file may hold, and the checks on their values: an unknown or
misspelled key, a key that does not apply (alpha on an identity layer) or a non-number is an
error naming the key and the closest valid one, never silently ignored."""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable

from .catalogue import (
    CATALOGUE,
    PENALTIES,
    activation_names,
    loss_names,
    option_activations,
)

TABLES = ("model", "forward", "values", "layers", "loss", "penalty", "optimizer")
LAYERED_ONLY_TABLES = ("layers", "loss", "penalty")
ASSIGNMENT_ONLY_TABLES = ("forward",)
MODEL_ASSIGNMENT = ("name", "inputs", "params", "objective", "outputs", "reduction")
MODEL_LAYERED = ("name", "input")
LAYER_KEYS = (
    "dense",
    "conv2d",
    "maxpool",
    "avgpool",
    "flatten",
    "layernorm",
    "attention",
    "batchnorm",
    "eps",
    "kernel",
    "stride",
    "padding",
    "residual",
    "activation",
    "bias",
    "alpha",
)
# activations, losses, penalties and their options: read from the catalogue (declared there once)
ACTIVATIONS = tuple(activation_names())
ALPHA_ACTIVATIONS = tuple(option_activations("alpha"))
LOSS_TYPES = tuple(loss_names())
LOSS_COMMON = ("type", "reduction")
LOSS_OPTIONS = {n: CATALOGUE[n].params for n in LOSS_TYPES if CATALOGUE[n].params}
PENALTY_TYPES = tuple(PENALTIES)
PENALTY_OPTIONS = {n: ("type",) + p.keys for n, p in PENALTIES.items()}
REDUCTIONS = ("mean", "sum")


def suggest(word: str, options: Iterable[str]) -> str:
    """' (did you mean 'half'?)' for the closest option, or ''."""
    close = difflib.get_close_matches(str(word), list(options), n=1)
    return f" (did you mean '{close[0]}'?)" if close else ""


def unknown_key(key: str, table: str, valid: Iterable[str], elsewhere: Iterable[str] = ()) -> str:
    """The message for a key `table` does not have; `elsewhere` are keys of other forms/types."""
    valid = list(valid)
    if key in TABLES:
        return f"[{key}] must be a table of its own, not a key in {table}"
    hint = suggest(key, valid) or suggest(key, elsewhere)
    return f"unknown key '{key}' in {table}{hint}"


def unknown_keys(
    table: dict, name: str, valid: Iterable[str], elsewhere: Iterable[str] = (), why: str = ""
) -> tuple[str, str] | None:
    """(key, message) for the first key of `table` outside `valid`, or None. A key that is valid
    only elsewhere (another loss type, another model form) says so, with `why`."""
    valid = tuple(valid)
    elsewhere = tuple(elsewhere)
    for key in table:  # a whole table nested in another first: [model.loss]
        if key in TABLES and key not in valid:
            return key, unknown_key(key, name, valid)
    for key in table:
        if key in valid:
            continue
        if key in elsewhere and why:
            return key, f"key '{key}' in {name} does not apply {why}"
        return key, unknown_key(key, name, valid, elsewhere)
    return None


def number_problem(v, key: str, table: str, positive: bool = False, nonnegative: bool = False) -> str | None:
    """Why `v` is not an acceptable number for `key` (a finite int or float, not bool or a
    string), or None."""
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return f"{table} {key} must be a number, got {_show(v)}"
    try:
        f = float(v)
    except OverflowError:
        return f"{table} {key} is too large"
    if not math.isfinite(f):
        return f"{table} {key} must be finite, got {v}"
    if positive and not f > 0:
        return f"{table} {key} must be positive, got {v}"
    if nonnegative and f < 0:
        return f"{table} {key} must be non-negative, got {v}"
    return None


def _show(v) -> str:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        return f"the string {v[:40]!r}"
    return type(v).__name__
