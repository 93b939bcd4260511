"""Learning-rate schedules η_k, k = 0, 1, … the number of steps already taken (step t = k + 1
uses η_k), computed from the base rate lr and the schedule's options."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

Options = Mapping[str, float]


def _cosine(lr: float, k: int, o: Options) -> float:
    lo, n = float(o["eta_min"]), float(o["t_max"])
    return lo + (lr - lo) * (1 + math.cos(math.pi * min(k, n) / n)) / 2


# name → (η_k from lr, k and the options; option keys with defaults (None: set by the run); doc)
SCHEDULES: dict[str, tuple[Callable[[float, int, Options], float], dict[str, float | None], str]] = {
    "constant": (lambda lr, k, o: lr, {}, "η_k = η"),
    "inverse": (lambda lr, k, o: lr / (k + 1), {}, "η_k = η/(k + 1), k from 0 (seed 003's γ_k = 1/(k+1))"),
    "inverse_sqrt": (
        lambda lr, k, o: lr / math.sqrt(k + 1),
        {},
        "η_k = η/√(k + 1), k from 0 (seed 002 Lemma 2.3.1's α_t = 1/√(t+1), t from 0)",
    ),
    "step": (
        lambda lr, k, o: lr * float(o["gamma"]) ** (k // int(o["step_size"])),
        {"step_size": 10.0, "gamma": 0.1},
        "η_k = η·γ^⌊k/step_size⌋ (PyTorch StepLR; absent from the seeds)",
    ),
    "cosine": (
        _cosine,
        {"t_max": None, "eta_min": 0.0},
        "η_k = η_min + (η − η_min)(1 + cos(π·min(k, T_max)/T_max))/2 (PyTorch CosineAnnealingLR's closed "
        "form; t_max defaults to the number of steps; absent from the seeds)",
    ),
}
SCHEDULE_KEYS = ("schedule", "step_size", "gamma", "t_max", "eta_min")


def lr_at(lr: float, schedule: str, options: Options, k: int) -> float:
    """The learning rate of step k + 1 (k steps already taken)."""
    return SCHEDULES[schedule][0](lr, k, options)
