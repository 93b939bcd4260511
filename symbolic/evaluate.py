"""Run an assignment program on numbers (numpy float64) or on SymPy objects (closed forms).

Each assignment is evaluated by its op's registry entry (`symbolic.ops`): elementwise templates are
compiled once into closures over numpy functions from the catalogue (no generated source is ever
exec'd); the symbolic backend substitutes element expressions.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from .graph import Assignment
from .ops import EvaluationError, compile_template, rule


def run_numeric(program: list[Assignment], env: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Evaluate every assignment in order; returns env extended with every name's value."""
    env = dict(env)
    for a in program:
        step = rule(a.op).numeric
        try:
            env[a.name] = step(a, env)
        except KeyError as e:  # a leaf value was not supplied
            raise EvaluationError(f"no value for '{e.args[0]}' (needed by '{a.name}')") from None
    return env


def run_symbolic(program: list[Assignment], env: dict[str, Any]) -> dict[str, Any]:
    """Evaluate with SymPy scalars / object arrays: every name becomes its closed form."""
    env = dict(env)
    for a in program:
        env[a.name] = rule(a.op).symbolic(a, env)
    return env


__all__ = ["EvaluationError", "compile_template", "run_numeric", "run_symbolic"]
