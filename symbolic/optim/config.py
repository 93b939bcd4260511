"""Reading an optimizer's settings (a spec [optimizer] table or `symgrad step --set` pairs) into a
checked `Settings`: every key known for the chosen optimizer, every value in range, every
convention explicit. An unknown key or option is a one-line error naming the valid ones."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ..spec_schema import number_problem, suggest
from .rules import ALIASES, NAMES, RULES, Conventions, Rule, lam, theta
from .schedules import SCHEDULE_KEYS, SCHEDULES

# weight-decay forms: how λ (weight_decay, or 1/C) enters the step
DECAYS = {
    "l2": "L2 in the gradient: g ← g + λθ (PyTorch's weight_decay for every optimizer but AdamW)",
    "decoupled": "decoupled, lr-scaled: θ ← θ − ηλθ besides the step (AdamW; seeds 000/001/002)",
    "decoupled_unscaled": "decoupled, not lr-scaled: θ ← θ − λθ besides the step (seed 002 l.931 SGD)",
}
STEP_INDEX = ("t", "k")
BOOL_SWITCHES = ("eps_inside_sqrt", "bias_correction")
COMMON = ("type", "lr", "weight_decay", "C", "decay", *SCHEDULE_KEYS)
ALL_KEYS = tuple(
    dict.fromkeys(COMMON + tuple(h.key for r in RULES.values() for h in r.hypers) + BOOL_SWITCHES + ("step_index",))
)


class OptimizerError(ValueError):
    """A bad optimizer name, key or value; `key` is the key at fault (for spec line numbers)."""

    def __init__(self, message: str, key: str = "type") -> None:
        super().__init__(message)
        self.key = key


@dataclass(frozen=True)
class Settings:
    """A checked optimizer configuration: the rule, every hyperparameter value (defaults filled
    in), the conventions, the decay form and λ, and the schedule with its options."""

    rule: Rule
    values: dict[str, float]
    conventions: Conventions
    decay: str
    weight_decay: float
    schedule: str = "constant"
    schedule_options: dict[str, float | None] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.rule.name

    def as_dict(self) -> dict[str, object]:
        """Every setting as a flat JSON-able table (what the run used)."""
        c = self.conventions
        out: dict[str, object] = {
            "type": self.name,
            **self.values,
            "weight_decay": self.weight_decay,
            "decay": self.decay,
        }
        for sw in self.rule.switches:
            out[sw] = getattr(c, sw)
        out["schedule"] = self.schedule
        out.update(self.schedule_options)
        return out


def keys_for(rule: Rule) -> tuple[str, ...]:
    """The keys an optimizer accepts."""
    return tuple(dict.fromkeys(("type",) + tuple(h.key for h in rule.hypers) + rule.switches + COMMON[1:]))


def resolve_name(name: object) -> Rule:
    """The rule for an optimizer name (or alias); OptimizerError naming the valid ones."""
    if isinstance(name, str) and name in RULES:
        return RULES[name]
    if isinstance(name, str) and name in ALIASES:
        return RULES[ALIASES[name]]
    if name == "newton-cg":
        raise OptimizerError(
            "optimizer 'newton-cg' has no [optimizer] table or fused step; "
            "run it with symgrad step --optimizer newton-cg"
        )
    hint = suggest(name, NAMES + tuple(ALIASES)) if isinstance(name, str) else ""
    raise OptimizerError(f"optimizer must be one of {', '.join(NAMES)}, got {name!r}{hint}")


def settings(cfg: Mapping[str, object], table: str = "[optimizer]") -> Settings:
    """Check an optimizer table ({"type": name, key: value, …}) and fill in the defaults."""
    rule = resolve_name(cfg.get("type"))
    valid = keys_for(rule)
    for key in cfg:
        if key not in valid:
            where = "does not apply to" if key in ALL_KEYS else "is not a key of"
            hint = suggest(key, valid) if key not in ALL_KEYS else ""
            raise OptimizerError(
                f"{table} key '{key}' {where} optimizer '{rule.name}'{hint}; valid keys: {', '.join(valid[1:])}", key
            )
    values = {
        h.key: _number(cfg.get(h.key, h.default), h.key, h.check, table) for h in rule.hypers if h.key != "weight_decay"
    }
    decay = cfg.get("decay", rule.decay)
    if decay not in DECAYS:
        raise OptimizerError(
            f"{table} decay must be one of {', '.join(DECAYS)}, got {decay!r}{suggest(str(decay), DECAYS)}", "decay"
        )
    if "C" in cfg and "weight_decay" in cfg:
        raise OptimizerError(f"{table} give weight_decay or C (= 1/weight_decay, seed 002's θ/C), not both", "C")
    wd_default = next((h.default for h in rule.hypers if h.key == "weight_decay"), 0.0)
    if "C" in cfg:
        wd = 1.0 / _number(cfg["C"], "C", "positive", table)
    else:
        wd = _number(cfg.get("weight_decay", wd_default), "weight_decay", "nonnegative", table)
    conv: dict[str, object] = {}
    for sw in BOOL_SWITCHES:
        if sw in cfg:
            if not isinstance(cfg[sw], bool):
                raise OptimizerError(f"{table} {sw} must be true or false, got {cfg[sw]!r}", sw)
            conv[sw] = cfg[sw]
    if "step_index" in cfg:
        if cfg["step_index"] not in STEP_INDEX:
            raise OptimizerError(
                f"{table} step_index must be 't' (from 1) or 'k' (from 0), got {cfg['step_index']!r}", "step_index"
            )
        conv["step_index"] = cfg["step_index"]
    if decay == "decoupled" and rule.decay_in_direction:
        conv["decoupled_direction"] = lam * theta
    schedule = cfg.get("schedule", "constant")
    if schedule not in SCHEDULES:
        raise OptimizerError(
            f"{table} schedule must be one of {', '.join(SCHEDULES)}, got {schedule!r}"
            + suggest(str(schedule), SCHEDULES),
            "schedule",
        )
    sched_keys = SCHEDULES[str(schedule)][1]
    opts: dict[str, float | None] = dict(sched_keys)
    for key in SCHEDULE_KEYS[1:]:
        if key in cfg:
            if key not in sched_keys:
                raise OptimizerError(f"{table} {key} does not apply to schedule '{schedule}'", key)
            check = "nonnegative" if key == "eta_min" else "positive"
            opts[key] = _number(cfg[key], key, check, table)
            if key in ("step_size", "t_max") and opts[key] != int(opts[key] or 0):
                raise OptimizerError(f"{table} {key} must be a whole number, got {cfg[key]}", key)
    return Settings(rule, values, Conventions(**conv), str(decay), wd, str(schedule), opts)  # type: ignore[arg-type]


def _number(v: object, key: str, check: str, table: str) -> float:
    problem = number_problem(v, key, table, positive=check == "positive", nonnegative=check != "positive")
    if problem:
        raise OptimizerError(problem, key)
    f = float(v)  # type: ignore[arg-type]
    if check == "unit" and not f < 1:
        raise OptimizerError(f"{table} {key} must be in [0, 1), got {v}", key)
    return f
