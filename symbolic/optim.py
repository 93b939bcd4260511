"""One optimizer step from a fresh state, in the conventions the seeds use (the `update:` numbers).

[optimizer] type = "sgd" | "momentum" | "heavy_ball" | "adam" | "adamw", lr, and per type:
beta (momentum), beta1, beta2, eps, eps_inside_sqrt (seed 001 writes √(v̂+ε); seeds 000/002
write √v̂ + ε), weight_decay (AdamW, decoupled: θ ← θ − η(… + λθ)).
"""
from __future__ import annotations

import numpy as np

TYPES = ("sgd", "momentum", "heavy_ball", "adam", "adamw")
KEYS = {"type", "lr", "beta", "beta1", "beta2", "eps", "eps_inside_sqrt", "weight_decay"}


def check_optimizer(cfg: dict) -> str | None:
    """The first problem with an [optimizer] table, or None."""
    if cfg.get("type") not in TYPES:
        return f"[optimizer] type must be one of {', '.join(TYPES)}, got {cfg.get('type')!r}"
    for k, v in cfg.items():
        if k not in KEYS:
            return f"[optimizer] unknown key {k!r}"
        if k not in ("type", "eps_inside_sqrt") and (isinstance(v, bool) or not isinstance(v, (int, float))):
            return f"[optimizer] {k} must be a number"
    if "lr" not in cfg:
        return "[optimizer] needs lr"
    return None


def step(cfg: dict, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """Parameters after one step from zero optimizer state (t = 1)."""
    lr = float(cfg["lr"])
    kind = cfg["type"]
    out = {}
    for p, theta in params.items():
        g = np.asarray(grads[p], dtype=float)
        theta = np.asarray(theta, dtype=float)
        if kind in ("sgd", "heavy_ball"):          # heavy ball: v = −ηg from v₀ = 0
            out[p] = theta - lr * g
        elif kind == "momentum":                   # EMA form: v = βv + (1−β)g, θ ← θ − ηv
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
