"""One optimizer step from a fresh state, in the conventions the seeds use (the `update:` numbers).

[optimizer] type = "sgd" | "momentum" | "heavy_ball" | "adam" | "adamw", lr, and per type:
beta (momentum), beta1, beta2, eps, eps_inside_sqrt (seed 001 writes √(v̂+ε); seeds 000/002
write √v̂ + ε), weight_decay (AdamW, decoupled: θ ← θ − η(… + λθ)).
"""

from __future__ import annotations

import numpy as np

from .spec_schema import number_problem, unknown_keys

TYPES = ("sgd", "momentum", "heavy_ball", "adam", "adamw")
_ADAM = ("beta1", "beta2", "eps", "eps_inside_sqrt")
OPTIONS = {"sgd": (), "momentum": ("beta",), "heavy_ball": ("beta",), "adam": _ADAM, "adamw": _ADAM + ("weight_decay",)}
KEYS = {"type", "lr", "beta", "beta1", "beta2", "eps", "eps_inside_sqrt", "weight_decay"}


def optimizer_problem(cfg: dict) -> tuple[str, str] | None:
    """(key at fault, message) for the first problem with an [optimizer] table, or None."""
    kind = cfg.get("type")
    if kind not in TYPES:
        from .spec_schema import suggest

        hint = suggest(kind, TYPES) if isinstance(kind, str) else ""
        return "type", f"[optimizer] type must be one of {', '.join(TYPES)}, got {kind!r}{hint}"
    bad = unknown_keys(cfg, "[optimizer]", ("type", "lr") + OPTIONS[kind], KEYS, f"to optimizer type '{kind}'")
    if bad:
        return bad
    if "lr" not in cfg:
        return "type", "[optimizer] needs lr"
    for k, v in cfg.items():
        if k == "type":
            continue
        if k == "eps_inside_sqrt":
            if not isinstance(v, bool):
                return k, "[optimizer] eps_inside_sqrt must be true or false"
            continue
        problem = number_problem(v, k, "[optimizer]", positive=k in ("lr", "eps"), nonnegative=True)
        if problem:
            return k, problem
    return None


def check_optimizer(cfg: dict) -> str | None:
    """The first problem with an [optimizer] table, or None."""
    found = optimizer_problem(cfg)
    return found[1] if found else None


def step(cfg: dict, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Parameters after one step from zero optimizer state (t = 1)."""
    lr = float(cfg["lr"])
    kind = cfg["type"]
    out = {}
    for p, theta in params.items():
        g = np.asarray(grads[p], dtype=float)
        theta = np.asarray(theta, dtype=float)
        if kind in ("sgd", "heavy_ball"):  # heavy ball: v = −ηg from v₀ = 0
            out[p] = theta - lr * g
        elif kind == "momentum":  # EMA form: v = βv + (1−β)g, θ ← θ − ηv
            out[p] = theta - lr * (1 - float(cfg.get("beta", 0.9))) * g
        else:
            b1, b2 = float(cfg.get("beta1", 0.9)), float(cfg.get("beta2", 0.999))
            eps = float(cfg.get("eps", 1e-8))
            m_hat = (1 - b1) * g / (1 - b1)
            v_hat = (1 - b2) * g * g / (1 - b2)
            denom = np.sqrt(v_hat + eps) if cfg.get("eps_inside_sqrt", False) else np.sqrt(v_hat) + eps
            upd = m_hat / denom
            if kind == "adamw":
                upd = upd + float(cfg.get("weight_decay", 0.0)) * theta
            out[p] = theta - lr * upd
    return out
