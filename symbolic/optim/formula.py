"""An optimizer's update printed from its program: text and LaTeX lines ("m ← β₁m + (1 − β₁)g"),
and the step-table rows of one update (seed 001 Table 3.9: θ⁺ = θ − η·g with its value)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import sympy as sp

from .config import DECAYS, Settings
from .numeric import full_program
from .schedules import SCHEDULES

_TEXT_NAMES = {
    "theta": "θ",
    "eta": "η",
    "lambda": "λ",
    "beta": "β",
    "beta1": "β₁",
    "beta2": "β₂",
    "mu": "μ",
    "alpha": "α",
    "epsilon": "ε",
    "mhat": "m̂",
    "vhat": "v̂",
}


def _text(e: sp.Expr) -> str:
    names = {x: sp.Symbol(_TEXT_NAMES.get(str(x), str(x))) for x in e.free_symbols}
    return sp.sstr(e.xreplace(names), order="none").replace("**", "^")


def formula_lines(st: Settings) -> list[tuple[str, str]]:
    """(text, LaTeX) for each assignment of one step, in order."""
    out = []
    for lhs, rhs in full_program(st):
        out.append((f"{_text(lhs)} ← {_text(rhs)}", rf"{sp.latex(lhs)} \leftarrow {sp.latex(rhs, order='none')}"))
    return out


def describe(st: Settings) -> str:
    """The rule, its update lines, and every setting with the convention it encodes (text)."""
    lines = [f"{st.name}: {st.rule.summary}"]
    lines += [f"  {text}" for text, _ in formula_lines(st)]
    settings = ", ".join(f"{k} = {v:g}" for k, v in st.values.items())
    lines.append(f"  settings: {settings}, weight_decay = {st.weight_decay:g} ({DECAYS[st.decay]})")
    if st.rule.switches:
        lines.append("  conventions: " + ", ".join(f"{sw} = {getattr(st.conventions, sw)}" for sw in st.rule.switches))
    lines.append(f"  schedule: {st.schedule}: {SCHEDULES[st.schedule][2]}")
    return "\n".join(lines)


def latex(st: Settings) -> str:
    """The update as a LaTeX align* block (body of an amsmath document)."""
    body = " \\\\\n".join(tex.replace(r"\leftarrow", r"&\leftarrow") for _, tex in formula_lines(st))
    return "\\begin{align*}\n" + body + "\n\\end{align*}\n"


@dataclass(frozen=True)
class UpdateRow:
    """One step-table row of an update: the quantity (w1⁺), its formula with numbers, its value."""

    quantity: str
    formula: str
    value: object


def update_rows(
    st: Settings,
    eta: float,
    before: Mapping[str, np.ndarray],
    grads: Mapping[str, np.ndarray],
    after: Mapping[str, np.ndarray],
) -> list[UpdateRow]:
    """The rows "θ⁺ = θ − η(g)" of seed 001 Table 3.9, one per parameter (plain GD spells out the
    numbers; other rules name their formula)."""
    from ..tables import fmt_value

    rows = []
    plain = st.name == "sgd" and st.values.get("momentum", 0) == 0 and st.weight_decay == 0
    for p, new in after.items():
        if plain:
            formula = f"{fmt_value(before[p])} − η({fmt_value(grads[p])})  (η = {eta:g})"
        else:
            formula = f"{st.name} update of {p}  (η = {eta:g})"
        rows.append(UpdateRow(f"{p}⁺", formula, new))
    return rows
