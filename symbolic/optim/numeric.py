"""The numpy step derived from a rule's SymPy program: each assignment lambdified once per run,
evaluated per parameter tensor in order. Weight decay is composed here, the same for every rule:
L2 puts g ← g + λθ first; decoupled forms subtract ηλθ (or λθ) from the new θ."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from .config import Settings
from .rules import Program, eta, g, k, lam, t, theta
from .schedules import lr_at


def _trust_ratio(a: np.ndarray, c: np.ndarray) -> float:
    na, nc = float(np.linalg.norm(a)), float(np.linalg.norm(c))
    return na / nc if na > 0 and nc > 0 else 1.0


# the numpy meaning of rules.TrustRatio and rules.Norm (lambdify looks functions up by name)
NUMPY_FUNCTIONS = {"TrustRatio": _trust_ratio, "Norm": np.linalg.norm}


def full_program(st: Settings) -> Program:
    """The rule's program with the weight-decay form composed in (what is printed and run)."""
    body = st.rule.program(st.conventions)
    if st.weight_decay == 0:
        return body
    if st.decay == "l2":
        return ((g, g + lam * theta),) + body
    if st.rule.decay_in_direction and st.decay == "decoupled":
        return body
    *head, (target, last) = body
    extra = eta * lam * theta if st.decay == "decoupled" else lam * theta
    return (*head, (target, last - extra))


@dataclass
class Stepper:
    """Runs steps of one optimizer over named parameter tensors, holding the state and the step
    count: `state[var][param]`, `t` = steps taken."""

    settings: Settings
    steps_planned: int = 1
    t: int = 0
    state: dict[str, dict[str, np.ndarray]] = field(default_factory=dict)
    _compiled: list[tuple[str, tuple[str, ...], Callable[..., object]]] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        for lhs, rhs in full_program(self.settings):
            args = tuple(sorted((str(x) for x in rhs.free_symbols), key=str))
            fn = sp.lambdify(
                [sp.Symbol(a) for a in args],
                rhs.xreplace({x: sp.Symbol(str(x)) for x in rhs.free_symbols}),
                modules=[NUMPY_FUNCTIONS, "numpy"],
            )
            self._compiled.append((str(lhs), args, fn))
        self.state = {s.name: {} for s in self.settings.rule.state}

    def lr(self, k_taken: int | None = None) -> float:
        """η for the next step (or after `k_taken` steps)."""
        st = self.settings
        opts = dict(st.schedule_options)
        if opts.get("t_max") is None and "t_max" in opts:
            opts["t_max"] = float(max(self.steps_planned, 1))
        return lr_at(st.values["lr"], st.schedule, opts, self.t if k_taken is None else k_taken)  # type: ignore[arg-type]

    def step(self, params: Mapping[str, np.ndarray], grads: Mapping[str, np.ndarray]) -> dict[str, np.ndarray]:
        """One step: the new parameters (the inputs are not changed); the state advances."""
        base = {
            str(h.symbol): v for h in self.settings.rule.hypers if (v := self.settings.values.get(h.key)) is not None
        }
        base.update(
            {
                str(eta): self.lr(),
                str(t): float(self.t + 1),
                str(k): float(self.t),
                str(lam): self.settings.weight_decay,
            }
        )
        out = {}
        for p, value in params.items():
            env: dict[str, object] = dict(base)
            env[str(theta)] = np.asarray(value, dtype=float)
            env[str(g)] = np.asarray(grads[p], dtype=float)
            for s in self.settings.rule.state:
                env[str(s.symbol)] = self.state[s.name].get(p, np.full(np.shape(value), s.init, dtype=float))
            theta0 = env[str(theta)]
            for name, args, fn in self._compiled:
                val = np.asarray(fn(*[theta0 if a == str(theta) else env[a] for a in args]), dtype=float)
                env[name] = np.broadcast_to(val, np.shape(value)).copy() if val.shape != np.shape(value) else val
            for s in self.settings.rule.state:
                self.state[s.name][p] = np.asarray(env[str(s.symbol)])
            out[p] = np.asarray(env[str(theta)])
        self.t += 1
        return out
