"""Optimizers: the update rules as data (symbolic.optim.rules), checked settings (config), the
numpy step derived from the rules (numeric), schedules, and printed formulas (formula).

A spec's [optimizer] table: type = sgd | momentum | heavy-ball | nesterov | adagrad | rmsprop |
adam | adamw | lamb (aliases gd, heavy_ball), lr and the rule's keys (momentum, beta, beta1,
beta2, eps), weight_decay or C with decay = l2 | decoupled | decoupled_unscaled, the switches
eps_inside_sqrt, bias_correction, step_index, and schedule (constant, inverse, inverse_sqrt,
step, cosine) with step_size, gamma, t_max, eta_min. Defaults follow PyTorch.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np

from .config import DECAYS, OptimizerError, Settings, keys_for, resolve_name, settings
from .numeric import Stepper, full_program
from .rules import NAMES, RULES

__all__ = [
    "DECAYS",
    "NAMES",
    "RULES",
    "OptimizerError",
    "Settings",
    "Stepper",
    "check_optimizer",
    "full_program",
    "keys_for",
    "optimizer_problem",
    "resolve_name",
    "settings",
    "step",
]


def optimizer_problem(cfg: Mapping[str, object]) -> tuple[str, str] | None:
    """(key at fault, message) for the first problem with an [optimizer] table, or None."""
    try:
        settings(cfg)
    except OptimizerError as e:
        return e.key, str(e)
    return None


def check_optimizer(cfg: Mapping[str, object]) -> str | None:
    """The first problem with an [optimizer] table, or None."""
    found = optimizer_problem(cfg)
    return found[1] if found else None


def step(
    cfg: Mapping[str, object], params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]
) -> dict[str, np.ndarray]:
    """Parameters after one step from the initial optimizer state (t = 1, k = 0)."""
    return Stepper(settings(cfg)).step(params, grads)
