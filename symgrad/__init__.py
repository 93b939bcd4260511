"""symgrad: exact derivative formulas, compiled kernels and checked hand derivations for small
neural networks — the public entry points (each a thin call into `symbolic` or `codegen`).

derive, evaluate, verify and step_table return objects that print as the CLI's text and show
as Markdown/LaTeX in Jupyter (symgrad.notebook)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from collections.abc import Mapping

    from codegen.kernel import Kernel
    from symbolic.graph import Graph

    from .notebook import Derivation, Evaluation, StepTable, VerifyReport

__all__ = ["__version__", "compile", "derive", "evaluate", "load", "step_table", "verify"]


def load(spec: str | Path | Graph) -> Graph:
    """A validated graph from a spec path or a bundled example's name (a Graph passes through)."""
    from symbolic.bundled import load_graph

    return load_graph(spec)


def derive(
    spec: str | Path | Graph,
    what: str = "grad",
    wrt: list[str] | None = None,
    fmt: str = "text",
    closed_form: bool = False,
    table: bool = False,
    standalone: bool = False,
) -> Derivation:
    """The printed derivation (`symgrad derive`): grad, deltas, jacobian, hessian or hvp — a str
    in format fmt (text, markdown, latex) that Jupyter shows as Markdown/LaTeX."""
    from symbolic.printing import build_report

    from .notebook import Derivation

    report = build_report(load(spec), what=what, wrt=wrt, closed_form=closed_form, table=table)
    return Derivation.of(report, fmt, standalone)


def compile(spec: str | Path | Graph, **options: Any) -> Kernel:
    """Compiled kernels of a model (`codegen.compile`; options: dtype, portable, what, blas…)."""
    from codegen.kernel import compile as compile_kernel

    return compile_kernel(load(spec), **options)


def evaluate(
    spec: str | Path | Graph,
    at: Mapping[str, Any] | str | Path | None = None,
    direction: Mapping[str, Any] | str | Path | None = None,
    hessian: bool = False,
) -> Evaluation:
    """The model at one point (`symgrad eval`, numpy backend): objective, values, gradient,
    adjoints; H·u along `direction`, the dense Hessian with `hessian`. `at` overrides the spec's
    [values]; `at` and `direction` are dicts keyed by name, or JSON files (paths or bundled names)."""
    from .notebook import Evaluation

    graph = load(spec)
    values = {**graph.values, **_named_arrays(at, "values")}
    u = _named_arrays(direction, "direction") if direction is not None else None
    return Evaluation.at(graph, values, direction=u, hessian=hessian)


def step_table(spec: str | Path | Graph, at: Mapping[str, Any] | str | Path | None = None) -> StepTable:
    """The seed-style step table (forward values, local derivatives, adjoints; seed 001 Tables
    2.4–2.7) at the spec's [values], overridden by `at`."""
    from symbolic.point import derivation, evaluate_point
    from symbolic.tables import step_table as table_rows

    from .notebook import StepTable

    graph = load(spec)
    env = evaluate_point(graph, {**graph.values, **_named_arrays(at, "values")}).env
    return StepTable(table_rows(graph, derivation(graph), env))


def verify(spec: str | Path | Graph, claims: str | Path, probes: int = 8) -> VerifyReport:
    """Judge every claim of a claims file (path or bundled name) against the model: a list of
    ClaimResult that prints as `symgrad verify` does."""
    from symbolic.bundled import resolve
    from symbolic.claims import load_claims
    from symbolic.verify import verify as verify_claims

    from .notebook import VerifyReport

    return VerifyReport(verify_claims(load(spec), load_claims(resolve(claims, "claims")), probes=probes))


def _named_arrays(source: Mapping[str, Any] | str | Path | None, what: str) -> dict[str, Any]:
    """Values keyed by name from a dict, or from a JSON object in a file (path or bundled name)."""
    if source is None:
        return {}
    if not isinstance(source, (str, Path)):
        return dict(source)
    import json

    from symbolic.bundled import resolve
    from symbolic.evaluate import EvaluationError

    path = resolve(source, "json")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise EvaluationError(f"{path}: cannot read {what} ({e})") from None
    if not isinstance(data, dict):
        raise EvaluationError(f"{path}: {what} must be a JSON object keyed by names")
    return data
