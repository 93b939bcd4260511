"""N optimizer steps on a spec's objective from a point (gradient by symbolic.point on numpy),
recording the objective before each update; and the run's JSON object and text table."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from ..graph import Graph
from ..point import evaluate_point
from .config import Settings
from .formula import UpdateRow, describe, update_rows
from .numeric import Stepper

MAX_TABLE_ROWS = 20  # longer runs show the first and last ten steps


@dataclass
class StepRecord:
    """One row of the run: step number t (from 1), η used, objective and ‖g‖ before the update."""

    t: int
    lr: float
    objective: float
    grad_norm: float


@dataclass
class RunResult:
    settings: Settings
    params: dict[str, np.ndarray]
    state: dict[str, dict[str, np.ndarray]]
    records: list[StepRecord] = field(default_factory=list)
    first_rows: list[UpdateRow] = field(default_factory=list)
    final_objective: float = math.nan


def run(
    graph: Graph,
    values: Mapping[str, np.ndarray],
    st: Settings,
    steps: int,
    evaluate: Callable[[dict[str, np.ndarray]], Any] | None = None,
) -> RunResult:
    """`steps` updates of the spec's parameters from `values` (inputs held fixed). `evaluate`
    (point → object with .objective and .grad) replaces the one-sample evaluate_point, e.g. by
    symbolic.dataset.dataset_point over a whole dataset."""
    ev = evaluate if evaluate is not None else (lambda p: evaluate_point(graph, p))
    point = {k: np.asarray(v, dtype=float) for k, v in values.items()}
    if "t_max" in st.schedule_options and st.schedule_options["t_max"] is None:  # cosine over this run
        st = replace(st, schedule_options={**st.schedule_options, "t_max": float(steps)})
    stepper = Stepper(st, steps_planned=steps)
    records: list[StepRecord] = []
    first: list[UpdateRow] = []
    for _ in range(steps):
        res = ev(point)
        params = {p: point[p] for p in graph.params}
        lr = stepper.lr()
        norm = math.sqrt(sum(float(np.sum(np.square(res.grad[p]))) for p in graph.params))
        records.append(StepRecord(stepper.t + 1, lr, res.objective, norm))
        new = stepper.step(params, res.grad)
        if not first:
            first = update_rows(st, lr, params, res.grad, new)
        point.update(new)
    final = ev(point).objective
    return RunResult(st, {p: point[p] for p in graph.params}, stepper.state, records, first, final)


def _tolist(a: np.ndarray) -> object:
    a = np.asarray(a, dtype=float)
    return float(a) if a.shape == () else a.tolist()


def run_json(r: RunResult) -> dict[str, object]:
    """The `symgrad step --json` object: "params" (shapes as the parameters), "state" (per state
    variable, per parameter), "objective" (one value per step, before each update), and "lr",
    "steps", "final_objective", "optimizer", "settings"."""
    return {
        "optimizer": r.settings.name,
        "settings": r.settings.as_dict(),
        "steps": len(r.records),
        "params": {p: _tolist(v) for p, v in r.params.items()},
        "state": {s: {p: _tolist(v) for p, v in per.items()} for s, per in r.state.items()},
        "objective": [rec.objective for rec in r.records],
        "lr": [rec.lr for rec in r.records],
        "final_objective": r.final_objective,
    }


def run_text(r: RunResult, objective_name: str) -> str:
    """The rule and its settings, a table of the steps, the Table-3.9 rows of the first update,
    and the end point."""
    from ..tables import fmt_value

    lines = [describe(r.settings), ""]
    head = ("t", "η", f"{objective_name} (before)", "‖∇‖")
    body = [(str(x.t), f"{x.lr:.6g}", fmt_value(x.objective), fmt_value(x.grad_norm)) for x in r.records]
    if len(body) > MAX_TABLE_ROWS:
        half = MAX_TABLE_ROWS // 2
        body = body[:half] + [("…", "", "", "")] + body[-half:]
    widths = [max(len(c[i]) for c in [head, *body]) for i in range(4)]
    for c in [head, *body]:
        lines.append("  ".join(s.rjust(w) for s, w in zip(c, widths, strict=True)).rstrip())
    if r.first_rows:
        lines += ["", "first update"]
        w = max(len(u.quantity) for u in r.first_rows)
        lines += [f"  {u.quantity.ljust(w)}  {u.formula}  = {fmt_value(u.value)}" for u in r.first_rows]
    lines += [
        "",
        f"after {len(r.records)} step{'s' if len(r.records) != 1 else ''}: "
        f"{objective_name} = {fmt_value(r.final_objective)}",
    ]
    lines += [f"  {p} = {fmt_value(v)}" for p, v in r.params.items()]
    return "\n".join(lines) + "\n"
